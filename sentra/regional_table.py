"""Regional tables ("Jumlah sentra IKM per kabupaten/kota 2019–2023", BPS "Dalam Angka"):
one figure per region and year, in wide (a column per year), long (year and value columns)
or single-year layout, read into values per region code.

A region missing from the table has no value ("no data"), never zero; a cell holding "-",
"…" or "NA" is no data too. A row naming the province in a table of its regencies is that
table's total and is skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from sentra.i18n import N_
from sentra.import_fields import header_field, header_key
from sentra.numbers import parse_number
from sentra.regions import Match, RegionMatcher, normalise
from sentra.sheet_layout import cell_text

_YEAR = re.compile(r"^(19[5-9]\d|20\d\d)(\s*\*+|\s*\(.*\))?$")
_NO_DATA = {"", "-", "–", "—", "...", "…", "na", "n/a", "x", "tidak ada data"}
LEVELS = ("province", "regency")


@dataclass(frozen=True)
class RegionalLayout:
    region: str  # the column naming the regions
    years: dict[str, int] = field(default_factory=dict)  # wide: column → year
    year_column: str | None = None  # long
    value_column: str | None = None  # long and single-year


def year_of(header: object) -> int | None:
    match = _YEAR.match(cell_text(header))
    return int(match.group(1)) if match else None


def detect_layout(table: pd.DataFrame) -> RegionalLayout | None:
    """The region column and where the years and values are; None when no region column."""
    columns = list(table.columns)
    region = next(
        (c for c in columns if header_field(c) in ("regency", "province", "regency_code")), None
    )
    if region is None:
        region = next((c for c in columns if header_key(c) in ("wilayah", "nama wilayah")), None)
    if region is None:
        return None
    years = {c: year_of(c) for c in columns if c != region and year_of(c)}
    if len(years) >= 2:
        return RegionalLayout(region, years=years)
    year_column = next((c for c in columns if header_key(c) in ("tahun", "year")), None)
    values = [c for c in columns if c not in (region, year_column) and _mostly_numbers(table[c])]
    value = values[-1] if values else None
    if year_column:
        return RegionalLayout(region, year_column=year_column, value_column=value)
    return (
        RegionalLayout(region, years=years) if years else RegionalLayout(region, value_column=value)
    )


def _mostly_numbers(values: pd.Series) -> bool:
    parsed = 0
    filled = 0
    for v in values.head(50):
        text = cell_text(v)
        if text.lower() in _NO_DATA:
            continue
        filled += 1
        try:
            parse_number(v if isinstance(v, int | float) else text)
            parsed += 1
        except ValueError:
            pass
    return filled > 0 and parsed >= 0.8 * filled


@dataclass
class RegionalResult:
    values: pd.DataFrame  # region_code, year, value (no row for a region without data)
    level: str | None  # 'province' or 'regency'
    report: pd.DataFrame  # row, status ('ok'/'warning'/'error'/'skipped'), messages
    invalid: int = 0
    no_data_cells: int = 0


def _value(cell: object) -> float | None | str:
    """A number, None for no data, or the text when it is not a number."""
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        return None if cell != cell else float(cell)
    text = cell_text(cell)
    if text.lower() in _NO_DATA:
        return None
    try:
        return parse_number(text)
    except ValueError:
        return text


def read_regional(
    table: pd.DataFrame,
    rows: list[int],
    layout: RegionalLayout,
    matcher: RegionMatcher,
    year: int | None = None,
) -> RegionalResult:
    """Values per region and year. ``year`` is the year of a single-year table."""
    names = [cell_text(v) for v in table[layout.region].tolist()]
    found = [_region(matcher, name) for name in names]
    kinds = [k for k, _ in found if k in LEVELS]
    level = max(LEVELS, key=kinds.count) if kinds else None
    explicit_cities = {normalise(n) for n in names if normalise(n).startswith("kota ")}
    messages: list[list[tuple[str, dict]]] = [[] for _ in names]
    statuses = ["ok"] * len(names)
    codes: list[str | None] = [None] * len(names)
    for i, (name, (kind, match)) in enumerate(zip(names, found, strict=True)):
        if not name:
            statuses[i] = "skipped"
            messages[i].append((N_("r_no_region"), {}))
        elif kind == "country" or level == "regency" and kind == "province":
            statuses[i] = "skipped"
            messages[i].append((N_("r_total_row"), {"value": name}))
        elif kind == level and match.code:
            codes[i] = match.code
        elif (
            kind == level
            and len(match.candidates) == 2
            and f"kota {normalise(name)}" in (explicit_cities)
        ):
            # "Magelang" beside "Kota Magelang" in the same table: the regency (BPS style)
            codes[i] = next(
                c
                for c in match.candidates
                if normalise(matcher.names[c]) != (f"kota {normalise(name)}")
            )
            region = matcher.label([codes[i]])
            messages[i].append((N_("r_plain_is_regency"), {"value": name, "region": region}))
            statuses[i] = "warning"
        elif match.candidates:
            statuses[i] = "error"
            messages[i].append(
                (
                    N_("v_ambiguous_region"),
                    {"value": name, "candidates": matcher.label(match.candidates)},
                )
            )
        else:
            statuses[i] = "error"
            close = matcher.suggest(name)
            if close:
                messages[i].append(
                    (
                        N_("v_unknown_region_suggest"),
                        {"value": name, "suggestions": matcher.label(close)},
                    )
                )
            else:
                messages[i].append((N_("v_unknown_region"), {"value": name}))
    out: list[tuple[str, int, float]] = []
    no_data = 0
    for column, column_year, i, cell in _cells(table, layout, year):
        if codes[i] is None or statuses[i] == "error":
            continue
        value = _value(cell)
        if value is None:
            no_data += 1
        elif isinstance(value, str):
            statuses[i] = "error"
            messages[i].append((N_("r_not_number"), {"column": column, "value": value}))
        elif column_year is None:
            statuses[i] = "error"
            messages[i].append((N_("r_bad_year"), {"value": cell_text(table[column].iloc[i])}))
        else:
            out.append((codes[i], column_year, value))
    values = pd.DataFrame(out, columns=["region_code", "year", "value"])
    failed = {codes[i] for i, s in enumerate(statuses) if s == "error"}
    values = values[~values["region_code"].isin(failed)]
    duplicated = values.duplicated(["region_code", "year"], keep=False)
    for i, code in enumerate(codes):
        if code and code in set(values.loc[duplicated, "region_code"]):
            statuses[i] = "error"
            messages[i].append((N_("r_duplicate_region"), {"region": matcher.label([code])}))
    values = values[~duplicated].reset_index(drop=True)
    report = pd.DataFrame({"row": rows, "status": statuses, "messages": messages})
    return RegionalResult(
        values=values.astype({"year": "int64", "value": "float64"}),
        level=level,
        report=report,
        invalid=int(np.sum(np.array(statuses) == "error")),
        no_data_cells=no_data,
    )


def _region(matcher: RegionMatcher, name: str):
    """('province' or 'regency' or None, Match) for a region cell."""
    if not name:
        return None, None
    if normalise(name) in ("indonesia", "nasional", "national"):
        return "country", None
    province = matcher.province(name)
    if province:
        return "province", Match(province)
    match = matcher.regency(name)
    if match.code or match.candidates:
        return "regency", match
    return None, match


def _cells(table: pd.DataFrame, layout: RegionalLayout, year: int | None):
    """(column, year, row index, cell) for every value cell."""
    if layout.years:
        for column, column_year in layout.years.items():
            for i, cell in enumerate(table[column].tolist()):
                yield column, column_year, i, cell
    elif layout.year_column and layout.value_column:
        years = table[layout.year_column].tolist()
        for i, cell in enumerate(table[layout.value_column].tolist()):
            yield layout.value_column, year_of(years[i]), i, cell
    elif layout.value_column:
        for i, cell in enumerate(table[layout.value_column].tolist()):
            yield layout.value_column, year, i, cell
