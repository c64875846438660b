"""Column mapping and row validation for imports; produces typed rows and a per-row report.

Messages are (key, params) pairs rendered by ``sentra.i18n.t`` in the user's language.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

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


def _cell(value: object, number: bool) -> object:
    """A text cell stripped; in number fields a spreadsheet's number stays a number (a float
    is never re-read as text, where 1.234 would become 1234)."""
    if isinstance(value, str):
        return value.strip()
    if number and isinstance(value, int | float) and not isinstance(value, bool):
        return value
    return cell_text(value)


def _distinct(
    values: np.ndarray, convert: Callable[[object], object]
) -> tuple[np.ndarray, np.ndarray]:
    """``convert`` applied once per distinct value (files repeat names, codes and numbers):
    per row the number of its value, and the converted values (an object array)."""
    codes, uniques = pd.factorize(values, use_na_sentinel=False)
    done = np.empty(len(uniques), dtype=object)
    done[:] = [convert(u) for u in uniques]
    return codes, done


def _per_value(values: np.ndarray, convert: Callable[[object], object]) -> np.ndarray:
    """``convert`` applied once per distinct value, spread back over the rows."""
    codes, done = _distinct(values, convert)
    return done[codes]


def _factorize_rows(columns: list[np.ndarray]) -> tuple[np.ndarray, list[tuple]]:
    """Per row, the number of its distinct combination of values in ``columns``, and the
    combinations (as tuples)."""
    codes, uniques = zip(*(pd.factorize(c, use_na_sentinel=False) for c in columns), strict=True)
    combined = np.zeros(len(codes[0]), dtype=np.int64)
    for column_codes, column_uniques in zip(codes, uniques, strict=True):
        # one number per combination so far, kept below rows × values by factorizing again
        combined, _ = pd.factorize(combined * len(column_uniques) + column_codes)
    first = np.unique(combined, return_index=True)[1]
    values = [tuple(u[c[i]] for u, c in zip(uniques, codes, strict=True)) for i in first.tolist()]
    return combined, values


def _column(values: pd.Series, number: bool) -> np.ndarray:
    """A column's cells as an object array of stripped texts ('' for empty) or numbers."""
    if values.dtype != object and pd.api.types.is_string_dtype(values.dtype):
        # Text columns (a CSV read by Arrow): stripped and factorized in Arrow.
        codes, uniques = pd.factorize(values.fillna("").str.strip())
        return np.asarray(uniques, dtype=object)[codes]
    values = values.astype(object).to_numpy(copy=True)
    values[pd.isna(values)] = ""  # None, NaN and pd.NA are all an empty cell
    # Per distinct value only where equal values are the same cell: True == 1 (a GeoJSON
    # boolean beside a number), and lists or dicts (GeoJSON) cannot be compared at all.
    if pd.api.types.infer_dtype(values, skipna=False) not in ("string", "empty"):
        kinds = {type(v) for v in values}
        if any(issubclass(k, bool | np.bool_) or k.__hash__ is None for k in kinds):
            return np.array([_cell(v, number) for v in values], dtype=object)
    return _per_value(values, lambda v: _cell(v, number))


def _number_or_error(text: object) -> float | None | object:
    try:
        return parse_number(text)
    except ValueError:
        return _INVALID


def _coordinate_or_error(text: object) -> float | None | object:
    try:
        return parse_number(text, coordinate=True)
    except ValueError:
        return _INVALID


def _as_float(
    values: np.ndarray, parse: Callable[[object], object]
) -> tuple[np.ndarray, np.ndarray]:
    """Cells parsed once per distinct value (to a number, None or ``_INVALID``), as floats
    (NaN where none) and a mask of the invalid ones."""
    codes, parsed = _distinct(values, parse)
    invalid = np.array([v is _INVALID for v in parsed], dtype=bool)
    numbers = np.array([np.nan if v is None or v is _INVALID else v for v in parsed], float)
    return numbers[codes], invalid[codes]


class _Messages:
    """Each row's messages, in the order the checks add them, and which rows have errors."""

    def __init__(self, n: int) -> None:
        # a row without messages shares one empty tuple; its own list comes with the first
        self.rows: list[list[tuple[str, dict]] | tuple] = [()] * n
        self.errors = np.zeros(n, dtype=bool)
        self.any = np.zeros(n, dtype=bool)

    def add(self, where: np.ndarray, key: str, params: Iterable[dict] | dict, error: bool) -> None:
        """``key`` for the rows ``where`` (a mask or row numbers) with ``params`` (one dict
        for all, or one per row)."""
        index = np.flatnonzero(where) if where.dtype == bool else where
        if not len(index):
            return
        if error:
            self.errors[index] = True
        self.any[index] = True
        per_row = [params] * len(index) if isinstance(params, dict) else params
        rows = self.rows
        for i, p in zip(index.tolist(), per_row, strict=True):
            if rows[i]:
                rows[i].append((key, p))
            else:
                rows[i] = [(key, p)]

    def error(self, where: np.ndarray, key: str, params: Iterable[dict] | dict | None = None):
        self.add(where, key, {} if params is None else params, error=True)

    def warn(self, where: np.ndarray, key: str, params: Iterable[dict] | dict | None = None):
        self.add(where, key, {} if params is None else params, error=False)


