"""The store's tables: one schema, written in SQL that DuckDB and PostgreSQL both read.

Every extracted value keeps its character span (``*_start``/``*_end`` offsets into
``articles.text``). Keys are ``(article_id, <record id>)``: record ids such as ``e1`` or ``a3`` are
only unique inside their article. Spans avoid the names ``start`` and ``end`` (``end`` is reserved
in PostgreSQL). The README's "Tables" section documents each column for analysts.
"""

from __future__ import annotations

STORE_VERSION = 3
"""Raised whenever a table or column changes; ``MIGRATIONS`` takes older stores forward."""

TABLES: dict[str, str] = {
    "meta": """
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL""",
    "runs": """
        id TEXT PRIMARY KEY,
        started TIMESTAMP NOT NULL,
        version TEXT NOT NULL,
        command TEXT NOT NULL,
        settings TEXT NOT NULL""",
    "articles": """
        id TEXT PRIMARY KEY,
        url TEXT,
        title TEXT,
        source TEXT,
        published DATE,
        published_from TEXT NOT NULL,
        published_start INTEGER,
        published_end INTEGER,
        published_text TEXT,
        language TEXT NOT NULL,
        text TEXT NOT NULL,
        warnings TEXT NOT NULL,
        run_id TEXT NOT NULL""",
    "actors": """
        article_id TEXT NOT NULL,
        actor_id TEXT NOT NULL,
        ordinal INTEGER NOT NULL,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        country TEXT,
        sector TEXT,
        wikidata TEXT,
        dictionary_id TEXT,
        PRIMARY KEY (article_id, actor_id)""",
    "actor_mentions": """
        article_id TEXT NOT NULL,
        actor_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        mention_start INTEGER NOT NULL,
        mention_end INTEGER NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY (article_id, actor_id, position)""",
    "places": """
        article_id TEXT NOT NULL,
        place_id TEXT NOT NULL,
        ordinal INTEGER NOT NULL,
        name TEXT NOT NULL,
        lat DOUBLE PRECISION,
        lon DOUBLE PRECISION,
        country TEXT,
        admin1 TEXT,
        feature TEXT,
        precision TEXT NOT NULL,
        gazetteer_id TEXT,
        confidence DOUBLE PRECISION NOT NULL,
        reason TEXT,
        PRIMARY KEY (article_id, place_id)""",
    "place_mentions": """
        article_id TEXT NOT NULL,
        place_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        mention_start INTEGER NOT NULL,
        mention_end INTEGER NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY (article_id, place_id, position)""",
    "times": """
        article_id TEXT NOT NULL,
        time_id TEXT NOT NULL,
        ordinal INTEGER NOT NULL,
        time_start INTEGER NOT NULL,
        time_end INTEGER NOT NULL,
        text TEXT NOT NULL,
        value TEXT,
        precision TEXT,
        reason TEXT,
        PRIMARY KEY (article_id, time_id)""",
    "events": """
        article_id TEXT NOT NULL,
        event_id TEXT NOT NULL,
        ordinal INTEGER NOT NULL,
        type TEXT NOT NULL,
        mode TEXT,
        cameo_root TEXT,
        place_id TEXT,
        event_date TEXT,
        event_day DATE,
        date_precision TEXT,
        date_basis TEXT,
        date_text TEXT,
        date_start INTEGER,
        date_end INTEGER,
        undated_reason TEXT,
        trigger_start INTEGER NOT NULL,
        trigger_end INTEGER NOT NULL,
        trigger_text TEXT NOT NULL,
        sentence_start INTEGER NOT NULL,
        sentence_end INTEGER NOT NULL,
        sentence_text TEXT NOT NULL,
        negated BOOLEAN NOT NULL,
        hypothetical BOOLEAN NOT NULL,
        future BOOLEAN NOT NULL,
        fatalities INTEGER,
        confidence DOUBLE PRECISION NOT NULL,
        run_id TEXT NOT NULL,
        source_basis TEXT,
        target_basis TEXT,
        place_basis TEXT,
        PRIMARY KEY (article_id, event_id)""",
    "event_actors": """
        article_id TEXT NOT NULL,
        event_id TEXT NOT NULL,
        role TEXT NOT NULL,
        position INTEGER NOT NULL,
        actor_id TEXT NOT NULL,
        PRIMARY KEY (article_id, event_id, role, position)""",
    "event_mentions": """
        article_id TEXT NOT NULL,
        event_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        trigger_start INTEGER NOT NULL,
        trigger_end INTEGER NOT NULL,
        trigger_text TEXT NOT NULL,
        sentence_start INTEGER NOT NULL,
        sentence_end INTEGER NOT NULL,
        sentence_text TEXT NOT NULL,
        type TEXT NOT NULL,
        mode TEXT,
        place_id TEXT,
        event_date TEXT,
        event_day DATE,
        date_precision TEXT,
        date_basis TEXT,
        date_text TEXT,
        date_start INTEGER,
        date_end INTEGER,
        fatalities INTEGER,
        negated BOOLEAN NOT NULL,
        hypothetical BOOLEAN NOT NULL,
        future BOOLEAN NOT NULL,
        PRIMARY KEY (article_id, event_id, position)""",
    "event_mention_actors": """
        article_id TEXT NOT NULL,
        event_id TEXT NOT NULL,
        mention INTEGER NOT NULL,
        role TEXT NOT NULL,
        position INTEGER NOT NULL,
        actor_id TEXT NOT NULL,
        PRIMARY KEY (article_id, event_id, mention, role, position)""",
    "quotes": """
        article_id TEXT NOT NULL,
        quote_id TEXT NOT NULL,
        ordinal INTEGER NOT NULL,
        kind TEXT NOT NULL,
        quote_start INTEGER NOT NULL,
        quote_end INTEGER NOT NULL,
        text TEXT NOT NULL,
        speaker_id TEXT,
        speaker_text TEXT,
        speaker_start INTEGER,
        speaker_end INTEGER,
        cue TEXT,
        cue_start INTEGER,
        cue_end INTEGER,
        confidence DOUBLE PRECISION NOT NULL,
        unresolved_reason TEXT,
        PRIMARY KEY (article_id, quote_id)""",
    "stories": """
        id TEXT PRIMARY KEY,
        type TEXT NOT NULL,
        mode TEXT,
        date_first TEXT,
        date_last TEXT,
        country TEXT,
        lat DOUBLE PRECISION,
        lon DOUBLE PRECISION,
        place_name TEXT,
        n_events INTEGER NOT NULL,
        n_articles INTEGER NOT NULL,
        fatalities_min INTEGER,
        fatalities_max INTEGER,
        record TEXT NOT NULL,
        run_id TEXT NOT NULL""",
    "story_members": """
        story_id TEXT NOT NULL,
        article_id TEXT NOT NULL,
        event_id TEXT NOT NULL,
        PRIMARY KEY (story_id, article_id, event_id)""",
}

