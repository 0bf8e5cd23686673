"""Storage: documents and their annotations in SQLite or PostgreSQL.

    >>> from marsad.store import Store
    >>> with Store.open("sqlite:///marsad.db") as store:
    ...     store.save(doc)

See `marsad.store.db` for the guarantees (one transaction per document,
idempotent by content hash, replacement of a doc_id's old version, several
writers at once, retries for locked or unreachable databases).
"""
from __future__ import annotations

from marsad.errors import StoreError, StoreUnavailable


def __getattr__(name: str):  # lazy: importing marsad.store does not import SQLAlchemy
    if name == "Store":
        from marsad.store.db import Store
        return Store
    raise AttributeError(name)


__all__ = ["Store", "StoreError", "StoreUnavailable"]
