"""Matching predictions to gold, shared by the readers: spans, actor codes, distances, F1.

- Spans match when their character ranges overlap.
- An actor matches a gold code when its ``country`` equals the code's country (CAMEO spellings
  and IGO codes through ``data/eval_mappings.yaml``) and, where the gold gives a PLOVER sector,
  its ``sector`` equals it. A gold list matches when any predicted actor matches any gold one.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import yaml

from ..records import Actor, Document, Event
from ..settings import DATA_DIR
from .report import Report, Row

MAPPINGS = DATA_DIR / "eval_mappings.yaml"
CODEBOOK = DATA_DIR / "plover.yaml"
SECTORS = frozenset(
    ("COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK", "AGR", "BUS"),
) | frozenset(("CRM", "CVL", "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL", "SOC"))
EARTH_KM = 6371.0088


@cache
def mappings() -> dict[str, Any]:
    """The code mappings of ``data/eval_mappings.yaml``, with the modes of each type taken
    from the codebook ``data/plover.yaml`` where it lists them."""
    data: dict[str, Any] = yaml.safe_load(MAPPINGS.read_text(encoding="utf-8"))
    if CODEBOOK.exists():
        types = (yaml.safe_load(CODEBOOK.read_text(encoding="utf-8")) or {}).get("types") or {}
        data["modes"] = {name: list(t.get("modes") or []) for name, t in types.items()} or data[
            "modes"
        ]
    return data


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether character ranges ``a`` and ``b`` (start, end) share a character."""
    return a[0] < b[1] and b[0] < a[1]


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The great-circle distance between two points, in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(a)))


def prf(tp: int, fp: int, fn: int) -> tuple[float | None, float | None, float | None]:
    """Precision, recall and F1 from counts; None where undefined."""
    p = tp / (tp + fp) if tp + fp else None
    r = tp / (tp + fn) if tp + fn else None
    f = 2 * p * r / (p + r) if p is not None and r is not None and p + r else None
    if f is None and p is not None and r is not None:
        f = 0.0
    return p, r, f


def add_prf(report: Report, name: str, tp: int, fp: int, fn: int) -> None:
    """Add precision, recall and F1 rows for ``name`` from counts."""
    p, r, f = prf(tp, fp, fn)
    report.rows += [
        Row(f"{name} precision", p, tp + fp, "f1"),
        Row(f"{name} recall", r, tp + fn, "f1"),
        Row(f"{name} F1", f, tp + fn, "f1"),
    ]


def actors_by_id(doc: Document) -> dict[str, Actor]:
    """The document's actors by their id."""
    return {a.id: a for a in doc.actors}


def best_event(events: Iterable[Event], prefer: Callable[[Event], bool]) -> Event | None:
    """The event ``prefer`` picks, the most confident first, earliest on ties; else any."""
    ranked = sorted(events, key=lambda e: (not prefer(e), -e.confidence, e.trigger.start))
    return ranked[0] if ranked else None


# --- actor codes --------------------------------------------------------------------------


@dataclass(frozen=True)
class GoldActor:
    """An actor as a gold set codes it: country (or IGO) code and PLOVER sector."""

    text: str
    country: str | None
    sector: str | None = None


def gold_sector(code: str | None) -> str | None:
    """The PLOVER sector a gold sector code means (suffixes like ``CVLalb`` dropped)."""
    if not code:
        return None
    head = code[:3].upper()
    head = mappings()["sector_aliases"].get(head, head)
    return head if head in SECTORS else None


def gold_country(code: str | None) -> str | None:
    """The country code (ISO alpha-3 or IGO-type) a gold code means; None for ``---``."""
    if not code or code.startswith("---") or code.strip() in {"", "***"}:
        return None
    head = code[:3].upper()
    return str(mappings()["cameo_countries"].get(head, head))


def cameo_actor(code: str) -> GoldActor | None:
    """A CAMEO actor code (``USAGOV``, ``IGOUNO``, ``---REB``) as country and sector."""
    code = code.strip()
    if not code or set(code) <= {"-"}:
        return None
    chunks = [code[i : i + 3] for i in range(0, len(code), 3)]
    country = gold_country(chunks[0])
    if country == "IGO" and len(chunks) > 1 and chunks[1] in mappings()["igo_codes"]:
        country = chunks[1]  # IGOUNO: a UN body
    sector = next((s for c in chunks[1:] if (s := gold_sector(c))), None)
    if country is None and sector is None:
        return None
    return GoldActor(code, country, sector)


def actor_matches(gold: GoldActor, actor: Actor) -> bool:
    """Whether ``actor`` carries the gold code: same country and, if given, same sector."""
    if gold.country is not None:
        accepted = mappings()["igo_codes"].get(gold.country, [gold.country])
        if actor.country not in accepted:
            return False
    return gold.sector is None or actor.sector == gold.sector


def any_match(gold: Sequence[GoldActor], ids: Sequence[str], actors: dict[str, Actor]) -> bool:
    """Whether any of the actors ``ids`` matches any gold actor."""
    found = [actors[i] for i in ids if i in actors]
    return any(actor_matches(g, a) for g in gold for a in found)
