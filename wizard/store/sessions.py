"""Conversations: create one, store its answers as they come, find it again from its token.

Several devices may write on one link at once. `update` is the one write path for
answers (`create_with` only stores a new conversation with its first ones): in one
transaction it locks the session row, reads the stored answers, lets the caller compute
the new set from them, and writes only the keys that changed (upsert) and removes only
the keys the new set dropped. Saves are thereby serialised per session (the
row lock on PostgreSQL, BEGIN IMMEDIATE on SQLite), each one bumps the session's
revision, and a transient failure (deadlock, lock timeout, dropped connection) is retried.

On SQLite the threads of one process also take turns on a lock of their own before BEGIN
IMMEDIATE: SQLite's busy handler polls (sleeps of 1, 2, 5 … 100 ms), so writers colliding
on its lock slept past its release; 60 answers at once spent 42 % of their time there. The
busy timeout still covers other processes. The statements are built once (statements.py).
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import random
import re
import secrets
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, delete, insert, select, update
from sqlalchemy.exc import DBAPIError, OperationalError, SQLAlchemyError

from wizard.store import statements as sql
from wizard.store.db import sqlite_path
from wizard.store.errors import SessionGone, StoreError, WorkshopClosed
from wizard.store.schema import answers as answers_t
from wizard.store.schema import gone as gone_t
from wizard.store.schema import sessions as sessions_t

TOKEN_BYTES = 24  # 192 bits
_TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]{32,64}$")
RETRIES = 6
WRITE_WAIT = 15.0  # seconds a write waits for this process's other writers (SQLite's busy timeout too)
_WRITERS: dict[str, threading.RLock] = {}  # SQLite: one lock per database file in this process
_WRITERS_GUARD = threading.Lock()
log = logging.getLogger("cap_reseaux.store")


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def well_formed(token: object) -> bool:
    """A token as new_token() makes them (a link cut or mistyped is not)."""
    return isinstance(token, str) and bool(_TOKEN_RE.match(token))


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _now() -> datetime:
    return datetime.now(UTC)


def _encode(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


@dataclass
class StoredSession:
    token: str
    questionnaire_id: str
    lang: str
    answers: dict[str, Any] = field(default_factory=dict)
    profile: dict | None = None
    revision: int = 0
    workshop_id: int | None = None
    pseudonym: str | None = None


@dataclass(frozen=True)
class Saved:
    """What one update saw and left: the answers before and after it, and its revision."""

    before: dict[str, Any]
    after: dict[str, Any]
    revision: int


def _writer_lock(engine: Engine, file: Path | None) -> threading.RLock | None:
    """SQLite only: the lock this process's writers to that file take turns on."""
    if engine.dialect.name != "sqlite":
        return None
    with _WRITERS_GUARD:
        return _WRITERS.setdefault(str(file) if file else f"engine-{id(engine)}", threading.RLock())


def _transient(exc: SQLAlchemyError) -> bool:
    return isinstance(exc, OperationalError) or (isinstance(exc, DBAPIError) and exc.connection_invalidated)


