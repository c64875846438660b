"""Process-wide caches for Streamlit: loaded once per server process, shared by sessions.

Everything returned here is shared: treat it as read-only. The caches only store values;
the process freezes what is alive once, after it has warmed up (``serving.process``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

import pandas as pd
import streamlit as st

from loaders.boundaries import BoundaryLayers, load
from loaders.importer import checker_for
from loaders.pinned_source import SourceFileError
from loaders.reference import coverage_at, load_reference
from loaders.reference import reference_at as reference_at_version
from loaders.static_assets import GeometryFiles, write_geometry, write_kecamatan_geometry
from loaders.store import Store, StoreError, open_store
from loaders.wilayah_sql import WilayahParseError
from sentra.aggregate import scope
from sentra.coverage import COVERAGE_METRIC
from sentra.i18n import t
from sentra.indicators import Reference, headline
from sentra.map_view import MapView, map_view
from sentra.markers import marker_rows
from sentra.region_search import labels
from sentra.regional_indicators import ImportedMeasure
from sentra.validation import RowChecker

if TYPE_CHECKING:
    from ui.context import PageContext

# What loading the data can raise; each message names the file or cause and the fix.
DATA_ERRORS = (SourceFileError, WilayahParseError, StoreError)

T = TypeVar("T")


@st.cache_resource(show_spinner="Memuat batas wilayah… / Loading boundaries…")
def boundary_layers() -> BoundaryLayers:
    layers, _origin = load()
    return layers


@st.cache_resource(show_spinner=False)
def geometry_files() -> GeometryFiles:
    """The region shapes as static files, written (if missing) once per process."""
    return write_geometry(boundary_layers())


@st.cache_resource(show_spinner=False)
def kecamatan_geometry_files() -> GeometryFiles:
    """The kecamatan of each regency as static files, written (if missing) when a regency is
    first opened in this process."""
    return write_kecamatan_geometry(boundary_layers())


def geometry_url(parent: str | None) -> str:
    """The static file with the shapes of the provinces (None), a province's regencies or
    a regency's kecamatan."""
    if parent is not None and len(parent) > 2:
        return kecamatan_geometry_files().url(parent)
    return geometry_files().url(parent)


@st.cache_resource(show_spinner=False)
def data_store() -> Store:
    return open_store()


@st.cache_resource(show_spinner="Memuat data sentra… / Loading centres…", max_entries=2)
def centres_of_version(version: int) -> pd.DataFrame:
    """The centres of one stored version (a new import gives a new version and entry)."""
    return data_store().centres(version)


@st.cache_resource(show_spinner=False, max_entries=16)
def _read_while(files: tuple, what: str, _read: Callable[[], T]) -> T:
    return _read()


def unless_changed(what: str, read: Callable[[], T]) -> T:
    """``read()`` (a question to the store, named ``what``), asked once per state of the
    store's files and shared: opening the database on every rerun to ask for the current
    version, the imported indicators and the stories cost more than the rest of the
    headline, and two ``stat`` calls tell whether anything can have changed (every
    commit, in this process or another, changes the file or its write-ahead log). The
    answer is shared between sessions: read-only. A database server is asked every time."""
    files = data_store().change_mark()
    return read() if files is None else _read_while(files, what, read)


def current_centres() -> tuple[int, pd.DataFrame]:
    """The current version and its centres."""
    version = unless_changed("version", data_store().current_version)
    return version, centres_of_version(version)


@st.cache_resource(show_spinner=False, max_entries=64)
def _prepared_markers(version: int, lang: str, region: str) -> dict[str, list]:
    centres = centres_of_version(version)
    inside = centres[centres["regency_code"].str.startswith(region)]
    return marker_rows(inside, boundary_layers().all_regions, lang)


def marker_rows_for(version: int, lang: str, region: str, points: pd.DataFrame) -> list[list]:
    """Marker rows (escaped popup texts) for ``points`` of one region, prepared once per
    version, language and region: formatting every popup on every rerun is too slow."""
    prepared = _prepared_markers(version, lang, region[:5])  # a kecamatan: its regency's
    return [prepared[i] for i in points["id"]]


@st.cache_resource(show_spinner=False, max_entries=256)
def _per_view(
    what: str,
    store: str,
    version: int,
    lang: str,
    filters: str,
    region: str | None,
    extra: tuple,
    _build: Callable[[], T],
) -> T:
    return _build()


def per_view(
    ctx: PageContext, what: str, region: str | None, build: Callable[[], T], *extra: object
) -> T:
    """``build()``, a part of a page for one view (``what``: map, headline, profile…),
    computed once per data version, language, filters, region and ``extra`` and shared by
    every session asking for the same view (read-only): a room opening one link, or moving
    between the same few views, computes each part once."""
    store = str(getattr(data_store(), "path", ""))  # a version number is per store
    return _per_view(what, store, ctx.version, ctx.lang, repr(ctx.filters), region, extra, build)


def explorer_view(
    ctx: PageContext, selected: str | None, metric: str, imported: ImportedMeasure | None
) -> MapView:
    """What the explorer map shows (an imported measure: keyed by its year and values too)."""
    imported_key = "" if imported is None else f"{imported.year}:{_content(imported)}"
    return per_view(
        ctx,
        "map",
        selected,
        lambda: map_view(
            boundary_layers(),
            ctx.ref,
            ctx.centres,
            ctx.filtered,
            ctx.filters,
            selected,
            metric,
            ctx.lang,
            lambda points: marker_rows_for(ctx.version, ctx.lang, selected, points),
            geometry_url,
            imported,
            coverage_of(ctx.version) if metric == COVERAGE_METRIC else None,
        ),
        metric,
        imported_key,
    )


@st.cache_resource(max_entries=4, show_spinner=False)
def coverage_of(version: int) -> pd.DataFrame:
    """Where each region's figures come from at a version (``sentra.coverage``)."""
    return coverage_at(reference(), data_store(), version)


def headline_of(ctx: PageContext, region: str | None) -> dict[str, float]:
    """The headline totals of the filtered centres in ``region`` (None: Indonesia)."""
    return per_view(
        ctx,
        "headline",
        region,
        lambda: headline(scope(ctx.filtered, region), ctx.ref, ctx.filters, region),
    )


def _content(imported: ImportedMeasure) -> int:
    """A fingerprint of an imported indicator's values in every year (a re-import may
    change them without a new centre version)."""
    values = imported.values if imported.by_year is None else imported.by_year.stack()
    return int(pd.util.hash_pandas_object(values).sum())


@st.cache_resource(show_spinner=False)
def reference() -> Reference:
    return load_reference(data_store(), boundary_layers().all_regions)


@st.cache_resource(max_entries=4, show_spinner=False)
def reference_at(version: int) -> Reference:
    """The reference tables with the regions offices' complete lists cover at ``version``
    (there clusters can be counted)."""
    return reference_at_version(reference(), data_store(), version)


@st.cache_resource(show_spinner=False)
def region_labels(lang: str) -> dict[str, str]:
    """Every region's name with its parent, for the search box (``sentra.region_search``)."""
    return labels(boundary_layers().all_regions, t("kecamatan_prefix", lang))


@st.cache_resource(show_spinner=False)
def import_checker() -> RowChecker:
    return checker_for(boundary_layers())
