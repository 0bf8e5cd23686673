"""Errors that say what went wrong and how to fix it."""
from __future__ import annotations


class MarsadError(Exception):
    """Base class: every error marsad raises on purpose."""


class InputError(MarsadError):
    """An input file or record cannot be read. The batch goes on without it."""

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class DataFileError(MarsadError):
    """A shipped or user-supplied data file (lexicon, knowledge base) is malformed."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"data file {path}: {reason} (fix the file or restore the shipped copy)")
        self.path = path
        self.reason = reason


class StoreError(MarsadError):
    """The database cannot be opened, migrated or written."""


class UsageError(MarsadError):
    """Arguments that cannot be used (bad format name, missing path...)."""


class ReviewError(MarsadError):
    """An analyst's correction or account request that cannot be applied (unknown event, bad value)."""
