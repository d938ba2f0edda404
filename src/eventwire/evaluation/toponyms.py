"""Toponyms of GeoWebNews, LGL and TR-News: places found, and how far off they are put."""

from __future__ import annotations

import datetime as dt
import statistics
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .gold import parse_date, parse_float
from .matching import add_prf, haversine_km, overlaps
from .report import Extractor, Report, Row, document_for


@dataclass(frozen=True)
class Toponym:
    """A gold toponym: its span and, where the corpus resolves it, coordinates."""

    start: int
    end: int
    name: str
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True)
class PlaceItem:
    """A geoparsing article: toponyms, and spans where a prediction is neither right nor wrong."""

    corpus: str
    id: str
    text: str
    published: dt.date | None
    toponyms: tuple[Toponym, ...]
    ignored: tuple[tuple[int, int], ...] = ()


# GeoWebNews annotates expressions that hold a toponym ("Mississippi River" as a Literal
# Expression) and demonyms without coordinates: finding a place there is not counted either way.
# Its Non_Toponym, Homonym and Language annotations are not places: finding one is an error.
GWN_NOT_PLACES = {"Non_Toponym", "Homonym", "Language"}


def read_gwn(path: Path) -> Iterator[PlaceItem]:
    """GeoWebNews articles: toponyms with coordinates are gold (Gritta et al. 2019)."""
    for article in ET.parse(path).getroot().iter("article"):
        text = article.findtext("text") or ""
        toponyms, ignored = [], []
        for t in article.iter("toponym"):
            start, end = int(t.findtext("start") or 0), int(t.findtext("end") or 0)
            lat, lon = parse_float(t.findtext("latitude")), parse_float(t.findtext("longitude"))
            if lat is not None and lon is not None:
                toponyms.append(Toponym(start, end, t.findtext("extractedName") or "", lat, lon))
            elif t.findtext("type") not in GWN_NOT_PLACES:
                ignored.append((start, end))
        yield PlaceItem("GWN", article.get("file", ""), text, None, tuple(toponyms), tuple(ignored))


def read_gazetteer_xml(path: Path, corpus: str) -> Iterator[PlaceItem]:
    """LGL or TR-News articles; offsets a few characters off are moved onto the phrase."""
    for article in ET.parse(path).getroot().iter("article"):
        text = article.findtext("text") or ""
        toponyms = []
        for t in article.iter("toponym"):
            start, end = int(t.findtext("start") or 0), int(t.findtext("end") or 0)
            phrase = t.findtext("phrase") or ""
            if phrase and text[start:end] != phrase:
                near = text.find(phrase, max(0, start - 10), end + 10)
                if near >= 0:
                    start, end = near, near + len(phrase)
            gaz = t.find("gaztag")
            lat = parse_float(gaz.findtext("lat")) if gaz is not None else None
            lon = parse_float(gaz.findtext("lon")) if gaz is not None else None
            toponyms.append(Toponym(start, end, phrase, lat, lon))
        published = parse_date((article.findtext("dltime") or "").strip()[:10])
        yield PlaceItem(corpus, article.get("docid", ""), text, published, tuple(toponyms))


PLACE_FILES = {"GWN.xml": "GWN", "lgl.xml": "LGL", "TR-News.xml": "TR-News"}


def read_places(path: Path) -> Iterator[PlaceItem]:
    """Articles of GeoWebNews, LGL and TR-News (a folder), or of one of them (a file)."""
    if path.is_dir():
        files = [path / name for name in PLACE_FILES if (path / name).exists()]
    else:
        files = [path.parent / "GWN.xml" if path.name == "gwn_full.txt" else path]
    for file in files:
        corpus = PLACE_FILES[file.name]
        yield from read_gwn(file) if corpus == "GWN" else read_gazetteer_xml(file, corpus)


def score_places(items: Iterable[PlaceItem], run: Extractor, report: Report) -> None:
    """Toponym precision, recall, F1, and distance of the resolved ones, per corpus and all."""
    stats: dict[str, dict[str, Any]] = {}
    for item in items:
        doc = document_for(run, item.text, item.published, report)
        if doc is None:
            continue
        mentions = [(p, (m.start, m.end)) for p in doc.places for m in p.mentions]
        s = stats.setdefault(item.corpus, {"tp": 0, "fp": 0, "fn": 0, "km": [], "unresolved": 0})
        for _, span in mentions:
            hit = any(overlaps(span, (t.start, t.end)) for t in item.toponyms)
            if not hit and not any(overlaps(span, i) for i in item.ignored):
                s["fp"] += 1
        for t in item.toponyms:
            found = [p for p, span in mentions if overlaps(span, (t.start, t.end))]
            if not found:
                s["fn"] += 1
                report.miss(item.id, "toponym", t.name, "not found")
                continue
            s["tp"] += 1
            if t.lat is None or t.lon is None:
                continue
            place = found[0]
            if place.lat is None or place.lon is None:
                s["unresolved"] += 1
            else:
                off = haversine_km(t.lat, t.lon, place.lat, place.lon)
                s["km"].append(off)
                if off > 161:
                    report.miss(item.id, "toponym within 161 km", t.name, f"{off:.0f} km off")
    if len(stats) > 1:
        stats["all"] = {
            "tp": sum(s["tp"] for s in stats.values()),
            "fp": sum(s["fp"] for s in stats.values()),
            "fn": sum(s["fn"] for s in stats.values()),
            "km": [k for s in stats.values() for k in s["km"]],
            "unresolved": sum(s["unresolved"] for s in stats.values()),
        }
    for corpus, s in stats.items():
        add_prf(report, f"{corpus} toponym", s["tp"], s["fp"], s["fn"])
        km: list[float] = s["km"]
        scored = len(km) + s["unresolved"]
        report.add(f"{corpus} found toponyms within 161 km", sum(k <= 161 for k in km), scored)
        report.add(f"{corpus} found toponyms within 25 km", sum(k <= 25 for k in km), scored)
        median = statistics.median(km) if km else None
        report.rows.append(Row(f"{corpus} median error", median, len(km), "km"))
