"""The database engine: an SQLite file unless DATABASE_URL names another server.

SQLite is used from Streamlit's threads, hence check_same_thread=False, WAL (readers
do not block the writer) and a busy timeout instead of "database is locked" errors.
"""
from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import Engine, create_engine, event

from wizard.store.schema import metadata

DEFAULT_FILE = Path(__file__).resolve().parents[2] / "data" / "cap-reseaux.sqlite"


def database_url(env: dict | None = None) -> str:
    env = os.environ if env is None else env
    url = env.get("DATABASE_URL", "").strip()
    if not url:
        return f"sqlite:///{DEFAULT_FILE}"
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def make_engine(url: str | None = None) -> Engine:
    """An engine with the tables created (idempotent)."""
    url = url or database_url()
    if url.startswith("sqlite"):
        path = url.removeprefix("sqlite:///")
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 15})

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn, _record):
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA busy_timeout=15000")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.close()
    else:
        engine = create_engine(url, pool_pre_ping=True)
    metadata.create_all(engine)
    return engine
