"""Storage of conversations (SQLAlchemy 2, Alembic): SQLite file by default, PostgreSQL via DATABASE_URL."""
from wizard.store.db import database_url, make_engine
from wizard.store.errors import SessionGone, StoreError, WorkshopClosed
from wizard.store.sessions import (
           Saved,
           SessionStore,
           StoredSession,
           new_token,
           well_formed,
)

__all__ = [
           "Saved",
           "SessionGone",
           "SessionStore",
           "StoreError",
           "StoredSession",
           "WorkshopClosed",
           "database_url",
           "make_engine",
           "new_token",
           "well_formed",
]
