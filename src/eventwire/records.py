"""Every record eventwire produces, and the JSON Schema that comes from them.

Each value found in an article carries character offsets into ``Article.text`` so that an
analyst can go back to the words it came from: ``article.text[start:end] == text``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "0.2"

ActorKind = Literal[
    "state",
    "military",
    "government",
    "leader",
    "armed_group",
    "coalition",
    "igo",
    "organisation",
    "party",
    "media",
    "person",
    "group",
]
Precision = Literal["point", "admin2", "admin1", "country", "region"]
# "week": on or in the days before the date (ACLED time_precision 2), what a date reported
# with the article says of an event its text does not date.
TimePrecision = Literal["day", "week", "month", "year"]
DateBasis = Literal["stated", "coreferent", "inherited", "reported"]
# Where an event's source, target or place came from: its mention's own sentence, another
# mention of the same event, the paragraph, or (place only) the article's dateline or main place.
RoleBasis = Literal["stated", "coreferent", "inherited", "article"]
PublishedFrom = Literal["given", "metadata", "text", "unknown"]


class Record(BaseModel):
    """Base of every record: immutable, and unknown fields are an error."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Span(Record):
    """Characters ``start:end`` of the article text, and the text found there."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Article(Record):
    """One news article as eventwire read it."""

    id: str = Field(description="sha256 of the whitespace-normalised text, first 16 hex digits")
    url: str | None = None
    title: str | None = None
    source: str | None = None
    published: dt.date | None = None
    published_from: PublishedFrom = "unknown"
    published_span: Span | None = Field(
        default=None, description="where the publication date was read, when it came from the text"
    )
    language: str = "en"
    text: str


class Actor(Record):
    """Someone who acts or speaks: a state, an armed group, an organisation or a person."""

    id: str
    name: str = Field(description="canonical name")
    kind: ActorKind
    country: str | None = Field(
        default=None, description="ISO 3166 alpha-3, or IGO, UNO, EUR, NGO, ISM, IMG, MNC"
    )
    sector: str | None = Field(default=None, description="PLOVER sector code, e.g. GOV, MIL, REB")
    wikidata: str | None = None
    dictionary_id: str | None = Field(
        default=None, description="key in the actor dictionary; null for people found by NER"
    )
    mentions: list[Span]


class Place(Record):
    """A place named in the article, resolved to coordinates where the gazetteer allows."""

    id: str
    name: str
    lat: float | None
    lon: float | None
    country: str | None = Field(default=None, description="ISO 3166 alpha-3")
    admin1: str | None = None
    feature: str | None = Field(
        default=None, description="city, village, admin2, admin1, country, region"
    )
    precision: Precision
    gazetteer_id: str | None
    confidence: float = Field(ge=0, le=1)
    reason: str | None = Field(default=None, description="why the place is unresolved or doubtful")
    mentions: list[Span]


class Time(Record):
    """A date expression and its TIMEX3-style value at the precision the text gives."""

    id: str
    start: int
    end: int
    text: str
    value: str | None = Field(description="YYYY, YYYY-MM or YYYY-MM-DD; null when unresolvable")
    precision: TimePrecision | None
    reason: str | None = Field(default=None, description="why the value is null")


class When(Record):
    """When an event happened, and on what basis: a date its own sentence names, one inherited
    from its paragraph, or, where the text dates it nowhere, the article's publication date."""

    date: str | None
    precision: TimePrecision | None
    basis: DateBasis = Field(
        description="stated: the event's sentence names the date; coreferent: another mention of "
        "the same event names it; inherited: its sentence names none, and the date is the last "
        "one named before it in its paragraph; reported: the text "
        "names no date for it, so the date is the article's publication date, with precision "
        "'week' (on or in the days before that date)"
    )
    text: str | None = Field(
        description="the expression the date was read from; for a reported date the article's "
        "published_span when the publication date was read from the text, else null"
    )
    start: int | None = Field(description="where text starts; null when text is null")
    end: int | None = Field(description="where text ends; null when text is null")


class Mention(Record):
    """One passage that reports an event, and what that passage itself says of it."""

    trigger: Span
    sentence: Span
    type: str
    mode: str | None = None
    source: list[str] = Field(default=[], description="actor ids this mention's sentence names")
    target: list[str] = Field(default=[], description="actor ids this mention's sentence names")
    place: str | None = Field(default=None, description="place id this mention's sentence names")
    when: When | None = Field(default=None, description="the date this mention's sentence gives")
    fatalities: int | None = None
    negated: bool = False
    hypothetical: bool = False
    future: bool = False


