"""Fusion: the events of many articles that report one real-world event become one ``Story``.

``fuse_events`` is pure: reports in, stories out, with the rules in ``linking``. A story keeps
every member event and source article; where members disagree on date, place, toll or actors
it lists each value with the events that give it, and never averages them away.
``fuse_store`` recomputes the stories of a store and replaces them in one transaction, keeping
each story's id while it keeps its members, so fusing again after more ingest updates stories
in place.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import time
import uuid
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict

from .. import __version__
from ..errors import BadInput
from ..records import (
    Disagreement,
    Document,
    Story,
    StoryActor,
    StoryPlace,
    StoryRef,
    StoryValue,
)
from .linking import (
    COMPATIBLE_MODES,
    FuseSettings,
    Report,
    ReportActor,
    ReportPlace,
    candidate_pairs,
    cluster,
    conflict,
    date_span,
    left_out_reason,
    link,
)

if TYPE_CHECKING:
    from .store import Store

__all__ = [
    "COMPATIBLE_MODES",
    "FuseSettings",
    "FuseSummary",
    "Report",
    "ReportActor",
    "ReportPlace",
    "candidate_pairs",
    "conflict",
    "fuse_events",
    "fuse_store",
    "link",
    "load_reports",
    "load_stories",
    "reports_from_document",
]


class FuseSummary(BaseModel):
    """What one fuse run did, for the summary line and the tests."""

    model_config = ConfigDict(frozen=True)

    events: int
    left_out: dict[str, int]
    stories: int
    multi_article: int
    kept_ids: int
    run_id: str | None = None
    seconds: float

    def line(self) -> str:
        """One line for the terminal."""
        out = sum(self.left_out.values())
        why = ", ".join(f"{n} {reason}" for reason, n in sorted(self.left_out.items()))
        return (
            f"fused {self.events - out} events into {self.stories} stories "
            f"({self.multi_article} from several articles, {self.kept_ids} ids kept); "
            f"{out} left out{f' ({why})' if why else ''}; {self.seconds:.1f} s"
        )


# --- reading reports ---------------------------------------------------------------------------


def reports_from_document(document: Document) -> list[Report]:
    """The reports of one extracted document, one per event, in the order of its events."""
    actors = {
        a.id: ReportActor(name=a.name, country=a.country, sector=a.sector, kind=a.kind)
        for a in document.actors
    }
    places = {
        p.id: ReportPlace(p.name, p.lat, p.lon, p.country, p.admin1, p.precision)
        for p in document.places
    }
    reports = []
    for event in document.events:
        when = event.when
        reports.append(
            Report(
                article_id=document.article.id,
                event_id=event.id,
                type=event.type,
                mode=event.mode,
                published=document.article.published,
                source=tuple(actors[a] for a in event.source),
                target=tuple(actors[a] for a in event.target),
                place=places.get(event.place) if event.place else None,
                date=when.date if when else None,
                date_precision=when.precision if when else None,
                date_basis=when.basis if when else None,
                fatalities=event.fatalities,
                negated=event.negated,
                hypothetical=event.hypothetical,
                future=event.future,
                sentence_start=event.sentence.start,
                place_basis=event.place_basis,
            )
        )
    return reports


EVENT_COLUMNS = """
    SELECT e.article_id, e.event_id, e.type, e.mode, a.published, e.event_date,
           e.date_precision, e.date_basis, e.fatalities, e.negated, e.hypothetical, e.future,
           e.sentence_start, e.place_basis, p.name, p.lat, p.lon, p.country, p.admin1,
           p.precision
    FROM events e
    JOIN articles a ON a.id = e.article_id
    LEFT JOIN places p ON p.article_id = e.article_id AND p.place_id = e.place_id
    ORDER BY e.article_id, e.ordinal"""

ACTOR_COLUMNS = """
    SELECT ea.article_id, ea.event_id, ea.role, ac.name, ac.country, ac.sector, ac.kind
    FROM event_actors ea
    JOIN actors ac ON ac.article_id = ea.article_id AND ac.actor_id = ea.actor_id
    ORDER BY ea.article_id, ea.event_id, ea.role, ea.position"""


def load_reports(store: Store) -> list[Report]:
    """Every stored event as a report, in article and event order."""
    roles: dict[tuple[str, str, str], list[ReportActor]] = defaultdict(list)
    for article_id, event_id, role, name, country, sector, kind in store.query(ACTOR_COLUMNS):
        roles[article_id, event_id, role].append(ReportActor(name, country, sector, kind))
    reports = []
    for row in store.query(EVENT_COLUMNS):
        (article_id, event_id, type_, mode, published, date, precision, basis, fatalities) = row[:9]
        negated, hypothetical, future, sentence_start, place_basis = row[9:14]
        name, lat, lon, country, admin1, place_precision = row[14:]
        reports.append(
            Report(
                article_id=article_id,
                event_id=event_id,
                type=type_,
                mode=mode,
                published=published,
                source=tuple(roles.get((article_id, event_id, "source"), ())),
                target=tuple(roles.get((article_id, event_id, "target"), ())),
                place=(
                    ReportPlace(name, lat, lon, country, admin1, place_precision)
                    if name is not None
                    else None
                ),
                date=date,
                date_precision=precision,
                date_basis=basis,
                fatalities=fatalities,
                negated=bool(negated),
                hypothetical=bool(hypothetical),
                future=bool(future),
                sentence_start=sentence_start,
                place_basis=place_basis,
            )
        )
    return reports


# --- fusing ------------------------------------------------------------------------------------


def fuse_events(
    reports: Sequence[Report],
    settings: FuseSettings | None = None,
    previous: Mapping[tuple[str, str], str] | None = None,
) -> list[Story]:
    """The stories the reports tell, sorted by first date then id; negated and hypothetical
    reports are left out (``fusable``).

    ``previous`` maps (article id, event id) to the story id an earlier run gave it: a story
    keeps the id of the earlier story it shares most members with, so re-running after more
    ingest updates stories in place.
    """
    settings = settings or FuseSettings()
    # A canonical order, so that ties between equally strong links break the same way
    # however the reports were read.
    kept = sorted(
        (r for r in reports if left_out_reason(r) is None),
        key=lambda r: (r.article_id, r.event_id),
    )
    seen: set[tuple[str, str]] = set()
    for r in kept:
        if (r.article_id, r.event_id) in seen:
            raise BadInput(f"event {r.article_id}/{r.event_id}", "given twice to fusion")
        seen.add((r.article_id, r.event_id))
    groups = [[kept[i] for i in g] for g in cluster(kept, settings)]
    ids = _story_ids(groups, previous or {})
    stories = [
        build_story(story_id, group, settings) for story_id, group in zip(ids, groups, strict=True)
    ]
    stories.sort(key=lambda s: (s.date_first or dt.date.max, s.id))
    return stories


def _hash_id(text: str) -> str:
    return "s" + hashlib.sha256(text.encode()).hexdigest()[:15]


def _story_ids(
    groups: Sequence[Sequence[Report]], previous: Mapping[tuple[str, str], str]
) -> list[str]:
    """An id per group: the earlier id it shares most members with, else a hash of its first
    member (of all its members, then of them and a count, while that id is taken: a story of
    one member that split from an older story finds the old id, its first member's hash,
    taken by the rest)."""
    offers: list[tuple[int, str, int]] = []
    for index, group in enumerate(groups):
        counts = Counter(
            previous[r.article_id, r.event_id]
            for r in group
            if (r.article_id, r.event_id) in previous
        )
        offers.extend((n, old, index) for old, n in counts.items())
    offers.sort(key=lambda t: (-t[0], t[1], t[2]))
    ids: list[str | None] = [None] * len(groups)
    taken: set[str] = set()
    for _n, old, index in offers:
        if ids[index] is None and old not in taken:
            ids[index] = old
            taken.add(old)
    for index, group in enumerate(groups):
        if ids[index] is not None:
            continue
        keys = sorted(f"{r.article_id}/{r.event_id}" for r in group)
        story_id = _hash_id(keys[0])
        tries = 0
        while story_id in taken:
            story_id = _hash_id("\n".join(keys) + (f"\n{tries}" if tries else ""))
            tries += 1
        ids[index] = story_id
        taken.add(story_id)
    return [i for i in ids if i is not None]


# --- the story ---------------------------------------------------------------------------------


PRECISION_RANK = {"point": 0, "admin2": 1, "admin1": 2, "country": 3, "region": 4}
BASIS_RANK = {"stated": 0, "coreferent": 0, "inherited": 1, "article": 2}
TEXT_DATED = ("stated", "coreferent", "inherited")
"""Date bases of a date the text gives for the event (not the publication date): another
mention's date (coreferent) counts like the event's own sentence's."""


