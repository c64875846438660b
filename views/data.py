"""Data: the filtered table with downloads; import of officials' files; versions and restore."""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable

import streamlit as st

from loaders.export import MAX_ROWS_XLSX_GEOJSON, to_csv_bytes, to_geojson_bytes, to_xlsx_bytes
from loaders.import_file import MAX_UPLOAD_MB, ImportFileError, read_table
from loaders.importer import check_mapping, file_error_text, report_table, validate_sheet
from loaders.store import StoreError
from sentra import tables
from sentra.formatting import fmt_number
from sentra.i18n import t
from sentra.import_fields import FIELDS, suggest_mapping
from sentra.indicators import Filters, filter_centres
from sentra.schema import CENTRE_COLUMNS
from ui import context
from ui.cached import boundary_layers, centres_of_version, data_store, import_checker

ctx = context.get()
lang = ctx.lang
st.title(t("page_data", lang))


# Shared, not copied per call (bytes are immutable); few entries and a time limit, because
# a CSV of a million centres is about 180 MB.
@st.cache_resource(max_entries=3, ttl=600, show_spinner=False)
def export_bytes(kind: str, version: int, filters: tuple) -> bytes:
    """Download files for one version and filter combination, built once."""
    frame = filter_centres(centres_of_version(version), Filters(*filters))
    if kind == "csv":
        return to_csv_bytes(frame)
    if kind == "xlsx":
        return to_xlsx_bytes(frame)
    return to_geojson_bytes(frame, boundary_layers().regions)


# -- table and downloads -----------------------------------------------------------------
st.subheader(t("table_title", lang))
if not context.empty_state(ctx):
    rows = context.table_rows(ctx.filtered, lang, "table_preview")
    st.dataframe(
        tables.readable(rows, ctx.ref.regions["name"], lang, CENTRE_COLUMNS),
        hide_index=True,
        width="stretch",
        height=330,
    )
    context.illustrative_note(ctx, float((ctx.filtered["data_status"] == "ilustratif").mean()))
    key = (ctx.version, dataclasses.astuple(ctx.filters))
    too_many = len(ctx.filtered) > MAX_ROWS_XLSX_GEOJSON
    cols = st.columns(3)
    for col, (kind, mime) in zip(
        cols,
        (
            ("csv", "text/csv"),
            ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            ("geojson", "application/geo+json"),
        ),
        strict=True,
    ):
        col.download_button(
            t(f"download_{kind}", lang),
            data=functools.partial(export_bytes, kind, *key),  # built on click, then cached
            file_name=f"sentra-v{ctx.version}.{kind}",
            mime=mime,
            key=f"download_{kind}",
            on_click="ignore",
            disabled=too_many and kind != "csv",
        )
    if too_many:
        limit, rows = fmt_number(MAX_ROWS_XLSX_GEOJSON, lang), fmt_number(len(ctx.filtered), lang)
        st.caption(t("export_too_many", lang, limit=limit, rows=rows))

# -- import ---------------------------------------------------------------------------------
st.subheader(t("import_title", lang))
st.caption(t("import_help", lang, mb=MAX_UPLOAD_MB))
if message := st.session_state.pop("import_message", None):
    st.success(message)
# The widget's own size hint (Streamlit's 200 MB cap, in English) would contradict ours.
st.markdown(
    "<style>[data-testid='stFileUploaderDropzoneInstructions'] small {display:none}</style>",
    unsafe_allow_html=True,
)
nonce = st.session_state.setdefault("upload_nonce", 0)
uploaded = st.file_uploader(t("upload", lang), key=f"upload_{nonce}")


def _finish(text: str) -> None:
    st.session_state["import_message"] = text
    st.session_state["upload_nonce"] = nonce + 1
    st.session_state.pop(_CHECKED, None)


_CHECKED = "_upload_checked"


def _once(key: tuple, work: Callable[[], object]) -> object:
    """``work()`` for this upload and mapping, done once: every widget on the page reruns
    it, and checking a 25 MB file takes seconds."""
    done = st.session_state.setdefault(_CHECKED, {})
    if key not in done:
        if len(done) > 4:
            done.clear()
        done[key] = work()
    return done[key]


if uploaded is not None:
    data = uploaded.getvalue()
    try:
        sheet = _once((uploaded.file_id,), lambda: read_table(data, uploaded.name))
    except ImportFileError as exc:
        st.error(file_error_text(exc, lang))
        st.stop()
    table = sheet.table
    suggested = suggest_mapping(list(table.columns))
    with st.expander(t("mapping", lang), expanded=False):
        options = ["", *table.columns]
        mapping = {}
        grid = st.columns(4)
        for i, field in enumerate(FIELDS):
            mapping[field] = (
                grid[i % 4].selectbox(
                    t(f"field_{field}", lang),
                    options,
                    index=options.index(suggested[field] or ""),
                    format_func=lambda c: c or t("not_mapped", lang),
                    key=f"map_{nonce}_{field}",
                )
                or None
            )
    try:
        check_mapping(mapping)
        _, result = _once(
            (uploaded.file_id, *mapping.items()),
            lambda: validate_sheet(sheet, uploaded.name, import_checker(), mapping),
        )
    except ImportFileError as exc:
        st.error(file_error_text(exc, lang))
        st.stop()
    valid = len(result.rows)
    st.markdown(
        f"**{t('report_title', lang)}** — "
        + t("report_summary", lang, ok=valid, bad=result.invalid, warn=result.warnings)
    )
    report = report_table(result, lang)
    problems = report[result.report["status"] != "ok"].rename(
        columns={
            "row": t("row_col", lang),
            "status": t("status_col", lang),
            "messages": t("messages_col", lang),
        }
    )
    if len(problems):
        shown = context.table_rows(problems, lang, "problems_preview")
        st.dataframe(shown, hide_index=True, width="stretch", height=240)
        st.download_button(
            t("download_report", lang),
            data=functools.partial(to_csv_bytes, problems),
            file_name=f"laporan-{uploaded.name}.csv",
            mime="text/csv",
            on_click="ignore",
        )
    go, cancel = st.columns(2)
    if go.button(t("import_valid", lang, n=valid), disabled=valid == 0, type="primary"):
        try:
            version = data_store().import_centres(result.rows, f"Impor {uploaded.name}")
        except StoreError as exc:  # the transaction rolled back
            st.error(t("import_failed", lang, error=str(exc)[:200]))
        else:
            _finish(t("import_done", lang, v=version, n=valid))
            st.rerun()
    if cancel.button(t("import_cancel", lang)):
        _finish(t("import_cancelled", lang))
        st.rerun()

# -- versions -------------------------------------------------------------------------------
st.subheader(t("versions_title", lang))
versions = data_store().versions()
st.dataframe(versions, hide_index=True, width="stretch", height=180)
older = [int(v) for v in versions["version_id"] if v != ctx.version]
if older:
    col_pick, col_go = st.columns([1, 1], vertical_alignment="bottom")
    chosen = col_pick.selectbox(t("restore", lang), older)
    if col_go.button(t("restore", lang) + f" {chosen}"):
        new = data_store().restore(chosen)
        st.session_state["import_message"] = t("restore_done", lang, old=chosen, v=new)
        st.rerun()
