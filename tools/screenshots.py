"""The README's screenshots of the web app, made again from the public-domain VOA stories.

    .venv/bin/python tools/screenshots.py [--out docs]

Ingests ``../shared/corpus/voa_stories.public_domain.jsonl`` into a fresh DuckDB file, fuses
it, serves it on a free local port, and has Debian's chromium (through Playwright, as the
browser tests do) photograph each page at 1400 x 950: the events page, the network, the
stories, one story, an article, and /extract with the example article pasted in. Screenshots
date as the code changes; this keeps them one command away from current.
"""

from __future__ import annotations

import argparse
import json
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "voa_stories.public_domain.jsonl"
BIN = Path(sys.executable).parent
VIEWPORT = {"width": 1400, "height": 950}
ARTICLE_TITLE = "Iraq says key Islamic State leader is dead"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for(url: str, seconds: float = 60) -> None:
    """Until the server answers, or a clear error after ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"the server at {url} did not answer within {seconds:.0f} s")


def api(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.load(response)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    args = parser.parse_args()
    chromium = shutil.which("chromium")
    if chromium is None:
        raise SystemExit("no chromium here: apt-get install chromium (Debian's package)")
    if not CORPUS.exists():
        raise SystemExit(f"{CORPUS} is missing (../shared beside the project)")
    from playwright.sync_api import sync_playwright

    eventwire = str(BIN / "eventwire")
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "voa.duckdb")
        subprocess.run([eventwire, "ingest", str(CORPUS), "--db", db], check=True)
        subprocess.run([eventwire, "fuse", "--db", db], check=True)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen([eventwire, "serve", "--db", db, "--port", str(port)])
        try:
            wait_for(base + "/")
            with sync_playwright() as pw:
                browser = pw.chromium.launch(
                    executable_path=chromium, args=["--no-sandbox", "--disable-gpu"]
                )
                page = browser.new_page(viewport=VIEWPORT)

                def shot(path: str, name: str) -> None:
                    page.goto(base + path)
                    page.wait_for_selector("body[data-ready]", state="attached")
                    page.screenshot(path=str(args.out / f"screenshot-{name}.png"))
                    print(f"{name}: {base}{path}")

                # An attack reported by several articles shows fusion best.
                stories = api(base + "/api/stories?type=ASSAULT&limit=200")["items"]
                story = max(stories, key=lambda s: (s["n_articles"], s["n_events"]))
                events = api(base + "/api/events?q=" + quote(ARTICLE_TITLE))["items"]
                shot("/", "events")
                shot("/network", "network")
                shot("/stories", "stories")
                shot(f"/stories/{story['id']}", "story")
                shot(f"/articles/{events[0]['article_id']}", "article")
                page.goto(base + "/extract")
                page.wait_for_selector("body[data-ready]", state="attached")
                example = (ROOT / "examples" / "somalia-strikes.txt").read_text(encoding="utf-8")
                page.fill("#extract textarea[name=text]", example)
                page.click("#extract button[type=submit]")
                page.wait_for_selector("body[data-ready=yes] #result:not([hidden])", timeout=60_000)
                page.screenshot(path=str(args.out / "screenshot-extract.png"))
                print("extract: the example article pasted")
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
