"""Invented reports of invented incidents, run through the whole pipeline."""
import datetime as dt

import pytest

from marsad.merge import IncidentTracker
from marsad.model import DateValue, DocumentMeta
from marsad.pipeline import Pipeline


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture
def report(pipeline):
    """One article: doc_id, outlet, publication day (or None) and text."""
    def _report(doc_id: str, outlet: str, published: dt.date | None, text: str):
        meta = DocumentMeta(outlet=outlet, published=DateValue.day(published) if published else None)
        return pipeline.run_text(text, doc_id=doc_id, meta=meta)
    return _report


@pytest.fixture
def resolve():
    """The incidents of some documents, keyed by their sorted member keys."""
    def _resolve(*docs):
        tracker = IncidentTracker()
        for d in docs:
            tracker.observe(d)
        return tracker, tracker.incidents()
    return _resolve


@pytest.fixture
def keys():
    """Incidents as sorted lists of their member keys ("doc#event")."""
    return lambda incidents: sorted(sorted(m.key for m in i.members) for i in incidents)