KM_PER_DEGREE = 111.32
LIMITS = {"enterprises": 50_000, "workers": 1_000_000, "turnover_rp": 1e14}


def _vocab_index(vocabulary: dict[str, tuple[str, ...]]) -> dict[str, str]:
    index = {}
    for code, labels in vocabulary.items():
        for text in (code, *labels):
            index[normalise(text)] = code
    return index


# Words offices write for a sector, as Kemenperin groups sentra IKM (pangan, sandang,
# kimia dan bahan bangunan, furnitur, logam/mesin/elektronika/alat angkut, kerajinan dan
# aneka) or by trade; normalised as ``sentra.regions.normalise`` does.
_SECTOR_WORDS = {
    "makanan_minuman": ["pangan", "makanan", "minuman", "olahan pangan", "makanan olahan"],
    "tekstil_pakaian": ["tekstil", "sandang", "pakaian", "garmen", "konveksi", "batik", "tenun"],
    "kulit_alas_kaki": ["kulit", "alas kaki", "sepatu", "barang dari kulit"],
    "kayu_rotan": ["furnitur", "furniture", "mebel", "meubel", "kayu", "rotan", "bambu"],
    "kerajinan": ["kriya", "kerajinan dan aneka", "aneka", "kerajinan tangan"],
    "logam_mesin": [
        "logam",
        "mesin",
        "elektronika",
        "alat angkut",
        "logam mesin elektronika dan alat angkut",
        "ilmate",
    ],
    "pertanian_terpadu": ["pertanian", "agribisnis", "agro"],
    "pariwisata": ["wisata"],
    "kimia_bahan_bangunan": ["kimia", "bahan bangunan", "keramik", "gerabah"],
    "lainnya": ["lain lain", "lain"],
}
_ALIASES = {
    "fostering_body": {"depperindag": "kemenperin", "bi": "bank_indonesia"},
    "status": {"ya": "aktif", "tidak": "tidak_aktif", "nonaktif": "tidak_aktif"},
    "sector": {normalise(w): code for code, words in _SECTOR_WORDS.items() for w in words},
}
_VOCABS = {
    name: _vocab_index(vocabulary) | _ALIASES.get(name, {})
    for name, vocabulary in CODED_COLUMNS.items()
    if name != "export_reach"  # read by sentra.market_reach ("Ekspor (Jepang, Malaysia)")
}


@dataclass
class ValidationResult:
    rows: pd.DataFrame  # valid rows in schema columns
    # row (1-based, as in the file), status, messages [(key, params)] (() when none)
    report: pd.DataFrame
    invalid: int = 0
    warnings: int = 0
    extras: dict = field(default_factory=dict)


