"""What the Data page needs from files and the store: downloads, reading and checking an
upload, importing it, the versions. Views stay free of ``loaders`` and the store."""

from __future__ import annotations

import hashlib

import pandas as pd
import streamlit as st
from babel.dates import format_datetime, get_timezone

from loaders.export import MAX_ROWS_XLSX_GEOJSON, to_csv_bytes, to_geojson_bytes, to_xlsx_bytes
from loaders.import_file import MAX_UPLOAD_MB, ImportFileError, Sheet, read_table
from loaders.importer import (
    file_error_text,
    indicator_key,
    read_regional_sheet,
    report_table,
    validate_sheet,
)
from loaders.store import StoreError
from loaders.store.base import ImportResult
from sentra.accounts import Account
from sentra.coverage import describe
from sentra.filters import Filters, filter_centres
from sentra.formatting import LOCALES, fmt_number
from sentra.i18n import N_, t
from sentra.import_fields import provided_columns
from sentra.reconcile import COUNTS, Plan, plan_import
from sentra.regional_table import RegionalLayout, RegionalResult, detect_layout
from sentra.validation import ValidationResult
from ui.cached import (
    boundary_layers,
    centres_of_version,
    coverage_of,
    data_store,
    import_checker,
)

__all__ = [
    "MAX_ROWS_XLSX_GEOJSON",
    "MAX_UPLOAD_MB",
    "ImportFileError",
    "RegionalLayout",
    "RegionalResult",
    "Sheet",
    "StoreError",
    "ValidationResult",
    "file_error_text",
]
_CHECKED = "_upload_checked"
PLAN_COLUMNS = {
    "added": N_("plan_col_added"),
    "changed": N_("plan_col_changed"),
    "unchanged": N_("plan_col_unchanged"),
    "retired": N_("plan_col_retired"),
    "refused": N_("plan_col_refused"),
}
LEVELS = {"province": N_("ind_level_province"), "regency": N_("ind_level_regency")}


# Shared, not copied per call (bytes are immutable); few entries and a time limit, because
# a CSV of a million centres is about 180 MB.
@st.cache_resource(max_entries=3, ttl=600, show_spinner=False)
def export_bytes(kind: str, version: int, filters: tuple) -> bytes:
    """Download files for one version and filter combination, built once."""
    frame = filter_centres(centres_of_version(version), Filters(filters))
    if kind == "csv":
        return to_csv_bytes(frame)
    if kind == "xlsx":
        return to_xlsx_bytes(frame)
    return to_geojson_bytes(frame, boundary_layers().all_regions)


def once(key: tuple, work):
    """``work()`` for this upload and these choices, done once per session: every widget
    on the page reruns the script, and checking a 25 MB file takes seconds."""
    done = st.session_state.setdefault(_CHECKED, {})
    if key not in done:
        if len(done) > 6:
            done.clear()
        done[key] = work()
    return done[key]


def forget_checks() -> None:
    st.session_state.pop(_CHECKED, None)


def read_upload(data: bytes, name: str, sheet: str | None, header_row: int | None) -> Sheet:
    return read_table(data, name, sheet=sheet, header_row=header_row)


def check_centres(
    sheet: Sheet, name: str, mapping: dict[str, str | None]
) -> tuple[dict[str, str | None], ValidationResult]:
    return validate_sheet(sheet, name, import_checker(), mapping)


def check_regional(
    sheet: Sheet, layout: RegionalLayout | None, year: int | None
) -> tuple[RegionalLayout, RegionalResult]:
    return read_regional_sheet(sheet, import_checker(), layout, year)


def needs_year(sheet: Sheet) -> bool:
    """A regional table without years in its headers or a year column: the user gives it."""
    layout = detect_layout(sheet.table)
    return layout is not None and not layout.years and not layout.year_column


def report(result: ValidationResult | RegionalResult, lang: str) -> pd.DataFrame:
    """Rows with something to say (errors, warnings, skipped), headers in ``lang``."""
    shown = report_table(result, lang)[result.report["status"] != "ok"]
    return shown.rename(
        columns={
            "row": t("row_col", lang),
            "status": t("status_col", lang),
            "messages": t("messages_col", lang),
        }
    )


