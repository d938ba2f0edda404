"""The package's layout is its architecture: each part imports only what the README allows."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "eventwire"

# What each part may not import (README, "How it fits together").
FORBIDDEN = {
    "extraction": ("archive", "engines", "evaluation", "cli", "render", "web"),
    "ingest": ("extraction", "archive", "engines", "evaluation", "cli", "web"),
    "engines": ("archive", "evaluation", "cli", "web"),
    "archive": ("engines", "evaluation", "cli", "web"),
    "evaluation": ("archive", "engines", "cli", "web"),
    "web": ("engines", "evaluation", "cli"),
}


def imported_parts(path: Path) -> set[str]:
    """The eventwire parts (first name under the package) that a module imports."""
    package = path.relative_to(PACKAGE).parts[:-1]
    parts: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            # ``from ..records import X`` in extraction/ is eventwire.records.
            base = [*package[: len(package) - node.level + 1], *(node.module or "").split(".")]
            names = [name for name in base if name]
            if names:
                parts.add(names[0])
            else:
                parts.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("eventwire."):
            parts.add((node.module or "").split(".")[1])
        elif isinstance(node, ast.Import):
            parts.update(
                a.name.split(".")[1]
                for a in node.names
                if a.name.count(".") and a.name.startswith("eventwire.")
            )
    return parts


@pytest.mark.parametrize("part", sorted(FORBIDDEN))
def test_a_part_imports_only_what_it_may(part):
    modules = sorted((PACKAGE / part).rglob("*.py"))
    assert modules, f"{part}/ has no modules"
    for module in modules:
        wrong = imported_parts(module) & set(FORBIDDEN[part])
        assert not wrong, f"{module.relative_to(PACKAGE)} imports {sorted(wrong)}"


def test_the_import_reader_sees_relative_and_absolute_imports(tmp_path):
    sample = PACKAGE / "extraction" / "pipeline.py"
    assert {"records", "settings", "ingest"} <= imported_parts(sample)
