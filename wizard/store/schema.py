"""Tables. No personal data about young people: a session holds a structure's answers.

The resume token itself is never stored, only its SHA-256, so a copy of the database
does not hand out resume links. This is the shape at the newest migration
(migrations/versions/): a change here goes with a new revision there.
"""
from __future__ import annotations

from sqlalchemy import (Column, DateTime, ForeignKey, Integer, MetaData, String, Table, Text,
                        UniqueConstraint)

metadata = MetaData()

sessions = Table(
    "sessions", metadata,
    Column("id", Integer, primary_key=True),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("questionnaire_id", String(64), nullable=False),
    Column("lang", String(5), nullable=False, default="fr"),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("completed_at", DateTime(timezone=True)),
    Column("profile_json", Text),
    # Bumped by every write of answers: orders concurrent saves (the highest wins).
    Column("revision", Integer, nullable=False, default=0, server_default="0"),
)

answers = Table(
    "answers", metadata,
    Column("id", Integer, primary_key=True),
    Column("session_id", Integer, ForeignKey("sessions.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("key", String(160), nullable=False),
    Column("value_json", Text, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("session_id", "key", name="uq_answer_session_key"),
)

# The database's own identity: a random id drawn when it was created, and that date.
# A page that saved into another database (file deleted, backup restored) notices it.
meta = Table(
    "meta", metadata,
    Column("key", String(40), primary_key=True),
    Column("value", Text, nullable=False),
)
