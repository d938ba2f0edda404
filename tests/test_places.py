import math
from pathlib import Path

import pytest

from eventwire.errors import ResourceError
from eventwire.gazetteer import Gazetteer, build, normalise
from eventwire.places import find
from eventwire.records import Actor, Span


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Deir ez-Zor", "Deir az-Zor"),
        ("Deir az-Zor", "Deir al-Zour"),
        ("Qalamoun", "Qalamun"),
        ("Sanaa", "Sana'a"),
        ("Tillabéri", "Tillaberi"),
        ("El Fasher", "al-Fasher"),
    ],
)
def test_spellings_of_one_place_share_a_key(a, b):
    assert normalise(a) == normalise(b)


@pytest.mark.parametrize(("a", "b"), [("Homs", "Hama"), ("Gao", "Goa"), ("Kano", "Kona")])
def test_different_places_keep_different_keys(a, b):
    assert normalise(a) != normalise(b)


def test_missing_index_says_how_to_build_it(tmp_path):
    with pytest.raises(ResourceError, match="run `eventwire gazetteer`"):
        Gazetteer.load(tmp_path / "none.sqlite")


def test_bad_extra_line_names_the_place(tmp_path):
    extra = tmp_path / "extra.tsv"
    extra.write_text(
        "name\talternate_names\tlat\tlon\tcountry\tfeature\tsource\n"
        "Nowhere\t\tnorth\t40.0\tSY\tvillage\tours\n"
    )
    with pytest.raises(ResourceError, match="'Nowhere': bad coordinates"):
        build(tmp_path / "g.sqlite", extra)


def places_in(nlp, gazetteer, text, actors=()):
    return [
        (p.name, p.country, round(p.lat, 1) if p.lat is not None else None)
        for p in find(nlp(text), gazetteer, list(actors))
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Gunmen killed five people in Maiduguri, Borno State, on Sunday.",
            [("Maiduguri", "NGA", 11.8), ("Borno", "NGA", 11.5)],
        ),
        (
            "Al-Shabaab fighters attacked Baidoa in Somalia.",
            [("Baidoa", "SOM", 3.1), ("Somalia", "SOM", 6.0)],
        ),
        ("Mr Smith went to the market on Monday.", []),
        ("The weather was mild.", []),
    ],
)
def test_places_found_and_resolved(nlp, gazetteer, text, expected):
    assert places_in(nlp, gazetteer, text) == expected


def test_article_countries_pick_the_right_lebanon(nlp, gazetteer):
    [place] = find(nlp("Troops left Lebanon."), gazetteer, [])
    assert (place.country, place.precision) == ("LBN", "country")


def test_a_non_state_actor_is_not_a_place(nlp, gazetteer):
    text = "Hezbollah fighters entered Qusayr in Syria."
    start = text.index("Hezbollah")
    actor = Actor(
        id="a1",
        name="Hezbollah",
        kind="armed_group",
        country="LBN",
        mentions=[Span(start=start, end=start + 9, text="Hezbollah")],
    )
    assert [p.name for p in find(nlp(text), gazetteer, [actor])][-1] == "Syria"
    assert "Hezbollah" not in [p.name for p in find(nlp(text), gazetteer, [actor])]


def test_seed_places(nlp, gazetteer, seed_text):
    places = find(nlp(seed_text), gazetteer, [])
    by_mention = {m.text: p for p in places for m in p.mentions}
    deir = by_mention["Deir az-Zor"]
    assert by_mention["Deir al-Zour"].id == deir.id
    assert math.dist((deir.lat, deir.lon), (35.33, 40.14)) < 0.3
    assert math.dist((by_mention["Qara"].lat, by_mention["Qara"].lon), (34.15, 36.74)) < 0.1
    assert (by_mention["Qalamoun"].country, by_mention["Qalamoun"].precision) == ("SYR", "region")
    assert (
        math.dist((by_mention["Albu Kamal"].lat, by_mention["Albu Kamal"].lon), (34.45, 40.92))
        < 0.1
    )
    assert math.dist((by_mention["Mosul"].lat, by_mention["Mosul"].lon), (36.34, 43.13)) < 0.1
    for country in ["Syria", "Lebanon", "Iraq"]:
        assert by_mention[country].precision == "country"
    assert not {"Monday", "Dawn", "Hezbollah", "Col", "Army"} & set(by_mention)
    assert all(seed_text[m.start : m.end] == m.text for p in places for m in p.mentions)


def test_extra_file_builds_with_every_line(tmp_path):
    extra = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "data" / "places_extra.tsv"
    build(tmp_path / "g.sqlite", extra)
    gazetteer = Gazetteer.load(tmp_path / "g.sqlite")
    assert gazetteer.has("Qalamoun")
    assert gazetteer.has("Ras Baalbek")