def report_csv(frame: pd.DataFrame) -> bytes:
    return to_csv_bytes(frame)


def plan_centres(
    version: int,
    rows: pd.DataFrame,
    mapping: dict[str, str | None],
    complete: bool,
    account: Account | None,
) -> Plan:
    """What importing ``rows`` would change in ``version`` (nothing is stored)."""
    return plan_import(
        centres_of_version(version),
        rows,
        complete=complete,
        account=account,
        provided=provided_columns(mapping),
    )


def import_centres(
    rows: pd.DataFrame,
    mapping: dict[str, str | None],
    name: str,
    data: bytes,
    complete: bool,
    account: Account | None,
) -> ImportResult:
    return data_store().import_centres(
        rows,
        f"Impor {name}",
        complete=complete,
        account=account,
        file_name=name,
        file_sha256=hashlib.sha256(data).hexdigest(),
        provided=provided_columns(mapping),
    )


def plan_text(
    counts: dict[str, int], lang: str, illustrative: int | None = None, restore: bool = False
) -> str:
    """'12 baru, 3 berubah, 40 dihapus dari daftar (38 ilustratif), 9 tetap'; for a restore
    the added rows are the ones that come back."""
    added = N_("plan_back") if restore else N_("plan_added")
    parts = [t(added, lang, n=fmt_number(counts["added"], lang))]
    parts.append(t("plan_changed", lang, n=fmt_number(counts["changed"], lang)))
    retired = t("plan_retired", lang, n=fmt_number(counts["retired"], lang))
    if illustrative:
        retired += " " + t("plan_of_them_illustrative", lang, n=fmt_number(illustrative, lang))
    parts.append(retired)
    if counts.get("unchanged"):
        parts.append(t("plan_unchanged", lang, n=fmt_number(counts["unchanged"], lang)))
    if counts.get("refused"):
        parts.append(t("plan_refused", lang, n=fmt_number(counts["refused"], lang)))
    return ", ".join(parts)


def plan_by_regency(plan: Plan, lang: str) -> pd.DataFrame:
    """The plan's counts per regency, with names and translated headers."""
    names = boundary_layers().all_regions["name"]
    table = plan.by_regency()
    table.insert(0, "name", table["regency_code"].map(names).fillna(table["regency_code"]))
    headers = {"name": t("plan_col_regency", lang)}
    headers |= {count: t(key, lang) for count, key in PLAN_COLUMNS.items()}
    return table.drop(columns="regency_code").rename(columns=headers)


def plan_rows_csv(plan: Plan, which: str) -> bytes:
    return to_csv_bytes(plan.rows(which))


def coverage_table(version: int, lang: str) -> pd.DataFrame:
    """Per province, and per regency with an office's list: where the figures come from."""
    table = coverage_of(version)
    regions = boundary_layers().all_regions
    shown = table[(table["level"] == "province") | (table["status"] == "dinas")]
    shown = shown[shown["level"] != "kecamatan"]
    return pd.DataFrame(
        {
            t("cov_col_region", lang): regions["name"].reindex(shown.index),
            t("cov_col_level", lang): shown["level"].map(lambda v: t(LEVELS[v], lang)),
            t("cov_col_source", lang): [describe(row, lang) for _, row in shown.iterrows()],
        }
    ).sort_index()


def restore(version: int, account: Account | None) -> int:
    return data_store().restore(version, account=account)


def restore_plan(version: int, account: Account | None) -> dict[str, int]:
    return data_store().restore_plan(version, account)


def indicator_owned_elsewhere(name: str, account: Account) -> bool:
    """An indicator of this name exists with regions outside ``account``'s."""
    return data_store().indicator_owned_elsewhere(indicator_key(name), account)


def import_indicator(
    name: str,
    unit: str,
    source: str,
    illustrative: bool,
    result: RegionalResult,
    label: str,
    account: Account | None,
) -> int:
    meta = {
        "key": indicator_key(name),
        "name": name.strip(),
        "unit": unit.strip(),
        "source": source.strip(),
        "level": result.level,
        "data_status": "ilustratif" if illustrative else "sumber",
        "label": label,
    }
    return data_store().import_regional_indicator(meta, result.values, account)


