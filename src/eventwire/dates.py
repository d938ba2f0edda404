"""Dates: the publication date, and every date expression resolved against it."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc

from .records import Span, Time


def find_published(text: str) -> tuple[dt.date, Span] | None:
    """The publication date stated in the text ("Posted August 31, 2017"), with its span."""
    raise NotImplementedError


def find(doc: Doc, published: dt.date | None) -> list[Time]:
    """Every date expression in ``doc``; relative ones resolved against ``published``."""
    raise NotImplementedError
