"""The one reader of both source repositories' SQL dumps: the ``INSERT INTO … VALUES``
rows of the code list (cahyadsn/wilayah) and of the boundaries (cahyadsn/wilayah_boundaries).

A statement must be a clean run of value tuples up to its ``;``: anything else means a
truncated or changed file, and is refused naming the file. Strings are unescaped one way
for both: ``''`` and a backslash before any character stand for that character.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import numpy as np
import shapely

from sentra.i18n import N_, TextError

# A string as runs between escapes, taken possessively: a whole boundary is one run.
_LITERAL = r"'[^'\\]*+(?:(?:\\.|'')[^'\\]*+)*+'|-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?|NULL"
_FIELD = re.compile(rf"\s*({_LITERAL})\s*([,)])")
_INSERT = re.compile(r"INSERT\s+INTO\s+(\w+)\s*\(([^)]*)\)\s*VALUES", re.IGNORECASE)
_SEPARATOR = re.compile(r"\s*([,;])")
_SPACE = re.compile(r"\s*")
_ESCAPE = re.compile(r"''|\\(.)", re.DOTALL)
BOUNDARY_COLUMNS = ["kode", "nama", "lat", "lng", "path"]


class WilayahParseError(TextError, ValueError):
    """A source file holds rows that cannot be read."""


def _value(literal: str) -> str | None:
    if literal == "NULL":
        return None
    if literal.startswith("'"):
        inner = literal[1:-1]
        if "'" not in inner and "\\" not in inner:  # a whole boundary: megabytes, no escapes
            return inner
        return _ESCAPE.sub(lambda m: m.group(1) or "'", inner)
    return literal


def _tuple(text: str, pos: int) -> tuple[list[str | None], int] | None:
    """The values of the ``( … )`` tuple at ``pos`` and the position after it."""
    if not text.startswith("(", pos):
        return None
    values: list[str | None] = []
    pos += 1
    while field := _FIELD.match(text, pos):
        values.append(_value(field[1]))
        pos = field.end()
        if field[2] == ")":
            return values, pos
    return None


def sql_rows(
    text: str, table: str, source: str, error: type[TextError] = WilayahParseError
) -> tuple[list[str], list[list[str | None]]]:
    """Column names and rows of every ``INSERT INTO table (...) VALUES ...;`` in ``text``;
    ``error`` is raised, naming ``source``, for anything that is not such a run."""
    columns: list[str] = []
    rows: list[list[str | None]] = []
    for insert in _INSERT.finditer(text):
        if insert[1] != table:
            continue
        columns = [c.strip() for c in insert[2].split(",")]
        pos = insert.end()
        while True:
            start = _SPACE.match(text, pos).end()
            row = _tuple(text, start)
            if row is None:
                raise error(N_("sql_unreadable"), file=source, rows=len(rows), pos=pos)
            values, end = row
            if len(values) != len(columns):
                raise error(
                    N_("sql_bad_row"),
                    file=source,
                    row=text[start : min(end, start + 60)],
                    n=len(values),
                    expected=len(columns),
                )
            rows.append(values)
            separator = _SEPARATOR.match(text, end)
            if separator is None:
                raise error(
                    N_("sql_truncated"), file=source, row=text[start : min(end, start + 60)]
                )
            pos = separator.end()
            if separator[1] == ";":
                break
    if not rows:
        raise error(N_("sql_no_rows"), file=source, table=table)
    return columns, rows


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
    """The boundary rows of one file, each with its shape."""
    columns, values = sql_rows(text, "wilayah_boundaries", source)
    if columns != BOUNDARY_COLUMNS:
        raise WilayahParseError(N_("sql_bad_columns"), file=source, columns=", ".join(columns))
    rows: list[WilayahRow] = []
    for code, name, lat, lng, path in values:
        try:
            geometry = _polygons(json.loads(path))
            rows.append(WilayahRow(code, name, float(lat), float(lng), geometry))
        except (ValueError, IndexError, TypeError) as exc:
            raise WilayahParseError(
                N_("boundary_row_unreadable"), code=code, file=source, error=exc
            ) from exc
    return rows
