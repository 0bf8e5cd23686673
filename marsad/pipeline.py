"""Stages and the pipeline that runs them over one Document at a time.

A stage is a small callable that reads some fields of the document and adds
others; it says which with `requires` and `provides`, and the pipeline checks
the order once when it is built.
"""
from __future__ import annotations

from typing import ClassVar, Iterable, Iterator, Protocol

from marsad.config import Options
from marsad.model import Document, DocumentMeta, InputProblem


class Stage(Protocol):
    name: ClassVar[str]
    requires: ClassVar[tuple[str, ...]]
    provides: ClassVar[tuple[str, ...]]

    def __call__(self, doc: Document) -> None: ...


class Pipeline:
    """The whole extraction: text layer, metadata, entities, relations, events, resolution."""

    def __init__(self, options: Options | None = None, stages: list[Stage] | None = None):
        self.options = options or Options.load()
        self.stages = stages if stages is not None else default_stages(self.options)
        _check_order(self.stages)

    def __call__(self, doc: Document) -> Document:
        for stage in self.stages:
            stage(doc)
        return doc

    def run_text(self, text: str, doc_id: str = "doc", meta: DocumentMeta | None = None) -> Document:
        return self(Document(doc_id=doc_id, text=text, meta=meta or DocumentMeta()))

    def run_many(self, items: Iterable[Document | InputProblem]) -> Iterator[Document | InputProblem]:
        for item in items:
            yield item if isinstance(item, InputProblem) else self(item)


def default_stages(options: Options) -> list[Stage]:
    # Imported here: building a pipeline loads lexicons, importing marsad does not.
    from marsad.arabic.stage import TextLayer
    from marsad.extract.entities import EntityRecognizer
    from marsad.extract.events import EventExtractor
    from marsad.extract.relations import RelationExtractor
    from marsad.ingest.stage import Boilerplate, Metadata
    from marsad.arabic.dates import DateStage
    from marsad.resolve.stage import PlaceResolver

    return [
        Boilerplate(options),
        TextLayer(options),
        Metadata(options),
        DateStage(options),
        EntityRecognizer(options),
        RelationExtractor(options),
        EventExtractor(options),
        PlaceResolver(options),
    ]


# Fields every document has from the start.
_INITIAL = {"doc_id", "text", "meta"}


def _check_order(stages: list[Stage]) -> None:
    have = set(_INITIAL)
    for stage in stages:
        missing = [r for r in stage.requires if r not in have]
        if missing:
            raise ValueError(f"stage {stage.name} needs {', '.join(missing)}, which no earlier stage provides")
        have.update(stage.provides)
