"""Workshops: a trainer's room, its participants' sessions, approvals of projected free text,
and the count of wrong codes per client address.

Revision ID: 0003
Revises: 0002
"""
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "workshops",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("code", sa.String(6), nullable=False, unique=True),
        sa.Column("trainer_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("questionnaire_id", sa.String(64), nullable=False),
        sa.Column("demo", sa.String(64)),
        sa.Column("lang", sa.String(5), nullable=False, server_default="fr"),
        sa.Column("joining", sa.Boolean, nullable=False, server_default=sa.true()),
        sa.Column("revealed", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("shown", sa.String(160)),
        sa.Column("demo_step", sa.Integer, nullable=False, server_default="0"),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True)),
    )
    # Plain ADD COLUMN: a batch copy of `sessions` would drop the old table and, with foreign
    # keys on, cascade-delete every answer. SQLite accepts a REFERENCES clause on a nullable
    # new column; Alembic does not emit it there, so it is written out.
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE sessions ADD COLUMN workshop_id INTEGER REFERENCES workshops (id) ON DELETE CASCADE")
    else:
        op.add_column("sessions", sa.Column("workshop_id", sa.Integer))
        op.create_foreign_key("fk_sessions_workshop", "sessions", "workshops", ["workshop_id"], ["id"],
                              ondelete="CASCADE")
    op.add_column("sessions", sa.Column("pseudonym", sa.String(40)))
    op.create_index("ix_sessions_workshop_id", "sessions", ["workshop_id"])
    op.create_table(
        "approvals",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("session_id", sa.Integer, sa.ForeignKey("sessions.id", ondelete="CASCADE"), nullable=False),
        sa.Column("key", sa.String(160), nullable=False),
        sa.UniqueConstraint("session_id", "key", name="uq_approval_session_key"),
    )
    op.create_index("ix_approvals_session_id", "approvals", ["session_id"])
    op.create_table(
        "attempts",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("failures", sa.Integer, nullable=False),
        sa.Column("last_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("attempts")
    op.drop_table("approvals")
    op.drop_index("ix_sessions_workshop_id", "sessions")
    with op.batch_alter_table("sessions") as batch:
        batch.drop_column("pseudonym")
        batch.drop_column("workshop_id")
    op.drop_table("workshops")
