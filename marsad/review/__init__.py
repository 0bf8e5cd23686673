"""Analysts' corrections: accounts, and an append-only audit trail applied when reading.

    >>> from marsad.review import ReviewLog
    >>> log = ReviewLog(store.engine)
    >>> log.record_event(doc, "ev1", "edit", {"killed": 3}, by="amal")
    >>> docs = log.apply_documents(store.iter_documents())   # reviewed values, ReviewMark on each event

Nothing extracted is overwritten: the machine's values stay in the document
tables and every decision is a row in `reviews` (who, when, before, after), so
a re-extraction keeps the analysts' work and every value can be traced.
"""
from __future__ import annotations

from marsad.review.audit import EDITABLE_FIELDS, ReviewLog, ReviewRecord, event_values

__all__ = ["EDITABLE_FIELDS", "ReviewLog", "ReviewRecord", "event_values"]
