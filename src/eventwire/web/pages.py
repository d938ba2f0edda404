"""The HTML pages of the web app: server-rendered Jinja2 over the same queries as the API."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()
