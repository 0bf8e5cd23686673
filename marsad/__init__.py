"""marsad (مرصد): Arabic conflict reports in, verifiable entities, relations and events out.

    >>> from marsad import Pipeline
    >>> doc = Pipeline().run_text("اشتباكات بين ...", doc_id="x")
"""
from marsad.model import Document, Entity, Event, Mention, Relation, Span

__all__ = ["Document", "Entity", "Event", "Mention", "Relation", "Span", "Pipeline", "Options"]

__version__ = "0.1.0"


def __getattr__(name):  # lazy: importing marsad loads no lexicons and no models
    if name == "Pipeline":
        from marsad.pipeline import Pipeline
        return Pipeline
    if name == "Options":
        from marsad.config import Options
        return Options
    raise AttributeError(name)