def _values(pairs: Iterable[tuple[str, StoryRef]]) -> list[StoryValue]:
    """Each distinct value with the references that give it, most references first."""
    refs: dict[str, list[StoryRef]] = defaultdict(list)
    for value, ref in pairs:
        refs[value].append(ref)
    ordered = sorted(refs.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    return [StoryValue(value=v, refs=sorted(r, key=_ref_key)) for v, r in ordered]


def _ref_key(ref: StoryRef) -> tuple[str, str]:
    return (ref.article_id, ref.event_id)


def _actor_label(actor: ReportActor) -> str:
    code = " ".join(c for c in (actor.country, actor.sector) if c)
    return f"{actor.name} ({code})" if code else actor.name


def _side(members: Sequence[Report], side: str) -> tuple[list[StoryActor], list[StoryValue] | None]:
    """The actors every member naming this side names, and the values if members differ."""
    naming = [r for r in members if getattr(r, side)]
    sets = [frozenset(a.key for a in getattr(r, side)) for r in naming]
    common = frozenset.intersection(*sets) if sets else frozenset()
    actors = {a.key: a for r in naming for a in getattr(r, side)}
    agreed = [StoryActor(name=k[0], country=k[1], sector=k[2]) for k in sorted(common, key=str)]
    if len(set(sets)) <= 1:
        return agreed, None
    values = _values((_actor_label(actors[a.key]), r.ref) for r in naming for a in getattr(r, side))
    return agreed, values


def build_story(story_id: str, members: Sequence[Report], settings: FuseSettings) -> Story:
    """The story of one group of reports: consensus where members agree, every value where not."""
    members = sorted(members, key=lambda r: (r.article_id, r.event_id))
    disagreements: list[Disagreement] = []

    stated = [r for r in members if r.date and r.date_basis in TEXT_DATED]
    dated = stated or [r for r in members if r.date]
    spans = [s for r in dated if (s := date_span(r, settings))]
    dates = _values((r.date, r.ref) for r in stated if r.date)
    if len(dates) > 1:
        disagreements.append(Disagreement(field="date", values=dates))

    # Places the text ties to the event speak for the story; the paragraph's or dateline's
    # only where no member has one, and never against them.
    placed = [r for r in members if r.told_place] or [r for r in members if r.place]
    places = _values((_place_label(r.place), r.ref) for r in placed if r.place)
    if len(places) > 1:
        disagreements.append(Disagreement(field="place", values=places))
    best = min(
        placed,
        key=lambda r: (
            BASIS_RANK.get(r.place_basis or "stated", 0),
            PRECISION_RANK[r.place.precision] if r.place else 9,
            -sum(len(v.refs) for v in places if r.place and v.value == _place_label(r.place)),
            r.article_id,
            r.event_id,
        ),
        default=None,
    )
    place = best.place if best else None

    tolls = _values((str(r.fatalities), r.ref) for r in members if r.fatalities is not None)
    if len(tolls) > 1:
        disagreements.append(Disagreement(field="fatalities", values=tolls))
    counts = [int(v.value) for v in tolls]

    source, source_values = _side(members, "source")
    target, target_values = _side(members, "target")
    if source_values:
        disagreements.append(Disagreement(field="source", values=source_values))
    if target_values:
        disagreements.append(Disagreement(field="target", values=target_values))

    modes = Counter(r.mode for r in members if r.mode)
    return Story(
        id=story_id,
        type=members[0].type,
        mode=min(modes, key=lambda m: (-modes[m], m)) if modes else None,
        members=[r.ref for r in members],
        articles=sorted({r.article_id for r in members}),
        date=dates[0].value if len(dates) == 1 else None,
        date_first=dt.date.fromordinal(min(s[0] for s in spans)) if spans else None,
        date_last=dt.date.fromordinal(max(s[1] for s in spans)) if spans else None,
        date_basis=("stated" if stated else "reported") if spans else None,
        country=place.country if place else None,
        place=(
            StoryPlace(
                name=place.name,
                lat=place.lat,
                lon=place.lon,
                country=place.country,
                precision=place.precision,
            )
            if place
            else None
        ),
        fatalities=counts[0] if len(counts) == 1 else None,
        fatalities_min=min(counts) if counts else None,
        fatalities_max=max(counts) if counts else None,
        source=source,
        target=target,
        disagreements=disagreements,
    )


def _place_label(place: ReportPlace | None) -> str:
    assert place is not None
    return f"{place.name} ({place.country})" if place.country else place.name


# --- the store ---------------------------------------------------------------------------------


def fuse_store(store: Store, settings: FuseSettings | None = None) -> FuseSummary:
    """Recompute every story from the stored events and replace the old ones in one
    transaction; a story keeps its id while it keeps its members (or gains more)."""
    settings = settings or FuseSettings()
    started = time.perf_counter()
    reports = load_reports(store)
    previous = {
        (article_id, event_id): story_id
        for story_id, article_id, event_id in store.query(
            "SELECT story_id, article_id, event_id FROM story_members"
        )
    }
    stories = fuse_events(reports, settings, previous)
    run_id = uuid.uuid4().hex[:16]
    story_rows = [
        (
            s.id,
            s.type,
            s.mode,
            s.date_first.isoformat() if s.date_first else None,
            s.date_last.isoformat() if s.date_last else None,
            s.country,
            s.place.lat if s.place else None,
            s.place.lon if s.place else None,
            s.place.name if s.place else None,
            len(s.members),
            len(s.articles),
            s.fatalities_min,
            s.fatalities_max,
            s.model_dump_json(),
            run_id,
        )
        for s in stories
    ]
    member_rows = [(s.id, m.article_id, m.event_id) for s in stories for m in s.members]
    with store.transaction():
        store.insert(
            "runs",
            [
                (
                    run_id,
                    dt.datetime.now(dt.UTC).replace(tzinfo=None),
                    __version__,
                    "fuse",
                    settings.model_dump_json(),
                )
            ],
        )
        store.execute("DELETE FROM story_members")
        store.execute("DELETE FROM stories")
        store.insert("stories", story_rows)
        store.insert("story_members", member_rows)
    store.finish()
    left_out = Counter(reason for r in reports if (reason := left_out_reason(r)))
    kept = len({s.id for s in stories} & set(previous.values()))
    return FuseSummary(
        events=len(reports),
        left_out=dict(left_out),
        stories=len(stories),
        multi_article=sum(len(s.articles) > 1 for s in stories),
        kept_ids=kept,
        run_id=run_id,
        seconds=time.perf_counter() - started,
    )


def load_stories(store: Store) -> list[Story]:
    """The stored stories, by first date then id."""
    rows = store.query("SELECT record FROM stories ORDER BY date_first, id")
    return [Story.model_validate(json.loads(record)) for (record,) in rows]
