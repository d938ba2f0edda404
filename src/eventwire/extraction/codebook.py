"""Codebook: the PLOVER types, modes and crosswalks in ``data/plover.yaml``, validated on load.

The file keeps one version of every mapping eventwire relies on: current PLOVER types and
their modes, the PLOVER 0.5 names of the gold data, CAMEO root codes and ACLED event types (both
ways: ACLED to PLOVER for the gold data, PLOVER to ACLED for the export).
"""

from __future__ import annotations

from dataclasses import dataclass, field
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
    # (type, mode) -> (ACLED event_type, sub_event_type); mode None is the type's default
    acled_export: dict[tuple[str, str | None], tuple[str | None, str | None]] = field(
        default_factory=dict
    )

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
            acled_export={
                (row["type"], row.get("mode")): (row.get("event_type"), row.get("sub_event_type"))
                for row in data.get("acled_from_plover") or []
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
        pairs += [(f"acled_from_plover {t}/{m}", t, m) for t, m in self.acled_export]
        for where, type_, mode in pairs:
            if type_ is not None and not self.is_valid(type_, mode):
                raise ResourceError(f"{path}: {where}: {type_}/{mode} is not in the codebook")
        self._check_acled_export(path)

    def _check_acled_export(self, path: Path) -> None:
        # The export's ACLED names must be ACLED's own (the `acled` list), and every type needs
        # a default row, so that no event leaves the export without its ACLED reading.
        known = {pair for pair in self.acled if pair[1] is not None}
        for (type_, mode), (event_type, sub_event_type) in self.acled_export.items():
            if event_type is not None and (event_type, sub_event_type) not in known:
                raise ResourceError(
                    f"{path}: acled_from_plover {type_}/{mode}: {event_type} / {sub_event_type} "
                    "is not an ACLED type in the acled list"
                )
        if self.acled_export:
            missing = sorted(t for t in self.types if (t, None) not in self.acled_export)
            if missing:
                raise ResourceError(f"{path}: acled_from_plover: no default row for {missing}")

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

    def to_acled(self, type_: str, mode: str | None) -> tuple[str | None, str | None]:
        """ACLED's event_type and sub_event_type for a PLOVER type and mode; (None, None) where
        ACLED codes no such event."""
        found = self.acled_export.get((type_, mode)) or self.acled_export.get((type_, None))
        return found or (None, None)

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
