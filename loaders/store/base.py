"""The data-access module: every read and write of centres, budgets and indicators.

``open_store()`` (``loaders/store/__init__.py``) opens the embedded DuckDB file
(``$SENTRA_DATA_DIR/sentra.duckdb``, default ``var/``), or, when
``SENTRA_DATABASE_URL=postgresql://…`` is set, a shared PostgreSQL/PostGIS database
(``loaders/store/postgres_store.py``). Pages use the methods below and catch ``StoreError``;
they never know which backend runs. This module knows no backend.

Centres are versioned. Each import or restore makes a new version in one transaction and
moves the ``current`` pointer, so an import that fails or is killed leaves the stored data
exactly as it was, and every earlier version can be restored (as a new version). A centre
row is stored once, with the versions it is valid for (``first_version`` up to, not
including, ``last_version``): a version costs the rows it changed, not a copy of the table.
The schema is created and upgraded by numbered steps (``loaders/store/schema.py``).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa

from loaders.store.account_rows import AccountRows
from loaders.store.schema import (
    MIGRATIONS,
    MIGRATIONS_TABLE,
    REFERENCE_FILES,
    REFERENCE_TABLES,
    SCHEMA_VERSION,
    arrow_schema,
    missing_columns,
)
from sentra.accounts import Account
from sentra.i18n import N_, TextError
from sentra.reconcile import COUNTS, Plan, plan_import
from sentra.schema import (
    REGIONAL_INDICATOR_COLUMNS,
    REGIONAL_VALUE_COLUMNS,
    STORED_CENTRE_COLUMNS,
)

ROOT = Path(__file__).resolve().parents[2]
GEODATA = ROOT / "geodata"
ENV_DATA_DIR = "SENTRA_DATA_DIR"
ENV_DATABASE_URL = "SENTRA_DATABASE_URL"
CHUNK_ROWS = 50_000
_COLS = ", ".join(STORED_CENTRE_COLUMNS)
_VALID_AT = "first_version <= ? AND (last_version IS NULL OR last_version > ?)"

# Through Arrow rather than row objects: at a million centres DuckDB's ``.df()`` peaks at
# about 1.5 GB (Python string objects first), Arrow at about 0.9 GB, with the same types.
_PANDAS_TYPES = {
    pa.string(): pd.StringDtype("pyarrow", na_value=float("nan")),
    pa.int32(): pd.Int32Dtype(),
}
_TEXT_TYPES = {pa.string(): _PANDAS_TYPES[pa.string()]}
_VERSION_BASE = "version_id, created_at, kind, label, rows, based_on"
_VERSION_TYPES = {
    "version_id": "int32",
    "created_at": "datetime64[us]",
    "kind": "str",
    "label": "str",
    "rows": "int32",
    "based_on": "Int32",
    "account": "string",
    "office": "string",
    "file_name": "string",
    "file_sha256": "string",
    "complete": "boolean",
    **dict.fromkeys(COUNTS, "Int32"),
    "summary": "string",
    "is_current": "bool",
}
_COMPLETE_COLUMNS = {
    "region_code": "VARCHAR",
    "level": "VARCHAR",
    "declared_in": "INTEGER",
    "first_version": "INTEGER",
    "last_version": "INTEGER",
}
_LIST_COLS = "region_code, level, declared_in"


def default_path() -> Path:
    return Path(os.environ.get(ENV_DATA_DIR) or ROOT / "var") / "sentra.duckdb"


class StoreError(TextError, RuntimeError):
    """A read or write of the store failed; nothing was changed. Pages catch this, never a
    backend's own exception types, and show ``err.text(lang)``."""


class StoreBusyError(StoreError):
    """The store cannot be used right now: another process holds the database for writing
    (DuckDB), a lock wait timed out, or the database server cannot be reached."""


BUSY_MESSAGE = N_("store_unavailable")  # StoreBusyError(BUSY_MESSAGE)


