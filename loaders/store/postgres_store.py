"""The shared backend: PostgreSQL 15 + PostGIS, for many offices and several dashboard processes.

Selected by ``SENTRA_DATABASE_URL=postgresql://…``. Each process keeps a small connection
pool. Writers take turns on a transaction-level advisory lock, so two imports from two
offices at the same time both land, one after the other, as separate versions; readers
never wait for writers and never see an uncommitted import (MVCC). Bulk rows travel as CSV
through ``COPY`` both ways and are typed by Arrow, so results equal the DuckDB backend's.
The full-detail boundaries of every level are kept in PostGIS (``boundaries``), refreshed
when the pinned source or its processing changes.
"""

from __future__ import annotations

import hashlib
import io
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pandas as pd
import psycopg
import pyarrow as pa
import pyarrow.csv as pacsv
import shapely
from psycopg_pool import ConnectionPool, PoolTimeout

from loaders.store.base import (
    _VALID_AT,
    BUSY_MESSAGE,
    ENV_DATABASE_URL,
    Store,
    StoreBusyError,
    StoreError,
    batches,
)
from loaders.store.schema import arrow_schema, sql_type
from sentra.i18n import N_
from sentra.validation import COORDINATE_TOLERANCE_KM, KM_PER_DEGREE

WRITE_LOCK = 0x5E17_2A  # advisory lock key shared by every writer of this schema
LOCK_WAIT = "120s"  # a writer waits this long for another import before StoreBusyError
POOL_SIZE = int(os.environ.get("SENTRA_DATABASE_POOL", "8"))
CONNECT_WAIT = 10  # seconds for a free pooled connection (or the server) before StoreBusyError
# Full-detail levels, as BoundaryLayers attributes; a level the layers do not have (yet) is
# left out (the kecamatan level arrives with the kecamatan work).
BOUNDARY_LEVELS = ("provinces", "regencies", "kecamatan")


