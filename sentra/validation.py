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
import pyarrow as pa
import pyarrow.compute as pc
import shapely

from sentra.cells import Cells, objects
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


def _column(values: pd.Series, number: bool, own: bool = False) -> Cells:
    """A column's cells as stripped texts ('' for empty) or numbers, by distinct value;
    ``own``: a column where each row has a value of its own (names), not worth encoding."""
    if values.dtype != object and pd.api.types.is_string_dtype(values.dtype):
        # Text columns (a CSV read by Arrow): stripped and encoded in Arrow.
        texts = pa.array(values.array)  # one array or, as Arrow read it, chunks
        if isinstance(texts, pa.ChunkedArray):
            texts = texts.combine_chunks()
        if texts.null_count:
            texts = texts.fill_null("")
        if own:
            stripped = pc.utf8_trim_whitespace(texts)
            return Cells(np.arange(len(texts), dtype=np.intp), stripped, own=True)
        # Encoded first and stripped per distinct value; values that strip alike are one.
        encoded = pc.dictionary_encode(texts)
        codes = encoded.indices.to_numpy().astype(np.intp)
        stripped = pc.utf8_trim_whitespace(encoded.dictionary)
        if pc.any(pc.not_equal(stripped, encoded.dictionary)).as_py():
            again = pc.dictionary_encode(stripped)
            codes = again.indices.to_numpy()[codes].astype(np.intp)
            stripped = again.dictionary
        return Cells(codes, stripped)
    values = values.astype(object).to_numpy(copy=True)
    values[pd.isna(values)] = ""  # None, NaN and pd.NA are all an empty cell
    # Per distinct value only where equal values are the same cell: True == 1 (a GeoJSON
    # boolean beside a number), and lists or dicts (GeoJSON) cannot be compared at all.
    if pd.api.types.infer_dtype(values, skipna=False) not in ("string", "empty"):
        kinds = {type(v) for v in values}
        if any(issubclass(k, bool | np.bool_) or k.__hash__ is None for k in kinds):
            cells = objects([_cell(v, number) for v in values])
            if number:  # each its own: 1 and 1.0 are one value, but not one cell to quote
                return Cells(np.arange(len(values), dtype=np.intp), cells)
            codes, uniques = pd.factorize(cells)  # texts now ("True", not True)
            return Cells(codes.astype(np.intp), objects(list(uniques)))
    codes, uniques = pd.factorize(values, use_na_sentinel=False)
    return Cells(codes.astype(np.intp), objects([_cell(u, number) for u in uniques]))


def _factorize_rows(
    columns: list[Cells], rows: np.ndarray | None = None
) -> tuple[np.ndarray, list[tuple]]:
    """Per row (of ``rows``, default all), the number of its combination of values in
    ``columns``, and the combinations (as tuples), numbered in order of first appearance."""
    codes = [c.codes if rows is None else c.codes[rows] for c in columns]
    combined = np.zeros(len(codes[0]), dtype=np.int64)
    size = 1  # combined < size
    for column, column_codes in zip(columns, codes, strict=True):
        if size * column.distinct >= 2**62:  # kept small by numbering the combinations
            combined, uniques = pd.factorize(combined)
            size = len(uniques)
        combined = combined * column.distinct + column_codes
        size *= column.distinct
    combined, _ = pd.factorize(combined)
    # factorize numbers in order of appearance: a combination first appears where the
    # running maximum grows
    first = np.flatnonzero(np.diff(np.maximum.accumulate(combined), prepend=-1))
    values = [
        tuple(c.uniques[cc[i]] for c, cc in zip(columns, codes, strict=True))
        for i in first.tolist()
    ]
    return combined, values


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