class Event(Record):
    """Who did what to whom, typed in PLOVER, with the words that say so.

    One real-world event, however many times the article mentions it: ``mentions`` lists each
    passage; ``trigger`` and ``sentence`` are those of the first. A value not stated in the
    first mention's sentence says where it came from (``*_basis``, ``when.basis``).
    """

    id: str
    type: str = Field(description="PLOVER event type, e.g. ASSAULT")
    mode: str | None = Field(default=None, description="PLOVER mode of the type, e.g. aerial")
    cameo_root: str | None = Field(
        default=None, description="CAMEO root code (01-20) of the type and mode, e.g. 19"
    )
    source: list[str] = Field(description="actor ids")
    target: list[str] = Field(
        description="actor ids; where parties meet, cooperate or agree together and no other "
        "is named, each is also a target (one event each way, as CAMEO codes it)"
    )
    place: str | None = Field(default=None, description="place id")
    when: When | None
    undated_reason: str | None = Field(
        default=None,
        description="why the event has no date: no date in the text and no publication date, "
        "or the expression that dates it cannot be resolved",
    )
    trigger: Span
    sentence: Span
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    fatalities: int | None = None
    confidence: float = Field(ge=0, le=1)
    source_basis: RoleBasis | None = Field(
        default=None, description="where source came from; null when there is no source"
    )
    target_basis: RoleBasis | None = Field(
        default=None, description="where target came from; null when there is no target"
    )
    place_basis: RoleBasis | None = Field(
        default=None,
        description="where place came from: stated in a mention's sentence, coreferent (another "
        "mention of the event), inherited (the paragraph) or article (its dateline or main place)",
    )
    mentions: list[Mention] = Field(
        default=[], description="every passage that reports this event, in text order"
    )


class Quote(Record):
    """Words reported as said, and who said them, or why that cannot be known."""

    id: str
    kind: Literal["full", "partial"]
    text: str
    start: int
    end: int
    speaker: str | None = Field(description="actor id; null when the text never names the speaker")
    speaker_text: str | None
    speaker_span: Span | None = None
    cue: str | None
    cue_span: Span | None = None
    confidence: float = Field(ge=0, le=1)
    unresolved_reason: str | None = None


class Document(Record):
    """One article and everything eventwire found in it."""

    schema_version: str = SCHEMA_VERSION
    article: Article
    actors: list[Actor] = []
    places: list[Place] = []
    times: list[Time] = []
    events: list[Event] = []
    quotes: list[Quote] = []
    warnings: list[str] = Field(default=[], description="what was odd about the input")


def document_schema() -> dict[str, Any]:
    """The JSON Schema of ``Document``, the output of ``eventwire extract``."""
    schema = Document.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "eventwire Document"
    return schema


class Location(Record):
    """Where an input record came from: the file, and its line, row or list index."""

    file: str = Field(description="the path as given, or <stdin>")
    line: int | None = Field(default=None, description="JSON Lines: the line, from 1")
    row: int | None = Field(
        default=None, description="CSV: the record number as a spreadsheet shows it (header = 1)"
    )
    index: int | None = Field(default=None, description="a JSON list: the position, from 0")

    def __str__(self) -> str:
        if self.line is not None:
            return f"{self.file}:{self.line}"
        if self.row is not None:
            return f"{self.file}: row {self.row}"
        if self.index is not None:
            return f"{self.file}[{self.index}]"
        return self.file


class Quarantined(Record):
    """An input record that could not be read or extracted: where it was, and why."""

    location: Location
    error: str = Field(description="the BadInput class, e.g. NotUtf8, EmptyText, BadJson")
    reason: str
    article_id: str | None = Field(
        default=None, description="set when the article was read but extraction refused it"
    )


class StoryRef(Record):
    """One member event of a story: the article it is in and its id there."""

    article_id: str
    event_id: str


class StoryActor(Record):
    """An actor as fusion compares them across articles: canonical name, country and sector."""

    name: str
    country: str | None = None
    sector: str | None = None


class StoryPlace(Record):
    """The place that stands for a story: the most precise one its members give."""

    name: str
    lat: float | None
    lon: float | None
    country: str | None
    precision: Precision


class StoryValue(Record):
    """One value members of a story give, and the member events that give it."""

    value: str
    refs: list[StoryRef]


class Disagreement(Record):
    """A field on which a story's members differ, with every value and who gives it."""

    field: Literal["date", "place", "fatalities", "source", "target"]
    values: list[StoryValue] = Field(description="each distinct value, most references first")


class Story(Record):
    """One real-world event fused from the events of one or more articles that report it.

    Every member event and source article is kept; where members disagree the story lists
    each value with the events that give it, and never averages them away.
    """

    id: str = Field(description="stable across runs: kept while the story keeps its members")
    type: str = Field(description="PLOVER event type, shared by every member")
    mode: str | None = Field(description="the mode most members give; null when none gives one")
    members: list[StoryRef]
    articles: list[str] = Field(description="ids of the source articles, sorted")
    date: str | None = Field(
        description="the date every member that states one agrees on; null when they differ "
        "(see disagreements) or none states one"
    )
    date_first: dt.date | None = Field(
        description="first day the story may have happened on: from dates the texts give "
        "(stated, coreferent or inherited) where any member has one, else from reported ones"
    )
    date_last: dt.date | None
    date_basis: DateBasis | None = Field(
        description="stated when some member's text dates it (stated, coreferent or "
        "inherited), reported when only publication dates do"
    )
    country: str | None = Field(description="ISO 3166 alpha-3 of the story's place")
    place: StoryPlace | None
    fatalities: int | None = Field(description="the toll every member that gives one agrees on")
    fatalities_min: int | None
    fatalities_max: int | None
    source: list[StoryActor] = Field(description="source actors every member naming one names")
    target: list[StoryActor] = Field(description="target actors every member naming one names")
    disagreements: list[Disagreement] = []