class PostgresStore(Store):
    dialect = "postgres"
    # A million rows sort faster in Arrow than in PostgreSQL's default 4 MB of work_mem, and
    # Arrow's byte order is DuckDB's whatever the database's locale.
    _SORT_IN_SQL = False

    def __init__(self, path: Path | None = None, *, url: str | None = None) -> None:
        self.url = url or os.environ[ENV_DATABASE_URL]
        self._pool = ConnectionPool(
            self.url,
            min_size=1,
            max_size=POOL_SIZE,
            open=False,
            check=ConnectionPool.check_connection,
            kwargs={"application_name": "peta-sentra"},
            name="sentra",
        )
        try:
            self._pool.open(wait=True, timeout=CONNECT_WAIT)
        except PoolTimeout as exc:
            self._pool.close()
            raise StoreBusyError(BUSY_MESSAGE) from exc
        try:
            self._prepare()
            self._sync_boundaries()
        except BaseException:
            self._pool.close()
            raise

    def close(self) -> None:
        self._pool.close()

    @contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except (psycopg.OperationalError, PoolTimeout) as exc:  # lock wait, server gone
            raise StoreBusyError(BUSY_MESSAGE) from exc  # the driver's text stays in the log
        except psycopg.Error as exc:
            raise StoreError(N_("store_failed"), detail=str(exc)) from exc

    @contextmanager
    def _read(self) -> Iterator[psycopg.Connection]:
        with self._errors(), self._pool.connection(timeout=CONNECT_WAIT) as con:
            yield con

    @contextmanager
    def _write(self) -> Iterator[psycopg.Connection]:
        with self._errors(), self._pool.connection(timeout=CONNECT_WAIT) as con, con.transaction():
            con.execute(f"SET LOCAL lock_timeout = '{LOCK_WAIT}'")
            con.execute("SELECT pg_advisory_xact_lock(%s)", [WRITE_LOCK])
            yield con

    @contextmanager
    def _write_sign_in(self, name: str) -> Iterator[psycopg.Connection]:
        """The name's own advisory lock (two keys: this schema's writers' key and the
        name's hash), so attempts for other names and imports go on beside it."""
        with self._errors(), self._pool.connection(timeout=CONNECT_WAIT) as con, con.transaction():
            con.execute(f"SET LOCAL lock_timeout = '{CONNECT_WAIT}s'")
            con.execute(
                "SELECT pg_advisory_xact_lock(%s, hashtext(%s))", [WRITE_LOCK, f"sign-in:{name}"]
            )
            yield con

    def _rows(self, con: psycopg.Connection, sql: str, params: list | None = None) -> list[tuple]:
        return con.execute(sql.replace("?", "%s"), params).fetchall()

    def _exec(self, con: psycopg.Connection, sql: str, params: list | None = None) -> int:
        return max(con.execute(sql.replace("?", "%s"), params).rowcount, 0)

    def _arrow(
        self, con: psycopg.Connection, sql: str, params: list, columns: dict[str, str]
    ) -> pa.Table:
        """COPY … TO STDOUT as CSV, parsed by Arrow: NULL is an empty field, an empty text
        a quoted one (""), doubles are written to round-trip exactly."""
        buffer = bytearray()
        query = f"COPY ({sql.replace('?', '%s')}) TO STDOUT (FORMAT csv)"
        with con.cursor() as cur, cur.copy(query, params) as copy:
            for block in copy:
                buffer += block
        if not buffer:
            return arrow_schema(columns).empty_table()
        return pacsv.read_csv(
            pa.BufferReader(bytes(buffer)),
            read_options=pacsv.ReadOptions(column_names=list(columns)),
            parse_options=pacsv.ParseOptions(newlines_in_values=True),
            convert_options=pacsv.ConvertOptions(
                column_types=arrow_schema(columns),
                null_values=[""],
                strings_can_be_null=True,
                quoted_strings_can_be_null=False,
            ),
        )

    def _append(
        self,
        con: psycopg.Connection,
        table: str,
        data: pa.Table,
        progress: Callable[[int], None] | None = None,
    ) -> None:
        """COPY … FROM STDIN as CSV written by Arrow (text always quoted, NULL empty)."""
        options = pacsv.WriteOptions(include_header=False)
        written = 0
        with con.cursor() as cur:
            names = ", ".join(data.column_names)
            with cur.copy(f"COPY {table} ({names}) FROM STDIN (FORMAT csv)") as copy:
                for chunk in batches(data):
                    out = io.BytesIO()
                    pacsv.write_csv(chunk, out, options)
                    copy.write(out.getbuffer())
                    written += len(chunk)
                    if progress:
                        progress(written)

    def _scratch(self, con: psycopg.Connection, name: str, columns: dict[str, str]) -> None:
        spec = ", ".join(f"{c} {sql_type(kind, self.dialect)}" for c, kind in columns.items())
        con.execute(f"CREATE TEMP TABLE {name} ({spec}) ON COMMIT DROP")

    # -- PostGIS -----------------------------------------------------------------------
    def _sync_boundaries(self) -> None:
        """Load the full-detail boundaries into PostGIS when missing or out of date."""
        from loaders.boundaries import PROCESSING_VERSION, load
        from loaders.boundary_source import source_key

        key = hashlib.sha256(f"{source_key()}:{PROCESSING_VERSION}".encode()).hexdigest()[:20]
        with self._read() as con:
            if self._rows(con, "SELECT source_key FROM boundary_source") == [(key,)]:
                return
        layers, _origin = load()
        frames = []
        for level in BOUNDARY_LEVELS:
            frame = getattr(layers, level)
            geoms = shapely.set_srid(frame.geometry.to_numpy(), 4326)
            frames.append(
                pa.table(
                    {
                        "level": pa.array([level] * len(frame)),
                        "code": pa.array(frame["code"].astype(str)),
                        "name": pa.array(frame["name"].astype(str)),
                        "province_code": pa.array(frame["code"].astype(str).str[:2]),
                        "geom": pa.array(shapely.to_wkb(geoms, hex=True, include_srid=True)),
                    }
                )
            )
        with self._write() as con:
            if self._rows(con, "SELECT source_key FROM boundary_source") == [(key,)]:
                return  # another process loaded them meanwhile
            self._exec(con, "DELETE FROM boundaries")
            for data in frames:
                self._append(con, "boundaries", data)
            self._exec(con, "DELETE FROM boundary_source")
            self._exec(con, "INSERT INTO boundary_source VALUES (?)", [key])

    def boundary_counts(self) -> dict[str, int]:
        """Regions per level held in PostGIS."""
        with self._read() as con:
            rows = self._rows(con, "SELECT level, count(*) FROM boundaries GROUP BY level")
        return dict(rows)

    def misplaced_centres(self, version_id: int | None = None) -> pd.DataFrame:
        """In the database: each centre's point against its stated regency's full-detail
        polygon, in the import check's planar measure (degrees × 111.32 km)."""
        with self._read() as con:
            if version_id is None:
                version_id = self._rows(con, "SELECT version_id FROM current_version")[0][0]
            rows = self._rows(
                con,
                "SELECT c.id, c.regency_code, ST_Distance(b.geom, c.geom) * ? AS km "
                "FROM centres c JOIN boundaries b "
                "ON b.level = 'regencies' AND b.code = c.regency_code "
                f"WHERE {_VALID_AT} "  # unambiguous: boundaries has no version columns
                "AND c.geom IS NOT NULL AND NOT ST_DWithin(b.geom, c.geom, ?) "
                'ORDER BY c.id COLLATE "C"',
                [KM_PER_DEGREE, version_id, version_id, COORDINATE_TOLERANCE_KM / KM_PER_DEGREE],
            )
        frame = pd.DataFrame(rows, columns=["id", "regency_code", "km"])
        return frame.astype({"id": "str", "regency_code": "str", "km": "float64"})
