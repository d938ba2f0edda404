"""Codebook: the PLOVER types, modes and crosswalks in ``data/plover.yaml``, validated on load.

The file keeps one version of every mapping eventwire relies on: current PLOVER types and
their modes, the PLOVER 0.5 names of the gold data, CAMEO root codes and ACLED event types.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..errors import ResourceError
from ..settings import DATA_DIR

DEFAULT_PATH = DATA_DIR / "plover.yaml"
QUADS = frozenset(
    {"verbal-cooperation", "material-cooperation", "verbal-conflict", "material-conflict"}
)


@dataclass(frozen=True)
class EventType:
    """One PLOVER type: its quad class, definition, modes and the older names it covers."""

    name: str
    quad: str
    definition: str
    modes: frozenset[str]
    plover_0_5: tuple[str, ...]
    cameo: tuple[str, ...]
    cameo_by_mode: dict[str, str]  # mode -> CAMEO root where it is not the first code's


@dataclass(frozen=True)
class Codebook:
    """The PLOVER codebook and its CAMEO, PLOVER 0.5 and ACLED crosswalks."""

    version: str
    types: dict[str, EventType]
    plover_0_5: dict[str, tuple[str, str | None]]
    cameo_roots: dict[str, tuple[str | None, dict[str, str]]]
    acled: dict[tuple[str, str | None], tuple[str | None, str | None]]

    @classmethod
    def load(cls, path: Path = DEFAULT_PATH) -> Codebook:
        """The codebook in ``path``; anything inconsistent is a ``ResourceError`` naming it."""
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as e:
            raise ResourceError(f"{path}: cannot read the PLOVER codebook ({e})") from e
        if not isinstance(data, dict) or not isinstance(data.get("types"), dict):
            raise ResourceError(f"{path}: no 'types' mapping")
        types = {name: _type(name, raw, path) for name, raw in data["types"].items()}
        codebook = cls(
            version=str(data.get("version", "")),
            types=types,
            plover_0_5={
                name: (raw["type"], raw.get("mode"))
                for name, raw in (data.get("plover_0_5") or {}).items()
            },
            cameo_roots={
                str(code): (
                    raw.get("type"),
                    {str(k): v for k, v in (raw.get("except") or {}).items()},
                )
                for code, raw in (data.get("cameo_roots") or {}).items()
            },
            acled={
                (row["event_type"], row.get("sub_event_type")): (row.get("type"), row.get("mode"))
                for row in data.get("acled") or []
            },
        )
        codebook._check(path)
        return codebook

    def _check(self, path: Path) -> None:
        pairs: list[tuple[str, str | None, str | None]] = [
            (f"plover_0_5 {k}", t, m) for k, (t, m) in self.plover_0_5.items()
        ]
        pairs += [(f"acled {k}", t, m) for k, (t, m) in self.acled.items()]
        for code, (type_, exceptions) in self.cameo_roots.items():
            pairs.append((f"cameo {code}", type_, None))
            pairs += [(f"cameo {sub}", t, None) for sub, t in exceptions.items()]
        pairs += [
            (f"types {name} cameo_by_mode", name, by_mode)
            for name, found in self.types.items()
            for by_mode in found.cameo_by_mode
        ]
        for where, type_, mode in pairs:
            if type_ is not None and not self.is_valid(type_, mode):
                raise ResourceError(f"{path}: {where}: {type_}/{mode} is not in the codebook")

    def is_valid(self, type_: str, mode: str | None = None) -> bool:
        """Whether ``type_`` is a current PLOVER type and ``mode`` (if any) one of its modes."""
        found = self.types.get(type_)
        return found is not None and (mode is None or mode in found.modes)

    def cameo_root(self, type_: str, mode: str | None) -> str | None:
        """The CAMEO root (two digits) of a PLOVER type and mode, for users of CAMEO data."""
        found = self.types.get(type_)
        if found is None or not found.cameo:
            return None
        return found.cameo_by_mode.get(mode or "", found.cameo[0])[:2]

    def from_cameo(self, code: str) -> str | None:
        """The PLOVER type of a CAMEO code ("190", "0311"), or None where PLOVER has none."""
        root = self.cameo_roots.get(code[:2])
        if root is None:
            return None
        type_, exceptions = root
        return exceptions.get(code[:3], type_)


def _type(name: str, raw: Any, path: Path) -> EventType:
    if not isinstance(raw, dict) or raw.get("quad") not in QUADS or not raw.get("definition"):
        raise ResourceError(f"{path}: type {name}: needs a quad class and a definition")
    return EventType(
        name=name,
        quad=raw["quad"],
        definition=raw["definition"],
        modes=frozenset(raw.get("modes") or ()),
        plover_0_5=tuple(raw.get("plover_0_5") or ()),
        cameo=tuple(str(c) for c in raw.get("cameo") or ()),
        cameo_by_mode={str(k): str(v) for k, v in (raw.get("cameo_by_mode") or {}).items()},
    )
