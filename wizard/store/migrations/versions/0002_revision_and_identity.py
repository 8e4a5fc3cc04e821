"""Concurrent saves from several devices: a revision per session; the database's identity.

Revision ID: 0002
Revises: 0001
"""
import secrets
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sessions") as batch:
        batch.add_column(sa.Column("revision", sa.Integer, nullable=False, server_default="0"))
    meta = op.create_table(
        "meta",
        sa.Column("key", sa.String(40), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    # A database that already holds sessions dates from its first one.
    first = op.get_bind().execute(sa.text("SELECT MIN(created_at) FROM sessions")).scalar()
    created = first if isinstance(first, datetime) else datetime.now(UTC)
    if isinstance(first, str):  # SQLite hands dates back as text here
        created = datetime.fromisoformat(first)
    if created.tzinfo is None:
        created = created.replace(tzinfo=UTC)
    op.bulk_insert(meta, [{"key": "instance_id", "value": secrets.token_hex(16)},
                          {"key": "created_at", "value": created.isoformat()}])


def downgrade() -> None:
    op.drop_table("meta")
    with op.batch_alter_table("sessions") as batch:
        batch.drop_column("revision")
