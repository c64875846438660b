"""The official 2025 region code list, population and area (cahyadsn/wilayah), hash-checked.

Read exactly like the boundaries: ``SENTRA_CODES_DIR`` names a local copy (a checkout of
the repository or its ``db/`` folder), otherwise the pinned files are downloaded once into
the per-user cache. Parsed tables are cached as Parquet under a key of the pinned hashes
and ``PARSE_VERSION`` (a stale or corrupt cache is re-parsed), and kept in memory once read.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from functools import lru_cache
from pathlib import Path

import pandas as pd

from loaders import wilayah_sql
from loaders.pinned_source import PinnedSource, SourceFileError, cache_dir
from sentra.i18n import DEFAULT_LANGUAGE, N_, t

PINNED_COMMIT = "b7ad440a1322e7be3189a16a8cac35f7d4c3d7f7"
REPOSITORY = "cahyadsn/wilayah"
ENV_DIR = "SENTRA_CODES_DIR"
# Bump whenever the parsing below changes: the cache key includes it.
PARSE_VERSION = "2"

TABLES = ("codes", "population", "area")
LEVELS = {1: "provinsi", 2: "kabupaten_kota", 3: "kecamatan", 4: "desa"}


class CodesSourceError(SourceFileError):
    """A code-list source file is missing, truncated, altered or unreadable."""


SOURCE = PinnedSource(
    repository=REPOSITORY,
    commit=PINNED_COMMIT,
    sums_file=Path(__file__).with_name("wilayah_codes.sha256"),
    env_dir=ENV_DIR,
    error=CodesSourceError,
)

_CODE = re.compile(r"\d{2}(?:\.\d{2}(?:\.\d{2}(?:\.\d{4})?)?)?")


def sql_rows(text: str, table: str, source: str) -> tuple[list[str], list[list[str | None]]]:
    """The code list's ``INSERT INTO table`` rows (``loaders.wilayah_sql.sql_rows``)."""
    return wilayah_sql.sql_rows(text, table, source, CodesSourceError)


def _code_list(text: str) -> pd.DataFrame:
    _, rows = sql_rows(text, "wilayah", "wilayah.sql")
    frame = pd.DataFrame(rows, columns=["code", "name"])
    frame["name"] = frame["name"].str.strip()  # "Kota Administrasi Jakarta Utara " (sic)
    bad = frame.loc[~frame["code"].map(lambda c: bool(_CODE.fullmatch(c))), "code"]
    if len(bad):
        raise CodesSourceError(
            N_("codes_bad_codes"), file="wilayah.sql", codes=", ".join(bad.head(5))
        )
    parts = frame["code"].str.count(r"\.") + 1
    frame["level"] = parts.map(LEVELS)
    frame["parent_code"] = frame["code"].str.rpartition(".")[0]
    return frame


def _population(text: str) -> pd.DataFrame:
    columns, rows = sql_rows(text, "wilayah_penduduk", "wilayah_penduduk.sql")
    frame = pd.DataFrame(rows, columns=columns)
    frame = frame[frame["kode"] != "0"]  # the national total: the sum of the provinces
    out = frame[["pria", "wanita", "total"]].astype("int64")
    out.columns = ["male", "female", "total"]
    out.index = pd.Index(frame["kode"], name="code")
    return out


def _fix_area_code(code: str) -> str:
    """The area file stores codes as numbers: '31.0' is 31, '11.1' is 11.10."""
    province, _, regency = code.partition(".")
    if regency in ("", "0"):
        return province
    return f"{province}.{regency.ljust(2, '0')}"


def _official_area(text: str) -> pd.Series:
    _, rows = sql_rows(text, "wilayah_luas", "wilayah_luas.sql")
    frame = pd.DataFrame(rows, columns=["code", "name", "km2"])
    codes = frame["code"].map(_fix_area_code)
    return pd.Series(
        frame["km2"].astype(float).to_numpy(), index=pd.Index(codes, name="code"), name="area_km2"
    )


def _parse() -> dict[str, pd.DataFrame]:
    paths = SOURCE.files()

    def read(rel: str) -> str:
        return paths[rel].read_text(encoding="utf-8")

    codes = _code_list(read("wilayah.sql"))
    population = _population(read("wilayah_penduduk.sql"))
    area = _official_area(read("wilayah_luas.sql"))
    known = set(codes["code"])
    for name, index in (
        ("wilayah_penduduk.sql", population.index),
        ("wilayah_luas.sql", area.index),
    ):
        unknown = sorted(set(index) - known)
        if unknown or not index.is_unique:
            raise CodesSourceError(
                N_("codes_not_in_list"), file=name, codes=", ".join(map(str, unknown[:5]))
            )
    return {"codes": codes, "population": population.reset_index(), "area": area.reset_index()}


def _cache_folder() -> Path:
    key = hashlib.sha256(f"{SOURCE.key()}:{PARSE_VERSION}".encode()).hexdigest()[:20]
    return cache_dir() / "codes" / key


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _load_cached(folder: Path) -> dict[str, pd.DataFrame] | None:
    """The cached tables if every file is present and matches its manifest hash."""
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        tables = {}
        for name in TABLES:
            path = folder / f"{name}.parquet"
            if _digest(path) != manifest[name]:
                return None
            tables[name] = pd.read_parquet(path)
        return tables
    except (OSError, ValueError, KeyError, TypeError):
        return None


@lru_cache(maxsize=1)
def _tables() -> dict[str, pd.DataFrame]:
    folder = _cache_folder()
    cached = _load_cached(folder)
    if cached is not None:
        return cached
    tables = _parse()
    folder.mkdir(parents=True, exist_ok=True)
    manifest = {}
    for name, frame in tables.items():
        frame.to_parquet(folder / f"{name}.parquet", index=False)
        manifest[name] = _digest(folder / f"{name}.parquet")
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return tables


def codes() -> pd.DataFrame:
    """Every code of the 2025 list: code, name, level ('provinsi', 'kabupaten_kota',
    'kecamatan', 'desa') and parent_code ('' for provinces). Shared: do not modify."""
    return _tables()["codes"]


def population() -> pd.DataFrame:
    """Population 2025 per province and regency/city, indexed by code: male, female, total."""
    return _tables()["population"].set_index("code")


def official_area() -> pd.Series:
    """Official area in km² (BIG figures) per province and regency/city, indexed by code."""
    return _tables()["area"].set_index("code")["area_km2"]


def main() -> int:
    """Fetch (or read), check and cache the code list: run once before working offline."""
    try:
        table = codes()
        people = population()
    except SourceFileError as exc:
        print(t("cli_failed", DEFAULT_LANGUAGE, error=exc), file=sys.stderr)
        return 1
    counts = table["level"].value_counts().to_dict()
    print(json.dumps({**counts, "population_regions": len(people)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
