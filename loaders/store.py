"""The data-access module: every read and write of centres, budgets and indicators.

Default backend: one DuckDB file (``$SENTRA_DATA_DIR/sentra.duckdb``, default ``var/``),
created from ``geodata/`` on first use. Centres are versioned: each import or restore adds
a complete new version in one transaction and moves the ``current`` pointer, so an import
that fails or is killed leaves the stored data exactly as it was, and every earlier
version can be restored. A server database (PostgreSQL/PostGIS) would implement the same
public methods.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa

from sentra.schema import (
    BUDGET_COLUMNS,
    CENTRE_COLUMNS,
    INDICATOR_COLUMNS,
    REGIONAL_INDICATOR_COLUMNS,
    REGIONAL_VALUE_COLUMNS,
)

ROOT = Path(__file__).resolve().parent.parent
GEODATA = ROOT / "geodata"
ENV_DATA_DIR = "SENTRA_DATA_DIR"
CHUNK_ROWS = 50_000
_COLS = ", ".join(CENTRE_COLUMNS)


# Through Arrow rather than ``.df()``: at a million centres ``.df()`` peaks at about 1.5 GB
# (Python string objects first), Arrow at about 0.9 GB, with the same column types.
_PANDAS_TYPES = {
    pa.string(): pd.StringDtype("pyarrow", na_value=float("nan")),
    pa.int32(): pd.Int32Dtype(),
}


def default_path() -> Path:
    return Path(os.environ.get(ENV_DATA_DIR) or ROOT / "var") / "sentra.duckdb"


class StoreError(RuntimeError):
    """A read or write of the store failed; nothing was changed. Pages catch this, never a
    backend's own exception types."""


class StoreBusyError(StoreError):
    """Another process holds the database for writing."""


def _columns_sql(columns: dict[str, str]) -> str:
    return ", ".join(f"{name} {kind}" for name, kind in columns.items())


