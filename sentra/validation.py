"""Column mapping and row validation for imports; produces typed rows and a per-row report.

Messages are (key, params) pairs rendered by ``sentra.i18n.t`` in the user's language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cache

import numpy as np
import pandas as pd
import shapely

from sentra.geometry import INDONESIA_BOUNDS
from sentra.import_fields import FIELDS, NUMBER_FIELDS, REQUIRED
from sentra.numbers import parse_number
from sentra.regions import RegionMatcher, normalise
from sentra.schema import CENTRE_COLUMNS, CODED_COLUMNS
from sentra.sheet_layout import cell_text

COORDINATE_TOLERANCE_KM = 5.0
_INVALID = object()  # marks a cell that is not a number


def _number_cell(value: object) -> object:
    return (
        value
        if isinstance(value, int | float) and not isinstance(value, bool)
        else (cell_text(value))
    )


def _number_or_error(text: str) -> float | None | object:
    try:
        return parse_number(text)
    except ValueError:
        return _INVALID


def _coordinate_or_error(text: str) -> float | None | object:
    try:
        return parse_number(text, coordinate=True)
    except ValueError:
        return _INVALID


KM_PER_DEGREE = 111.32
LIMITS = {"enterprises": 50_000, "workers": 1_000_000, "turnover_rp": 1e14}


def _vocab_index(vocabulary: dict[str, tuple[str, ...]]) -> dict[str, str]:
    index = {}
    for code, labels in vocabulary.items():
        for text in (code, *labels):
            index[normalise(text)] = code
    return index


_ALIASES = {
    "export_reach": {"internasional": "ekspor", "luar negeri": "ekspor"},
    "fostering_body": {"depperindag": "kemenperin", "bi": "bank_indonesia"},
    "status": {"ya": "aktif", "tidak": "tidak_aktif", "nonaktif": "tidak_aktif"},
}
_VOCABS = {
    name: _vocab_index(vocabulary) | _ALIASES.get(name, {})
    for name, vocabulary in CODED_COLUMNS.items()
}


@dataclass
class ValidationResult:
    rows: pd.DataFrame  # valid rows in schema columns
    report: pd.DataFrame  # row (1-based, as in the file), status, messages [(key, params)]
    invalid: int = 0
    warnings: int = 0
    extras: dict = field(default_factory=dict)


class RowChecker:
    """Validates one mapped table against regions and, for coordinates, regency shapes."""

    def __init__(self, matcher: RegionMatcher, regency_shapes: pd.Series) -> None:
        self.matcher = matcher
        self.shapes = regency_shapes  # code → full-detail geometry

    def validate(
        self,
        table: pd.DataFrame,
        mapping: dict[str, str | None],
        source_label: str,
        rows: list[int] | None = None,
    ) -> ValidationResult:
        """``rows``: the file's row number of each table row (default 1, 2, …), for the report."""
        n = len(table)
        file_rows = list(rows) if rows is not None else list(range(1, n + 1))
        blank = [""] * n
        # Numbers stay as the spreadsheet holds them (a float is never re-read as text).
        get = {
            f: [_number_cell(v) if f in NUMBER_FIELDS else cell_text(v)
                for v in table[mapping[f]].tolist()] if mapping.get(f) else blank
            for f in FIELDS
        }  # fmt: skip
        # Files repeat region names and numbers: look each distinct text up once.
        self._regency = cache(self.matcher.regency)
        self._province = cache(self.matcher.province)
        self._number = cache(_number_or_error)
        self._coordinate = cache(_coordinate_or_error)
        messages: list[list[tuple[str, dict]]] = [[] for _ in range(n)]
        errors = np.zeros(n, dtype=bool)
        out: dict[str, list] = {c: [None] * n for c in CENTRE_COLUMNS}

        def error(i: int, key: str, **params: object) -> None:
            errors[i] = True
            messages[i].append((key, params))

        def warn(i: int, key: str, **params: object) -> None:
            messages[i].append((key, params))

        seen_ids: dict[str, int] = {}
        for i in range(n):
            cell = {f: get[f][i] for f in FIELDS}
            for f in REQUIRED:
                if not cell[f]:
                    error(i, "v_missing", field=f)
            if not cell["regency"] and not cell["regency_code"]:
                error(i, "v_missing", field="regency")
            out["name"][i] = cell["name"] or None
            out["commodity"][i] = cell["commodity"] or None
            out["export_destinations"][i] = cell["export_destinations"] or None
            out["source"][i] = cell["source"] or source_label
            if cell["id"]:
                if cell["id"] in seen_ids:
                    error(i, "v_duplicate_id", id=cell["id"], first=file_rows[seen_ids[cell["id"]]])
                seen_ids.setdefault(cell["id"], i)
            out["id"][i] = cell["id"] or None
            self._region(i, cell, out, error)
            self._vocabularies(i, cell, out, error, warn)
            self._numbers(i, cell, out, error)
        self._coordinates(out, error, warn, get)
        typed = pd.DataFrame(out)[list(CENTRE_COLUMNS)]
        statuses = np.where(errors, "error", np.where([bool(m) for m in messages], "warning", "ok"))
        report = pd.DataFrame({"row": file_rows, "status": statuses, "messages": messages})
        valid = typed[~errors].reset_index(drop=True)
        return ValidationResult(
            rows=valid, report=report, invalid=int(errors.sum()),
            warnings=int((statuses == "warning").sum()),
        )  # fmt: skip

    def _region(self, i, cell, out, error) -> None:
        province = None
        if cell["province"]:
            province = self._province(cell["province"])
            if province is None:
                error(i, "v_unknown_province", value=cell["province"])
                return
        cell["regency"] = cell["regency"] or cell["regency_code"]
        if not cell["regency"]:
            return
        match = self._regency(cell["regency"], province)
        if province and match.code is None and not match.candidates:
            elsewhere = self._regency(cell["regency"], None)
            if elsewhere.code or elsewhere.candidates:
                error(
                    i, "v_region_not_in_province", value=cell["regency"], province=cell["province"]
                )
                return
        if match.code is None and match.candidates:
            names = ", ".join(f"{self.matcher.names[c]} ({c})" for c in match.candidates)
            error(i, "v_ambiguous_region", value=cell["regency"], candidates=names)
        elif match.code is None:
            error(i, "v_unknown_region", value=cell["regency"])
        elif province and not match.code.startswith(province + "."):
            error(i, "v_region_not_in_province", value=cell["regency"], province=cell["province"])
        else:
            out["regency_code"][i] = match.code
            out["province_code"][i] = match.code[:2]

    def _vocabularies(self, i, cell, out, error, warn) -> None:
        defaults = {"kind": "sentra", "status": "aktif", "data_status": "sumber"}
        for f, index in _VOCABS.items():
            text = cell[f]
            if not text:
                out[f][i] = defaults.get(f)
                continue
            code = index.get(normalise(text))
            if code is None:
                if f == "sector":
                    warn(i, "v_unknown_sector", value=text)
                    code = "lainnya"
                else:
                    error(i, "v_bad_value", field=f, value=text)
            out[f][i] = code

    def _numbers(self, i, cell, out, error) -> None:
        for f in ("enterprises", "workers", "turnover_rp", "year_established"):
            value = self._number(cell[f])
            if value is _INVALID:
                error(i, "v_not_number", field=f, value=cell[f])
                continue
            if value is None:
                continue
            if value < 0:
                error(i, "v_negative", field=f, value=cell[f])
            elif f == "year_established" and not 1800 <= value <= date.today().year:
                error(i, "v_bad_year", value=cell[f])
            elif f in LIMITS and value > LIMITS[f]:
                error(i, "v_absurd", field=f, value=cell[f])
            else:
                out[f][i] = value if f == "turnover_rp" else int(round(value))

    def _coordinates(self, out, error, warn, get) -> None:
        n = len(out["id"])
        for i in range(n):
            lat_text, lng_text = get["lat"][i], get["lng"][i]
            if not lat_text and not lng_text:
                continue
            lat, lng = self._coordinate(lat_text), self._coordinate(lng_text)
            if lat is None or lng is None or _INVALID in (lat, lng):
                error(i, "v_bad_coordinates", lat=lat_text, lng=lng_text)
                continue
            minx, miny, maxx, maxy = INDONESIA_BOUNDS
            if not (minx <= lng <= maxx and miny <= lat <= maxy):
                swapped = minx <= lat <= maxx and miny <= lng <= maxy
                error(i, "v_swapped_coordinates" if swapped else "v_outside_indonesia",
                      lat=lat_text, lng=lng_text)  # fmt: skip
                continue
            out["lat"][i], out["lng"][i] = lat, lng
        self._inside_regency(out, error)

    def _inside_regency(self, out, error) -> None:
        """Vectorised: distance of every located point to its stated regency's shape."""
        idx = [
            i for i, (lat, code) in enumerate(zip(out["lat"], out["regency_code"], strict=True))
            if lat is not None and code
        ]  # fmt: skip
        if not idx:
            return
        shapes = self.shapes.loc[[out["regency_code"][i] for i in idx]].to_numpy()
        points = shapely.points([out["lng"][i] for i in idx], [out["lat"][i] for i in idx])
        km = shapely.distance(shapes, points) * KM_PER_DEGREE
        for i, distance in zip(idx, km, strict=True):
            if distance > COORDINATE_TOLERANCE_KM:
                error(i, "v_outside_regency", km=round(float(distance), 1),
                      region=out["regency_code"][i])  # fmt: skip
                out["lat"][i] = out["lng"][i] = None
