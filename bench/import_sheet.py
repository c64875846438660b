"""Reading and checking an official's sheet at the upload limit (25 MB): prints figures.

``.venv/bin/python bench/import_sheet.py [--xlsx]`` builds a CSV of about 24 MB shaped like
a provincial office's export (title, header, column numbers, totals; names, regencies as
written, kecamatan, money as text, compound market reach) and times ``read_table`` and the
row checks against the floor: a plain ``pyarrow.csv`` read of the same bytes (same
delimiter and encoding, Windows-1252 as offices' Excel writes it, the header after the title
row, rows of another width skipped), in the same run. Wall time depends on what else the
machine runs; CPU time is this process's. The last line is a JSON object.
"""

from __future__ import annotations

import io
import json
import sys
import time
from pathlib import Path

import pyarrow.csv as pa_csv

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from loaders.boundaries import load  # noqa: E402
from loaders.import_file import read_table  # noqa: E402
from loaders.importer import checker_for, validate_sheet  # noqa: E402
from tests.officials_files import to_csv, to_xlsx  # noqa: E402

ROWS = 220_000
REGENCIES = [
    "Kab. Sleman",
    "Kota Pekalongan",
    "3326",
    "Kab. Bantul",
    "Kodya Semarang",
    "KAB  BANYUMAS",
]
KECAMATAN = ["Depok", "Pekalongan Barat", "Wiradesa", "Sewon", "Candisari", "Cilongok"]


def sheet_grid(rows: int) -> list[list]:
    header = [
        "No",
        "Nama Sentra",
        "Kab/Kota",
        "Kecamatan",
        "Komoditas",
        "Omzet",
        "Jumlah Unit Usaha",
        "Tenaga Kerja",
        "Pemasaran",
        "Lintang",
        "Bujur",
    ]
    grid: list[list] = [["DATA SENTRA IKM"], [], header, [f"({i})" for i in range(1, 12)]]
    for i in range(rows):
        grid.append(
            [
                i + 1,
                f"Sentra Uji Nomor {i}",
                REGENCIES[i % 6],
                KECAMATAN[i % 6],
                "batik tulis",
                "1.250.000.000",
                "25",
                "1.200",
                "Ekspor (Jepang, Malaysia)",
                "",
                "",
            ]
        )
    grid.append(["", "JUMLAH"])
    return grid


def floor_read(data: bytes, tries: int = 3) -> float:
    """Seconds for pyarrow to read the same CSV bytes into a table, nothing else: the header
    after the title row (which a plain read cannot take for one), the totals row skipped as
    a row of another width; the best of ``tries`` reads (the first also starts pyarrow's
    thread pool). Without ``skip_rows`` the one-cell title row would be the header and every
    data row a row of another width, each passed to the Python handler: a floor of that
    handler, ~3× slower, not of reading."""
    seconds = []
    for _ in range(tries):
        started = time.perf_counter()
        table = pa_csv.read_csv(
            io.BytesIO(data),
            read_options=pa_csv.ReadOptions(encoding="cp1252", skip_rows=1),
            parse_options=pa_csv.ParseOptions(delimiter=";", invalid_row_handler=lambda _: "skip"),
        )
        seconds.append(time.perf_counter() - started)
    assert table.num_rows >= ROWS, table.num_rows  # every data row read, not skipped
    return min(seconds)


def measure(data: bytes, name: str, checker) -> dict:
    floor = floor_read(data) if name.endswith(".csv") else None
    wall, cpu = time.perf_counter(), time.process_time()
    sheet = read_table(data, name, max_bytes=None)
    read_wall, read_cpu = time.perf_counter() - wall, time.process_time() - cpu
    wall, cpu = time.perf_counter(), time.process_time()
    _, result = validate_sheet(sheet, name, checker)
    check_wall = time.perf_counter() - wall
    return {
        "file": name,
        "mb": round(len(data) / 2**20, 1),
        "rows": len(sheet.table),
        "valid": len(result.rows),
        "floor_read_seconds": None if floor is None else round(floor, 2),
        "read_seconds": round(read_wall, 2),
        "read_cpu_seconds": round(read_cpu, 2),
        "check_seconds": round(check_wall, 2),
        "check_cpu_seconds": round(time.process_time() - cpu, 2),
        "ratio_to_floor": None if floor is None else round((read_wall + check_wall) / floor, 1),
    }


def main() -> int:
    layers, _ = load()
    checker = checker_for(layers)
    grid = sheet_grid(ROWS)
    figures = [measure(to_csv(grid), "sentra.csv", checker)]
    if "--xlsx" in sys.argv:
        figures.append(measure(to_xlsx({"Data": (grid, [])}), "sentra.xlsx", checker))
    for figure in figures:
        floor = figure["floor_read_seconds"]
        print(
            f"{figure['file']} ({figure['mb']} MB, {figure['rows']:,} rows): read "
            f"{figure['read_seconds']} s, check {figure['check_seconds']} s"
            + (f"; pyarrow floor {floor} s, {figure['ratio_to_floor']}× the floor" if floor else "")
        )
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
