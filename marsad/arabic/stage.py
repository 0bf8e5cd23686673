"""The text layer stage: normalised view, tokens and sentences for a document."""
from __future__ import annotations

from marsad.arabic.normalize import NormalizedView
from marsad.arabic.tokenize import split_sentences, tokenize
from marsad.config import Options
from marsad.model import Document


class TextLayer:
    name = "text-layer"
    requires = ("text",)
    provides = ("view", "tokens", "sentences")

    def __init__(self, options: Options):
        self.options = options

    def __call__(self, doc: Document) -> None:
        doc.view = NormalizedView.of(doc.text)
        doc.tokens = tokenize(doc.text, doc.view)
        doc.sentences = split_sentences(doc.text)
