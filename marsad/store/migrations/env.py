"""Alembic environment for the marsad database.

marsad runs migrations from code (`marsad.store.db.migrate`), handing over an
open connection in `config.attributes["connection"]`; no alembic.ini is
needed. For developers writing a new revision:

    >>> from alembic import command
    >>> from marsad.store.db import alembic_config
    >>> command.revision(alembic_config("sqlite:///dev.db"), "add x", autogenerate=True)
"""
from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine, pool

from marsad.store.schema import metadata

config = context.config
target_metadata = metadata


def _configure(**kw) -> None:
    context.configure(
        target_metadata=target_metadata,
        # SQLite cannot ALTER most things in place: batch mode recreates the table.
        render_as_batch=True,
        compare_type=True,
        **kw,
    )


def run_migrations_offline() -> None:
    """Emit SQL to stdout (`alembic upgrade --sql`) instead of touching a database."""
    _configure(url=config.get_main_option("sqlalchemy.url"), literal_binds=True,
               dialect_opts={"paramstyle": "named"})
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection=connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    url = config.get_main_option("sqlalchemy.url")
    if not url:
        raise RuntimeError("no database: pass a connection in config.attributes['connection'] "
                           "or set sqlalchemy.url (see marsad.store.db.alembic_config)")
    engine = create_engine(url, poolclass=pool.NullPool)
    with engine.connect() as conn:
        _configure(connection=conn)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
