"""The analyst's web workbench (`marsad serve`): pages, a JSON API and the review workflow.

Needs the `web` extra: pip install 'marsad[web]'.
"""
from __future__ import annotations


def create_app(*args, **kwargs):
    from marsad.web.app import create_app as _create

    return _create(*args, **kwargs)


__all__ = ["create_app"]
