"""Tables. No personal data about young people: a session holds a structure's answers.

The resume token itself is never stored, only its SHA-256, so a copy of the database
does not hand out resume links. This is the shape at the newest migration
(migrations/versions/): a change here goes with a new revision there.
"""
from __future__ import annotations

from sqlalchemy import (
                        Boolean,
                        Column,
                        DateTime,
                        ForeignKey,
                        Index,
                        Integer,
                        MetaData,
                        String,
                        Table,
                        Text,
                        UniqueConstraint,
                        false,
                        true,
)

metadata = MetaData()

sessions = Table(
    "sessions", metadata,
    Column("id", Integer, primary_key=True),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("questionnaire_id", String(64), nullable=False),
    Column("lang", String(5), nullable=False, default="fr"),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),  # the retention period counts from it
    Column("completed_at", DateTime(timezone=True)),
    Column("profile_json", Text),
    # Bumped by every write of answers: orders concurrent saves (the highest wins).
    Column("revision", Integer, nullable=False, default=0, server_default="0"),
    # A workshop participant's conversation (migration 0003); anonymous: a pseudonym at most.
    Column("workshop_id", Integer, ForeignKey("workshops.id", ondelete="CASCADE"), index=True),
    Column("pseudonym", String(40)),
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

# --- workshops (migration 0003) -----------------------------------------------------------
# A trainer's workshop: participants' conversations are sessions with its id. The trainer's
# link is a token of its own (only its hash is stored), unrelated to the join code.
workshops = Table(
    "workshops", metadata,
    Column("id", Integer, primary_key=True),
    Column("code", String(6), nullable=False, unique=True),
    Column("trainer_hash", String(64), nullable=False, unique=True),
    Column("title", String(200), nullable=False),
    Column("questionnaire_id", String(64), nullable=False),
    Column("demo", String(64)),  # the example profile walked through, if any
    Column("lang", String(5), nullable=False, default="fr", server_default="fr"),
    Column("joining", Boolean, nullable=False, default=True, server_default=true()),
    Column("revealed", Boolean, nullable=False, default=False, server_default=false()),
    Column("shown", String(160)),  # the one question whose answers the room view projects, if any
    Column("demo_step", Integer, nullable=False, default=0, server_default="0"),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("closed_at", DateTime(timezone=True)),  # closed: no new answers
)

# Free text typed by a participant is projected only once the trainer approves it.
approvals = Table(
    "approvals", metadata,
    Column("id", Integer, primary_key=True),
    Column("session_id", Integer, ForeignKey("sessions.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("key", String(160), nullable=False),
    UniqueConstraint("session_id", "key", name="uq_approval_session_key"),
)

# Wrong join codes (and, later, resume links) per client address, so a refresh does not reset
# the count and every replica sees the same: only a hash of the address is kept.
attempts = Table(
    "attempts", metadata,
    Column("key", String(64), primary_key=True),  # sha256 of kind + address
    Column("failures", Integer, nullable=False),
    Column("last_at", DateTime(timezone=True), nullable=False),
)

# A conversation deleted by its owner or by the retention period (migration 0004): only its
# token's hash and why, so the link can say what happened. No answer is kept.
gone = Table(
    "gone", metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("reason", String(16), nullable=False),  # "deleted" | "expired"
    Column("at", DateTime(timezone=True), nullable=False),
)
Index("ix_sessions_updated_at", sessions.c.updated_at)
