"""Import pipeline: read a file, map its columns, validate rows, store a new version.

Also a command for administrators and tests:
``python -m loaders.importer FILE [--lengkap] [--oleh NAME] [--all-or-nothing]`` reconciles
the file with the stored centres (``sentra.reconcile``), prints progress lines while writing
and, as its last line, a JSON summary with what it added, changed, left unchanged, retired
and refused. ``--lengkap``: the file is the complete list of the regions it names.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
from pathlib import Path

import pandas as pd

from loaders import wilayah_codes
from loaders.boundaries import BoundaryLayers
from loaders.import_file import MAX_UPLOAD_BYTES, ImportFileError, Sheet, read_table
from loaders.store import open_store
from sentra.i18n import N_, t
from sentra.import_fields import missing_fields, provided_columns, suggest_mapping
from sentra.regional_table import RegionalLayout, RegionalResult, detect_layout, read_regional
from sentra.regions import PlaceIndex, RegionMatcher
from sentra.report import describe, field_list
from sentra.validation import RowChecker, ValidationResult


def checker_for(layers: BoundaryLayers) -> RowChecker:
    """Validation needs region names, full-detail regency shapes and the kecamatan and desa
    of the 2025 code list (build once, reuse)."""
    shapes = layers.regencies.set_index("code").geometry
    return RowChecker(RegionMatcher(layers.regions), shapes, PlaceIndex(wilayah_codes.codes()))


def check_mapping(mapping: dict[str, str | None]) -> None:
    """Refuses a mapping without the required fields (named in the user's language later)."""
    missing = missing_fields(mapping)
    if missing:
        raise ImportFileError(N_("file_missing_columns"), fields=missing)


def _with_skipped(report: pd.DataFrame, sheet: Sheet) -> pd.DataFrame:
    """The report plus the rows the reader skipped (column numbers, totals, notes)."""
    if not sheet.skipped:
        return report
    skipped = pd.DataFrame(
        {
            "row": [r for r, _ in sheet.skipped],
            "status": "skipped",
            "messages": [[(reason, {})] for _, reason in sheet.skipped],
        }
    )
    report = pd.concat([report, skipped], ignore_index=True)
    return report.sort_values("row", kind="stable").reset_index(drop=True)


def validate_sheet(
    sheet: Sheet, filename: str, checker: RowChecker, mapping: dict[str, str | None] | None = None
) -> tuple[dict[str, str | None], ValidationResult]:
    """The mapping used and the validation result of a table already read; nothing is stored.

    Rows the reader skipped (column numbers, totals, notes) are listed in the report too.
    """
    mapping = mapping or suggest_mapping(list(sheet.table.columns))
    check_mapping(mapping)
    source = f"Impor: {filename}" + (f" — {sheet.source_note}" if sheet.source_note else "")
    result = checker.validate(sheet.table, mapping, source, rows=sheet.rows)
    result.report = _with_skipped(result.report, sheet)
    return mapping, result


def validate_file(
    data: bytes,
    filename: str,
    checker: RowChecker,
    mapping: dict[str, str | None] | None = None,
    max_bytes: int | None = MAX_UPLOAD_BYTES,
    sheet: str | None = None,
    header_row: int | None = None,
) -> tuple[Sheet, dict[str, str | None], ValidationResult]:
    """The table read, the mapping used and the validation result; nothing is stored."""
    read = read_table(data, filename, max_bytes, sheet=sheet, header_row=header_row)
    mapping, result = validate_sheet(read, filename, checker, mapping)
    return read, mapping, result


def indicator_key(name: str) -> str:
    """'Jumlah Sentra IKM (unit)' → 'jumlah_sentra_ikm_unit': one key per indicator name."""
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")[:60] or "indikator"


def read_regional_sheet(
    sheet: Sheet, checker: RowChecker, layout: RegionalLayout | None = None, year: int | None = None
) -> tuple[RegionalLayout, RegionalResult]:
    """A regional table (one figure per region and year) in a sheet already read; nothing
    is stored. Rows the reader skipped are listed in the report too."""
    layout = layout or detect_layout(sheet.table)
    if layout is None:
        raise ImportFileError(N_("file_missing_columns"), fields=["region"])
    result = read_regional(sheet.table, sheet.rows, layout, checker.matcher, year)
    result.report = _with_skipped(result.report, sheet)
    return layout, result


STATUS_LABELS = {
    "ok": N_("status_ok"),
    "warning": N_("status_warning"),
    "error": N_("status_error"),
    "skipped": N_("status_skipped"),
}


def report_table(result: ValidationResult | RegionalResult, lang: str) -> pd.DataFrame:
    """The per-row report with statuses and messages in the user's language."""
    report = result.report.copy()
    report["status"] = report["status"].map(lambda s: t(STATUS_LABELS[s], lang))
    report["messages"] = report["messages"].map(lambda m: describe(m, lang))
    return report


def file_error_text(exc: ImportFileError, lang: str) -> str:
    """An ``ImportFileError`` as a sentence in ``lang`` (field names translated)."""
    params = dict(exc.params)
    if "fields" in params:
        params["fields"] = field_list(params["fields"], lang)
    return t(exc.key, lang, **params)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=t("cli_import_description"))
    parser.add_argument("file", type=Path)
    parser.add_argument("--all-or-nothing", action="store_true")
    parser.add_argument("--lang", default="id")
    parser.add_argument("--sheet", help=t("cli_import_sheet"))
    parser.add_argument("--header-row", type=int, help=t("cli_import_header_row"))
    parser.add_argument("--lengkap", action="store_true", help=t("cli_import_complete"))
    parser.add_argument("--oleh", metavar="AKUN", help=t("cli_import_by"))
    args = parser.parse_args(argv)
    from loaders.boundaries import load

    started = time.perf_counter()
    layers, _ = load()
    data = args.file.read_bytes()
    try:
        sheet, mapping, result = validate_file(
            data,
            args.file.name,
            checker_for(layers),
            max_bytes=None,
            sheet=args.sheet,
            header_row=args.header_row,
        )
    except ImportFileError as exc:
        print(file_error_text(exc, args.lang), file=sys.stderr)
        return 2
    if result.invalid and args.all_or_nothing:
        print(t("cli_import_invalid", args.lang, n=result.invalid), file=sys.stderr)
        return 3
    validated = time.perf_counter()
    store = open_store()
    account = store.account(args.oleh) if args.oleh else None
    if args.oleh and account is None:
        print(t("acc_unknown", args.lang, name=args.oleh), file=sys.stderr)
        return 2
    outcome = store.import_centres(
        result.rows,
        label=f"Impor {args.file.name}",
        progress=lambda n: print(t("cli_import_written", args.lang, n=n), flush=True),
        complete=args.lengkap,
        account=account,
        file_name=args.file.name,
        file_sha256=hashlib.sha256(data).hexdigest(),
        provided=provided_columns(mapping),
    )
    if not outcome.stored:
        print(t("import_nothing_changed", args.lang, v=outcome.version), file=sys.stderr)
    if refused := len(outcome.plan.refused):
        regions = " ".join(account.regions) if account else ""
        print(t("cli_import_refused", args.lang, n=refused, regions=regions), file=sys.stderr)
    summary = {
        "version": outcome.version,
        "stored": outcome.stored,
        "account": account.name if account else None,
        "complete": args.lengkap,
        **outcome.plan.counts(),
        "imported": len(result.rows),
        "invalid": result.invalid,
        "warnings": result.warnings,
        "skipped": len(sheet.skipped),
        "sheet": sheet.sheet,
        "header_row": sheet.header_row,
        "validate_seconds": round(validated - started, 2),
        "write_seconds": round(time.perf_counter() - validated, 2),
    }
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