class RowChecker:
    """Validates one mapped table against regions and, for coordinates, regency shapes.

    The checks run per column, and per distinct value where values repeat (region names,
    sectors, market reach, numbers written as text): a sheet of 220,000 rows holds a few
    hundred distinct regions. Only the messages are per row.
    """

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
        file_rows = np.asarray(rows if rows is not None else range(1, n + 1))
        blank = np.full(n, "", dtype=object)
        # Numbers stay as the spreadsheet holds them (a float is never re-read as text).
        get = {
            f: _column(table[mapping[f]], f in NUMBER_FIELDS) if mapping.get(f) else blank
            for f in FIELDS
        }
        empty = {f: _is_empty(get[f]) for f in FIELDS}
        msg = _Messages(n)
        out: dict[str, np.ndarray] = {c: np.full(n, None, dtype=object) for c in CENTRE_COLUMNS}
        self._coordinates(get, empty, out, msg)
        for f in REQUIRED:
            msg.error(empty[f], N_("v_missing"), {"field": f})
        no_regency = empty["regency"] & empty["regency_code"]
        msg.error(no_regency, N_("v_missing"), {"field": "regency"})
        for f in ("name", "commodity", "id"):
            out[f] = np.where(empty[f], None, get[f])
        out["source"] = np.where(empty["source"], source_label, get["source"])
        self._repeated_ids(get["id"], empty["id"], file_rows, msg)
        self._regions(get, ~no_regency, mapping, out, msg)
        self._vocabularies(get, empty, out, msg)
        self._reach(get, out, msg)
        self._numbers(get, out, msg)
        self._inside_regency(out, msg)
        if not mapping.get("province"):
            self._suggest_in_main_province(out, msg.rows)
        # Text columns from their arrays; numbers through lists, where pandas picks int64 or
        # float64 (None → NaN) as the store expects.
        typed = pd.DataFrame(
            {
                c: out[c] if kind == "VARCHAR" else out[c].tolist()
                for c, kind in CENTRE_COLUMNS.items()
            }
        )
        errors = msg.errors
        statuses = np.where(errors, "error", np.where(msg.any, "warning", "ok"))
        report = pd.DataFrame({"row": file_rows, "status": statuses, "messages": msg.rows})
        valid = typed[~errors].reset_index(drop=True)
        return ValidationResult(
            rows=valid,
            report=report,
            invalid=int(errors.sum()),
            warnings=int((statuses == "warning").sum()),
        )

    @staticmethod
    def _repeated_ids(ids: np.ndarray, empty: np.ndarray, file_rows: np.ndarray, msg) -> None:
        """An id the file already had names the row where it first appeared."""
        repeated = np.flatnonzero(pd.Series(ids).duplicated().to_numpy() & ~empty)
        if not len(repeated):
            return
        first = pd.Series(np.arange(len(ids)), index=ids).groupby(level=0).first()
        params = [{"id": i, "first": int(file_rows[first[i]])} for i in ids[repeated].tolist()]
        msg.error(repeated, N_("v_duplicate_id"), params)

    def _regions(self, get, named: np.ndarray, mapping, out, msg: _Messages) -> None:
        """Each distinct (province, regency, code, kecamatan, desa) resolved once."""
        bps = "bps" in header_key(mapping.get("regency_code") or "").split()
        fields = ("province", "regency", "regency_code", "kecamatan", "desa")
        rows = np.flatnonzero(named)
        if not len(rows):
            return
        codes, uniques = _factorize_rows([get[f][rows] for f in fields])
        for g, key in enumerate(uniques):
            found: RegionCell = self.resolver.resolve(*key, bps)
            members = rows[codes == g]
            for is_error, message, params in found.messages:
                msg.add(members, message, params, error=is_error)
            if found.candidates:  # coordinates may settle it, row by row
                for i in members.tolist():
                    self._by_coordinates(i, found, key, out, msg)
            elif found.code and not found.failed:
                out["regency_code"][members] = found.code
                out["province_code"][members] = found.code[:2]
                out["kecamatan_code"][members] = found.kecamatan_code

    def _by_coordinates(self, i: int, found: RegionCell, key: tuple, out, msg) -> None:
        """The one candidate regency whose shape holds row ``i``'s point, if exactly one."""
        code = None
        if out["lat"][i] is not None:
            point = shapely.Point(out["lng"][i], out["lat"][i])
            inside = [
                c
                for c in found.candidates
                if c in self.shapes.index and self.shapes[c].covers(point)
            ]
            if len(inside) == 1:
                code = inside[0]
                msg.warn(
                    np.array([i]),
                    N_("v_resolved_by_coordinates"),
                    {"region": self.matcher.label(inside)},
                )
        if code is None:
            candidates = self.matcher.label(found.candidates)
            msg.error(
                np.array([i]), N_("v_ambiguous_region"), {"value": key[1], "candidates": candidates}
            )
            return
        more: list = []
        kecamatan = self.resolver.kecamatan_of(code, key[3], key[4], more)
        for _, message, params in more:
            msg.warn(np.array([i]), message, params)
        if not found.failed:
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

    def _reach(self, get, out, msg: _Messages) -> None:
        """'Ekspor (Jepang, Malaysia)' → ekspor + countries; a reach it cannot read warns.
        Each distinct (reach, destinations) pair is read once."""
        codes, uniques = _factorize_rows([get["export_reach"], get["export_destinations"]])
        for g, (reach_text, listed_text) in enumerate(uniques):
            if not reach_text and not listed_text:
                continue
            reach = parse_reach(reach_text) if reach_text else None
            notes: list[tuple[str, dict]] = []
            countries = list(reach.destinations) if reach else []
            if reach and reach.reach is None:
                notes.append((N_("v_unknown_reach"), {"value": reach_text}))
            elif reach:
                notes += [(N_("v_unknown_reach_part"), {"value": p}) for p in reach.unknown]
            as_written: list[str] = []
            if listed_text:
                listed = parse_reach(listed_text)
                countries += [c for c in listed.destinations if c not in countries]
                as_written = list(listed.unknown)
                notes += [(N_("v_unknown_country"), {"value": p}) for p in as_written]
            members = codes == g
            for key, params in notes:
                msg.warn(members, key, params)
            out["export_reach"][members] = (
                "ekspor" if countries else (reach.reach if reach else None)
            )
            out["export_destinations"][members] = "; ".join(countries + as_written) or None

    def _vocabularies(self, get, empty, out, msg: _Messages) -> None:
        defaults = {"kind": "sentra", "status": "aktif", "data_status": "sumber"}
        for f, index in _VOCABS.items():
            codes, found = _distinct(get[f], lambda text, index=index: index.get(normalise(text)))
            code = found[codes]
            unknown = ~empty[f] & np.array([c is None for c in found], dtype=bool)[codes]
            if f == "sector":
                msg.warn(unknown, N_("v_unknown_sector"), [{"value": v} for v in get[f][unknown]])
                code[unknown] = "lainnya"
            else:
                msg.error(
                    unknown,
                    N_("v_bad_value"),
                    [{"field": f, "value": v} for v in get[f][unknown]],
                )
            code[empty[f]] = defaults.get(f)
            out[f] = code

    def _numbers(self, get, out, msg: _Messages) -> None:
        for f in ("enterprises", "workers", "turnover_rp", "year_established"):
            text = get[f]
            value, invalid = _as_float(text, _number_or_error)
            msg.error(
                invalid, N_("v_not_number"), [{"field": f, "value": v} for v in text[invalid]]
            )
            with np.errstate(invalid="ignore"):
                negative = value < 0
                if f == "year_established":
                    bad = ~negative & ((value < 1800) | (value > date.today().year))
                    bad_key, bad_params = N_("v_bad_year"), [{"value": v} for v in text[bad]]
                else:
                    bad = (
                        ~negative & (value > LIMITS[f])
                        if f in LIMITS
                        else np.zeros(len(text), bool)
                    )
                    bad_key = N_("v_absurd")
                    bad_params = [{"field": f, "value": v} for v in text[bad]]
            msg.error(
                negative, N_("v_negative"), [{"field": f, "value": v} for v in text[negative]]
            )
            msg.error(bad, bad_key, bad_params)
            keep = ~np.isnan(value) & ~negative & ~bad
            kept = value[keep] if f == "turnover_rp" else np.round(value[keep]).astype(np.int64)
            out[f][keep] = kept.tolist()

    def _coordinates(self, get, empty, out, msg: _Messages) -> None:
        given = ~(empty["lat"] & empty["lng"])
        if not given.any():
            return
        lat, lat_bad = _as_float(get["lat"], _coordinate_or_error)
        lng, lng_bad = _as_float(get["lng"], _coordinate_or_error)
        unreadable = given & (lat_bad | lng_bad | np.isnan(lat) | np.isnan(lng))
        texts = np.flatnonzero(unreadable)
        msg.error(
            texts,
            N_("v_bad_coordinates"),
            [{"lat": get["lat"][i], "lng": get["lng"][i]} for i in texts.tolist()],
        )
        minx, miny, maxx, maxy = INDONESIA_BOUNDS
        readable = given & ~unreadable
        inside = (lng >= minx) & (lng <= maxx) & (lat >= miny) & (lat <= maxy)
        swapped = (lat >= minx) & (lat <= maxx) & (lng >= miny) & (lng <= maxy)
        for mask, key in (
            (readable & ~inside & swapped, N_("v_swapped_coordinates")),
            (readable & ~inside & ~swapped, N_("v_outside_indonesia")),
        ):
            rows = np.flatnonzero(mask)
            msg.error(
                rows, key, [{"lat": get["lat"][i], "lng": get["lng"][i]} for i in rows.tolist()]
            )
        placed = readable & inside
        out["lat"][placed] = lat[placed].tolist()
        out["lng"][placed] = lng[placed].tolist()

    def _inside_regency(self, out, msg: _Messages) -> None:
        """Distance of every located point to its stated regency's shape."""
        idx = np.flatnonzero(
            np.array([lat is not None for lat in out["lat"]], dtype=bool)
            & np.array([bool(code) for code in out["regency_code"]], dtype=bool)
        )
        if not len(idx):
            return
        shapes = self.shapes.loc[out["regency_code"][idx].tolist()].to_numpy()
        points = shapely.points(out["lng"][idx].astype(float), out["lat"][idx].astype(float))
        km = shapely.distance(shapes, points) * KM_PER_DEGREE
        far = km > COORDINATE_TOLERANCE_KM
        rows = idx[far]
        msg.error(
            rows,
            N_("v_outside_regency"),
            [
                {"km": round(float(d), 1), "region": code}
                for d, code in zip(km[far], out["regency_code"][rows], strict=True)
            ],
        )
        out["lat"][rows] = None
        out["lng"][rows] = None


def _is_empty(values: np.ndarray) -> np.ndarray:
    """Cells that hold nothing ('' after stripping; numbers are never empty)."""
    return np.asarray(values == "", dtype=bool)
