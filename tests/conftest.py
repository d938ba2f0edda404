"""Shared fixtures: one real spaCy pipeline per session, and the seed article from ../shared."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from eventwire.extraction.parse import load_pipeline
from eventwire.settings import Settings

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED = SHARED / "examples" / "seed-article.txt"


@pytest.fixture(scope="session")
def settings():
    return Settings.from_env({})


@pytest.fixture(scope="session")
def nlp(settings):
    return load_pipeline(settings.spacy_model)


@pytest.fixture(scope="session")
def seed_text():
    """The seed article, read from ../shared; only there may a test skip, and never under CI."""
    if not SEED.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{SEED} is missing under CI")
        pytest.skip(f"{SEED} is not here (it lives beside the project in ../shared)")
    return SEED.read_text(encoding="utf-8")


def pytest_addoption(parser):
    parser.addoption(
        "--update-golden", action="store_true", help="rewrite tests/golden/ from current output"
    )
    parser.addoption(
        "--update-eval-baseline",
        action="store_true",
        help="raise tests/eval_baseline.json to today's scores (never lowers one)",
    )


@pytest.fixture(scope="session")
def gazetteer(settings):
    """The full gazetteer index, built at install time (built here if it is missing)."""
    from eventwire.extraction.places import Gazetteer
    from eventwire.extraction.resources import ensure_gazetteer

    ensure_gazetteer(settings)
    return Gazetteer.load(settings.gazetteer_path)


@pytest.fixture(params=["duckdb", "postgresql"])
def store_url(request, tmp_path):
    """An empty store's URL, once for DuckDB and once for PostgreSQL (same test code)."""
    from .stores import store_url as make

    yield from make(request.param, tmp_path)
