"""Storage of conversations (SQLAlchemy 2): SQLite file by default, PostgreSQL via DATABASE_URL."""
from wizard.store.db import database_url, make_engine
from wizard.store.sessions import SessionStore, StoredSession, new_token

__all__ = ["SessionStore", "StoredSession", "new_token", "database_url", "make_engine"]
