"""Readers and scorers of `eventwire eval`, on invented fixtures in the gold formats.

The fixtures under tests/data/eval/ mimic the formats of ../shared/eval; none of their text
comes from those sets. Documents are built by hand, so no test here runs the pipeline.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire import evaluation as ev
from eventwire.cli import main
from eventwire.errors import BadInput
from eventwire.evaluation import (
    acled,
    case2021,
    gold,
    halves,
    india_police,
    matching,
    petrarch2,
    plover_gsr,
    plv,
    polnear,
    timebank,
    toponyms,
)
from eventwire.evaluation.report import Confusion, Report, Row
from eventwire.extraction.codebook import Codebook
from eventwire.records import Actor, Article, Document, Event, Place, Quote, Span, Time, When

FIXTURES = Path(__file__).parent / "data" / "eval"
SHARED_EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"


def span(text, word, start=0):
    i = text.index(word, start)
    return Span(start=i, end=i + len(word), text=word)


def actor(text, word, country=None, sector=None, name=None):
    return Actor(
        id=f"a-{word}",
        name=name or word,
        kind="group",
        country=country,
        sector=sector,
        mentions=[span(text, word)],
    )


def event(text, trigger, kind, mode=None, source=(), target=(), confidence=0.5, **kw):
    sentence = kw.pop("sentence", Span(start=0, end=len(text), text=text))
    return Event(
        id=f"e-{trigger}-{kind}",
        type=kind,
        mode=mode,
        source=[a.id for a in source],
        target=[a.id for a in target],
        when=kw.pop("when", None),
        trigger=span(text, trigger),
        sentence=sentence,
        confidence=confidence,
        **kw,
    )


def place(text, word, lat, lon):
    return Place(
        id=f"p-{word}",
        name=word,
        lat=lat,
        lon=lon,
        precision="point",
        gazetteer_id=None,
        confidence=0.9,
        mentions=[span(text, word)],
    )


def doc(text, **kw):
    return Document(article=Article(id="test", text=text), **kw)


def fake(documents):
    """An extractor that returns the hand-built Document for each text (empty otherwise)."""
    seen = []

    def run(text, published):
        seen.append((text, published))
        return documents.get(text) or doc(text)

    run.seen = seen
    return run


# --- PLOVER GSR -----------------------------------------------------------------------------


def test_plover_reader_maps_05_names_modes_and_cameo_country_codes():
    items = list(plover_gsr.read_plover(FIXTURES / "events/plover_gsr/PLOVER_GSR_CAMEO.json"))
    assert [(i.type, i.mode) for i in items] == [("ASSAULT", "heavy-weapons"), ("REQUEST", None)]
    first = items[0]
    assert first.source == (matching.GoldActor("Freedonian", "USA", "MIL"),)
    assert first.target == (matching.GoldActor("Sylvanian", "JPN", None),)
    assert [first.text[s:e] for s, e in first.triggers] == ["shelled"]
    assert items[1].target == ()


@pytest.mark.parametrize(
    ("event05", "mode05", "expected"),
    [
        ("FIGHT", "heavy-weapons", ("ASSAULT", "heavy-weapons")),
        ("PROTEST", "strike-hun", ("PROTEST", "hunger")),
        ("COERCE", "destroy", ("ASSAULT", "destroy")),
        ("COERCE", "detain", ("COERCE", "arrest")),
        ("FIGHT", "other", ("ASSAULT", None)),
        ("DISAPPROVE", None, ("ACCUSE", None)),
        ("DOCUMENT", None, (None, None)),
    ],
)
def test_plover_05_codings_become_current_type_and_mode(event05, mode05, expected):
    assert plover_gsr.plover_current(event05, mode05) == expected


def test_plover_scores_the_event_whose_trigger_is_the_gold_one():
    items = list(plover_gsr.read_plover(FIXTURES / "events/plover_gsr/PLOVER_GSR_CAMEO.json"))
    text = items[0].text
    troops = actor(text, "Freedonian", "USA", "MIL")
    enemy = actor(text, "Sylvanian", "JPN", "MIL")
    decoy = event(text, "border", "AGREE", confidence=0.99)
    shelled = event(text, "shelled", "ASSAULT", "heavy-weapons", [troops], [enemy], 0.6)
    run = fake({text: doc(text, actors=[troops, enemy], events=[decoy, shelled])})
    report = Report("test")
    plover_gsr.score_plover(items, run, report)
    assert report.score("event type accuracy") == 0.5  # the second sentence gets no event
    assert report.score("mode accuracy") == 1.0
    assert report.score("source actor code") == 0.5
    assert report.score("target actor code") == 1.0
    assert report.confusions[0].counts == {("ASSAULT", "ASSAULT"): 1, ("REQUEST", "none"): 1}


@pytest.mark.parametrize(
    ("gold", "country", "sector", "expected"),
    [
        (matching.GoldActor("x", "USA", "MIL"), "USA", "MIL", True),
        (matching.GoldActor("x", "USA", "MIL"), "USA", "GOV", False),
        (matching.GoldActor("x", "USA", None), "USA", "GOV", True),
        (matching.GoldActor("x", "IGO", None), "UNO", None, True),
        (matching.GoldActor("x", None, "REB"), "SYR", "REB", True),
        (matching.GoldActor("x", "FRA", None), None, None, False),
    ],
)
def test_an_actor_matches_a_gold_code_on_country_and_given_sector(gold, country, sector, expected):
    ours = Actor(id="a", name="a", kind="group", country=country, sector=sector, mentions=[])
    assert matching.actor_matches(gold, ours) is expected


# --- PETRARCH2 ------------------------------------------------------------------------------


def test_petrarch_reader_reads_codings_and_sentences_without_events():
    items = list(petrarch2.read_petrarch(FIXTURES / "events/petrarch2/PETR2_GSR_validation.xml"))
    assert [i.id for i in items] == ["TEST01_1", "TEST01_2"]
    first = items[0]
    assert first.text == (
        "The Freedonian envoy visited the assembly while rebels fought French troops."
    )
    assert first.published == dt.date(2025, 5, 16)
    assert [c.root for c in first.codings] == ["04", "19"]
    assert first.codings[0].source == matching.GoldActor("USAGOV", "USA", "GOV")
    assert first.codings[0].target == matching.GoldActor("IGOUNO", "UNO", None)
    assert first.codings[1].source == matching.GoldActor("---REB", None, "REB")
    assert items[1].codings == ()


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("SYRREB", ("SYR", "REB")),
        ("IGOEUREEC", ("EUR", None)),
        ("PSEGZACVL", ("PSE", "CVL")),
        ("IRQMUS", ("IRQ", "REL")),
        ("---", None),
        ("", None),
    ],
)
def test_cameo_actor_codes_split_into_country_and_sector(code, expected):
    found = matching.cameo_actor(code)
    assert (found and (found.country, found.sector)) == expected


def test_petrarch_root_is_right_when_our_type_covers_it():
    items = list(petrarch2.read_petrarch(FIXTURES / "events/petrarch2/PETR2_GSR_validation.xml"))
    text = items[0].text
    envoy = actor(text, "Freedonian", "USA", "GOV")
    un = actor(text, "assembly", "UNO")
    visit = event(text, "visited", "CONSULT", source=[envoy], target=[un])
    run = fake({text: doc(text, actors=[envoy, un], events=[visit])})
    report = Report("test")
    petrarch2.score_petrarch(items, run, report)
    assert report.score("CAMEO root accuracy") == 0.5
    assert report.score("source actor code") == 0.5
    assert report.score("target actor code") == 0.5
    assert report.score("no-event sentences left without events") == 1.0


# --- ACLED ----------------------------------------------------------------------------------


def test_acled_reader_reads_both_date_forms_and_skips_rows_without_notes():
    items = list(acled.read_acled(FIXTURES / "events/acled_dev/sample.csv"))
    assert [i.id for i in items] == ["TST1", "TST2"]
    assert items[0].published == dt.date(2025, 5, 15)
    assert items[0].classes == ("ASSAULT", "COERCE")
    assert items[0].modes == ("aerial", "drone")
    assert items[1].event_date == dt.date(2025, 5, 15)
    assert items[1].classes == ()


def test_acled_scores_class_mode_date_place_and_actor1():
    items = list(acled.read_acled(FIXTURES / "events/acled_dev/sample.csv"))
    t1, t2 = items[0].text, items[1].text
    army = actor(t1, "army", "BEN", "MIL")
    camp = place(t1, "Testville", 10.1, 2.0)
    when = When(
        date="2025-05-14", precision="day", basis="stated", text="14 May 2025", start=3, end=14
    )
    strike = event(t1, "struck", "ASSAULT", "aerial", [army], when=when, place=camp.id)
    # The second note's day is missed: the date reported with the article, a day later.
    reported = When(
        date="2025-05-16", precision="week", basis="reported", text=None, start=None, end=None
    )
    gathered = event(t2, "gathered", "PROTEST", when=reported)
    run = fake(
        {
            t1: doc(t1, actors=[army], places=[camp], events=[strike]),
            t2: doc(t2, places=[place(t2, "Otherton", 11.0, 3.0)], events=[gathered]),
        }
    )
    report = Report("test")
    acled.score_acled(items, run, report)
    assert report.score("event class") == 1.0
    assert report.score("remote-violence mode") == 1.0
    assert report.score("date exact, notes that state the day") == 0.5
    assert report.score("date within one day, all notes") == 1.0
    assert report.score("place within 25 km") == 1.0
    assert report.score("place median error") == pytest.approx(5.56, abs=0.05)
    assert report.score("actor1 found as source or target") == 0.5
    assert run.seen[0][1] == dt.date(2025, 5, 15)


@pytest.mark.parametrize(
    ("date", "precision", "basis", "expected"),
    [
        ("2025-05-14", "day", "stated", 0),
        ("2025-05-13", "day", "inherited", 1),
        ("2025-05-16", "week", "reported", 2),
        ("2025-05", "month", "stated", None),  # no day to compare
        (None, None, "stated", None),  # named but unresolved
    ],
)
def test_days_off_counts_days_between_a_day_level_date_and_the_gold_day(
    date, precision, basis, expected
):
    when = When(date=date, precision=precision, basis=basis, text=None, start=None, end=None)
    assert acled.days_off(when, dt.date(2025, 5, 14)) == expected


def test_an_undated_event_is_no_days_off():
    assert acled.days_off(None, dt.date(2025, 5, 14)) is None


def test_the_main_event_of_a_note_is_its_first_sentence_s_protest_else_its_surest():
    text = "Police beat protesters at a rally. Gunmen killed two men."
    first = Span(start=0, end=34, text=text[:34])
    second = Span(start=35, end=len(text), text=text[35:])
    beat = event(text, "beat", "ASSAULT", confidence=0.9, sentence=first)
    rally = event(text, "rally", "PROTEST", confidence=0.5, sentence=first)
    killed = event(text, "killed", "ASSAULT", confidence=0.95, sentence=second)
    assert acled.main_event(doc(text, events=[beat, rally, killed])) == rally
    assert acled.main_event(doc(text, events=[beat, killed])) == beat
    denied = beat.model_copy(update={"negated": True})
    assert acled.main_event(doc(text, events=[denied, killed])) == killed


@pytest.mark.parametrize(
    ("actor1", "name", "country", "sector", "expected"),
    [
        ("Military Forces of Benin (2021-)", "Beninese army", "BEN", "MIL", True),
        ("Military Forces of Benin (2021-)", "Nigerien army", "NER", "MIL", False),
        ("Police Forces of Benin (2021-) Gendarmerie", "police", "BEN", "COP", True),
        ("JNIM: Group for Support of Islam and Muslims", "JNIM", "IMG", "REB", True),
        ("Civilians (Benin)", "villagers", None, "CVL", True),
        ("Fulani Ethnic Militia (Benin)", "Benin", "BEN", None, False),
        ("Unidentified Clan Militia (Somalia)", "Somali militia", "SOM", "UAF", True),
        ("Unidentified Armed Group (Benin)", "gunmen", "NER", "UAF", False),
        ("Unidentified Armed Group (Kenya)", "gunmen", None, "UAF", True),
        ("Protesters (Kenya)", "Kenyan students", "KEN", "EDU", True),
        ("Rioters (Kenya)", "opposition", "KEN", "OPP", True),
        ("Rioters (Kenya)", "Rwandan protesters", "RWA", "CVL", False),
        ("Protesters (Kenya)", "Kenyan police", "KEN", "COP", False),
        ("Vigilante Militia (South Africa)", "militia", "ZAF", "UAF", True),
        ("Pokot Ethnic Militia (Kenya)", "Pokot militia", "KEN", "UAF", True),
        ("Pokot Ethnic Militia (Kenya)", "Turkana militia", "KEN", "UAF", False),
        ("Military Forces of Democratic Republic of Congo (2019-)", "FARDC", "COD", "MIL", True),
    ],
)
def test_acled_actor1_matches_by_name_or_by_state_code(actor1, name, country, sector, expected):
    ours = Actor(id="a", name=name, kind="group", country=country, sector=sector, mentions=[])
    assert acled.acled_actor_matches(actor1, ours) is expected


def test_an_unnamed_identity_militia_is_a_community_that_attacks():
    farmers = Actor(id="a", name="farmers", kind="group", country="BEN", sector="CVL", mentions=[])
    name = "Unidentified Communal Militia (Benin)"
    assert acled.acled_actor_matches(name, farmers, doer=True)
    assert not acled.acled_actor_matches(name, farmers)  # the farmers attacked are civilians


def test_a_named_identity_militia_is_also_its_community_that_attacks():
    # ACLED writes "Kipsigi", the press "Kipsigis"
    raiders = Actor(id="a", name="Kipsigis", kind="group", country="KEN", sector="CVL", mentions=[])
    assert acled.acled_actor_matches("Kipsigi Ethnic Militia (Kenya)", raiders, doer=True)
    assert not acled.acled_actor_matches("Kipsigi Ethnic Militia (Kenya)", raiders)
    assert not acled.acled_actor_matches("Turkana Ethnic Militia (Kenya)", raiders, doer=True)


def test_an_unnamed_armed_group_is_also_a_gang_that_attacks():
    gang = Actor(id="a", name="criminals", kind="group", country="KEN", sector="CRM", mentions=[])
    name = "Unidentified Armed Group (Kenya)"
    assert acled.acled_actor_matches(name, gang, doer=True)
    assert not acled.acled_actor_matches(name, gang)  # suspects arrested are no armed group


# --- IndiaPoliceEvents ----------------------------------------------------------------------


def test_police_reader_locates_sentences_in_the_article():
    (item,) = india_police.read_police(FIXTURES / "events/india_police_events")
    assert item.published == dt.date(2002, 3, 10)
    assert [item.text[s.start : s.end] for s in item.sentences] == [
        "police arrested five men in the market.",
        "the shops stayed shut.",
    ]
    assert item.sentences[0].labels == {"ARREST", "ANY_ACTION"}


def test_a_police_arrest_event_labels_its_sentence_arrest():
    (item,) = india_police.read_police(FIXTURES / "events/india_police_events")
    text = item.text
    police = actor(text, "police", "IND", "COP")
    first = item.sentences[0]
    sentence = Span(start=first.start, end=first.end, text=text[first.start : first.end])
    arrest = event(text, "arrested", "COERCE", "arrest", [police], sentence=sentence)
    report = Report("test")
    run = fake({text: doc(text, actors=[police], events=[arrest])})
    india_police.score_police([item], run, report)
    assert report.score("ARREST precision") == 1.0
    assert report.score("ARREST recall") == 1.0
    assert report.score("KILL recall") is None
    assert report.score("FORCE precision") is None


# --- places ---------------------------------------------------------------------------------


def test_gwn_reader_keeps_toponyms_with_coordinates_and_ignores_expressions():
    (item,) = toponyms.read_places(FIXTURES / "places/GWN.xml")
    assert [t.name for t in item.toponyms] == ["Testville", "Freedonia"]
    assert [item.text[s:e] for s, e in item.ignored] == ["Otherton valley"]


def test_lgl_reader_moves_offsets_onto_the_phrase():
    (item,) = toponyms.read_places(FIXTURES / "places/lgl.xml")
    assert [item.text[t.start : t.end] for t in item.toponyms] == ["Testville", "Otherton"]
    assert item.toponyms[1].lat is None
    assert item.published == dt.date(2025, 5, 16)


def test_places_score_found_toponyms_and_their_distance():
    (item,) = toponyms.read_places(FIXTURES / "places/GWN.xml")
    text = item.text
    places = [
        place(text, "Testville", 10.0, 2.1),
        place(text, "Otherton", 11.0, 3.0),  # inside an ignored expression: not an error
        place(text, "Fighting", 0.0, 0.0),  # not a toponym: an error
    ]
    report = Report("test")
    toponyms.score_places([item], fake({text: doc(text, places=places)}), report)
    assert report.score("GWN toponym precision") == 0.5
    assert report.score("GWN toponym recall") == 0.5
    assert report.score("GWN found toponyms within 25 km") == 1.0
    assert report.score("GWN median error") == pytest.approx(10.95, abs=0.05)


def test_places_folder_reads_every_corpus_and_adds_a_total():
    items = list(toponyms.read_places(FIXTURES / "places"))
    assert [i.corpus for i in items] == ["GWN", "LGL"]
    report = Report("test")
    toponyms.score_places(items, fake({}), report)
    assert report.score("all toponym recall") == 0.0
    assert Row("all toponym recall", 0.0, 4, "f1") in report.rows


# --- dates ----------------------------------------------------------------------------------


def test_timeml_reader_strips_tags_and_keeps_offsets():
    (item,) = timebank.read_timeml(FIXTURES / "dates")
    assert item.published == dt.date(2025, 5, 16)
    assert "<" not in item.text
    assert [(item.text[t.start : t.end], t.type, t.value) for t in item.timexes] == [
        ("on Monday", "DATE", "2025-05-12"),
        ("three weeks", "DURATION", "P3W"),
        ("next quarter", "DATE", "2025-Q3"),
        ("in June", "DATE", "2025-06"),
    ]


def test_dates_score_found_expressions_and_calendar_values():
    (item,) = timebank.read_timeml(FIXTURES / "dates")
    text = item.text

    def time(word, value):
        s = span(text, word)
        return Time(
            id=f"t-{word}", start=s.start, end=s.end, text=word, value=value, precision="day"
        )

    times = [time("Monday", "2025-05-12"), time("three weeks", None), time("next quarter", None)]
    report = Report("test")
    timebank.score_dates([item], fake({text: doc(text, times=times)}), report)
    assert report.score("DATE expressions precision") == 1.0  # the DURATION is not counted
    assert report.score("DATE expressions recall") == pytest.approx(2 / 3)
    assert report.score("DATE value accuracy (found, YYYY[-MM[-DD]] gold)") == 1.0
    assert Row("found DATE values in other forms (not scored)", None, 1) in report.rows


# --- quotes ---------------------------------------------------------------------------------


def test_polnear_reader_reads_the_first_annotators_file_and_marks_direct_quotes():
    (item,) = polnear.read_polnear(FIXTURES / "quotes/polnear")
    assert item.split == "dev"
    assert item.published == dt.date(2016, 10, 1)
    assert [a.direct for a in item.attributions] == [True, False]
    (source,) = item.attributions[0].source
    assert item.text[source[0] : source[1]] == "The mayor"


def test_a_direct_quote_with_the_gold_speaker_scores_both_measures():
    (item,) = polnear.read_polnear(FIXTURES / "quotes/polnear")
    text = item.text
    words = span(text, '"We will rebuild the bridge."')
    mayor = actor(text, "The mayor", "USA", "GOV")
    quote = Quote(
        id="q1",
        kind="full",
        text=words.text,
        start=words.start,
        end=words.end,
        speaker=mayor.id,
        speaker_text="The mayor",
        speaker_span=None,
        cue="said",
        confidence=0.9,
    )
    report = Report("test")
    polnear.score_quotes([item], fake({text: doc(text, actors=[mayor], quotes=[quote])}), report)
    assert report.score("direct quotes recall") == 1.0
    assert report.score("direct quotes precision") == 1.0
    assert report.score("direct-quote speaker") == 1.0


# --- the entry point and the report ---------------------------------------------------------


def test_evaluate_picks_the_task_from_the_path_and_honours_limit(settings):
    run = fake({})
    report = ev.evaluate(FIXTURES / "events/plover_gsr", 1, settings, extractor=run)
    assert report.documents == 1
    assert report.score("event type accuracy") == 0.0
    assert len(run.seen) == 1


def test_evaluate_counts_texts_the_pipeline_refuses(settings):
    def refuse(text, published):
        raise BadInput("<text>", "empty: no text to read")

    report = ev.evaluate(FIXTURES / "dates", None, settings, extractor=refuse)
    assert report.skipped == {"BadInput": 1}
    assert "skipped (the pipeline refused the text): 1 BadInput" in report.table()


def test_an_unknown_set_is_bad_input_listing_the_known_sets(tmp_path):
    with pytest.raises(BadInput) as e:
        ev.resolve_set(tmp_path, None)
    assert str(e.value) == (
        f"{tmp_path}: not a gold set eventwire can read; known sets: " + ", ".join(ev.KNOWN_SETS)
    )


def test_a_relative_set_without_the_shared_folder_is_bad_input():
    with pytest.raises(BadInput) as e:
        ev.resolve_set(Path("events/no_such_set"), None)
    assert str(e.value) == (
        "events/no_such_set: no such gold set, and no ../shared/eval folder of human-coded sets "
        "beside the project or the current directory (the sets are not shipped with eventwire)"
    )


def test_a_relative_set_missing_from_the_shared_folder_is_bad_input(tmp_path):
    with pytest.raises(BadInput, match=r"no such gold set in .*; known sets: events/plover_gsr"):
        ev.resolve_set(Path("events/no_such_set"), tmp_path)


def test_the_report_prints_a_table_and_serialises_to_json():
    report = Report("test", documents=2)
    report.add("event type accuracy", 1, 2)
    report.rows.append(Row("median error", 12.34, 3, "km"))
    report.rows.append(Row("nothing", None, 0))
    confusion = Confusion("event type")
    confusion.add("ASSAULT", "ASSAULT")
    confusion.add("ASSAULT", "COERCE")
    report.confusions.append(confusion)
    table = report.table()
    assert "event type accuracy      50.0%       2" in table
    assert "median error           12.3 km       3" in table
    assert "ASSAULT" in table.splitlines()[-1]
    data = json.loads(json.dumps(report.to_json()))
    assert data["rows"][0] == {
        "measure": "event type accuracy",
        "score": 0.5,
        "count": 2,
        "unit": "%",
    }
    assert confusion.worst() == [("ASSAULT", "COERCE", 1)]


# --- the real sets, where they are ----------------------------------------------------------


@pytest.fixture(scope="module")
def shared_eval():
    if not SHARED_EVAL.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{SHARED_EVAL} is missing under CI")
        pytest.skip(f"{SHARED_EVAL} is not here (the human-coded sets live in ../shared/eval)")
    return SHARED_EVAL


@pytest.mark.parametrize(
    ("name", "count"),
    [
        ("events/plover_gsr", 322),
        ("events/petrarch2/PETR2_GSR_validation.xml", 78),
        ("events/acled_dev", 7033),
        ("events/acled_dev/kenya.csv", 5722),
        ("events/case2021_task2", 1019),
        ("events/zero_shot_plover", 1044),
        ("events/india_police_events", 1257),
        ("places", 906),
        ("dates", 256),
        ("quotes/polnear", 924),
    ],
)
def test_every_reader_reads_its_whole_set(shared_eval, name, count):
    path, task = ev.resolve_set(Path(name), shared_eval)
    assert sum(1 for _ in ev.TASKS[task].read(path)) == count


# --- ACLED Kenya: dd-mm-yy dates, rows that share a note -----------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("31-12-19", dt.date(2019, 12, 31)),
        ("04-01-04", dt.date(2004, 1, 4)),
        ("2019-12-31", dt.date(2019, 12, 31)),
        ("28 December 2022", dt.date(2022, 12, 28)),
        ("31-12-2019", None),
        ("32-12-19", None),
    ],
)
def test_gold_dates_read_day_month_two_digit_year(text, expected):
    assert gold.parse_date(text) == expected


def test_kenya_reader_reads_its_dates_and_keys_shared_notes_together():
    items = list(acled.read_acled(FIXTURES / "events/acled_dev/kenya.csv"))
    assert [(i.id, i.event_date) for i in items] == [
        ("KTS3", dt.date(2019, 3, 2)),
        ("KTS4", dt.date(2019, 3, 2)),
        ("KTS1", dt.date(2005, 6, 15)),
    ]
    assert {i.file for i in items} == {"kenya"}
    assert items[0].classes == ("PROTEST",)
    assert ev.split_key(items[0]) == ev.split_key(items[1]) == items[0].text
    assert ev.split_key(items[2]) != ev.split_key(items[0])


@pytest.mark.parametrize(
    ("kind", "sub", "classes"),
    [
        ("Riots", "Mob violence", ("PROTEST", "ASSAULT")),
        ("Riots", "Violent demonstration", ("PROTEST",)),
        ("Protests", "Excessive force against protesters", ("PROTEST", "ASSAULT")),
        ("Strategic developments", "Other", ()),
    ],
)
def test_acled_classes_follow_the_codebook_where_acled_and_plover_differ(
    tmp_path, kind, sub, classes
):
    csv_file = tmp_path / "acled_dev.csv"
    csv_file.write_text(
        "event_id_cnty,event_date,event_type,sub_event_type,notes\n"
        f'TST9,14 May 2025,{kind},{sub},"A crowd beat a man in Testville."\n'
    )
    (item,) = acled.read_acled(csv_file)
    assert item.classes == classes


def test_an_acled_folder_is_scored_over_all_files_and_per_file(settings):
    report = ev.evaluate(FIXTURES / "events/acled_dev", None, settings, extractor=fake({}))
    counts = {row.measure: row.count for row in report.rows}
    assert report.documents == 5
    assert counts["event class"] == 4  # TST2 is a strategic development: no class to score
    assert counts["kenya: event class"] == 3
    assert counts["sample: event class"] == 1
    assert counts["sample: date within one day, all notes"] == 2
    assert report.score("kenya: event class") == 0.0


# --- tune and check halves ------------------------------------------------------------------


def test_an_item_s_half_is_a_fixed_hash_of_its_id():
    assert [halves.half_of(i) for i in ("1", "3", "TEST-FIGHT-0001", "TEST01_1")] == [
        "check",
        "tune",
        "check",
        "tune",
    ]
    assert halves.in_half("1", "all")
    assert not halves.in_half("1", "tune")


@pytest.mark.parametrize("name", ["events/acled_dev", "events/case2021_task2"])
def test_tune_and_check_are_disjoint_and_make_up_the_whole_set(settings, name):
    seen = {}
    for half in halves.HALVES:
        run = fake({})
        report = ev.evaluate(FIXTURES / name, None, settings, half=half, extractor=run)
        assert f"{half} half" in report.set_name
        assert report.half == half
        seen[half] = [text for text, _ in run.seen]
    assert seen["tune"]
    assert seen["check"]
    assert not set(seen["tune"]) & set(seen["check"])
    assert sorted(seen["tune"] + seen["check"]) == sorted(seen["all"])


def test_limit_counts_items_of_the_half(settings):
    run = fake({})
    ev.evaluate(FIXTURES / "events/acled_dev", 1, settings, half="check", extractor=run)
    assert [text for text, _ in run.seen] == [
        "On March 2 2019, traders in Testburg and Otherburg burnt tyres over market fees."
    ]


def test_misses_are_kept_for_the_tune_half_only(settings):
    def misses(half):
        run = fake({})
        return ev.evaluate(FIXTURES / "events/acled_dev", None, settings, half=half, extractor=run)

    tune = misses("tune")
    assert ("KTS1", "event class", "PROTEST", "none") in [
        (m.item, m.measure, m.gold, m.ours) for m in tune.misses
    ]
    assert "KTS1\tevent class\tgold PROTEST\tours none" in tune.misses_table(10)
    assert misses("check").misses == []
    assert misses("all").misses == []


def test_a_set_or_half_without_items_is_bad_input(settings, tmp_path):
    folder = tmp_path / "acled_dev"
    folder.mkdir()
    (folder / "empty.csv").write_text("event_id_cnty,event_date,event_type,notes\n")
    with pytest.raises(BadInput, match=r"no gold items read from .*empty\.csv: nothing to score"):
        ev.evaluate(folder / "empty.csv", None, settings, extractor=fake({}))
    with pytest.raises(BadInput, match="in its check half: nothing to score"):
        ev.evaluate(
            FIXTURES / "events/zero_shot_plover", None, settings, half="check", extractor=fake({})
        )


@pytest.mark.parametrize("half", ["check", "all"])
def test_the_cli_refuses_to_list_misses_outside_the_tune_half(half):
    set_path = str(FIXTURES / "events/zero_shot_plover")
    result = CliRunner().invoke(main, ["eval", set_path, "--half", half, "--misses", "3"])
    assert result.exit_code != 0
    assert "--misses lists items of the tune half only" in result.output
    assert "check half is scored in aggregate only" in result.output


# --- CASE 2021 task 2 -----------------------------------------------------------------------

CASE = FIXTURES / "events/case2021_task2/test_set_final_release_with_labels.tsv"


def test_case_reader_keeps_known_labels_with_their_acled_sub_event_type():
    items = list(case2021.read_case(CASE))
    assert [(i.id, i.label, i.sub_event_type) for i in items] == [
        ("1", "AIR_STRIKE", "Air/drone strike"),
        ("2", "PEACE_PROTEST", "Peaceful protest"),
        ("3", "NATURAL_DISASTER", None),
        ("4", "MAN_MADE_DISASTER", None),
    ]


def test_case_scores_the_sub_event_type_and_no_violence_outside_acled():
    items = list(case2021.read_case(CASE))
    t1, t2, t4 = items[0].text, items[1].text, items[3].text
    docs = {
        t1: doc(t1, events=[event(t1, "bombed", "ASSAULT", "aerial")]),
        t2: doc(t2, events=[event(t2, "marched", "PROTEST", "riot")]),  # wrong: a riot
        t4: doc(t4, events=[event(t4, "killed", "ASSAULT")]),  # a fire read as an attack
    }
    report = Report("test")
    case2021.score_case(items, fake(docs), report)
    assert report.score("ACLED sub-event type, 25 ACLED labels") == 0.5
    assert report.score("labels the crosswalk can give (the ceiling)") == 1.0
    assert report.score("no political violence, 5 labels outside ACLED") == 0.5
    assert report.score("no political violence, NATURAL_DISASTER") == 1.0
    assert report.score("no political violence, MAN_MADE_DISASTER") == 0.0
    assert report.confusions[0].counts == {
        ("AIR_STRIKE", "AIR_STRIKE"): 1,
        ("PEACE_PROTEST", "VIOL_DEMONSTR"): 1,
    }
    assert [m.item for m in report.misses] == ["2", "4"]


def test_case_main_event_is_one_acled_codes_where_there_is_one():
    text = "The minister visited the town after rebels shelled it."
    visit = event(text, "visited", "CONSULT", "visit", confidence=0.9)
    shelling = event(text, "shelled", "ASSAULT", "heavy-weapons", confidence=0.4)
    assert case2021.coded_main_event(doc(text, events=[visit, shelling])) == shelling
    assert case2021.coded_main_event(doc(text, events=[visit])) == visit


@pytest.mark.parametrize(
    ("kind", "mode", "flags", "expected"),
    [
        ("ASSAULT", None, {}, True),
        ("PROTEST", "demo", {}, True),
        ("ASSAULT", "firearms", {"hypothetical": True}, False),
        ("ASSAULT", None, {"negated": True}, False),
        ("COERCE", "arrest", {}, False),  # a strategic development, not violence
        ("AGREE", None, {}, False),
    ],
)
def test_political_violence_is_an_event_acled_codes_as_violence_or_protest(
    kind, mode, flags, expected
):
    text = "Something happened in Testville."
    found = event(text, "happened", kind, mode, **flags)
    assert case2021.reports_political_violence(doc(text, events=[found])) is expected


# --- zero-shot PLOVER sentences -------------------------------------------------------------

PLV = FIXTURES / "events/zero_shot_plover/PLV_train.tsv"


def test_marked_spans_take_the_tags_out_and_keep_what_they_enclosed():
    text, spans = plv.marked_spans("<s>Rebels</s> shelled <t>the town</t>.")
    assert text == "Rebels shelled the town."
    assert [text[a:b] for a, b in spans] == ["Rebels", "the town"]


def test_plv_reader_makes_one_item_per_sentence():
    items = list(plv.read_plv(PLV))
    assert [(i.id, i.label) for i in items] == [
        ("11", "SUPPORT"),
        ("12", "YIELD"),
        ("13", "ASSAULT"),
    ]
    pair = items[1]
    assert sorted(pair.text[a:b] for a, b in pair.marked) == ["Otherland", "Testland"]


def test_plv_scores_the_event_between_the_marked_actors_and_reads_yield():
    items = list(plv.read_plv(PLV))
    t1, t2 = items[0].text, items[1].text
    envoy = actor(t1, "Freedonian envoy", "USA", "GOV")
    decoy = event(t1, "help", "AID", confidence=0.9)
    praised = event(t1, "praised", "SUPPORT", source=[envoy], confidence=0.4)
    pulled = event(t2, "pull", "RETREAT")
    docs = {
        t1: doc(t1, actors=[envoy], events=[decoy, praised]),
        t2: doc(t2, events=[pulled]),
    }
    report = Report("test")
    plv.score_plv(items, fake(docs), report)
    assert report.score("event type accuracy, top event") == pytest.approx(2 / 3)
    assert report.score("event type macro-F1") == pytest.approx(2 / 3)
    assert report.confusions[0].counts == {
        ("SUPPORT", "SUPPORT"): 1,
        ("YIELD", "YIELD"): 1,
        ("ASSAULT", "none"): 1,
    }


def test_the_real_new_sets_read_as_their_readme_describes(shared_eval):
    kenya = list(acled.read_acled(shared_eval / "events/acled_dev/kenya.csv"))
    assert min(i.event_date for i in kenya) == dt.date(2004, 1, 4)
    assert max(i.event_date for i in kenya) == dt.date(2019, 12, 31)
    case = list(case2021.read_case(shared_eval / "events/case2021_task2" / case2021.CASE_FILE))
    acled_subs = {sub for _, sub in Codebook.load().acled if sub}
    assert len({i.label for i in case if i.sub_event_type}) == 25
    assert {i.sub_event_type for i in case if i.sub_event_type} <= acled_subs
    assert {i.label for i in case if not i.sub_event_type} == {
        "MAN_MADE_DISASTER",
        "NATURAL_DISASTER",
        "ORG_CRIME",
        "DIPLO",
        "ATTRIB",
    }
    sentences = list(plv.read_plv(shared_eval / "events/zero_shot_plover" / plv.PLV_FILE))
    ours = {plv.plv_class(event("x", "x", kind)) for kind in Codebook.load().types}
    assert {i.label for i in sentences} == ours  # our types cover its 15 classes, no more
    assert all(i.marked for i in sentences)


@pytest.mark.parametrize(
    "name", ["events/acled_dev", "events/case2021_task2", "events/zero_shot_plover", "places"]
)
def test_the_real_halves_are_disjoint_and_near_even(shared_eval, name):
    path, task = ev.resolve_set(Path(name), shared_eval)
    items = list(ev.TASKS[task].read(path))
    keys = {"tune": set(), "check": set()}
    texts = {"tune": set(), "check": set()}
    for item in items:
        half = halves.half_of(ev.split_key(item))
        keys[half].add(ev.split_key(item))
        texts[half].add(item.text)
    assert not keys["tune"] & keys["check"]
    assert not texts["tune"] & texts["check"] or name == "places"  # no note in both halves
    share = sum(halves.half_of(ev.split_key(i)) == "tune" for i in items) / len(items)
    assert 0.4 < share < 0.6
