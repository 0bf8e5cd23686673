"""Ingest: files, pages and JSON records to Documents; page furniture; the outlet."""
from marsad.ingest.sources import read_inputs

__all__ = ["read_inputs"]