_SCHEMA = f"""
CREATE TABLE versions (
    version_id INTEGER PRIMARY KEY, created_at TIMESTAMP, kind VARCHAR,
    label VARCHAR, rows INTEGER, based_on INTEGER);
CREATE TABLE current_version (version_id INTEGER);
CREATE TABLE centres (version_id INTEGER, {_columns_sql(CENTRE_COLUMNS)});
CREATE TABLE budgets ({_columns_sql(BUDGET_COLUMNS)});
CREATE TABLE indicators ({_columns_sql(INDICATOR_COLUMNS)});
CREATE TABLE facts (fact_id VARCHAR, year INTEGER, scope VARCHAR, region_code VARCHAR,
    indicator VARCHAR, value VARCHAR, unit VARCHAR, source VARCHAR);
CREATE TABLE sentra_bps_2024 (province_code VARCHAR, province_name VARCHAR, year INTEGER,
    sentra_industri INTEGER);
"""
# Added after the first release: created on first use in older database files too.
_REGIONAL_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS regional_indicators ({_columns_sql(REGIONAL_INDICATOR_COLUMNS)});
CREATE TABLE IF NOT EXISTS regional_values ({_columns_sql(REGIONAL_VALUE_COLUMNS)});
"""


class Store:
    """One database file; connections are short-lived so other processes can take turns."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = Path(path or default_path())
        if not self.path.exists():
            self._create()

    # -- connections -------------------------------------------------------------------
    @contextmanager
    def _connect(self, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
        deadline = time.monotonic() + 10
        while True:
            try:
                con = duckdb.connect(str(self.path), read_only=read_only)
                break
            except duckdb.IOException as exc:  # the file is locked by another process
                if time.monotonic() > deadline:
                    raise StoreBusyError(
                        "Basis data sedang dipakai proses lain; coba lagi sebentar lagi. "
                        "(The database is busy in another process.)"
                    ) from exc
                time.sleep(0.2)
        try:
            yield con
        finally:
            con.close()

    def _create(self) -> None:
        """Build the database from geodata/ under a temporary name, then move it in place."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        staging = self.path.with_name(f".{self.path.name}.{os.getpid()}.new")
        staging.unlink(missing_ok=True)
        con = duckdb.connect(str(staging))
        try:
            con.execute(_SCHEMA)
            con.execute(_REGIONAL_SCHEMA)
            centres = _read_geodata("centres.csv", CENTRE_COLUMNS)
            _insert_version(con, 1, "bawaan", "Data bawaan (geodata/)", None, centres)
            con.execute("INSERT INTO current_version VALUES (1)")
            for table, columns in (("budgets", BUDGET_COLUMNS), ("indicators", INDICATOR_COLUMNS)):
                frame = _read_geodata(f"{table}.csv", columns)  # noqa: F841 (used by SQL)
                con.execute(f"INSERT INTO {table} SELECT * FROM frame")
            for table, name in (
                ("facts", "facts.csv"),
                ("sentra_bps_2024", "sentra_industri_by_province_2024.csv"),
            ):
                frame = pd.read_csv(GEODATA / name, dtype=str)  # noqa: F841
                con.execute(f"INSERT INTO {table} SELECT * FROM frame")
            con.execute("CHECKPOINT")
        finally:
            con.close()
        os.replace(staging, self.path)

    # -- reads -------------------------------------------------------------------------
    def current_version(self) -> int:
        with self._connect(read_only=True) as con:
            return con.execute("SELECT version_id FROM current_version").fetchone()[0]

    def centres(self, version_id: int | None = None) -> pd.DataFrame:
        """All centres of a version (default: the current one), in schema columns."""
        with self._connect(read_only=True) as con:
            if version_id is None:  # fetchall: DuckDB refuses con.sql() beside an open result
                version_id = con.execute("SELECT version_id FROM current_version").fetchall()[0][0]
            rows = con.sql(
                f"SELECT {_COLS} FROM centres WHERE version_id = $v ORDER BY id",
                params={"v": version_id},
            ).to_arrow_table()
        return rows.to_pandas(types_mapper=_PANDAS_TYPES.get)

    def versions(self) -> pd.DataFrame:
        with self._connect(read_only=True) as con:
            return con.execute(
                "SELECT v.*, v.version_id = c.version_id AS is_current "
                "FROM versions v, current_version c ORDER BY v.version_id DESC"
            ).df()

    def regional_indicators(self) -> pd.DataFrame:
        """The newest version of every imported regional indicator (one row each), with
        the years it covers; empty when none was imported."""
        with self._connect(read_only=True) as con:
            if not _has_table(con, "regional_indicators"):
                return pd.DataFrame(columns=[*REGIONAL_INDICATOR_COLUMNS, "years"])
            return con.execute(
                "SELECT r.*, (SELECT list(DISTINCT year ORDER BY year) FROM regional_values v "
                "WHERE v.indicator_version = r.indicator_version) AS years "
                "FROM regional_indicators r WHERE indicator_version = "
                "(SELECT max(indicator_version) FROM regional_indicators x WHERE x.key = r.key) "
                "ORDER BY name"
            ).df()

    def regional_indicator_versions(self) -> pd.DataFrame:
        """Every imported version of every regional indicator, newest first."""
        with self._connect(read_only=True) as con:
            if not _has_table(con, "regional_indicators"):
                return pd.DataFrame(columns=list(REGIONAL_INDICATOR_COLUMNS))
            return con.execute(
                "SELECT * FROM regional_indicators ORDER BY indicator_version DESC"
            ).df()

    def regional_values(self, indicator_version: int) -> pd.DataFrame:
        """region_code, year, value of one version of a regional indicator."""
        with self._connect(read_only=True) as con:
            if not _has_table(con, "regional_values"):
                return pd.DataFrame(columns=["region_code", "year", "value"])
            return con.execute(
                "SELECT region_code, year, value FROM regional_values "
                "WHERE indicator_version = ? ORDER BY region_code, year",
                [indicator_version],
            ).df()

    def table(self, name: str) -> pd.DataFrame:
        """One of the reference tables: budgets, indicators, facts, sentra_bps_2024."""
        if name not in ("budgets", "indicators", "facts", "sentra_bps_2024"):
            raise ValueError(name)
        with self._connect(read_only=True) as con:
            return con.execute(f"SELECT * FROM {name}").df()

    # -- writes ------------------------------------------------------------------------
    @contextmanager
    def _transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """All or nothing: on any error (or if the process dies) nothing is changed."""
        with self._connect() as con:
            con.execute("BEGIN TRANSACTION")
            try:
                yield con
                con.execute("COMMIT")
            except duckdb.Error as exc:
                con.execute("ROLLBACK")
                raise StoreError(str(exc)) from exc
            except BaseException:
                con.execute("ROLLBACK")
                raise

    def import_centres(
        self,
        rows: pd.DataFrame,
        label: str,
        progress: Callable[[int], None] | None = None,
    ) -> int:
        """A new version = the current centres with ``rows`` added (same id: replaced)."""
        rows = rows.reindex(columns=list(CENTRE_COLUMNS))
        with self._transaction() as con:
            current = con.execute("SELECT version_id FROM current_version").fetchone()[0]
            new = _next_version(con)
            missing = rows["id"].isna() | (rows["id"].astype(str).str.strip() == "")
            rows.loc[missing, "id"] = [f"IMP{new}-{n:07d}" for n in range(int(missing.sum()))]
            con.execute(
                f"INSERT INTO centres SELECT {new}, {_COLS} FROM centres "
                "WHERE version_id = ? AND id NOT IN (SELECT id FROM rows WHERE id IS NOT NULL)",
                [current],
            )
            _insert_rows(con, new, rows, progress)
            _publish(con, new, "impor", label, current)
        return new

    def import_regional_indicator(self, meta: dict[str, str], values: pd.DataFrame) -> int:
        """A new version of the regional indicator ``meta['key']`` (name, unit, source,
        level, data_status, label), with ``values`` (region_code, year, value)."""
        values = values.reindex(columns=["region_code", "year", "value"])
        with self._transaction() as con:
            con.execute(_REGIONAL_SCHEMA)
            new = con.execute(
                "SELECT coalesce(max(indicator_version), 0) + 1 FROM regional_indicators"
            ).fetchone()[0]
            row = {**meta, "indicator_version": new, "created_at": _now(), "rows": len(values)}
            con.execute(
                f"INSERT INTO regional_indicators VALUES "
                f"({', '.join('?' * len(REGIONAL_INDICATOR_COLUMNS))})",
                [row[c] for c in REGIONAL_INDICATOR_COLUMNS],
            )
            con.execute(f"INSERT INTO regional_values SELECT {new}, * FROM values")
        return new

    def restore(self, version_id: int) -> int:
        """Make an earlier version current again, as a new version (history is kept)."""
        with self._transaction() as con:
            exists = con.execute(
                "SELECT count(*) FROM versions WHERE version_id = ?", [version_id]
            ).fetchone()[0]
            if not exists:
                raise ValueError(f"Versi {version_id} tidak ada.")
            new = _next_version(con)
            con.execute(
                f"INSERT INTO centres SELECT {new}, {_COLS} FROM centres WHERE version_id = ?",
                [version_id],
            )
            _publish(con, new, "pulihkan", f"Pemulihan versi {version_id}", version_id)
        return new


def _publish(
    con: duckdb.DuckDBPyConnection, new: int, kind: str, label: str, based_on: int
) -> None:
    """Record version ``new`` (already written) and make it the current one."""
    count = con.execute("SELECT count(*) FROM centres WHERE version_id = ?", [new]).fetchone()[0]
    con.execute(
        "INSERT INTO versions VALUES (?, ?, ?, ?, ?, ?)",
        [new, _now(), kind, label, count, based_on],
    )
    con.execute("UPDATE current_version SET version_id = ?", [new])


def _has_table(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    query = "SELECT count(*) FROM duckdb_tables() WHERE table_name = ?"
    return bool(con.execute(query, [name]).fetchone()[0])


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _next_version(con: duckdb.DuckDBPyConnection) -> int:
    return con.execute("SELECT coalesce(max(version_id), 0) + 1 FROM versions").fetchone()[0]


def _read_geodata(name: str, columns: dict[str, str]) -> pd.DataFrame:
    text_cols = {c: str for c, kind in columns.items() if kind == "VARCHAR"}
    frame = pd.read_csv(GEODATA / name, dtype=text_cols, keep_default_na=False, na_values=[""])
    return frame.reindex(columns=list(columns))


def _insert_rows(
    con: duckdb.DuckDBPyConnection,
    version_id: int,
    rows: pd.DataFrame,
    progress: Callable[[int], None] | None,
) -> None:
    for start in range(0, len(rows), CHUNK_ROWS):
        chunk = rows.iloc[start : start + CHUNK_ROWS]  # noqa: F841 (read by SQL)
        con.execute(f"INSERT INTO centres SELECT {version_id}, {_COLS} FROM chunk")
        if progress:
            progress(min(start + CHUNK_ROWS, len(rows)))


def _insert_version(
    con: duckdb.DuckDBPyConnection,
    version_id: int,
    kind: str,
    label: str,
    based_on: int | None,
    rows: pd.DataFrame,
) -> None:
    _insert_rows(con, version_id, rows, None)
    con.execute(
        "INSERT INTO versions VALUES (?, ?, ?, ?, ?, ?)",
        [version_id, _now(), kind, label, len(rows), based_on],
    )
