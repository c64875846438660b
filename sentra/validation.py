"""Column mapping and row validation for imports; produces typed rows and a per-row report.

Messages are (key, params) pairs rendered by ``sentra.i18n.t`` in the user's language.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache

import numpy as np
import pandas as pd
import shapely

from sentra.geometry import INDONESIA_BOUNDS
from sentra.i18n import N_
from sentra.import_fields import FIELDS, NUMBER_FIELDS, REQUIRED, header_key
from sentra.market_reach import parse_reach
from sentra.numbers import parse_number
from sentra.region_cells import RegionCell, RegionResolver
from sentra.regions import PlaceIndex, RegionMatcher, normalise
from sentra.schema import CENTRE_COLUMNS, CODED_COLUMNS
from sentra.sheet_layout import cell_text

COORDINATE_TOLERANCE_KM = 5.0
_INVALID = object()  # marks a cell that is not a number


def _cells(values: list, numbers: bool) -> list:
    """Text cells stripped; in number fields a spreadsheet's number stays a number (a float
    is never re-read as text, where 1.234 would become 1234)."""
    out = []
    for v in values:
        if isinstance(v, str):
            out.append(v.strip())
        elif numbers and isinstance(v, int | float) and not isinstance(v, bool):
            out.append(v)
        else:
            out.append(cell_text(v))
    return out


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
    "fostering_body": {"depperindag": "kemenperin", "bi": "bank_indonesia"},
    "status": {"ya": "aktif", "tidak": "tidak_aktif", "nonaktif": "tidak_aktif"},
}
_VOCABS = {
    name: _vocab_index(vocabulary) | _ALIASES.get(name, {})
    for name, vocabulary in CODED_COLUMNS.items()
    if name != "export_reach"  # read by sentra.market_reach ("Ekspor (Jepang, Malaysia)")
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

    def __init__(
        self, matcher: RegionMatcher, regency_shapes: pd.Series, places: PlaceIndex | None = None
    ) -> None:
        self.matcher = matcher
        self.resolver = RegionResolver(matcher, places)
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
            f: _cells(table[mapping[f]].tolist(), f in NUMBER_FIELDS) if mapping.get(f) else blank
            for f in FIELDS
        }
        # Files repeat region names and numbers: look each distinct text up once.
        self._regions = lru_cache(maxsize=50_000)(self.resolver.resolve)
        self._bps = "bps" in header_key(mapping.get("regency_code") or "").split()
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

        self._parse_coordinates(out, error, get)
        seen_ids: dict[str, int] = {}
        for i in range(n):
            cell = {f: get[f][i] for f in FIELDS}
            for f in REQUIRED:
                if not cell[f]:
                    error(i, N_("v_missing"), field=f)
            if not cell["regency"] and not cell["regency_code"]:
                error(i, N_("v_missing"), field="regency")
            out["name"][i] = cell["name"] or None
            out["commodity"][i] = cell["commodity"] or None
            out["source"][i] = cell["source"] or source_label
            if cell["id"]:
                if cell["id"] in seen_ids:
                    error(
                        i,
                        N_("v_duplicate_id"),
                        id=cell["id"],
                        first=file_rows[seen_ids[cell["id"]]],
                    )
                seen_ids.setdefault(cell["id"], i)
            out["id"][i] = cell["id"] or None
            self._region(i, cell, out, error, warn)
            self._vocabularies(i, cell, out, error, warn)
            self._reach(i, cell, out, warn)
            self._numbers(i, cell, out, error)
        self._inside_regency(out, error)
        if not mapping.get("province"):
            self._suggest_in_main_province(out, messages)
        typed = pd.DataFrame(out)[list(CENTRE_COLUMNS)]
        statuses = np.where(errors, "error", np.where([bool(m) for m in messages], "warning", "ok"))
        report = pd.DataFrame({"row": file_rows, "status": statuses, "messages": messages})
        valid = typed[~errors].reset_index(drop=True)
        return ValidationResult(
            rows=valid,
            report=report,
            invalid=int(errors.sum()),
            warnings=int((statuses == "warning").sum()),
        )

    def _region(self, i, cell, out, error, warn) -> None:
        if not cell["regency"] and not cell["regency_code"]:
            return  # reported as missing
        found: RegionCell = self._regions(
            cell["province"],
            cell["regency"],
            cell["regency_code"],
            cell["kecamatan"],
            cell["desa"],
            self._bps,
        )
        code, kecamatan = found.code, found.kecamatan_code
        for is_error, key, params in found.messages:
            (error if is_error else warn)(i, key, **params)
        if found.candidates:
            code = self._by_coordinates(i, found.candidates, out, warn)
            if code is None:
                candidates = self.matcher.label(found.candidates)
                error(i, N_("v_ambiguous_region"), value=cell["regency"], candidates=candidates)
                return
            more: list = []
            kecamatan = self.resolver.kecamatan_of(code, cell["kecamatan"], cell["desa"], more)
            for _, key, params in more:
                warn(i, key, **params)
        if code and not found.failed:
            out["regency_code"][i] = code
            out["province_code"][i] = code[:2]
            out["kecamatan_code"][i] = kecamatan

    def _suggest_in_main_province(self, out, messages) -> None:
        """Without a province column, a file that is mostly about one province gets its
        "did you mean" names from that province."""
        placed = Counter(p for p in out["province_code"] if p)
        if not placed:
            return
        province, count = placed.most_common(1)[0]
        if count < 0.5 * sum(placed.values()):
            return
        for row in messages:
            for j, (key, params) in enumerate(row):
                if key in ("v_unknown_region", "v_unknown_region_suggest"):
                    close = self.matcher.suggest(params["value"], province)
                    value = params["value"]
                    if close:
                        shown = {"value": value, "suggestions": self.matcher.label(close)}
                        row[j] = (N_("v_unknown_region_suggest"), shown)
                    else:  # names from other provinces would only mislead
                        row[j] = (N_("v_unknown_region"), {"value": value})

    def _by_coordinates(self, i, candidates, out, warn) -> str | None:
        """The one candidate regency whose shape holds the row's point, if exactly one."""
        if out["lat"][i] is None:
            return None
        point = shapely.Point(out["lng"][i], out["lat"][i])
        inside = [c for c in candidates if c in self.shapes.index and self.shapes[c].covers(point)]
        if len(inside) != 1:
            return None
        warn(i, N_("v_resolved_by_coordinates"), region=self.matcher.label(inside))
        return inside[0]

    def _reach(self, i, cell, out, warn) -> None:
        """'Ekspor (Jepang, Malaysia)' → ekspor + countries; a reach it cannot read warns."""
        reach = parse_reach(cell["export_reach"]) if cell["export_reach"] else None
        countries = list(reach.destinations) if reach else []
        if reach and reach.reach is None:
            warn(i, N_("v_unknown_reach"), value=cell["export_reach"])
        elif reach:
            for part in reach.unknown:
                warn(i, N_("v_unknown_reach_part"), value=part)
        as_written: list[str] = []
        if cell["export_destinations"]:
            listed = parse_reach(cell["export_destinations"])
            countries += [c for c in listed.destinations if c not in countries]
            as_written = list(listed.unknown)
            for part in as_written:
                warn(i, N_("v_unknown_country"), value=part)
        out["export_reach"][i] = "ekspor" if countries else (reach.reach if reach else None)
        out["export_destinations"][i] = "; ".join(countries + as_written) or None

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
                    warn(i, N_("v_unknown_sector"), value=text)
                    code = "lainnya"
                else:
                    error(i, N_("v_bad_value"), field=f, value=text)
            out[f][i] = code

    def _numbers(self, i, cell, out, error) -> None:
        for f in ("enterprises", "workers", "turnover_rp", "year_established"):
            value = self._number(cell[f])
            if value is _INVALID:
                error(i, N_("v_not_number"), field=f, value=cell[f])
                continue
            if value is None:
                continue
            if value < 0:
                error(i, N_("v_negative"), field=f, value=cell[f])
            elif f == "year_established" and not 1800 <= value <= date.today().year:
                error(i, N_("v_bad_year"), value=cell[f])
            elif f in LIMITS and value > LIMITS[f]:
                error(i, N_("v_absurd"), field=f, value=cell[f])
            else:
                out[f][i] = value if f == "turnover_rp" else int(round(value))

    def _parse_coordinates(self, out, error, get) -> None:
        for i in range(len(out["id"])):
            lat_text, lng_text = get["lat"][i], get["lng"][i]
            if lat_text == "" and lng_text == "":
                continue
            lat, lng = self._coordinate(lat_text), self._coordinate(lng_text)
            if lat is None or lng is None or _INVALID in (lat, lng):
                error(i, N_("v_bad_coordinates"), lat=lat_text, lng=lng_text)
                continue
            minx, miny, maxx, maxy = INDONESIA_BOUNDS
            if not (minx <= lng <= maxx and miny <= lat <= maxy):
                swapped = minx <= lat <= maxx and miny <= lng <= maxy
                error(
                    i,
                    N_("v_swapped_coordinates") if swapped else N_("v_outside_indonesia"),
                    lat=lat_text,
                    lng=lng_text,
                )
                continue
            out["lat"][i], out["lng"][i] = lat, lng

    def _inside_regency(self, out, error) -> None:
        """Vectorised: distance of every located point to its stated regency's shape."""
        idx = [
            i
            for i, (lat, code) in enumerate(zip(out["lat"], out["regency_code"], strict=True))
            if lat is not None and code
        ]
        if not idx:
            return
        shapes = self.shapes.loc[[out["regency_code"][i] for i in idx]].to_numpy()
        points = shapely.points([out["lng"][i] for i in idx], [out["lat"][i] for i in idx])
        km = shapely.distance(shapes, points) * KM_PER_DEGREE
        for i, distance in zip(idx, km, strict=True):
            if distance > COORDINATE_TOLERANCE_KM:
                error(
                    i,
                    N_("v_outside_regency"),
                    km=round(float(distance), 1),
                    region=out["regency_code"][i],
                )
                out["lat"][i] = out["lng"][i] = None
