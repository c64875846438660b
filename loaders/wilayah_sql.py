"""Parser for the ``INSERT INTO wilayah_boundaries`` rows of the source SQL files."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import numpy as np
import shapely

from sentra.i18n import N_, TextError

_ROW = re.compile(
    r"\(\s*'(?P<code>\d{2}(?:\.\d{2}){0,2})'\s*,\s*'(?P<name>(?:[^'\\]|\\.|'')*)'\s*,"
    r"\s*(?P<lat>-?[\d.]+(?:[eE][-+]?\d+)?)\s*,\s*(?P<lng>-?[\d.]+(?:[eE][-+]?\d+)?)\s*,"
    r"\s*'(?P<path>\[[^']*\])'\s*\)"
)
_ROW_START = re.compile(r"\(\s*'\d{2}(?:\.\d{2}){0,2}'\s*,")


class WilayahParseError(TextError, ValueError):
    """A source file holds rows that cannot be read."""


@dataclass(frozen=True)
class WilayahRow:
    code: str
    name: str
    lat: float
    lng: float
    geometry: shapely.MultiPolygon


def _polygons(path: list) -> shapely.MultiPolygon:
    """Points come as [lat, lng]; a Polygon is a list of rings, a MultiPolygon a list of those."""
    polygons = [path] if isinstance(path[0][0][0], (int, float)) else path
    parts = []
    for rings in polygons:
        xy = [np.asarray(ring, dtype=float)[:, ::-1] for ring in rings]
        parts.append(shapely.Polygon(xy[0], xy[1:]))
    return shapely.MultiPolygon(parts)


def parse_rows(text: str, source: str) -> list[WilayahRow]:
    """All rows of one file; every row that looks like a record must parse."""
    rows: list[WilayahRow] = []
    for match in _ROW.finditer(text):
        try:
            geometry = _polygons(json.loads(match["path"]))
        except (ValueError, IndexError, TypeError) as exc:
            raise WilayahParseError(
                N_("boundary_row_unreadable"), code=match["code"], file=source, error=exc
            ) from exc
        name = match["name"].replace("''", "'").replace("\\'", "'")
        rows.append(
            WilayahRow(match["code"], name, float(match["lat"]), float(match["lng"]), geometry)
        )
    expected = len(_ROW_START.findall(text))
    if not rows or len(rows) != expected:
        raise WilayahParseError(
            N_("boundary_rows_missing"), file=source, expected=expected, read=len(rows)
        )
    return rows
