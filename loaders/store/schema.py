"""The store's tables, derived from ``sentra/schema.py``, and the numbered steps that build them.

Both backends run the same steps; a step may differ by dialect (``duckdb``, ``postgres``).
Each applied step is recorded in ``schema_migrations``. A column or reference table added to
``sentra/schema.py`` reaches existing stores without a new step (see ``missing_columns``);
anything else (a new index, a changed type, a new layout) is a new numbered step here.
"""

from __future__ import annotations

from collections.abc import Callable

import pyarrow as pa

from sentra.schema import (
    BPS_2024_COLUMNS,
    BUDGET_COLUMNS,
    FACT_COLUMNS,
    INDICATOR_COLUMNS,
    REGIONAL_INDICATOR_COLUMNS,
    REGIONAL_VALUE_COLUMNS,
    STORED_CENTRE_COLUMNS,
)

# Reference tables (not versioned) and the geodata/ file each is first filled from.
REFERENCE_TABLES: dict[str, dict[str, str]] = {
    "budgets": BUDGET_COLUMNS,
    "indicators": INDICATOR_COLUMNS,
    "facts": FACT_COLUMNS,
    "sentra_bps_2024": BPS_2024_COLUMNS,
}
REFERENCE_FILES = {
    "budgets": "budgets.csv",
    "indicators": "indicators.csv",
    "facts": "facts.csv",
    "sentra_bps_2024": "sentra_industri_by_province_2024.csv",
}
# centres: every row is valid for versions first_version … last_version - 1 (NULL: up to
# the current one), so a version costs the rows it changed, not a copy of the whole table.
VALIDITY_COLUMNS = {"first_version": "INTEGER", "last_version": "INTEGER"}

_PG_TYPES = {"DOUBLE": "DOUBLE PRECISION"}
_ARROW_TYPES = {
    "VARCHAR": pa.string(),
    "DOUBLE": pa.float64(),
    "INTEGER": pa.int32(),
    "BIGINT": pa.int64(),
    "BOOLEAN": pa.bool_(),
}


def sql_type(kind: str, dialect: str) -> str:
    return _PG_TYPES.get(kind, kind) if dialect == "postgres" else kind


def arrow_schema(columns: dict[str, str]) -> pa.Schema:
    return pa.schema([(name, _ARROW_TYPES[kind]) for name, kind in columns.items()])


def _columns_sql(columns: dict[str, str], dialect: str) -> str:
    return ", ".join(f"{name} {sql_type(kind, dialect)}" for name, kind in columns.items())


def _base_tables(dialect: str) -> list[str]:
    """Step 1, the layout of the first release: one full copy of the centres per version."""
    return [
        "CREATE TABLE versions (version_id INTEGER PRIMARY KEY, created_at TIMESTAMP, "
        "kind VARCHAR, label VARCHAR, rows INTEGER, based_on INTEGER)",
        "CREATE TABLE current_version (version_id INTEGER)",
        "CREATE TABLE centres (version_id INTEGER, "
        f"{_columns_sql(STORED_CENTRE_COLUMNS, dialect)})",
        *(
            f"CREATE TABLE {name} ({_columns_sql(columns, dialect)})"
            for name, columns in REFERENCE_TABLES.items()
        ),
    ]


def _validity_intervals(dialect: str) -> list[str]:
    """Step 2: rows carry the versions they are valid for instead of being copied per version.
    An existing copy per version becomes rows valid for that one version."""
    statements = [
        "ALTER TABLE centres RENAME COLUMN version_id TO first_version",
        "ALTER TABLE centres ADD COLUMN last_version INTEGER",
        "UPDATE centres SET last_version = first_version + 1 "
        "WHERE first_version <> (SELECT version_id FROM current_version)",
    ]
    if dialect == "postgres":
        statements += [
            "CREATE INDEX centres_live_id ON centres (id) WHERE last_version IS NULL",
            "CREATE INDEX centres_first_version ON centres (first_version)",
            "CREATE INDEX centres_last_version ON centres (last_version)",
        ]
    return statements


