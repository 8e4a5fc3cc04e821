"""The statements of the answer path, built once with bound parameters.

SQLAlchemy caches a statement's compiled SQL under a key it computes from the statement
object; a statement built afresh on every call pays for its construction and for that key
each time (about half of one answer's Python time, measured with cProfile: an upsert with
ON CONFLICT … excluded alone cost 1.4 ms). Built here once, its key is memoized. Parameter
names differ from column names: SQLAlchemy reserves those for its own use.
"""
from __future__ import annotations

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from wizard.store.schema import answers as answers_t
from wizard.store.schema import meta as meta_t
from wizard.store.schema import sessions as sessions_t
from wizard.store.schema import workshops as workshops_t

# The session a write is about, locked (PostgreSQL: FOR UPDATE OF sessions; SQLite: the write
# lock of BEGIN IMMEDIATE), with its workshop's closing date in the same query.
SESSION_FOR_WRITE = (
    select(sessions_t.c.id, sessions_t.c.revision, sessions_t.c.workshop_id, workshops_t.c.closed_at)
    .select_from(sessions_t.outerjoin(workshops_t, workshops_t.c.id == sessions_t.c.workshop_id))
    .where(sessions_t.c.token_hash == bindparam("h"))
    .with_for_update(of=sessions_t))

SESSION_ROW = select(sessions_t).where(sessions_t.c.token_hash == bindparam("h"))
SESSION_ID = select(sessions_t.c.id).where(sessions_t.c.token_hash == bindparam("h"))
ANSWERS = select(answers_t.c.key, answers_t.c.value_json).where(answers_t.c.session_id == bindparam("sid"))
META = select(meta_t.c.key, meta_t.c.value)
WORKSHOP_CLOSED = select(workshops_t.c.closed_at).where(workshops_t.c.id == bindparam("wid"))

# (this database's instance id, the session's revision or None): one row, one round trip.
STATE = select(
    select(meta_t.c.value).where(meta_t.c.key == "instance_id").scalar_subquery().label("instance"),
    select(sessions_t.c.revision).where(sessions_t.c.token_hash == bindparam("h")).scalar_subquery()
    .label("revision"))

CREATE = insert(sessions_t).values(
    token_hash=bindparam("h"), questionnaire_id=bindparam("qid"), lang=bindparam("lng"),
    created_at=bindparam("now"), updated_at=bindparam("now"), revision=bindparam("rev"),
    workshop_id=bindparam("wid"), pseudonym=bindparam("pseudo"))
CREATE_RETURNING = CREATE.returning(sessions_t.c.id)

DELETE_KEYS = delete(answers_t).where(answers_t.c.session_id == bindparam("sid"),
                                      answers_t.c.key.in_(bindparam("keys", expanding=True)))

SAVED = update(sessions_t).where(sessions_t.c.id == bindparam("sid")).values(
    updated_at=bindparam("now"), completed_at=None, profile_json=None, revision=bindparam("rev"))


def _upsert(make):
    stmt = make(answers_t).values(session_id=bindparam("sid"), key=bindparam("k"), value_json=bindparam("v"),
                                  updated_at=bindparam("now"))
    return stmt.on_conflict_do_update(
        index_elements=[answers_t.c.session_id, answers_t.c.key],
        set_={"value_json": stmt.excluded.value_json, "updated_at": stmt.excluded.updated_at})


UPSERT = {"sqlite": _upsert(sqlite_insert), "postgresql": _upsert(pg_insert)}