INDEXES = (
    "CREATE INDEX IF NOT EXISTS events_day ON events (event_day)",
    "CREATE INDEX IF NOT EXISTS events_type ON events (type)",
    "CREATE INDEX IF NOT EXISTS event_actors_actor ON event_actors (article_id, actor_id)",
    "CREATE INDEX IF NOT EXISTS story_members_event ON story_members (article_id, event_id)",
)

WEB_INDEXES = (
    # The web app's lists, latest first, read a page off these instead of sorting every row.
    "CREATE INDEX IF NOT EXISTS events_latest ON events "
    "(event_day DESC NULLS LAST, article_id, ordinal)",
    "CREATE INDEX IF NOT EXISTS stories_latest ON stories "
    "(date_first DESC NULLS LAST, n_articles DESC, id)",
    # Its actor and place filters.
    "CREATE INDEX IF NOT EXISTS actors_name ON actors (name)",
    "CREATE INDEX IF NOT EXISTS places_name ON places (name)",
)
"""Version 2: indexes for the web app (``eventwire serve``)."""

MENTION_INDEXES = (
    # An event's mentions (its page, the exports) without reading its article's others.
    "CREATE INDEX IF NOT EXISTS event_mentions_event ON event_mentions (article_id, event_id)",
    "CREATE INDEX IF NOT EXISTS event_mention_actors_event "
    "ON event_mention_actors (article_id, event_id)",
)


def _table(name: str) -> str:
    return f"CREATE TABLE IF NOT EXISTS {name} ({TABLES[name]}\n)"


MENTIONS = (
    # Appended, so that a migrated table has its columns in the order a new one has.
    *(
        f"ALTER TABLE events ADD COLUMN IF NOT EXISTS {role}_basis TEXT"
        for role in ("source", "target", "place")
    ),
    _table("event_mentions"),
    _table("event_mention_actors"),
    *MENTION_INDEXES,
)
"""Version 3: an event's mentions (each passage that reports it) and where its source, target
and place came from."""

MIGRATIONS: dict[int, tuple[str, ...]] = {1: WEB_INDEXES, 2: MENTIONS}
"""``MIGRATIONS[n]``: the statements that take a store from version ``n`` to ``n + 1``."""


def create_statements() -> list[str]:
    """The statements that create every table and index of the current version."""
    return [*(_table(name) for name in TABLES), *INDEXES, *WEB_INDEXES, *MENTION_INDEXES]
