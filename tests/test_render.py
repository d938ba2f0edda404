"""The terminal table: each event's date says on what basis it was given."""

from eventwire.records import Article, Document, Event, Span, When
from eventwire.render import table

TEXT = "Posted May 16, 2024\n\nOn Monday rebels attacked. Two died. Troops fled."


def event(event_id, trigger, when, undated_reason=None):
    start = TEXT.index(trigger)
    return Event(
        id=event_id,
        type="ASSAULT",
        source=[],
        target=[],
        when=when,
        undated_reason=undated_reason,
        trigger=Span(start=start, end=start + len(trigger), text=trigger),
        sentence=Span(start=start, end=start + len(trigger), text=trigger),
        confidence=0.5,
    )


def when(date, basis, precision="day"):
    return When(date=date, precision=precision, basis=basis, text=None, start=None, end=None)


def test_the_events_table_shows_each_date_with_its_basis():
    document = Document(
        article=Article(id="a", text=TEXT),
        events=[
            event("e1", "attacked", when("2024-05-13", "stated")),
            event("e2", "died", when("2024-05-13", "inherited")),
            event("e3", "fled", when("2024-05-16", "reported", "week")),
            event("e4", "rebels", None, "no date in the text and no publication date"),
        ],
    )
    lines = {line.split()[0]: line for line in table(document).splitlines() if line[:1] == "e"}
    assert "2024-05-13 (stated)" in lines["e1"]
    assert "2024-05-13 (inherited)" in lines["e2"]
    assert "2024-05-16 (reported)" in lines["e3"]
    assert "undated" in lines["e4"]


def test_the_events_table_marks_filled_values_and_counts_mentions():
    from eventwire.records import Actor, Mention, Place

    first = event("e1", "attacked", when("2024-05-13", "stated"))
    mentions = [
        Mention(trigger=first.trigger, sentence=first.sentence, type="ASSAULT"),
        Mention(trigger=first.trigger, sentence=first.sentence, type="ASSAULT", source=["a1"]),
    ]
    grouped = first.model_copy(
        update={
            "source": ["a1"],
            "source_basis": "coreferent",
            "place": "p1",
            "place_basis": "article",
            "mentions": mentions,
        }
    )
    document = Document(
        article=Article(id="a", text=TEXT),
        actors=[Actor(id="a1", name="Rebels", kind="armed_group", mentions=[])],
        places=[
            Place(
                id="p1",
                name="Goma",
                lat=None,
                lon=None,
                precision="point",
                gazetteer_id=None,
                confidence=0.5,
                mentions=[],
            )
        ],
        events=[grouped],
    )
    rendered = table(document)
    [line] = [line for line in rendered.splitlines() if line.startswith("e1")]
    assert "Rebels =" in line
    assert "Goma @" in line
    assert line.split()[-1] == "2"  # two passages mention it
    assert "= from another mention" in rendered