class SessionStore:
    """Every write commits before returning: an answer is safe once `update` returns."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self._writer = engine.execution_options(cap_write=True)
        file = sqlite_path(str(engine.url))
        self._file = Path(os.path.realpath(file)) if file else None
        self._file_id = self._stat_id()
        self._last_scan = 0.0
        self._lock = _writer_lock(engine, self._file)

    @contextmanager
    def _write(self) -> Iterator[Any]:
        """A write transaction (BEGIN IMMEDIATE on SQLite, after this process's other writers)."""
        if self._lock is None:
            with self._writer.begin() as conn:
                yield conn
            return
        if not self._lock.acquire(timeout=WRITE_WAIT):
            log.error("a write waited %.0f s for the other writers of this process", WRITE_WAIT)
            raise StoreError("unavailable", "write lock wait timed out")
        try:
            with self._writer.begin() as conn:
                yield conn
        finally:
            self._lock.release()

    # --- faults --------------------------------------------------------------------

    def _stat_id(self) -> tuple[int, int] | None:
        if self._file is None:
            return None
        try:
            st = os.stat(self._file)
        except FileNotFoundError:
            return None
        return st.st_dev, st.st_ino

    def _deleted_check_due(self) -> bool:
        """The /proc scan costs about 10 µs an open file: at most once a second."""
        now = time.monotonic()
        if now - self._last_scan < 1.0:
            return False
        self._last_scan = now
        return True

    def _open_deleted(self) -> bool:
        """True when this process still holds the database file open after it was deleted
        (a new file can get the old inode number: comparing stat results is not enough)."""
        target = f"{self._file} (deleted)"
        try:
            fds = os.listdir("/proc/self/fd")
        except OSError:  # not Linux: the inode comparison alone
            return False
        for fd in fds:
            try:
                if os.readlink(f"/proc/self/fd/{fd}") == target:
                    return True
            except OSError:
                continue
        return False

    def _guard(self) -> None:
        """An SQLite file deleted under a running server would swallow every write without a
        word (open connections keep the unlinked file): refuse instead. A file put back or
        replaced is reopened; pages notice the other database by its instance id."""
        if self._file is None:
            return
        now = self._stat_id()
        if now is None:
            log.error("database file %s is missing: writes refused until it is back", self._file)
            raise StoreError("missing_file", str(self._file))
        if now != self._file_id or self._deleted_check_due() and self._open_deleted():
            log.warning("database file %s was replaced: reopening it", self._file)
            self.engine.dispose()
            from wizard.store.migrate import upgrade
            upgrade(self.engine)
            self._file_id = self._stat_id()

    def _run(self, what: str, work: Callable[[], Any]) -> Any:
        """Run `work`, retrying transient errors; anything else becomes a StoreError."""
        self._guard()
        for attempt in range(RETRIES):
            try:
                return work()
            except (SessionGone, WorkshopClosed):
                raise
            except SQLAlchemyError as exc:
                if _transient(exc) and attempt < RETRIES - 1:
                    time.sleep(min(0.5, 0.01 * 2 ** attempt) * (0.5 + random.random()))
                    continue
                detail = f"{type(exc).__name__}: {getattr(exc, 'orig', None) or exc}"
                log.error("database error during %s (attempt %d): %s", what, attempt + 1, detail.splitlines()[0])
                raise StoreError("unavailable", detail) from None
        raise AssertionError("unreachable")

    # --- reads ---------------------------------------------------------------------

    @staticmethod
    def _id(conn, token: str) -> int | None:
        if not well_formed(token):
            return None
        return conn.execute(sql.SESSION_ID, {"h": _hash(token)}).scalar()

    @staticmethod
    def _answers(conn, sid: int) -> dict[str, Any]:
        return {k: json.loads(v) for k, v in conn.execute(sql.ANSWERS, {"sid": sid})}

    def load(self, token: str) -> StoredSession | None:
        """The stored conversation, or None for an unknown or malformed token."""
        if not well_formed(token):
            return None

        def work():
            with self.engine.connect() as conn:
                row = conn.execute(sql.SESSION_ROW, {"h": _hash(token)}).first()
                if row is None:
                    return None
                return StoredSession(
                    token=token, questionnaire_id=row.questionnaire_id, lang=row.lang,
                    answers=self._answers(conn, row.id), revision=row.revision,
                    profile=json.loads(row.profile_json) if row.profile_json else None,
                    workshop_id=row.workshop_id, pseudonym=row.pseudonym)
        return self._run("load", work)

    def identity(self) -> tuple[str, datetime | None]:
        """(instance id, creation date) of the database in use: another one after a replacement.
        Read every time (one small query): a new file can even reuse the old one's inode."""
        def work():
            with self.engine.connect() as conn:
                return dict(conn.execute(sql.META).all())
        values = self._run("identity", work)
        created = values.get("created_at")
        return values.get("instance_id", ""), datetime.fromisoformat(created) if created else None

    def state(self, token: str | None) -> tuple[str, int | None]:
        """(instance id, the session's revision or None when unknown) in one query: what a
        page checks before each save (another database? a backup restored?)."""
        h = _hash(token) if token is not None and well_formed(token) else ""

        def work():
            with self.engine.connect() as conn:
                return conn.execute(sql.STATE, {"h": h}).one()
        row = self._run("state", work)
        return row.instance or "", row.revision

    # --- writes --------------------------------------------------------------------

    def create(self, questionnaire_id: str, lang: str = "fr", *, workshop_id: int | None = None,
               pseudonym: str | None = None) -> str:
        token, now = new_token(), _now()

        def work():
            with self._write() as conn:
                conn.execute(sql.CREATE, {"h": _hash(token), "qid": questionnaire_id, "lng": lang, "now": now,
                                      "rev": 0, "wid": workshop_id, "pseudo": pseudonym})
        self._run("create", work)
        return token

    def create_with(self, questionnaire_id: str, lang: str, answers: dict[str, Any], *,
                    workshop_id: int | None = None, pseudonym: str | None = None) -> tuple[str, Saved]:
        """A new conversation holding `answers`, in one transaction (a first answer: one commit,
        not two). Raises WorkshopClosed, creating nothing, when its workshop is closed."""
        token, new = new_token(), dict(answers)

        def work() -> Saved:
            with self._write() as conn:
                if workshop_id is not None and conn.execute(
                        sql.WORKSHOP_CLOSED, {"wid": workshop_id}).scalar() is not None:
                    raise WorkshopClosed(workshop_id)
                now, revision = _now(), 1 if new else 0
                sid = conn.execute(sql.CREATE_RETURNING, {"h": _hash(token), "qid": questionnaire_id, "lng": lang,
                                                      "now": now, "rev": revision, "wid": workshop_id,
                                                      "pseudo": pseudonym}).scalar_one()
                self._write_keys(conn, sid, {}, new, now)
                return Saved({}, new, revision)
        return token, self._run("create", work)

    def update(self, token: str, change: Callable[[dict[str, Any]], dict[str, Any]]) -> Saved:
        """Replace the stored answers by change(stored), atomically. `change` may run more than
        once (a retried transaction) and must be pure. Raises SessionGone for an unknown token."""

        def work() -> Saved:
            with self._write() as conn:
                row = conn.execute(sql.SESSION_FOR_WRITE, {"h": _hash(token)}).first() if well_formed(token) else None
                if row is None:
                    raise SessionGone("unknown session")
                if row.closed_at is not None:
                    raise WorkshopClosed(row.workshop_id)
                old = self._answers(conn, row.id)
                new = change(dict(old))
                if new == old:
                    return Saved(old, old, row.revision)
                now, revision = _now(), row.revision + 1
                self._write_keys(conn, row.id, old, new, now)
                conn.execute(sql.SAVED, {"sid": row.id, "now": now, "rev": revision})
                return Saved(old, new, revision)
        return self._run("update", work)

    @staticmethod
    def _write_keys(conn, sid: int, old: dict[str, Any], new: dict[str, Any], now: datetime) -> None:
        """Only what changed: the keys `new` dropped deleted, the new or changed ones upserted."""
        gone = [k for k in old if k not in new]
        if gone:
            conn.execute(sql.DELETE_KEYS, {"sid": sid, "keys": gone})
        rows = [{"sid": sid, "k": key, "v": _encode(value), "now": now}
                for key, value in new.items() if key not in old or old[key] != value]
        if rows:
            conn.execute(sql.UPSERT[conn.dialect.name], rows)

    def save_answers(self, token: str, new: dict[str, Any]) -> Saved:
        """Make the stored answers equal to `new` (seeding, tests, benchmarks)."""
        return self.update(token, lambda _old: dict(new))

    def save_profile(self, token: str, profile: dict, revision: int | None = None) -> bool:
        """Store the finished profile; with `revision`, only if no save came since (else False)."""
        now = _now()

        def work() -> bool:
            with self._write() as conn:
                sid = self._id(conn, token)
                if sid is None:
                    raise SessionGone("unknown session")
                where = [sessions_t.c.id == sid]
                if revision is not None:
                    where.append(sessions_t.c.revision == revision)
                done = conn.execute(update(sessions_t).where(*where).values(
                    profile_json=_encode(profile), completed_at=now, updated_at=now))
                return done.rowcount == 1
        return self._run("save_profile", work)

    def delete(self, token: str, reason: str = "deleted") -> bool:
        """Delete the conversation and its answers at once (its approvals go with it), keeping
        only the token's hash and `reason`, so the link says what happened and an open tab
        cannot write the answers back. False when there was nothing to delete."""
        if not well_formed(token):
            return False

        def work() -> bool:
            with self._write() as conn:
                sid = self._id(conn, token)
                if sid is None:
                    return False
                conn.execute(delete(answers_t).where(answers_t.c.session_id == sid))
                conn.execute(delete(sessions_t).where(sessions_t.c.id == sid))
                conn.execute(insert(gone_t).values(token_hash=_hash(token), reason=reason, at=_now()))
                return True
        return self._run("delete", work)

    def touch(self, token: str) -> None:
        """The link was opened: activity for the retention period (one write a day at most)."""
        if not well_formed(token):
            return
        now = _now()

        def work():
            with self._write() as conn:
                conn.execute(update(sessions_t).where(sessions_t.c.token_hash == _hash(token),
                                                      sessions_t.c.updated_at < now - timedelta(days=1))
                             .values(updated_at=now))
        self._run("touch", work)

    def gone(self, token: str) -> str | None:
        """Why a link no longer resumes: "deleted" by its owner, "expired" by the retention
        period, or None (never known here)."""
        if not well_formed(token):
            return None

        def work():
            with self.engine.connect() as conn:
                return conn.execute(select(gone_t.c.reason).where(gone_t.c.token_hash == _hash(token))).scalar()
        return self._run("gone", work)

    def set_lang(self, token: str, lang: str) -> None:
        def work():
            with self._write() as conn:
                sid = self._id(conn, token)
                if sid is not None:
                    conn.execute(update(sessions_t).where(sessions_t.c.id == sid).values(lang=lang))
        self._run("set_lang", work)


def database_file(store: SessionStore) -> Path | None:
    return store._file
