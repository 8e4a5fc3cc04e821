"""Workshops: a trainer's room. Create one (a join code, a secret trainer token), find it by
either, change its state (joining, revealed, the question shown, the demo step, closed),
read its participants' answers for the room view, delete it with everything in it.

The join code is short and readable aloud (no 0/O, 1/I/L); the trainer's token is 192 random
bits, unrelated to the code, and only its SHA-256 is stored. Participants are anonymous: a
session holds answers and at most a pseudonym the participant chose.
"""
from __future__ import annotations

import hashlib
import json
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError

from wizard.store.schema import answers as answers_t
from wizard.store.schema import approvals as approvals_t
from wizard.store.schema import sessions as sessions_t
from wizard.store.schema import workshops as workshops_t
from wizard.store.sessions import SessionStore, new_token, well_formed

CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0 O 1 I L: read aloud, typed on a phone
CODE_LENGTH = 6
def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normal_code(typed: str) -> str | None:
    """« ab3 k7q » -> "AB3K7Q"; None when it cannot be a code (so the database is not asked)."""
    code = "".join(typed.split()).upper().replace("-", "")
    return code if len(code) == CODE_LENGTH and set(code) <= set(CODE_ALPHABET) else None


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Workshop:
    id: int
    code: str
    title: str
    questionnaire_id: str
    demo: str | None
    lang: str
    joining: bool
    revealed: bool
    shown: str | None
    demo_step: int
    closed: bool


@dataclass(frozen=True)
class Participant:
    """One anonymous participant, as the room view reads them."""
    session_id: int
    answers: dict[str, Any]
    finished: bool
    profile: dict | None
    revision: int
    approved: frozenset[str]  # keys of free text the trainer approved for projection


def _workshop(row) -> Workshop:
    return Workshop(id=row.id, code=row.code, title=row.title, questionnaire_id=row.questionnaire_id,
                    demo=row.demo, lang=row.lang, joining=bool(row.joining), revealed=bool(row.revealed),
                    shown=row.shown, demo_step=row.demo_step, closed=row.closed_at is not None)


class WorkshopStore:
    """Workshops in the same database as the conversations (one SessionStore's engine)."""

    def __init__(self, sessions: SessionStore):
        self.sessions = sessions

    def create(self, title: str, questionnaire_id: str, *, demo: str | None = None,
               lang: str = "fr") -> tuple[Workshop, str]:
        """A new workshop and the trainer's secret token (shown once, never stored)."""
        token, now = new_token(), _now()

        def work():
            for _ in range(20):  # 31^6 ≈ 887 million codes: a clash is rare, retried
                code = new_code()
                try:
                    with self.sessions._write() as conn:
                        wid = conn.execute(insert(workshops_t).values(
                            code=code, trainer_hash=_hash(token), title=title, questionnaire_id=questionnaire_id,
                            demo=demo, lang=lang, joining=True, revealed=False, demo_step=0,
                            created_at=now, updated_at=now).returning(workshops_t.c.id)).scalar_one()
                    return wid
                except IntegrityError:
                    continue
            raise RuntimeError("no free join code")
        wid = self.sessions._run("create workshop", work)
        return self.by_id(wid), token

    def _one(self, *where) -> Workshop | None:
        def work():
            with self.sessions.engine.connect() as conn:
                row = conn.execute(select(workshops_t).where(*where)).first()
                return _workshop(row) if row else None
        return self.sessions._run("load workshop", work)

    def by_id(self, wid: int) -> Workshop | None:
        return self._one(workshops_t.c.id == wid)

    def by_code(self, typed: str) -> Workshop | None:
        code = normal_code(typed) if isinstance(typed, str) else None
        return self._one(workshops_t.c.code == code) if code else None

    def by_trainer(self, token: str) -> Workshop | None:
        return self._one(workshops_t.c.trainer_hash == _hash(token)) if well_formed(token) else None

    def set(self, wid: int, **values) -> Workshop:
        """joining=, revealed=, shown=, demo_step=, closed=True."""
        allowed = {"joining", "revealed", "shown", "demo_step"}
        row = {k: v for k, v in values.items() if k in allowed}
        if values.get("closed"):
            row["closed_at"] = _now()
            row["joining"] = False

        def work():
            with self.sessions._write() as conn:
                conn.execute(update(workshops_t).where(workshops_t.c.id == wid).values(updated_at=_now(), **row))
        self.sessions._run("update workshop", work)
        return self.by_id(wid)

    def participants(self, wid: int) -> list[Participant]:
        """Every participant's answers in two queries, whatever their number."""
        def work():
            with self.sessions.engine.connect() as conn:
                rows = conn.execute(select(sessions_t.c.id, sessions_t.c.revision, sessions_t.c.completed_at,
                                           sessions_t.c.profile_json).where(sessions_t.c.workshop_id == wid)
                                    .order_by(sessions_t.c.id)).all()
                ids = [r.id for r in rows]
                answers: dict[int, dict] = {i: {} for i in ids}
                approved: dict[int, set] = {i: set() for i in ids}
                if ids:
                    for sid, key, value in conn.execute(select(answers_t.c.session_id, answers_t.c.key,
                                                               answers_t.c.value_json).where(
                            answers_t.c.session_id.in_(ids))):
                        answers[sid][key] = json.loads(value)
                    for sid, key in conn.execute(select(approvals_t.c.session_id, approvals_t.c.key).where(
                            approvals_t.c.session_id.in_(ids))):
                        approved[sid].add(key)
                return [Participant(r.id, answers[r.id], r.completed_at is not None,
                                    json.loads(r.profile_json) if r.profile_json else None, r.revision,
                                    frozenset(approved[r.id])) for r in rows]
        return self.sessions._run("read participants", work)

    def approve(self, wid: int, session_id: int, key: str) -> None:
        """Let the room view project one participant's free-text answer (idempotent)."""
        def work():
            with self.sessions._write() as conn:
                owner = conn.execute(select(sessions_t.c.workshop_id).where(sessions_t.c.id == session_id)).scalar()
                if owner == wid:
                    make = pg_insert if conn.dialect.name == "postgresql" else sqlite_insert
                    conn.execute(make(approvals_t).values(session_id=session_id, key=key).on_conflict_do_nothing())
        self.sessions._run("approve", work)

    def delete(self, wid: int) -> None:
        """The workshop and every participant's session and answers (cascade)."""
        def work():
            with self.sessions._write() as conn:
                conn.execute(delete(sessions_t).where(sessions_t.c.workshop_id == wid))
                conn.execute(delete(workshops_t).where(workshops_t.c.id == wid))
        self.sessions._run("delete workshop", work)
