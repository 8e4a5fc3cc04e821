"""Alembic environment: always run from wizard.store.migrate with a connection given in
config.attributes (no alembic.ini, no logging set-up of its own)."""
from alembic import context

from wizard.store.schema import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata,
                  render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
