"""The web app: ``create_app(store_url, settings)`` gives the FastAPI app that ``eventwire
serve`` runs with uvicorn.

Article text, titles, URLs and names are untrusted, so every response carries a
Content-Security-Policy that allows only this server's own scripts and styles (no inline script,
no remote origin), and request bodies are size-limited before any handler reads them. Every error
has one shape, ``{"ok": false, "status": 404, "error": "...", "field": null}`` (datasette's
habit): ``field`` names the query or body field at fault, if one is.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import Headers, MutableHeaders
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__
from ..errors import BadInput, StoreError
from ..extraction.codebook import Codebook
from ..settings import Settings
from . import api, pages
from .stores import StorePool

STATIC = Path(__file__).parent / "static"

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",  # article URLs are not told to the sites they link to
    "X-Frame-Options": "DENY",
}
MAX_BODY_BYTES = 1_200_000
"""The largest request body accepted (a pasted article as JSON); larger ones get 413."""


def create_app(
    store_url: str | None,
    settings: Settings,
    *,
    allow_store: bool = False,
    max_body_bytes: int = MAX_BODY_BYTES,
) -> FastAPI:
    """The app over the store at ``store_url`` (default ``settings.db_url``), opened read-only;
    ``allow_store`` lets POST /api/extract store an article. A store that cannot be opened
    read-only (missing, newer, older) is a ``StoreError`` here, before anything is served."""
    stores = StorePool(store_url or settings.db_url, settings)
    stores.open()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        stores.close()

    app = FastAPI(
        title="eventwire",
        version=__version__,
        summary="Sourced event data from news text: events, stories and their articles.",
        docs_url=None,  # the docs pages load scripts from a CDN: only /openapi.json is served
        redoc_url=None,
        lifespan=lifespan,
    )
    codebook = Codebook.load()
    app.state.settings = settings
    app.state.stores = stores
    app.state.allow_store = allow_store
    app.state.event_types = frozenset(codebook.types)
    app.state.event_modes = frozenset(m for t in codebook.types.values() for m in t.modes)
    app.include_router(api.router)
    app.include_router(pages.router)
    if STATIC.is_dir():
        app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_exception_handler(HTTPException, _http_error)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, _validation_error)  # type: ignore[arg-type]
    app.add_exception_handler(BadInput, _bad_input)  # type: ignore[arg-type]
    app.add_exception_handler(StoreError, _store_error)  # type: ignore[arg-type]
    app.add_exception_handler(Exception, _bug)
    app.add_middleware(BodyLimit, max_bytes=max_body_bytes)
    app.add_middleware(SecurityHeaders)  # outermost: on every response, 413 included
    return app


# --- the one error shape ---------------------------------------------------------------------


def error_response(
    status: int, message: str, field: str | None = None, headers: dict[str, str] | None = None
) -> JSONResponse:
    """The error shape every endpoint answers with (security headers included, for the
    errors that leave the app outside its middleware)."""
    return JSONResponse(
        {"ok": False, "status": status, "error": message, "field": field},
        status_code=status,
        headers={**SECURITY_HEADERS, **(headers or {})},
    )


async def _http_error(request: Request, exc: HTTPException) -> JSONResponse:
    message = str(exc.detail)
    if exc.status_code == 404 and message == "Not Found":
        message = f"nothing at {request.url.path}"
    return error_response(exc.status_code, message, headers=dict(exc.headers or {}))


async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    first = exc.errors()[0]
    names = [str(part) for part in first.get("loc", ()) if part not in ("query", "path")]
    field = names[-1] if names and not names[-1].isdigit() else (names[0] if names else None)
    if field == "body" and len(names) > 1:
        field = names[1]
    return error_response(400, f"{field}: {first.get('msg', 'invalid')}", field)


async def _bad_input(request: Request, exc: BadInput) -> JSONResponse:
    return error_response(400, str(exc), exc.where)


async def _store_error(request: Request, exc: StoreError) -> JSONResponse:
    return error_response(503, str(exc))


async def _bug(request: Request, exc: Exception) -> JSONResponse:
    # The traceback goes to the server's log (Starlette re-raises it); the client is told little.
    return error_response(500, "internal error (the server's log has the details)")


# --- middleware ------------------------------------------------------------------------------


class SecurityHeaders:
    """Adds the Content-Security-Policy and its companions to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers[name] = value
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyLimit:
    """Reads a request's body up to ``max_bytes`` before the app sees it; past that the answer
    is 413 and the app never runs (declared lengths are refused before reading)."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = Headers(scope=scope).get("content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            await self._refuse(declared.isdigit(), scope, receive, send)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await self._refuse(True, scope, receive, send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        whole = {"type": "http.request", "body": b"".join(chunks), "more_body": False}
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return whole

        await self.app(scope, replay, send)

    async def _refuse(self, too_large: bool, scope: Scope, receive: Receive, send: Send) -> None:
        response = (
            error_response(413, f"request body over the limit of {self.max_bytes:,} bytes")
            if too_large
            else error_response(400, "Content-Length is not a number of bytes")
        )
        await response(scope, receive, send)
