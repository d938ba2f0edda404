"""The HTML pages of the web app: Jinja2 shells that their scripts fill from the JSON API.

Each page is rendered on the server with its filter form already holding the values in the
URL, so a view can be shared and reloaded; the data comes from the same ``/api/...`` endpoints
an analyst's own scripts use, fetched by one small module per page under ``static/js/``. No
page carries inline script or style (the Content-Security-Policy forbids both), and every value
from the store reaches the page through Jinja2's autoescape or the DOM's ``textContent``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from ..archive import queries
from .api import StoreDep

WEB_DIR = Path(__file__).parent
TEMPLATES_DIR = WEB_DIR / "templates"

# The filters every list page shares, in the order the form shows them (W_contract: Filters).
FILTERS = ("q", "type", "mode", "country", "actor", "place", "date_from", "date_to", "basis")

# Autoescape everything, whatever a template's name ends with: article text is untrusted.
templates = Jinja2Templates(
    env=jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
)

router = APIRouter()


def _page(
    request: Request, template: str, page: str, status: int = 200, **context: Any
) -> HTMLResponse:
    """``template`` rendered with the request's filter values (blank ones left out)."""
    filters = {
        name: value for name in FILTERS if (value := request.query_params.get(name, "").strip())
    }
    article = request.query_params.get("article", "").strip()
    return templates.TemplateResponse(
        request,
        template,
        {"page": page, "filters": filters, "article_filter": article, **context},
        status_code=status,
    )


def _missing(request: Request, page: str, what: str) -> HTMLResponse:
    """A 404 page saying what is not in the store, so a stale link is not an empty page."""
    return _page(request, "missing.html", page, status=404, what=what)


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def events_page(request: Request) -> HTMLResponse:
    """The events: filter form, map, timeline per day by type, and the table."""
    return _page(request, "events.html", "events")


@router.get("/network", response_class=HTMLResponse, include_in_schema=False)
def network_page(request: Request) -> HTMLResponse:
    """Who acts on whom: actors as nodes, events as edges weighted by count, coloured by type."""
    return _page(request, "network.html", "network")


@router.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
def article_page(request: Request, article_id: str, store: StoreDep) -> HTMLResponse:
    """One article's text with every extracted span highlighted, its events and quotes beside."""
    if not store.known([article_id]):
        return _missing(request, "article", f"No article {article_id!r} in the store.")
    return _page(request, "article.html", "article", article_id=article_id)


@router.get("/stories", response_class=HTMLResponse, include_in_schema=False)
def stories_page(request: Request) -> HTMLResponse:
    """The fused stories, filtered like the events."""
    return _page(request, "stories.html", "stories")


@router.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
def story_page(request: Request, story_id: str, store: StoreDep) -> HTMLResponse:
    """One story: its member reports side by side and where they disagree."""
    if not queries.has_story(store, story_id):
        what = f"No story {story_id!r} in the store (stories are made by `eventwire fuse`)."
        return _missing(request, "story", what)
    return _page(request, "story.html", "story", story_id=story_id)


@router.get("/extract", response_class=HTMLResponse, include_in_schema=False)
def extract_page(request: Request) -> HTMLResponse:
    """Paste an article, see what eventwire finds in it, and optionally store it."""
    allow_store = bool(getattr(request.app.state, "allow_store", False))
    return _page(request, "extract.html", "extract", allow_store=allow_store)
