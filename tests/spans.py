"""Check every span of an output against the article text it points into."""

from __future__ import annotations

from typing import Any


def bad_spans(document: dict[str, Any]) -> list[str]:
    """Every {start, end, text} anywhere in ``document`` whose text is not text[start:end]."""
    text = document["article"]["text"]
    problems: list[str] = []

    def walk(node: Any, path: str) -> None:
        if isinstance(node, dict):
            is_span = {"start", "end", "text"} <= node.keys() and node is not document["article"]
            # A date reported with the article points nowhere when the date was given to us.
            is_span = is_span and node["text"] is not None
            if is_span and text[node["start"] : node["end"]] != node["text"]:
                problems.append(f"{path}: {node['text']!r} is not at {node['start']}:{node['end']}")
            for key, value in node.items():
                walk(value, f"{path}.{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{path}[{i}]")

    walk(document, "document")
    return problems


def count_spans(document: dict[str, Any]) -> int:
    """How many spans ``document`` holds, so a check over none is noticed."""
    count = 0

    def walk(node: Any) -> None:
        nonlocal count
        if isinstance(node, dict):
            count += {"start", "end", "text"} <= node.keys()
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(document)
    return count
