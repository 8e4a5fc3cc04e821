"""Wrong guesses of a secret (a resume link, a workshop code) per client address, in the
database: every replica sees the same count and a refresh does not reset it. Only a hash of
the kind and the address is kept, forgotten a day after the last try (retention.purge); a
count whose last try is an hour old starts again. A right guess does not reset it: a code
shown to a whole room would otherwise let anyone reset their count."""
from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from typing import Literal

from sqlalchemy import insert, select, update

from wizard.store.schema import attempts as attempts_t
from wizard.store.sessions import SessionStore

FREE_TRIES = 5  # wrong guesses from one client before each further try waits
MAX_WAIT = 60.0  # seconds
FRESH = timedelta(hours=1)  # a count idle this long starts again


def wait_after(failures: int) -> float:
    """Seconds a client waits before its next try: none for the first five wrong guesses, then
    1, 2, 4… up to a minute."""
    return 0.0 if failures < FREE_TRIES else min(MAX_WAIT, 2.0 ** (failures - FREE_TRIES))


class Attempts:
    def __init__(self, store: SessionStore, kind: Literal["code", "link"]):
        self.store, self.kind = store, kind

    def _key(self, client: str) -> str:
        return hashlib.sha256(f"{self.kind}:{client}".encode()).hexdigest()

    def failures(self, client: str, now: datetime | None = None) -> int:
        key, now = self._key(client), now or datetime.now(UTC)

        def work():
            with self.store.engine.connect() as conn:
                return conn.execute(select(attempts_t).where(attempts_t.c.key == key)).first()
        row = self.store._run("read attempts", work)
        if row is None or _aware(row.last_at) < now - FRESH:
            return 0
        return row.failures

    def failed(self, client: str, now: datetime | None = None) -> int:
        """Count one more wrong guess from `client`; the new count."""
        key, now = self._key(client), now or datetime.now(UTC)

        def work():
            with self.store._write() as conn:
                row = conn.execute(select(attempts_t).where(attempts_t.c.key == key)).first()
                if row is None:
                    conn.execute(insert(attempts_t).values(key=key, failures=1, last_at=now))
                    return 1
                count = 1 if _aware(row.last_at) < now - FRESH else row.failures + 1
                conn.execute(update(attempts_t).where(attempts_t.c.key == key).values(failures=count, last_at=now))
                return count
        return self.store._run("count attempt", work)

    def wait(self, client: str) -> float:
        return wait_after(self.failures(client))


def _aware(moment: datetime) -> datetime:
    """SQLite gives back naive datetimes (stored in UTC)."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