class Store(AccountRows):
    """The store's API, implemented by a backend (``DuckDBStore``, ``PostgresStore``)."""

    dialect = ""
    _SORT_IN_SQL = True  # else Arrow sorts (byte order, as DuckDB's ORDER BY)

    # -- what a backend provides -------------------------------------------------------
    def _read(self) -> AbstractContextManager[Any]:
        """A connection for reading; errors come out as ``StoreError``."""
        raise NotImplementedError

    def _write(self) -> AbstractContextManager[Any]:
        """A connection inside one transaction, holding the writers' lock: committed at the
        end, rolled back on any error (or when the process dies)."""
        raise NotImplementedError

    def _write_sign_in(self, name: str) -> AbstractContextManager[Any]:
        """A connection inside one transaction that holds ``name``'s sign-in lock only, not
        the writers' lock: a sign-in never waits for an import; attempts for one name wait
        for each other, at most ~10 s (DuckDB: 10 s for the lock, 10 s to open the file),
        then ``StoreBusyError``."""
        raise NotImplementedError

    def _rows(self, con: Any, sql: str, params: list | None = None) -> list[tuple]:
        """Rows of a query written with ``?`` placeholders."""
        raise NotImplementedError

    def _exec(self, con: Any, sql: str, params: list | None = None) -> int:
        """Run a statement written with ``?`` placeholders; the number of rows it changed."""
        raise NotImplementedError

    def _arrow(self, con: Any, sql: str, params: list, columns: dict[str, str]) -> pa.Table:
        """A query's result as an Arrow table of exactly these columns and types."""
        raise NotImplementedError

    def _append(
        self, con: Any, table: str, data: pa.Table, progress: Callable[[int], None] | None = None
    ) -> None:
        """Bulk-append ``data`` (columns by name) to ``table``, calling ``progress(rows)``."""
        raise NotImplementedError

    def _scratch(self, con: Any, name: str, columns: dict[str, str]) -> None:
        """A temporary table that disappears with the transaction's connection."""
        raise NotImplementedError

    def misplaced_centres(self, version_id: int | None = None) -> pd.DataFrame:
        """Centres whose coordinates lie more than the import's tolerance (5 km) outside
        their stated regency: ``id``, ``regency_code``, ``km``, ordered by id."""
        raise NotImplementedError

    def close(self) -> None:
        """Release connections (the PostgreSQL pool); DuckDB holds none between calls."""

    def change_mark(self) -> tuple | None:
        """Something that changes with every commit, in this process or another, found
        without opening the database (a file store: its files' sizes and times); None when
        only the database itself can tell."""
        return None

    # -- schema ------------------------------------------------------------------------
    def _prepare(self, fresh: bool = False) -> None:
        """Create or upgrade the schema and fill a new store from geodata/, once."""
        if not fresh:
            with self._read() as con:
                version, existing = self._schema_state(con)
            if version == SCHEMA_VERSION and not missing_columns(existing, self.dialect):
                return
        with self._write() as con:
            self._migrate(con)

    def _schema_state(self, con: Any) -> tuple[int, dict[str, set[str]]]:
        existing: dict[str, set[str]] = {}
        for table, column in self._rows(
            con,
            "SELECT table_name, column_name FROM information_schema.columns "
            "WHERE table_schema = current_schema()",
        ):
            existing.setdefault(table, set()).add(column)
        if "schema_migrations" in existing:
            version = self._rows(con, "SELECT coalesce(max(version), 0) FROM schema_migrations")
            version = version[0][0]
        else:  # a store of the first release (before numbered steps) is at step 1
            version = 1 if "versions" in existing else 0
        if version > SCHEMA_VERSION:
            raise StoreError(N_("store_schema_newer"), version=version, app=SCHEMA_VERSION)
        return version, existing

    def _migrate(self, con: Any) -> None:
        version, existing = self._schema_state(con)  # again, now under the writers' lock
        if "schema_migrations" not in existing:
            self._exec(con, MIGRATIONS_TABLE)
            if version:
                self._exec(con, "INSERT INTO schema_migrations VALUES (?, ?)", [version, _now()])
        for step in range(version + 1, SCHEMA_VERSION + 1):
            for statement in MIGRATIONS[step](self.dialect):
                self._exec(con, statement)
            self._exec(con, "INSERT INTO schema_migrations VALUES (?, ?)", [step, _now()])
        for statement in missing_columns(self._schema_state(con)[1], self.dialect):
            self._exec(con, statement)
        if not self._rows(con, "SELECT count(*) FROM versions")[0][0]:
            self._seed(con)

    def schema_version(self) -> int:
        with self._read() as con:
            return self._schema_state(con)[0]

    def _seed(self, con: Any) -> None:
        bundled = _read_geodata("centres.csv", STORED_CENTRE_COLUMNS).assign(origin="bawaan")
        centres = _as_arrow(bundled, STORED_CENTRE_COLUMNS)
        first = pa.array([1] * len(centres), pa.int32())
        self._append(con, "centres", centres.append_column("first_version", first))
        self._exec(
            con,
            f"INSERT INTO versions ({_VERSION_BASE}) VALUES (?, ?, ?, ?, ?, ?)",
            [1, _now(), "bawaan", "Data bawaan (geodata/)", len(centres), None],
        )
        self._exec(con, "INSERT INTO current_version VALUES (1)")
        for table, columns in REFERENCE_TABLES.items():
            if table in REFERENCE_FILES:
                frame = _read_geodata(REFERENCE_FILES[table], columns)
                self._append(con, table, _as_arrow(frame, columns))

    # -- reads -------------------------------------------------------------------------
    def current_version(self) -> int:
        with self._read() as con:
            return self._rows(con, "SELECT version_id FROM current_version")[0][0]

    def centres(self, version_id: int | None = None) -> pd.DataFrame:
        """All centres of a version (default: the current one), in schema columns."""
        with self._read() as con:
            if version_id is None:
                version_id = self._rows(con, "SELECT version_id FROM current_version")[0][0]
            order = " ORDER BY id" if self._SORT_IN_SQL else ""
            rows = self._arrow(
                con,
                f"SELECT {_COLS} FROM centres WHERE {_VALID_AT}{order}",
                [version_id, version_id],
                STORED_CENTRE_COLUMNS,
            )
        if not self._SORT_IN_SQL:
            rows = rows.sort_by("id")
        return rows.to_pandas(types_mapper=_PANDAS_TYPES.get)

    def versions(self) -> pd.DataFrame:
        with self._read() as con:
            rows = self._rows(
                con,
                f"SELECT {', '.join('v.' + c for c in list(_VERSION_TYPES)[:-1])}, "
                "v.version_id = c.version_id FROM versions v, current_version c "
                "ORDER BY v.version_id DESC",
            )
        return pd.DataFrame(rows, columns=list(_VERSION_TYPES)).astype(_VERSION_TYPES)

    def stored_rows(self) -> int:
        """Centre rows held for all versions together (each version adds only its changes)."""
        with self._read() as con:
            return self._rows(con, "SELECT count(*) FROM centres")[0][0]

    def regional_indicators(self) -> pd.DataFrame:
        """The newest version of every imported regional indicator (one row each), with
        the years it covers; empty when none was imported."""
        versions = self.regional_indicator_versions()
        newest = versions.sort_values("indicator_version").drop_duplicates("key", keep="last")
        with self._read() as con:
            years = self._rows(
                con, "SELECT DISTINCT indicator_version, year FROM regional_values ORDER BY year"
            )
        covered: dict[int, list[int]] = {}
        for version, year in years:
            covered.setdefault(version, []).append(year)
        newest = newest.assign(years=[covered.get(v, []) for v in newest["indicator_version"]])
        return newest.sort_values("name").reset_index(drop=True)

    def regional_indicator_versions(self) -> pd.DataFrame:
        """Every imported version of every regional indicator, newest first."""
        columns = REGIONAL_INDICATOR_COLUMNS
        with self._read() as con:
            rows = self._rows(
                con,
                f"SELECT {', '.join(columns)} FROM regional_indicators "
                "ORDER BY indicator_version DESC",
            )
        return pd.DataFrame(rows, columns=list(columns))

    def regional_values(self, indicator_version: int) -> pd.DataFrame:
        """region_code, year, value of one version of a regional indicator."""
        with self._read() as con:
            rows = self._rows(
                con,
                "SELECT region_code, year, value FROM regional_values "
                "WHERE indicator_version = ? ORDER BY region_code, year",
                [indicator_version],
            )
        return pd.DataFrame(rows, columns=["region_code", "year", "value"])

    def table(self, name: str) -> pd.DataFrame:
        """One of the reference tables: budgets, indicators, facts, sentra_bps_2024."""
        if name not in REFERENCE_TABLES:
            raise ValueError(name)
        columns = REFERENCE_TABLES[name]
        with self._read() as con:
            rows = self._arrow(con, f"SELECT {', '.join(columns)} FROM {name}", [], columns)
        return rows.to_pandas(types_mapper=_TEXT_TYPES.get)

    # -- writes ------------------------------------------------------------------------
    def import_centres(
        self,
        rows: pd.DataFrame,
        label: str,
        progress: Callable[[int], None] | None = None,
        *,
        complete: bool = False,
        account: Account | None = None,
        file_name: str | None = None,
        file_sha256: str | None = None,
        provided: set[str] | None = None,
    ) -> ImportResult:
        """Reconcile ``rows`` with the current centres (``sentra.reconcile``) and store the
        outcome as a new version; a file that changes nothing makes no version. The plan is
        made under the writers' lock against the version it builds on: an import started
        while another runs waits for it and reconciles with its result, so neither is lost.
        ``account`` bounds what may change and is recorded with the version; ``provided``
        names the columns the file has (``sentra.reconcile.plan_import``)."""
        with self._write() as con:
            current, count = self._rows(
                con,
                "SELECT c.version_id, v.rows FROM current_version c "
                "JOIN versions v ON v.version_id = c.version_id",
            )[0]
            stored = self._centres_near(con, current, rows)
            plan = plan_import(stored, rows, complete, account, provided)
            if plan.changes_nothing and self._declared(con, current, plan.complete_regions):
                return ImportResult(current, plan, stored=False)  # the same file again
            new = self._next_version(con)
            added = plan.added.copy()
            fresh = added["id"].isna()
            added.loc[fresh, "id"] = [f"IMP{new}-{n:07d}" for n in range(int(fresh.sum()))]
            plan.added = added
            ending = pd.concat([plan.changed["id"], plan.retired["id"]])
            self._scratch(con, "ending", {"id": "VARCHAR"})
            self._append(con, "ending", pa.table({"id": pa.array(ending, pa.string())}))
            self._exec(
                con,
                "UPDATE centres SET last_version = ? WHERE last_version IS NULL "
                "AND id IN (SELECT id FROM ending)",
                [new],
            )
            written = pd.concat([plan.added, plan.changed], ignore_index=True)
            data = _as_arrow(written, STORED_CENTRE_COLUMNS)
            first = pa.array([new] * len(data), pa.int32())
            self._append(con, "centres", data.append_column("first_version", first), progress)
            self._declare_complete(con, new, plan.complete_regions)
            record = VersionRecord.of(plan, account, file_name, file_sha256)
            total = count + len(plan.added) - len(plan.retired)
            self._publish(con, new, "impor", label, current, total, record)
        return ImportResult(new, plan, stored=True)

    def _centres_near(self, con: Any, version: int, rows: pd.DataFrame) -> pd.DataFrame:
        """The centres of ``version`` an import of ``rows`` can touch: same id, same
        regency, or illustrative bundled rows of the same province (room for added rows)."""
        keys = pd.DataFrame(
            {
                "id": rows["id"].astype("string"),
                "regency_code": rows["regency_code"].astype("string"),
                "province_code": rows["province_code"].astype("string"),
            }
        )
        self._scratch(con, "touched", dict.fromkeys(keys, "VARCHAR"))
        self._append(con, "touched", _as_arrow(keys, dict.fromkeys(keys, "VARCHAR")))
        near = self._arrow(
            con,
            f"SELECT {_COLS} FROM centres WHERE {_VALID_AT} AND ("
            "id IN (SELECT id FROM touched) "
            "OR regency_code IN (SELECT regency_code FROM touched) "
            "OR (data_status = 'ilustratif' AND origin = 'bawaan' "
            "AND province_code IN (SELECT province_code FROM touched)))",
            [version, version],
            STORED_CENTRE_COLUMNS,
        )
        return near.to_pandas(types_mapper=_PANDAS_TYPES.get)

    def _declared(self, con: Any, version: int, regions: list[tuple[str, str]]) -> bool:
        """Every one of ``regions`` is already declared complete at ``version``."""
        held = set(self._complete_at(con, version)["region_code"])
        return {code for code, _ in regions} <= held

    def _declare_complete(self, con: Any, new: int, regions: list[tuple[str, str]]) -> None:
        """From version ``new`` on, ``regions`` are the complete lists of this import."""
        if not regions:
            return
        frame = pd.DataFrame(regions, columns=["region_code", "level"])
        self._scratch(con, "declared", {"region_code": "VARCHAR"})
        self._append(con, "declared", _as_arrow(frame, {"region_code": "VARCHAR"}))
        self._exec(
            con,
            "UPDATE complete_lists SET last_version = ? WHERE last_version IS NULL "
            "AND region_code IN (SELECT region_code FROM declared)",
            [new],
        )
        rows = frame.assign(declared_in=new, first_version=new, last_version=None)
        self._append(con, "complete_lists", _as_arrow(rows, _COMPLETE_COLUMNS))

    def _complete_at(self, con: Any, version: int) -> pd.DataFrame:
        rows = self._rows(
            con,
            "SELECT region_code, level, declared_in FROM complete_lists "
            f"WHERE {_VALID_AT} ORDER BY region_code",
            [version, version],
        )
        return pd.DataFrame(rows, columns=["region_code", "level", "declared_in"])

    def complete_lists(self, version_id: int | None = None) -> pd.DataFrame:
        """The regions whose centres are an office's complete list at a version (default:
        the current one): ``region_code``, ``level`` ('regency' or 'kecamatan'),
        ``declared_in`` (the version of that import) and that version's ``file_name``,
        ``created_at``, ``account`` and ``office``."""
        with self._read() as con:
            if version_id is None:
                version_id = self._rows(con, "SELECT version_id FROM current_version")[0][0]
            lists = self._complete_at(con, version_id)
            versions = self._rows(
                con,
                "SELECT version_id, file_name, created_at, account, office FROM versions "
                "WHERE version_id IN (SELECT declared_in FROM complete_lists)",
            )
        meta = pd.DataFrame(
            versions, columns=["declared_in", "file_name", "created_at", "account", "office"]
        )
        return lists.merge(meta, on="declared_in", how="left")

    def import_regional_indicator(
        self, meta: dict[str, str], values: pd.DataFrame, account: Account | None = None
    ) -> int:
        """A new version of the regional indicator ``meta['key']`` (name, unit, source,
        level, data_status, label), with ``values`` (region_code, year, value). An editor
        may name only regions inside its own, and may not replace an indicator whose
        newest version covers other regions (it would be "no data" there for everyone)."""
        values = values.reindex(columns=["region_code", "year", "value"])
        with self._write() as con:
            if account is not None and not account.is_admin:
                self._check_indicator_regions(con, meta, values, account)
            new = self._rows(
                con, "SELECT coalesce(max(indicator_version), 0) + 1 FROM regional_indicators"
            )[0][0]
            row = {
                **meta,
                "indicator_version": new,
                "created_at": _now(),
                "rows": len(values),
                "account": account.name if account else None,
            }
            marks = ", ".join("?" * len(REGIONAL_INDICATOR_COLUMNS))
            self._exec(
                con,
                f"INSERT INTO regional_indicators ({', '.join(REGIONAL_INDICATOR_COLUMNS)}) "
                f"VALUES ({marks})",
                [row[c] for c in REGIONAL_INDICATOR_COLUMNS],
            )
            data = values.assign(indicator_version=new)
            self._append(con, "regional_values", _as_arrow(data, REGIONAL_VALUE_COLUMNS))
        return new

    def _check_indicator_regions(
        self, con: Any, meta: dict[str, str], values: pd.DataFrame, account: Account
    ) -> None:
        if outside := account.outside(values["region_code"]):
            raise StoreError(N_("store_indicator_outside"), n=len(outside))
        if account.outside(self._indicator_regions(con, meta["key"])):
            raise StoreError(N_("store_indicator_not_yours"), name=meta["name"])

    def _indicator_regions(self, con: Any, key: str) -> list[str]:
        """The regions the newest version of indicator ``key`` names (none: no such key)."""
        rows = self._rows(
            con,
            "SELECT DISTINCT region_code FROM regional_values WHERE indicator_version = "
            "(SELECT max(indicator_version) FROM regional_indicators WHERE key = ?)",
            [key],
        )
        return [code for (code,) in rows]

    def indicator_owned_elsewhere(self, key: str, account: Account) -> bool:
        """Does the newest version of indicator ``key`` cover regions outside ``account``'s
        (so that the account may not replace it)?"""
        if account.is_admin:
            return False
        with self._read() as con:
            return bool(account.outside(self._indicator_regions(con, key)))

    def restore_plan(self, version_id: int, account: Account | None = None) -> dict[str, int]:
        """What restoring ``version_id`` would change, before it does: centres that come
        back (``added``), that return to an earlier state (``changed``) and that leave the
        list (``retired``), and how many of those rows and complete lists lie outside
        ``account``'s regions (``outside``; such a restore is refused)."""
        with self._read() as con:
            self._version_row(con, version_id)
            return self._restore_counts(con, version_id, account)

    def _restore_counts(
        self, con: Any, version_id: int, account: Account | None = None
    ) -> dict[str, int]:
        current = self._rows(con, "SELECT version_id FROM current_version")[0][0]
        now, then = (
            f"(first_version <= {v:d} AND (last_version IS NULL OR last_version > {v:d}))"
            for v in (current, version_id)
        )
        rows = self._rows(
            con,
            f"SELECT id, {now}, regency_code, kecamatan_code FROM centres WHERE {now} <> {then}",
        )
        leaving = {i for i, is_now, _, _ in rows if is_now}
        coming = {i for i, is_now, _, _ in rows if not is_now}
        outside = 0
        if account is not None and not account.is_admin:
            places = pd.DataFrame(
                [r[2:] for r in rows], columns=["regency_code", "kecamatan_code"], dtype="string"
            )
            lists = self._rows(con, f"SELECT region_code FROM complete_lists WHERE {now} <> {then}")
            outside = int((~account.inside(places)).sum()) + sum(
                not account.covers(code) for (code,) in lists
            )
        return {
            "added": len(coming - leaving),
            "changed": len(coming & leaving),
            "retired": len(leaving - coming),
            "outside": outside,
        }

    def restore(self, version_id: int, account: Account | None = None) -> int:
        """Make an earlier version current again, as a new version (history is kept). Only
        the rows that differ between the two versions are written; the complete lists
        follow the version. An editor may restore only where every row and complete list
        that would change lies inside its regions (``StoreError`` otherwise)."""
        with self._write() as con:
            count = self._version_row(con, version_id)
            counts = self._restore_counts(con, version_id, account)
            if outside := counts.pop("outside"):
                raise StoreError(N_("store_restore_outside"), version=version_id, n=outside)
            new = self._next_version(con)
            for table, columns in (("centres", _COLS), ("complete_lists", _LIST_COLS)):
                # Rows added after that version end here; rows it had that ended come back.
                self._exec(
                    con,
                    f"UPDATE {table} SET last_version = ? "
                    "WHERE last_version IS NULL AND first_version > ?",
                    [new, version_id],
                )
                self._exec(
                    con,
                    f"INSERT INTO {table} (first_version, {columns}) "
                    f"SELECT ?, {columns} FROM {table} "
                    "WHERE first_version <= ? AND last_version > ?",
                    [new, version_id, version_id],
                )
            label = f"Pemulihan versi {version_id}"
            record = VersionRecord(
                account=account.name if account else None,
                office=account.office if account else None,
                summary=json.dumps(counts, sort_keys=True),
                **counts,
            )
            self._publish(con, new, "pulihkan", label, version_id, count, record)
        return new

    def _version_row(self, con: Any, version_id: int) -> int:
        """The rows of a stored version; ``StoreError`` when there is no such version."""
        found = self._rows(con, "SELECT rows FROM versions WHERE version_id = ?", [version_id])
        if not found:
            raise StoreError(N_("store_no_version"), version=version_id)
        return found[0][0]

    def _next_version(self, con: Any) -> int:
        return self._rows(con, "SELECT coalesce(max(version_id), 0) + 1 FROM versions")[0][0]

    def _publish(
        self,
        con: Any,
        new: int,
        kind: str,
        label: str,
        based_on: int,
        count: int,
        record: VersionRecord,
    ) -> None:
        """Record version ``new`` (already written) and make it the current one."""
        values = asdict(record)
        self._exec(
            con,
            f"INSERT INTO versions ({_VERSION_BASE}, {', '.join(values)}) "
            f"VALUES ({', '.join('?' * (6 + len(values)))})",
            [new, _now(), kind, label, count, based_on, *values.values()],
        )
        self._exec(con, "UPDATE current_version SET version_id = ?", [new])


