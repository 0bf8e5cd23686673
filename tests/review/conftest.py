"""The review tests run on SQLite and PostgreSQL (tests/conftest.py's store_url), with the store tests'
`store` and `full_document` fixtures."""
from __future__ import annotations

import importlib.util
from pathlib import Path

_spec = importlib.util.spec_from_file_location("_store_conftest", Path(__file__).parents[1] / "store" / "conftest.py")
_store = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_store)

store = _store.store
full_document = _store.full_document
