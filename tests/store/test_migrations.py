"""Alembic migrations: a new database, one made before migrations existed, one at an older
revision — all end at the newest revision with nothing lost (SQLite and PostgreSQL)."""
from __future__ import annotations

import json
from datetime import UTC, datetime

from alembic import command
from sqlalchemy import (
    Column,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    create_engine,
    inspect,
    text,
)

from wizard.store import SessionStore
from wizard.store.migrate import _config, current, head
from wizard.store.sessions import _hash, new_token


def old_tables() -> MetaData:
    """The schema exactly as create_all made it before migrations (wizard/store/schema.py then)."""
    md = MetaData()
    Table("sessions", md,
          Column("id", Integer, primary_key=True),
          Column("token_hash", String(64), nullable=False, unique=True),
          Column("questionnaire_id", String(64), nullable=False),
          Column("lang", String(5), nullable=False, default="fr"),
          Column("created_at", DateTime(timezone=True), nullable=False),
          Column("updated_at", DateTime(timezone=True), nullable=False),
          Column("completed_at", DateTime(timezone=True)),
          Column("profile_json", Text))
    Table("answers", md,
          Column("id", Integer, primary_key=True),
          Column("session_id", Integer, ForeignKey("sessions.id", ondelete="CASCADE"), nullable=False, index=True),
          Column("key", String(160), nullable=False),
          Column("value_json", Text, nullable=False),
          Column("updated_at", DateTime(timezone=True), nullable=False),
          UniqueConstraint("session_id", "key", name="uq_answer_session_key"))
    return md


def test_a_new_database_is_at_the_newest_revision(db_url, engines):
    engine = engines.make(db_url)
    with engine.connect() as conn:
        assert current(conn) == head()
        columns = {c["name"] for c in inspect(conn).get_columns("sessions")}
        assert "revision" in columns
        assert inspect(conn).has_table("meta")
    engines.make(db_url)  # a second start changes nothing
    with engine.connect() as conn:
        assert current(conn) == head()


def test_a_database_from_before_migrations_is_upgraded_and_old_links_resume(db_url, engines):
    raw = create_engine(db_url)
    old_tables().create_all(raw)
    token = new_token()
    first = datetime(2026, 9, 1, 8, 30, tzinfo=UTC)
    with raw.begin() as conn:
        conn.execute(text("INSERT INTO sessions (token_hash, questionnaire_id, lang, created_at, updated_at) "
                          "VALUES (:h, 'diagnostic', 'fr', :t, :t)"), {"h": _hash(token), "t": first})
        sid = conn.execute(text("SELECT id FROM sessions")).scalar()
        for key, value in {"structure_name": "PIJ « ancien »", "goals": ["inform"]}.items():
            conn.execute(text("INSERT INTO answers (session_id, key, value_json, updated_at) VALUES (:s, :k, :v, :t)"),
                         {"s": sid, "k": key, "v": json.dumps(value, ensure_ascii=False), "t": first})
    raw.dispose()
    store = SessionStore(engines.make(db_url))  # what the app does at start
    with store.engine.connect() as conn:
        assert current(conn) == head()
    loaded = store.load(token)
    assert loaded.answers == {"structure_name": "PIJ « ancien »", "goals": ["inform"]}
    assert loaded.revision == 0
    instance, created = store.identity()
    assert len(instance) == 32 and created == first  # the database dates from its first session
    assert store.update(token, lambda old: {**old, "structure_kind": "pij"}).revision == 1


def test_a_database_at_the_first_revision_is_upgraded(db_url, engines):
    raw = create_engine(db_url)
    with raw.begin() as conn:
        command.upgrade(_config(conn), "0001")
        assert current(conn) == "0001"
    raw.dispose()
    engine = engines.make(db_url)
    with engine.connect() as conn:
        assert current(conn) == head()


def test_the_db_command_migrates_and_says_the_revision(tmp_path, monkeypatch, capsys):
    from wizard.__main__ import main
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path}/cli.sqlite")
    assert main(["db", "upgrade"]) == 0
    out = capsys.readouterr().out
    assert f"révision {head()}" in out
    with create_engine(f"sqlite:///{tmp_path}/cli.sqlite").connect() as conn:
        assert current(conn) == head()


def test_the_db_command_says_an_unreachable_server_in_one_line(monkeypatch, capsys):
    from wizard.__main__ import main
    monkeypatch.setenv("DATABASE_URL", "postgresql://cap:secret@127.0.0.1:1/cap")
    assert main(["db", "upgrade"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "ne répond pas" in err
    assert "secret" not in err  # the password is never echoed
