"""Conversations: create one, store its answers as they come, find it again from its token."""
from __future__ import annotations

import hashlib
import json
import re
import secrets
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import Engine, delete, insert, select, update

from wizard.store.schema import answers as answers_t
from wizard.store.schema import sessions as sessions_t

TOKEN_BYTES = 24  # 192 bits
_TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]{32,64}$")


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _now() -> datetime:
    return datetime.now(timezone.utc)


@dataclass
class StoredSession:
    token: str
    questionnaire_id: str
    lang: str
    answers: dict[str, Any] = field(default_factory=dict)
    profile: dict | None = None


class SessionStore:
    """Every write commits before returning: an answer is safe once save_answers returns."""

    def __init__(self, engine: Engine):
        self.engine = engine

    def create(self, questionnaire_id: str, lang: str = "fr") -> str:
        token = new_token()
        now = _now()
        with self.engine.begin() as conn:
            conn.execute(insert(sessions_t).values(
                token_hash=_hash(token), questionnaire_id=questionnaire_id, lang=lang,
                created_at=now, updated_at=now))
        return token

    def _id(self, conn, token: str) -> int | None:
        if not isinstance(token, str) or not _TOKEN_RE.match(token):
            return None
        return conn.execute(select(sessions_t.c.id).where(sessions_t.c.token_hash == _hash(token))).scalar()

    def load(self, token: str) -> StoredSession | None:
        """The stored conversation, or None for an unknown or malformed token."""
        with self.engine.connect() as conn:
            sid = self._id(conn, token)
            if sid is None:
                return None
            row = conn.execute(select(sessions_t).where(sessions_t.c.id == sid)).one()
            rows = conn.execute(select(answers_t.c.key, answers_t.c.value_json)
                                .where(answers_t.c.session_id == sid)).all()
        return StoredSession(
            token=token, questionnaire_id=row.questionnaire_id, lang=row.lang,
            answers={k: json.loads(v) for k, v in rows},
            profile=json.loads(row.profile_json) if row.profile_json else None)

    def save_answers(self, token: str, new: dict[str, Any]) -> None:
        """Make the stored answers equal to `new` (upsert what changed, delete what went away)."""
        now = _now()
        with self.engine.begin() as conn:
            sid = self._id(conn, token)
            if sid is None:
                raise KeyError("session inconnue")
            old = dict(conn.execute(select(answers_t.c.key, answers_t.c.value_json)
                                    .where(answers_t.c.session_id == sid)).all())
            gone = [k for k in old if k not in new]
            if gone:
                conn.execute(delete(answers_t).where(answers_t.c.session_id == sid, answers_t.c.key.in_(gone)))
            for key, value in new.items():
                encoded = json.dumps(value, ensure_ascii=False)
                if key not in old:
                    conn.execute(insert(answers_t).values(session_id=sid, key=key, value_json=encoded, updated_at=now))
                elif old[key] != encoded:
                    conn.execute(update(answers_t).where(answers_t.c.session_id == sid, answers_t.c.key == key)
                                 .values(value_json=encoded, updated_at=now))
            conn.execute(update(sessions_t).where(sessions_t.c.id == sid)
                         .values(updated_at=now, completed_at=None, profile_json=None))

    def save_profile(self, token: str, profile: dict) -> None:
        now = _now()
        with self.engine.begin() as conn:
            sid = self._id(conn, token)
            if sid is None:
                raise KeyError("session inconnue")
            conn.execute(update(sessions_t).where(sessions_t.c.id == sid).values(
                profile_json=json.dumps(profile, ensure_ascii=False), completed_at=now, updated_at=now))

    def set_lang(self, token: str, lang: str) -> None:
        with self.engine.begin() as conn:
            sid = self._id(conn, token)
            if sid is not None:
                conn.execute(update(sessions_t).where(sessions_t.c.id == sid).values(lang=lang))