def _as_float(cells: Cells, parse: Callable[[object], object]) -> tuple[np.ndarray, np.ndarray]:
    """Cells parsed once per distinct value (to a number, None or ``_INVALID``), as floats
    (NaN where none) and a mask of the invalid ones."""
    parsed = cells.per_value(parse)
    invalid = np.array([v is _INVALID for v in parsed], dtype=bool)
    numbers = np.array([np.nan if v is None or v is _INVALID else v for v in parsed], float)
    return numbers[cells.codes], invalid[cells.codes]


def _number_column(values: np.ndarray, integer: bool) -> np.ndarray:
    """Floats (NaN where none) as pandas makes a column of the same Python numbers:
    whole numbers without a gap as int64, with a gap as float64, none at all as objects."""
    if not len(values):
        return values  # as pandas makes an empty list: float64
    missing = np.isnan(values)
    if missing.all():
        return np.full(len(values), None, dtype=object)
    if integer and not missing.any():
        return values.astype(np.int64)
    return values


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


_STATUSES = pa.array(["ok", "warning", "error"], pa.large_string())  # by status number
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
    hundred distinct regions. Columns are ``Cells`` (distinct values and a number per
    row), and the checked table's text columns are built from them in Arrow. Only the
    messages are per row.
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
        blank = Cells.constant(n, "")
        # Numbers stay as the spreadsheet holds them (a float is never re-read as text).
        get = {
            f: _column(table[mapping[f]], f in NUMBER_FIELDS, f in ("id", "name"))
            if mapping.get(f)
            else blank
            for f in FIELDS
        }
        empty = {f: get[f].empty for f in FIELDS}
        msg = _Messages(n)
        # Texts by distinct value (Cells), numbers as floats (NaN where none).
        out: dict[str, Cells | np.ndarray] = {
            c: Cells.constant(n, None) if kind == "VARCHAR" else np.full(n, np.nan)
            for c, kind in CENTRE_COLUMNS.items()
        }
        self._coordinates(get, empty, out, msg)
        for f in REQUIRED:
            msg.error(empty[f], N_("v_missing"), {"field": f})
        no_regency = empty["regency"] & empty["regency_code"]
        msg.error(no_regency, N_("v_missing"), {"field": "regency"})
        for f in ("name", "commodity", "id"):
            out[f] = get[f].filled_with(None)
        out["source"] = get["source"].filled_with(source_label)
        self._repeated_ids(get["id"], empty["id"], file_rows, msg)
        self._regions(get, ~no_regency, mapping, out, msg)
        self._vocabularies(get, out, msg)
        self._reach(get, out, msg)
        self._numbers(get, out, msg)
        self._inside_regency(out, msg)
        if not mapping.get("province"):
            self._suggest_in_main_province(out["province_code"], msg)
        typed = pd.DataFrame(
            {
                c: out[c].as_column()
                if kind == "VARCHAR"
                else _number_column(out[c], kind == "INTEGER")
                for c, kind in CENTRE_COLUMNS.items()
            }
        )
        errors = msg.errors
        status = np.where(errors, 2, np.where(msg.any, 1, 0))
        statuses = pd.array(_STATUSES.take(pa.array(status)), dtype="str")
        report = pd.DataFrame({"row": file_rows, "status": statuses, "messages": msg.rows})
        valid = typed[~errors].reset_index(drop=True) if errors.any() else typed
        return ValidationResult(
            rows=valid,
            report=report,
            invalid=int(errors.sum()),
            warnings=int((status == 1).sum()),
        )

    @staticmethod
    def _repeated_ids(ids: Cells, empty: np.ndarray, file_rows: np.ndarray, msg) -> None:
        """An id the file already had names the row where it first appeared."""
        if empty.all():
            return
        values = ids.values
        repeated = np.flatnonzero(pd.Series(values).duplicated().to_numpy() & ~empty)
        if not len(repeated):
            return
        first = pd.Series(np.arange(len(values)), index=values).groupby(level=0).first()
        params = [{"id": i, "first": int(file_rows[first[i]])} for i in values[repeated].tolist()]
        msg.error(repeated, N_("v_duplicate_id"), params)

    def _regions(self, get, named: np.ndarray, mapping, out, msg: _Messages) -> None:
        """Each distinct (province, regency, code, kecamatan, desa) resolved once; a row's
        codes are numbered by what it resolved to (0: nothing)."""
        bps = "bps" in header_key(mapping.get("regency_code") or "").split()
        fields = ("province", "regency", "regency_code", "kecamatan", "desa")
        rows = np.flatnonzero(named)
        if not len(rows):
            return
        codes, keys = _factorize_rows([get[f] for f in fields], rows)
        resolved: list[tuple[str | None, str | None]] = [(None, None)]  # (regency, kecamatan)
        of_group = np.zeros(len(keys), dtype=np.intp)
        of_row = np.zeros(len(named), dtype=np.intp)
        overrides: list[tuple[int, int]] = []  # (row, resolved) settled by coordinates
        for g, key in enumerate(keys):
            found: RegionCell = self.resolver.resolve(*key, bps)
            members = rows[codes == g] if found.messages or found.candidates else None
            for is_error, message, params in found.messages:
                msg.add(members, message, params, error=is_error)
            if found.candidates:  # coordinates may settle it, row by row
                for i in members.tolist():
                    settled = self._by_coordinates(i, found, key, out, msg)
                    if settled:
                        resolved.append(settled)
                        overrides.append((i, len(resolved) - 1))
            elif found.code and not found.failed:
                resolved.append((found.code, found.kecamatan_code))
                of_group[g] = len(resolved) - 1
        of_row[rows] = of_group[codes]
        for i, r in overrides:
            of_row[i] = r
        regency = objects([code for code, _ in resolved])
        out["regency_code"] = Cells(of_row, regency)
        out["province_code"] = Cells(of_row, objects([c and c[:2] for c in regency]))
        out["kecamatan_code"] = Cells(of_row, objects([k for _, k in resolved]))

    def _by_coordinates(
        self, i: int, found: RegionCell, key: tuple, out, msg
    ) -> tuple[str, str | None] | None:
        """The one candidate regency whose shape holds row ``i``'s point, if exactly one:
        its code and kecamatan code (None where the row's region failed otherwise)."""
        code = None
        if not np.isnan(out["lat"][i]):
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
            return None
        more: list = []
        kecamatan = self.resolver.kecamatan_of(code, key[3], key[4], more)
        for _, message, params in more:
            msg.warn(np.array([i]), message, params)
        return None if found.failed else (code, kecamatan)

    def _suggest_in_main_province(self, provinces: Cells, msg: _Messages) -> None:
        """Without a province column, a file that is mostly about one province gets its
        "did you mean" names from that province."""
        counts = np.bincount(provinces.codes, minlength=len(provinces.uniques))
        placed: Counter[str] = Counter()
        # in the order the rows name them: a tie goes to the province named first
        for u in pd.unique(provinces.codes).tolist():
            if provinces.uniques[u]:
                placed[provinces.uniques[u]] += int(counts[u])
        if not placed:
            return
        province, count = placed.most_common(1)[0]
        if count < 0.5 * sum(placed.values()):
            return
        for i in np.flatnonzero(msg.any).tolist():
            row = msg.rows[i]
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
        reaches = np.full(len(uniques), None, dtype=object)
        destinations = np.full(len(uniques), None, dtype=object)
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
            if notes:
                members = codes == g
                for key, params in notes:
                    msg.warn(members, key, params)
            reaches[g] = "ekspor" if countries else (reach.reach if reach else None)
            destinations[g] = "; ".join(countries + as_written) or None
        out["export_reach"] = Cells(codes, reaches)
        out["export_destinations"] = Cells(codes, destinations)

    def _vocabularies(self, get, out, msg: _Messages) -> None:
        defaults = {"kind": "sentra", "status": "aktif", "data_status": "sumber"}
        for f, index in _VOCABS.items():
            cells = get[f]
            found = cells.per_value(lambda text, index=index: index.get(normalise(text)))
            empty = cells.empty_values()
            unknown_value = ~empty & np.array([c is None for c in found], dtype=bool)
            unknown = unknown_value[cells.codes]
            if f == "sector":
                msg.warn(unknown, N_("v_unknown_sector"), [{"value": v} for v in cells.at(unknown)])
                found[unknown_value] = "lainnya"
            else:
                msg.error(
                    unknown,
                    N_("v_bad_value"),
                    [{"field": f, "value": v} for v in cells.at(unknown)],
                )
            found[empty] = defaults.get(f)
            out[f] = cells.recoded(found)

    def _numbers(self, get, out, msg: _Messages) -> None:
        for f in ("enterprises", "workers", "turnover_rp", "year_established"):
            cells = get[f]
            value, invalid = _as_float(cells, _number_or_error)
            msg.error(
                invalid, N_("v_not_number"), [{"field": f, "value": v} for v in cells.at(invalid)]
            )
            with np.errstate(invalid="ignore"):
                negative = value < 0
                if f == "year_established":
                    bad = ~negative & ((value < 1800) | (value > date.today().year))
                    bad_key, bad_params = N_("v_bad_year"), [{"value": v} for v in cells.at(bad)]
                else:
                    bad = (
                        ~negative & (value > LIMITS[f])
                        if f in LIMITS
                        else np.zeros(len(value), bool)
                    )
                    bad_key = N_("v_absurd")
                    bad_params = [{"field": f, "value": v} for v in cells.at(bad)]
            msg.error(
                negative, N_("v_negative"), [{"field": f, "value": v} for v in cells.at(negative)]
            )
            msg.error(bad, bad_key, bad_params)
            keep = ~np.isnan(value) & ~negative & ~bad
            whole = np.round(value) + 0.0  # (+ 0.0: a whole number without the sign of -0)
            out[f] = np.where(keep, value if f == "turnover_rp" else whole, np.nan)

    def _coordinates(self, get, empty, out, msg: _Messages) -> None:
        given = ~(empty["lat"] & empty["lng"])
        if not given.any():
            return
        lat, lat_bad = _as_float(get["lat"], _coordinate_or_error)
        lng, lng_bad = _as_float(get["lng"], _coordinate_or_error)
        unreadable = given & (lat_bad | lng_bad | np.isnan(lat) | np.isnan(lng))
        lat_text, lng_text = get["lat"], get["lng"]
        texts = np.flatnonzero(unreadable)
        msg.error(
            texts,
            N_("v_bad_coordinates"),
            [
                {"lat": a, "lng": b}
                for a, b in zip(lat_text.at(texts), lng_text.at(texts), strict=True)
            ],
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
            params = zip(lat_text.at(rows), lng_text.at(rows), strict=True)
            msg.error(rows, key, [{"lat": a, "lng": b} for a, b in params])
        placed = readable & inside
        out["lat"] = np.where(placed, lat, np.nan)
        out["lng"] = np.where(placed, lng, np.nan)

    def _inside_regency(self, out, msg: _Messages) -> None:
        """Distance of every located point to its stated regency's shape."""
        regency: Cells = out["regency_code"]
        coded = np.array([bool(c) for c in regency.uniques], dtype=bool)
        idx = np.flatnonzero(~np.isnan(out["lat"]) & coded[regency.codes])
        if not len(idx):
            return
        shapes = self.shapes.loc[regency.at(idx).tolist()].to_numpy()
        points = shapely.points(out["lng"][idx], out["lat"][idx])
        km = shapely.distance(shapes, points) * KM_PER_DEGREE
        far = km > COORDINATE_TOLERANCE_KM
        rows = idx[far]
        msg.error(
            rows,
            N_("v_outside_regency"),
            [
                {"km": round(float(d), 1), "region": code}
                for d, code in zip(km[far], regency.at(rows), strict=True)
            ],
        )
        out["lat"][rows] = np.nan
        out["lng"][rows] = np.nan
