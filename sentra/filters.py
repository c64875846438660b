"""The one table of filters: URL key, label, column and vocabulary of every sidebar filter.

Everything else is driven by ``FILTERS``: the sidebar widgets (``ui.sidebar``), the URL
(``ui.url_state`` writes ``to_params``, links are read with ``from_params``), the
``Filters`` value pages and caches pass around, and ``filter_centres``. Adding a filter
means one ``FilterSpec`` here plus its label in ``sentra.i18n``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from sentra.i18n import N_
from sentra.schema import (
    DATA_STATUSES,
    EXPORT_REACH,
    FOSTERING_BODIES,
    KINDS,
    SECTORS,
    STATUSES,
)

YEAR_RANGE = (2017, 2024)
MAX_TEXT = 100


@dataclass(frozen=True)
class FilterSpec:
    """One filter. ``kind`` is 'choice' (codes of ``vocabulary`` in ``columns[0]``), 'text'
    (a search in ``columns``) or 'years' (budget and growth years; centres have no year)."""

    key: str  # URL parameter, widget key and key in ``Filters``
    label: str  # translation key
    kind: str
    columns: tuple[str, ...] = ()
    vocabulary: Mapping[str, tuple[str, str]] | None = None


FILTERS: tuple[FilterSpec, ...] = (
    FilterSpec("jenis", N_("f_kind"), "choice", ("kind",), KINDS),
    FilterSpec("sektor", N_("f_sector"), "choice", ("sector",), SECTORS),
    FilterSpec("pasar", N_("f_reach"), "choice", ("export_reach",), EXPORT_REACH),
    FilterSpec("pembina", N_("f_body"), "choice", ("fostering_body",), FOSTERING_BODIES),
    FilterSpec("status", N_("f_status"), "choice", ("status",), STATUSES),
    FilterSpec("status_data", N_("f_data_status"), "choice", ("data_status",), DATA_STATUSES),
    FilterSpec("komoditas", N_("f_commodity"), "text", ("commodity", "name")),
    FilterSpec("tahun", N_("f_years"), "years"),
)
SPECS: dict[str, FilterSpec] = {spec.key: spec for spec in FILTERS}

FilterValue = tuple[str, ...] | str | tuple[int, int]


@dataclass(frozen=True)
class Filters:
    """Chosen values by filter key, only those that narrow anything; hashable (cache keys).

    Build with ``Filters.of(sektor=["kerajinan"], tahun=(2019, 2024))``.
    """

    chosen: tuple[tuple[str, FilterValue], ...] = ()

    @classmethod
    def of(cls, **values: object) -> Filters:
        chosen = []
        for spec in FILTERS:
            value = _normalise(spec, values.pop(spec.key, None))
            if value is not None:
                chosen.append((spec.key, value))
        if values:
            raise KeyError(f"unknown filter(s): {', '.join(values)}")
        return cls(tuple(chosen))

    def get(self, key: str) -> FilterValue | None:
        return dict(self.chosen).get(key)

    @property
    def years(self) -> tuple[int, int]:
        return self.get("tahun") or YEAR_RANGE  # type: ignore[return-value]

    def without(self, *keys: str) -> Filters:
        return Filters(tuple((k, v) for k, v in self.chosen if k not in keys))

    def is_default(self) -> bool:
        return not self.chosen


def _normalise(spec: FilterSpec, value: object) -> FilterValue | None:
    """The canonical value, or None when it filters nothing (empty, default, unknown)."""
    if value is None:
        return None
    if spec.kind == "choice":
        codes = [value] if isinstance(value, str) else list(value)  # type: ignore[call-overload]
        kept = tuple(c for c in spec.vocabulary if c in codes)  # vocabulary order: stable keys
        return kept or None
    if spec.kind == "text":
        text = str(value).strip()[:MAX_TEXT]
        return text or None
    y0, y1 = (int(y) for y in value)  # type: ignore[union-attr]
    y0, y1 = max(y0, YEAR_RANGE[0]), min(y1, YEAR_RANGE[1])
    return None if (y0, y1) == YEAR_RANGE or y0 > y1 else (y0, y1)


# -- URL form -------------------------------------------------------------------------------
def to_params(filters: Filters) -> dict[str, list[str]]:
    """URL parameters of the chosen filters (defaults are left out, so links stay short)."""
    params: dict[str, list[str]] = {}
    for key, value in filters.chosen:
        kind = SPECS[key].kind
        if kind == "choice":
            params[key] = list(value)  # type: ignore[arg-type]
        elif kind == "text":
            params[key] = [value]  # type: ignore[list-item]
        else:
            params[key] = [f"{value[0]}-{value[1]}"]  # type: ignore[index]
    return params


def parse_param(spec: FilterSpec, raw: Sequence[str]) -> tuple[FilterValue | None, list[str]]:
    """A filter's value from its URL values, and the values that were not understood."""
    if spec.kind == "choice":
        return _normalise(spec, raw), [v for v in raw if v not in spec.vocabulary]
    if not raw:
        return None, []
    if spec.kind == "text":
        return _normalise(spec, raw[0]), []
    try:
        y0, y1 = (int(part) for part in raw[0].split("-"))
    except ValueError:
        return None, [raw[0]]
    if not (YEAR_RANGE[0] <= y0 <= y1 <= YEAR_RANGE[1]):
        return None, [raw[0]]
    return _normalise(spec, (y0, y1)), []


def from_params(params: Mapping[str, Sequence[str]]) -> tuple[Filters, dict[str, list[str]]]:
    """Filters from URL-style parameters (key → values), and what was ignored per key."""
    values: dict[str, object] = {}
    ignored: dict[str, list[str]] = {}
    for spec in FILTERS:
        raw = params.get(spec.key)
        if raw is None:
            continue
        value, bad = parse_param(spec, [raw] if isinstance(raw, str) else list(raw))
        if value is not None:
            values[spec.key] = value
        if bad:
            ignored[spec.key] = bad
    return Filters.of(**values), ignored


# -- applying them --------------------------------------------------------------------------
def member(values: pd.Series, allowed: Iterable[str]) -> np.ndarray:
    """``values.isin(allowed)`` by Arrow's hash lookup: pandas' isin on Arrow strings and a
    walk against a Python set are many times slower (docs/performance.md)."""
    wanted = allowed if isinstance(allowed, pd.Series) else list(allowed)
    found = pc.is_in(
        pa.array(values, type=pa.string(), from_pandas=True),
        value_set=pa.array(wanted, type=pa.string(), from_pandas=True),
    )
    return found.to_numpy(zero_copy_only=False).astype(bool, copy=False)


def centre_mask(centres: pd.DataFrame, filters: Filters) -> np.ndarray:
    mask = np.ones(len(centres), dtype=bool)
    for key, value in filters.chosen:
        spec = SPECS[key]
        if spec.kind == "choice":
            mask &= member(centres[spec.columns[0]], set(value))  # type: ignore[arg-type]
        elif spec.kind == "text":
            text = centres[spec.columns[0]].fillna("")
            for column in spec.columns[1:]:
                text = text + " " + centres[column].fillna("")
            mask &= text.str.lower().str.contains(str(value).lower(), regex=False).to_numpy()
    return mask


def filter_centres(centres: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    mask = centre_mask(centres, filters)
    if mask.all():  # no copy of every row (copy-on-write keeps the original safe)
        return centres.copy(deep=False)
    return centres[mask]
