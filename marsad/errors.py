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


class FetchError(InputError):
    """A feed or an article cannot be fetched. `transient`: a time-out, a refused connection
    or a server error, worth trying again later; otherwise (a missing page) it is not."""

    def __init__(self, source: str, reason: str, transient: bool):
        super().__init__(source, reason)
        self.transient = transient


class DataFileError(MarsadError):
    """A shipped or user-supplied data file (lexicon, knowledge base) is malformed."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"data file {path}: {reason} (fix the file or restore the shipped copy)")
        self.path = path
        self.reason = reason


class StoreError(MarsadError):
    """The database cannot be opened, migrated or written."""


class StoreUnavailable(StoreError):
    """The database is locked by another program, does not answer, or fails as a whole, even
    after the configured retries. Unlike a StoreError about one document, it ends the run."""


class UsageError(MarsadError):
    """Arguments that cannot be used (bad format name, missing path...)."""


class ReviewError(MarsadError):
    """An analyst's correction or account request that cannot be applied (unknown event, bad value)."""