def indicator_csv(version: int, region_names: pd.Series) -> bytes:
    """One imported indicator as CSV: region code and name, year, value, unit, source."""
    store = data_store()
    meta = store.regional_indicator_versions().set_index("indicator_version").loc[version]
    values = store.regional_values(version)
    values.insert(1, "region_name", values["region_code"].map(region_names))
    values["unit"] = meta["unit"]
    values["indicator"] = meta["name"]
    values["source"] = meta["source"]
    values["data_status"] = meta["data_status"]
    return to_csv_bytes(values)


WIB = get_timezone("Asia/Jakarta")  # stored in UTC; shown in western Indonesian time


def _when(value: object, lang: str) -> str:
    """A stored time (UTC; naive ones are read as UTC) as Jakarta's clock shows it, written
    as each language writes a time (18.12 in Indonesian, 18:12 in English)."""
    if value is None or pd.isna(value):
        return "–"
    when = pd.Timestamp(value).to_pydatetime()
    pattern = "d MMM y HH.mm" if lang == "id" else "d MMM y HH:mm"
    return format_datetime(when, pattern, tzinfo=WIB, locale=LOCALES[lang])


def versions_table(lang: str) -> pd.DataFrame:
    """The centre versions as people read them: translated headers, kinds and labels,
    dates in the reader's format, no empty 'None' cells."""
    versions = data_store().versions()

    def label(row) -> str:
        if row["kind"] == "impor":
            return t("ver_import", lang, file=str(row["label"]).removeprefix("Impor "))
        if row["kind"] == "pulihkan":
            return t("ver_restore", lang, v=int(row["based_on"]))
        return t("ver_bundled", lang)

    def changes(row) -> str:
        if pd.isna(row["added"]):  # the bundled data, or a version from before step 5
            return "–"
        counts = {c: int(row[c]) for c in COUNTS if not pd.isna(row[c])}
        text = plan_text(counts, lang, restore=row["kind"] == "pulihkan")
        complete = not pd.isna(row["complete"]) and bool(row["complete"])
        return t("ver_complete", lang, text=text) if complete else text

    def who(row) -> str:
        names = [v for v in (row["account"], row["office"]) if isinstance(v, str) and v]
        return " · ".join(names) or "–"

    def file(row) -> str:
        if not isinstance(row["file_name"], str):
            return "–"
        sha = row["file_sha256"]
        if not isinstance(sha, str):
            return row["file_name"]
        return f"{row['file_name']} (SHA-256 {sha[:12]}…)"

    return pd.DataFrame(
        {
            t("ver_col_version", lang): versions["version_id"].astype(int),
            t("ver_col_when", lang): versions["created_at"].map(lambda v: _when(v, lang)),
            t("ver_col_what", lang): versions.apply(label, axis=1),
            t("ver_col_changes", lang): versions.apply(changes, axis=1),
            t("ver_col_who", lang): versions.apply(who, axis=1),
            t("ver_col_file", lang): versions.apply(file, axis=1),
            t("ver_col_rows", lang): versions["rows"].map(lambda n: fmt_number(n, lang)),
            t("ver_col_current", lang): versions["is_current"].map(lambda c: "✓" if c else ""),
        }
    )


def version_ids() -> list[int]:
    return [int(v) for v in data_store().versions()["version_id"]]


def indicator_versions(lang: str) -> pd.DataFrame:
    """Imported regional indicators, every version, readable."""
    frame = data_store().regional_indicator_versions()
    return pd.DataFrame(
        {
            t("ver_col_version", lang): frame["indicator_version"].astype(int),
            t("ver_col_when", lang): frame["created_at"].map(lambda v: _when(v, lang)),
            t("ind_col_name", lang): frame["name"],
            t("ind_col_unit", lang): frame["unit"].fillna(""),
            t("ind_col_source", lang): frame["source"].fillna(""),
            t("ver_col_rows", lang): frame["rows"].map(lambda n: fmt_number(n, lang)),
        }
    )
