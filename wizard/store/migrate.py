"""Schema migrations (Alembic), run programmatically on one connection.

`upgrade(engine)` brings any database to the newest revision: an empty one is created,
one made by create_all before migrations existed is stamped at 0001 and upgraded, one
already at the newest revision costs a single SELECT. Two replicas starting at once on
PostgreSQL take turns (advisory lock); SQLite serialises them with BEGIN IMMEDIATE.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect, text

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
BEFORE_MIGRATIONS = "0001"  # what create_all made before Alembic came
_LOCK_ID = 727_200_001  # any constant: the advisory lock's name on PostgreSQL


def _config(connection=None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


@lru_cache(maxsize=1)
def head() -> str:
    return ScriptDirectory.from_config(_config()).get_current_head()


def current(conn) -> str | None:
    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: Engine) -> str:
    """Migrate to the newest revision; returns it."""
    with engine.connect() as conn:
        if current(conn) == head():
            return head()
    with engine.execution_options(cap_write=True).begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _LOCK_ID})
        cfg = _config(conn)
        if current(conn) is None and inspect(conn).has_table("sessions"):
            command.stamp(cfg, BEFORE_MIGRATIONS)
        command.upgrade(cfg, "head")
        return current(conn)