def _spatial(dialect: str) -> list[str]:
    """Step 3 (PostGIS only): a point per centre and the full-detail boundaries of every
    level, so coordinates can be checked against their stated region in the database."""
    if dialect != "postgres":
        return []  # DuckDB's spatial extension is not installable here; shapely does this
    return [
        "CREATE EXTENSION IF NOT EXISTS postgis",
        "ALTER TABLE centres ADD COLUMN geom geometry(Point, 4326) GENERATED ALWAYS AS "
        "(CASE WHEN lat IS NOT NULL AND lng IS NOT NULL "
        "THEN ST_SetSRID(ST_MakePoint(lng, lat), 4326) END) STORED",
        "CREATE TABLE boundaries (level VARCHAR, code VARCHAR, name VARCHAR, "
        "province_code VARCHAR, geom geometry(MultiPolygon, 4326), PRIMARY KEY (level, code))",
        "CREATE INDEX boundaries_geom ON boundaries USING gist (geom)",
        "CREATE TABLE boundary_source (source_key VARCHAR)",
    ]


def _stories(dialect: str) -> list[str]:
    """Step 4: workshop stories (``loaders/stories.py``), one row per story with its steps
    as one JSON text. Stores from before this step may already hold the table: stories
    used to create it on first use."""
    return [
        "CREATE TABLE IF NOT EXISTS stories (story_id VARCHAR PRIMARY KEY, title VARCHAR, "
        "steps VARCHAR, created_at TIMESTAMP, updated_at TIMESTAMP)"
    ]


# What step 5 adds to every version: who made it, from which file, and what it changed.
VERSION_RECORD_COLUMNS: dict[str, str] = {
    "account": "VARCHAR",  # the signed-in editor or the --oleh account; NULL: none
    "office": "VARCHAR",  # the account's office, as it was when the version was made
    "file_name": "VARCHAR",
    "file_sha256": "VARCHAR",
    "complete": "BOOLEAN",  # the file was the complete list of the regions it names
    "added": "INTEGER",
    "changed": "INTEGER",
    "unchanged": "INTEGER",
    "retired": "INTEGER",
    "refused": "INTEGER",  # rows outside the editor's regions, not stored
    "summary": "VARCHAR",  # JSON: the same counts per regency
}


def _records(dialect: str) -> list[str]:
    """Step 5, a system of record: each version says who made it from which file and what it
    changed; the regions an office declared complete (valid for versions like centres); the
    editors' accounts (argon2 hashes, never passwords)."""
    return [
        *(
            f"ALTER TABLE versions ADD COLUMN {name} {sql_type(kind, dialect)}"
            for name, kind in VERSION_RECORD_COLUMNS.items()
        ),
        "CREATE TABLE complete_lists (region_code VARCHAR, level VARCHAR, "
        "declared_in INTEGER, first_version INTEGER, last_version INTEGER)",
        "CREATE TABLE accounts (name VARCHAR PRIMARY KEY, role VARCHAR, regions VARCHAR, "
        "office VARCHAR, password_hash VARCHAR, disabled BOOLEAN, "
        "created_at TIMESTAMP, updated_at TIMESTAMP)",
    ]


def _sign_in_failures(dialect: str) -> list[str]:
    """Step 6: wrong passwords per name (known or not), so that every process behind the
    proxy slows the same guessing down."""
    return ["CREATE TABLE sign_in_failures (name VARCHAR, failed_at TIMESTAMP)"]


MIGRATIONS: dict[int, Callable[[str], list[str]]] = {
    1: _base_tables,
    2: _validity_intervals,
    3: _spatial,
    4: _stories,
    5: _records,
    6: _sign_in_failures,
}
SCHEMA_VERSION = max(MIGRATIONS)
MIGRATIONS_TABLE = (
    "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMP)"
)


def expected_columns() -> dict[str, dict[str, str]]:
    """Every table whose columns come from ``sentra/schema.py``, with those columns."""
    return {
        "centres": {**VALIDITY_COLUMNS, **STORED_CENTRE_COLUMNS},
        **REFERENCE_TABLES,
        "regional_indicators": REGIONAL_INDICATOR_COLUMNS,
        "regional_values": REGIONAL_VALUE_COLUMNS,
    }


def missing_columns(existing: dict[str, set[str]], dialect: str) -> list[str]:
    """Statements adding the tables and columns of ``sentra/schema.py`` a store lacks."""
    statements = []
    for table, columns in expected_columns().items():
        if table not in existing:
            statements.append(f"CREATE TABLE {table} ({_columns_sql(columns, dialect)})")
            continue
        statements += [
            f"ALTER TABLE {table} ADD COLUMN {name} {sql_type(kind, dialect)}"
            for name, kind in columns.items()
            if name not in existing[table]
        ]
    return statements
