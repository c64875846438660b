"""Import pipeline: read a file, map its columns, validate rows, store a new version.

Also a command for administrators and tests:
``python -m loaders.importer FILE [--all-or-nothing]`` prints progress lines while writing
and, as its last line, a JSON summary.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import pandas as pd

from loaders.boundaries import BoundaryLayers
from loaders.import_file import MAX_UPLOAD_BYTES, ImportFileError, read_table
from loaders.store import Store
from sentra.i18n import t
from sentra.regions import RegionMatcher
from sentra.report import describe
from sentra.validation import REQUIRED, RowChecker, ValidationResult, suggest_mapping


def checker_for(layers: BoundaryLayers) -> RowChecker:
    """Validation needs region names and full-detail regency shapes (build once, reuse)."""
    shapes = layers.regencies.set_index("code").geometry
    return RowChecker(RegionMatcher(layers.regions), shapes)


def check_mapping(mapping: dict[str, str | None]) -> None:
    missing = [f for f in REQUIRED if not mapping.get(f)]
    if missing:
        raise ImportFileError("file_missing_columns", fields=", ".join(missing))


def validate_file(
    data: bytes,
    filename: str,
    checker: RowChecker,
    mapping: dict[str, str | None] | None = None,
    max_bytes: int | None = MAX_UPLOAD_BYTES,
) -> tuple[pd.DataFrame, dict[str, str | None], ValidationResult]:
    """The raw table, the mapping used and the validation result; nothing is stored."""
    table = read_table(data, filename, max_bytes)
    mapping = mapping or suggest_mapping(list(table.columns))
    check_mapping(mapping)
    return table, mapping, checker.validate(table, mapping, f"Impor: {filename}")


def report_table(result: ValidationResult, lang: str) -> pd.DataFrame:
    """The per-row report with messages in the user's language."""
    report = result.report.copy()
    report["messages"] = report["messages"].map(lambda m: describe(m, lang))
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Impor berkas sentra ke basis data.")
    parser.add_argument("file", type=Path)
    parser.add_argument("--all-or-nothing", action="store_true")
    parser.add_argument("--lang", default="id")
    args = parser.parse_args(argv)
    from loaders.boundaries import load

    started = time.perf_counter()
    layers, _ = load()
    try:
        _, _, result = validate_file(
            args.file.read_bytes(), args.file.name, checker_for(layers), max_bytes=None
        )
    except ImportFileError as exc:
        print(t(exc.key, args.lang, **exc.params), file=sys.stderr)
        return 2
    if result.invalid and args.all_or_nothing:
        print(f"{result.invalid} baris tidak sah; tidak ada yang diimpor.", file=sys.stderr)
        return 3
    validated = time.perf_counter()
    store = Store()
    version = store.import_centres(
        result.rows,
        label=f"Impor {args.file.name}",
        progress=lambda n: print(f"ditulis {n} baris", flush=True),
    )
    summary = {
        "version": version,
        "imported": len(result.rows),
        "invalid": result.invalid,
        "validate_seconds": round(validated - started, 2),
        "write_seconds": round(time.perf_counter() - validated, 2),
    }
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