@dataclass
class VersionRecord:
    """Who made a version, from which file, and what it changed (``versions`` columns)."""

    account: str | None = None
    office: str | None = None
    file_name: str | None = None
    file_sha256: str | None = None
    complete: bool = False
    added: int = 0
    changed: int = 0
    unchanged: int = 0
    retired: int = 0
    refused: int = 0
    summary: str | None = None

    @classmethod
    def of(
        cls, plan: Plan, account: Account | None, file_name: str | None, sha256: str | None
    ) -> VersionRecord:
        return cls(
            account=account.name if account else None,
            office=account.office if account else None,
            file_name=file_name,
            file_sha256=sha256,
            complete=plan.complete,
            summary=plan.summary_json(),
            **plan.counts(),
        )


@dataclass
class ImportResult:
    """The version an import made (``stored``), or the current one when the file changed
    nothing, and the plan that says what changed."""

    version: int
    plan: Plan
    stored: bool


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _read_geodata(name: str, columns: dict[str, str]) -> pd.DataFrame:
    text_cols = {c: str for c, kind in columns.items() if kind == "VARCHAR"}
    frame = pd.read_csv(GEODATA / name, dtype=text_cols, keep_default_na=False, na_values=[""])
    return frame.reindex(columns=list(columns))


def _as_arrow(frame: pd.DataFrame, columns: dict[str, str]) -> pa.Table:
    """The frame in the schema's types, the same way for both backends: text columns take
    any value as text; numbers written as text are parsed; anything else is refused."""
    schema = arrow_schema(columns)
    arrays = []
    try:
        for field in schema:
            values = frame[field.name]
            if pa.types.is_string(field.type):
                values = values.astype("string")
            arrays.append(pa.array(values, from_pandas=True).cast(field.type))
    except (pa.ArrowException, TypeError, ValueError) as exc:
        raise StoreError(N_("store_bad_value"), column=field.name, detail=str(exc)) from exc
    return pa.Table.from_arrays(arrays, schema=schema)


def batches(data: pa.Table) -> Iterator[pa.Table]:
    """The table in slices of ``CHUNK_ROWS`` (progress is reported per slice)."""
    for start in range(0, len(data), CHUNK_ROWS):
        yield data.slice(start, CHUNK_ROWS)
