"""What can go wrong with the database, named for the person who must act on it.

The page turns each kind into plain French (never a traceback); the server log gets
the details (path, driver message), never a token.
"""
from __future__ import annotations

from typing import Literal

# unsupported: DATABASE_URL names no SQLite or PostgreSQL database; retention: CAP_RETENTION_MONTHS
# is not a whole number of months from 1 to 120.
Kind = Literal["unavailable", "missing_file", "read_only", "unsupported", "retention"]


class StoreError(Exception):
    """The database could not do what was asked. `kind` says why, `detail` is for the log."""

    def __init__(self, kind: Kind, detail: str = ""):
        super().__init__(f"{kind}: {detail}" if detail else kind)
        self.kind = kind
        self.detail = detail


class SessionGone(KeyError):
    """No stored conversation for this token (deleted, or another database)."""


class WorkshopClosed(Exception):
    """The workshop this conversation belongs to is closed: it takes no new answers."""
