import datetime as dt

import pytest

from marsad.model import DateValue, DocumentMeta
from marsad.pipeline import Pipeline

PUBLISHED = dt.date(2024, 3, 12)   # a Tuesday


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="session")
def run(pipeline):
    """Run the whole pipeline on one invented text published on PUBLISHED (or undated)."""
    def _run(text: str, published: dt.date | None = PUBLISHED):
        meta = DocumentMeta(published=DateValue.day(published) if published else None)
        return pipeline.run_text(text, doc_id="t", meta=meta)
    return _run
