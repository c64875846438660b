"""The default backend: one embedded DuckDB file, for one office or one machine.

Connections are short-lived so other processes can take turns: DuckDB lets one process
write a file at a time, and no other process read it meanwhile (a waiting process retries
for 10 s, then gets ``StoreBusyError``). Inside one process (the dashboard's sessions are
threads) writers take turns by a lock per file, so that a second import waits for the first
and reconciles with its result, and connections are opened one at a time (two threads
attaching one file at the same instant make DuckDB refuse one of them). While this process
writes, its readers read through the writer's database (committed rows only), and sign-ins
write their own table beside an import.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import shapely

from loaders.store.base import (
    BUSY_MESSAGE,
    Store,
    StoreBusyError,
    StoreError,
    batches,
    default_path,
)
from loaders.store.schema import arrow_schema, sql_type
from sentra.i18n import N_
from sentra.validation import COORDINATE_TOLERANCE_KM, KM_PER_DEGREE

WAIT_SECONDS = 10
_OPENING = threading.Lock()
_WRITERS: dict[Path, threading.Lock] = {}
_SIGN_INS: dict[Path, threading.Lock] = {}  # the sign-in table's writers, beside imports
_WRITING: dict[Path, int] = {}  # read-write connections open in this process (_OPENING)


class DuckDBStore(Store):
    dialect = "duckdb"

    def __init__(self, path: Path | None = None, *, url: str | None = None) -> None:
        self.path = Path(path or default_path())
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._key = self.path.resolve()
        with _OPENING:
            self._writer = _WRITERS.setdefault(self._key, threading.Lock())
            self._sign_ins = _SIGN_INS.setdefault(self._key, threading.Lock())
        self._prepare(fresh=not self.path.exists())

    def change_mark(self) -> tuple:
        """Size and modification time of the file and its write-ahead log: every commit (an
        import or a restore, in this process or another) changes one of them."""
        marks: list[object] = [str(self.path)]
        for file in (self.path, self.path.with_name(f"{self.path.name}.wal")):
            try:
                info = file.stat()
                marks.append((info.st_mtime_ns, info.st_size))
            except FileNotFoundError:
                marks.append(None)
        return tuple(marks)

    @contextmanager
    def _connect(self, read_only: bool) -> Iterator[duckdb.DuckDBPyConnection]:
        deadline = time.monotonic() + WAIT_SECONDS
        while True:
            try:
                con, writing = self._open(read_only)
                break
            # IOException: the file is locked by another process; ConnectionException: a
            # read-only connection of this process is open (another session reading) and
            # DuckDB opens no writer beside it. Both last milliseconds: wait.
            except (duckdb.IOException, duckdb.ConnectionException) as exc:
                if time.monotonic() > deadline:
                    raise StoreBusyError(BUSY_MESSAGE) from exc
                time.sleep(0.02)  # a turn of another thread or process: milliseconds
        try:
            yield con
        finally:
            with _OPENING:
                con.close()
                if writing:
                    _WRITING[self._key] -= 1

    def _open(self, read_only: bool) -> tuple[duckdb.DuckDBPyConnection, bool]:
        """A connection, and whether it is read-write. A reader's is read-only, unless this
        process has the file open for writing (an import, a sign-in): DuckDB opens no
        read-only connection beside that, so the reader joins it (and sees only what is
        committed) instead of waiting for the import to end. Counted under ``_OPENING``, so
        a reader never opens a read-write database of its own."""
        with _OPENING:
            try:
                con = duckdb.connect(str(self.path), read_only=read_only)
            except duckdb.ConnectionException:
                if not read_only or not _WRITING.get(self._key):
                    raise
                con = duckdb.connect(str(self.path), read_only=False)
                read_only = False
            if not read_only:
                _WRITING[self._key] = _WRITING.get(self._key, 0) + 1
            return con, not read_only

    @contextmanager
    def _read(self) -> Iterator[duckdb.DuckDBPyConnection]:
        with self._connect(read_only=True) as con:
            try:
                yield con
            except duckdb.Error as exc:
                raise StoreError(N_("store_failed"), detail=str(exc)) from exc

    @contextmanager
    def _write(self) -> Iterator[duckdb.DuckDBPyConnection]:
        with self._writer, self._transaction() as con:
            yield con

    @contextmanager
    def _write_sign_in(self, name: str) -> Iterator[duckdb.DuckDBPyConnection]:
        """One lock for every name (a sign-in's transaction lasts milliseconds); beside an
        import's transaction, which writes other tables (DuckDB commits both)."""
        if not self._sign_ins.acquire(timeout=WAIT_SECONDS):
            raise StoreBusyError(BUSY_MESSAGE)
        try:
            with self._transaction() as con:
                yield con
        finally:
            self._sign_ins.release()

    @contextmanager
    def _transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        with self._connect(read_only=False) as con:
            con.execute("BEGIN TRANSACTION")
            try:
                yield con
                con.execute("COMMIT")
            except duckdb.Error as exc:
                con.execute("ROLLBACK")
                raise StoreError(N_("store_failed"), detail=str(exc)) from exc
            except BaseException:
                con.execute("ROLLBACK")
                raise

    def _rows(self, con, sql: str, params: list | None = None) -> list[tuple]:
        return con.execute(sql, params or []).fetchall()

    def _exec(self, con, sql: str, params: list | None = None) -> int:
        result = con.execute(sql, params or []).fetchall()
        return int(result[0][0]) if result and isinstance(result[0][0], int) else 0

    def _arrow(self, con, sql: str, params: list, columns: dict[str, str]) -> pa.Table:
        table = con.sql(sql, params=params or None).to_arrow_table()
        return table.cast(arrow_schema(columns))

    def _append(
        self,
        con,
        table: str,
        data: pa.Table,
        progress: Callable[[int], None] | None = None,
    ) -> None:
        names = ", ".join(data.column_names)
        written = 0
        for chunk in batches(data):
            con.register("_appended", chunk)
            con.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM _appended")
            con.unregister("_appended")
            written += len(chunk)
            if progress:
                progress(written)

    def _scratch(self, con, name: str, columns: dict[str, str]) -> None:
        spec = ", ".join(f"{c} {sql_type(kind, self.dialect)}" for c, kind in columns.items())
        con.execute(f"CREATE TEMP TABLE {name} ({spec})")

    def misplaced_centres(self, version_id: int | None = None) -> pd.DataFrame:
        """With shapely on the full-detail regencies (DuckDB's spatial extension is not
        installable here), in the import check's planar measure."""
        from loaders.boundaries import load

        centres = self.centres(version_id)
        shapes = load()[0].regencies.set_index("code").geometry
        located = centres[
            centres["lat"].notna()
            & centres["lng"].notna()
            & centres["regency_code"].isin(shapes.index)
        ]
        points = shapely.points(located["lng"].to_numpy(), located["lat"].to_numpy())
        km = shapely.distance(shapes.loc[located["regency_code"]].to_numpy(), points)
        km = km * KM_PER_DEGREE
        found = located.assign(km=km)[km > COORDINATE_TOLERANCE_KM]
        return found[["id", "regency_code", "km"]].reset_index(drop=True)
