"""How long a conversation is kept: CAP_RETENTION_MONTHS months without activity (12 by
default), then `purge` deletes it. Said on the « Vos données » page and by an expired link."""
from __future__ import annotations

import logging
import os
from calendar import monthrange
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, insert, select

from wizard.store.errors import StoreError
from wizard.store.schema import answers as answers_t
from wizard.store.schema import attempts as attempts_t
from wizard.store.schema import gone as gone_t
from wizard.store.schema import sessions as sessions_t
from wizard.store.schema import workshops as workshops_t
from wizard.store.sessions import SessionStore

ENV = "CAP_RETENTION_MONTHS"
DEFAULT_MONTHS = 12
MAX_MONTHS = 120
log = logging.getLogger("cap_reseaux.store")


def retention_months(env: Mapping[str, str] | None = None) -> int:
    """The configured months; a value that is not a whole number of months from 1 to 120 is refused
    by name rather than silently replaced (data kept longer than announced is not a default)."""
    raw = (os.environ if env is None else env).get(ENV, "").strip()
    if not raw:
        return DEFAULT_MONTHS
    try:
        months = int(raw)
    except ValueError:
        raise StoreError("retention", raw[:20]) from None
    if not 1 <= months <= MAX_MONTHS:
        raise StoreError("retention", raw[:20])
    return months


ATTEMPTS_KEPT = timedelta(days=1)  # the fingerprints of wrong links and codes (the « Vos données » page)


def months_before(now: datetime, months: int) -> datetime:
    """The same day `months` calendar months earlier (the 31st becomes the month's last day)."""
    month = now.month - 1 - months
    year, month = now.year + month // 12, month % 12 + 1
    return now.replace(year=year, month=month, day=min(now.day, monthrange(year, month)[1]))


def purge(store: SessionStore, months: int, now: datetime | None = None) -> int:
    """Delete every conversation without an answer for `months` months (its link then says it
    expired), workshops left empty and as old, and wrong-attempt fingerprints older than a day.
    Returns the number of conversations deleted. Idempotent; safe while the app runs."""
    now = now or datetime.now(UTC)
    cutoff = months_before(now, months)

    def work() -> int:
        with store.engine.execution_options(cap_write=True).begin() as conn:
            old = conn.execute(select(sessions_t.c.id, sessions_t.c.token_hash)
                               .where(sessions_t.c.updated_at < cutoff)).all()
            for start in range(0, len(old), 500):  # bounded statements for a large first purge
                chunk = old[start:start + 500]
                ids = [r.id for r in chunk]
                conn.execute(delete(answers_t).where(answers_t.c.session_id.in_(ids)))
                conn.execute(delete(sessions_t).where(sessions_t.c.id.in_(ids)))
                conn.execute(insert(gone_t), [{"token_hash": r.token_hash, "reason": "expired", "at": now}
                                              for r in chunk])
            busy = select(sessions_t.c.id).where(sessions_t.c.workshop_id == workshops_t.c.id).exists()
            conn.execute(delete(workshops_t).where(workshops_t.c.updated_at < cutoff, ~busy))
            conn.execute(delete(attempts_t).where(attempts_t.c.last_at < now - ATTEMPTS_KEPT))
            return len(old)
    count = store._run("purge", work)
    if count:
        log.info("retention: %d conversation(s) without activity for %d months deleted", count, months)
    return count
