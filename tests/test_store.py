"""The store on both backends (embedded DuckDB, shared PostgreSQL/PostGIS): creation from
geodata, versions and restore, imports that fail, die or run at the same time, and readers."""

from __future__ import annotations

import itertools
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
import shapely

from loaders.export import to_csv_bytes
from loaders.store import ENV_DATABASE_URL, Store, StoreBusyError, StoreError, open_store
from loaders.store.schema import MIGRATIONS, SCHEMA_VERSION
from sentra.schema import CENTRE_COLUMNS, STORED_CENTRE_COLUMNS
from tests.stores import FreshStore, on_both_backends

ROOT = Path(__file__).resolve().parent.parent
SEED_ROWS = 8706
_names = itertools.count()


def pytest_generate_tests(metafunc):
    on_both_backends(metafunc)  # every test using fresh_store: on DuckDB and PostgreSQL


def _new_rows(n: int, prefix: str = "T") -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": [f"{prefix}-{i}" for i in range(n)],
            "name": [f"Sentra Uji {prefix}{i}" for i in range(n)],
            "kind": "sentra",
            "sector": "kerajinan",
            "commodity": "gerabah",
            "province_code": "34",
            "regency_code": "34.02",
            "enterprises": 10,
            "workers": 30,
            "turnover_rp": 1.5e9,
            "export_reach": "lokal",
            "fostering_body": "pemda",
            "status": "aktif",
            "source": "uji",
            "data_status": "sumber",
        }
    )


def _office_file(path: Path, n: int, prefix: str) -> Path:
    """An official's CSV as offices send them: Indonesian headers, regency by name."""
    rows = _new_rows(n, prefix=prefix).drop(columns=["province_code"])
    rows = rows.assign(regency_code="Kab. Bantul")
    rows = rows.rename(columns={"regency_code": "Kab/Kota", "name": "Nama Sentra"})
    path.write_bytes(to_csv_bytes(rows))
    return path


def _importer(fresh_store: FreshStore, path: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "loaders.importer", str(path)],
        cwd=ROOT,
        env=fresh_store.process_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_created_from_geodata_as_version_one(store):
    assert store.current_version() == 1
    assert store.schema_version() == SCHEMA_VERSION
    centres = store.centres()
    assert len(centres) == SEED_ROWS
    assert centres["id"].is_unique
    assert len(store.table("budgets")) > 1000
    assert len(store.table("sentra_bps_2024")) == 35


def test_centres_come_back_in_id_order_with_schema_types(store):
    store.import_centres(_new_rows(3, prefix="A").assign(enterprises=[1, None, 3]), "uji")
    centres = store.centres()
    assert centres["id"].is_monotonic_increasing
    assert centres.loc[centres["id"] == "A-1", "enterprises"].isna().all()
    kinds = {column: str(dtype) for column, dtype in centres.dtypes.items()}
    assert kinds["enterprises"] == kinds["year_established"] == "Int32"
    assert kinds["lat"] == kinds["turnover_rp"] == "float64"
    assert kinds["name"] == kinds["regency_code"] == "str"


def test_text_and_numbers_come_back_exactly_as_imported(store):
    awkward = [
        'Sentra "Kutip", Koma; Titik-koma',
        "Baris\nbaru",
        "",
        "  spasi  ",
        "\\N",
        "NULL",
        "Kerajinan Éntik — ñ 字",
        "tab\tdi tengah",
    ]
    rows = _new_rows(len(awkward), prefix="W").assign(
        name=awkward,
        commodity=[None, "", "x", None, "y", "", None, "z"],
        turnover_rp=[0.1, 1 / 3, 1e-300, 123456789.123456789, 1e14, 2.5, 0.0, 7.0],
        lat=[-7.9, None, -7.91, None, -7.92, None, -7.93, None],
        lng=[110.33, None, 110.34, None, 110.35, None, 110.36, None],
    )
    store.import_centres(rows, "uji")
    back = store.centres().set_index("id").loc[rows["id"]]
    assert list(back["name"]) == awkward
    assert back["commodity"].tolist()[1:3] == ["", "x"] and back["commodity"].isna().sum() == 3
    assert back["turnover_rp"].tolist() == rows["turnover_rp"].tolist()
    assert back["lat"].isna().sum() == 4


def _illustrative(centres: pd.DataFrame, province: str) -> pd.DataFrame:
    """The bundled illustrative rows of a province: the room an office's additions take."""
    mine = (centres["data_status"] == "ilustratif") & (centres["origin"] == "bawaan")
    mine &= centres["kind"] == "sentra"  # clusters are not in the count: they stay
    return centres[mine & (centres["province_code"] == province)]


def test_import_adds_a_version_and_restore_brings_back_the_old_one(store):
    before = store.centres()
    result = store.import_centres(_new_rows(5), "uji")
    assert result.version == 2 and result.stored and store.current_version() == 2
    assert result.plan.counts() == dict(added=5, changed=0, unchanged=0, retired=5, refused=0)
    # Additions take the place of five illustrative rows of Bantul: the count stays.
    assert set(result.plan.retired["regency_code"]) == {"34.02"}
    assert len(store.centres()) == SEED_ROWS
    assert not set(result.plan.retired["id"]) & set(store.centres()["id"])
    assert store.restore_plan(1) == dict(added=5, changed=0, retired=5, outside=0)  # before
    restored = store.restore(1)
    assert restored == 3
    assert list(store.versions()["version_id"]) == [3, 2, 1]
    assert list(store.versions()["rows"]) == [SEED_ROWS] * 3
    assert list(store.versions()["added"].fillna(-1)) == [5, 5, -1]  # the five come back
    assert list(store.versions()["retired"].fillna(-1)) == [5, 5, -1]
    assert "T-0" in set(store.centres(version_id=2)["id"])  # history is kept
    pd.testing.assert_frame_equal(store.centres(), before)


def test_versions_store_what_changed_not_a_copy(store):
    before = store.centres()
    store.import_centres(_new_rows(5).assign(id=["IL-00001", "X-1", "X-2", "X-3", "X-4"]), "a")
    store.import_centres(_new_rows(3, prefix="Y"), "b")
    # v2: one row replaced, four added in the place of four illustrative ones; v3: three more.
    store.restore(1)  # undo both: the 8 rows written end, the 1 + 4 + 3 they ended come back
    store.restore(3)  # and the 8 again
    assert store.stored_rows() == SEED_ROWS + 5 + 3 + 8 + 8
    pd.testing.assert_frame_equal(store.centres(), store.centres(version_id=3))
    pd.testing.assert_frame_equal(store.centres(version_id=4), before)
    sizes = dict(zip(store.versions()["version_id"], store.versions()["rows"], strict=True))
    assert sizes == {v: len(store.centres(v)) for v in range(1, 6)}


def test_rows_with_an_existing_id_replace_it(store):
    replacement = _new_rows(1).assign(id="IL-00001", name="Nama baru")
    store.import_centres(replacement, "uji")
    centres = store.centres().set_index("id")
    assert len(centres) == SEED_ROWS
    assert centres.loc["IL-00001", "name"] == "Nama baru"
    assert store.centres(version_id=1).set_index("id").loc["IL-00001", "name"] != "Nama baru"


def test_failed_import_leaves_everything_as_it_was(store):
    before = store.centres()
    bad = _new_rows(3).assign(enterprises=["10", "sepuluh", "12"])  # not castable to INTEGER
    with pytest.raises(StoreError, match="enterprises"):
        store.import_centres(bad, "uji")
    assert store.current_version() == 1
    assert len(store.versions()) == 1
    pd.testing.assert_frame_equal(store.centres(), before)


def test_import_failing_halfway_through_the_write_rolls_back(store):
    before, stored = store.centres(), store.stored_rows()

    def fail_after_first_chunk(written: int) -> None:
        raise OSError(f"disk full after {written} rows")

    with pytest.raises(OSError, match="disk full"):
        store.import_centres(_new_rows(120_000), "uji", progress=fail_after_first_chunk)
    assert store.current_version() == 1 and len(store.versions()) == 1
    assert store.stored_rows() == stored
    pd.testing.assert_frame_equal(store.centres(), before)
    assert store.import_centres(_new_rows(2), "lagi").version == 2  # nothing is left locked


def test_killed_import_process_leaves_stored_data_exactly_as_it_was(fresh_store, tmp_path, layers):
    store = fresh_store.open()
    before, stored = store.centres(), store.stored_rows()
    proc = _importer(fresh_store, _office_file(tmp_path / "besar.csv", 160_000, "K"))
    try:
        first = proc.stdout.readline()  # printed inside the open transaction
        assert first.startswith("ditulis"), first + proc.stderr.read()
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    after = fresh_store.open()
    assert after.current_version() == 1
    assert len(after.versions()) == 1
    assert after.stored_rows() == stored
    pd.testing.assert_frame_equal(after.centres(), before)
    assert after.import_centres(_new_rows(2), "setelahnya").version == 2  # the lock died with it


def test_two_offices_importing_at_once_both_land_as_separate_versions(
    fresh_store, tmp_path, layers
):
    store = fresh_store.open()
    files = [_office_file(tmp_path / f"kantor_{p}.csv", 3_000, p) for p in ("A", "B")]
    # Hold the writers' lock while both start, so they really contend for it.
    with store._write():
        procs = [_importer(fresh_store, path) for path in files]
        _wait_until_both_wait(fresh_store, store, procs)
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    versions = store.versions()
    assert list(versions["version_id"]) == [3, 2, 1]
    assert set(versions["label"][:2]) == {"Impor kantor_A.csv", "Impor kantor_B.csv"}
    assert list(versions["based_on"][:2]) == [2, 1]  # the second built on the first
    centres = store.centres()
    room = len(_illustrative(store.centres(version_id=1), "34"))  # fewer than 6,000
    assert len(centres) == SEED_ROWS - room + 6_000
    for prefix in ("A", "B"):
        assert centres["id"].str.startswith(f"{prefix}-").sum() == 3_000


def _wait_until_both_wait(fresh_store: FreshStore, store: Store, procs: list) -> None:
    """PostgreSQL: until both importers queue on the advisory lock. DuckDB gives no such
    view (the file lock keeps other processes out entirely): wait until they have had
    time to validate and start retrying, well inside their 10 s wait."""
    if fresh_store.name != "postgres":
        time.sleep(4)
        return
    import psycopg

    deadline = time.monotonic() + 60
    with psycopg.connect(store.url, autocommit=True) as con:
        while True:
            waiting = con.execute(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
            ).fetchone()[0]
            if waiting == 2:
                return
            finished = [p for p in procs if p.poll() is not None]
            errors = [p.stderr.read() for p in finished]
            assert not finished and time.monotonic() < deadline, errors
            time.sleep(0.1)


def test_a_reader_never_sees_half_an_import(fresh_store, tmp_path, layers):
    store = fresh_store.open()
    n = 160_000
    proc = _importer(fresh_store, _office_file(tmp_path / "besar.csv", n, "R"))
    first = proc.stdout.readline()
    assert first.startswith("ditulis"), first + proc.stderr.read()
    seen, busy = [], 0
    while True:
        running = proc.poll() is None
        try:
            version = store.current_version()
            seen.append((version, len(store.centres(version)), running))
        except StoreBusyError:  # DuckDB: the writing process keeps the file to itself
            busy += 1
        if not running:
            break
    assert proc.wait() == 0, proc.stderr.read()
    after = SEED_ROWS - len(_illustrative(store.centres(version_id=1), "34")) + n
    assert {(v, rows) for v, rows, _ in seen} <= {(1, SEED_ROWS), (2, after)}
    assert seen[-1][:2] == (2, after)
    if fresh_store.name == "postgres":  # readers are never blocked by a writer
        assert busy == 0 and any(running and v == 1 for v, _, running in seen)


def test_misplaced_coordinates_are_found_the_same_way_as_the_import_check(store, layers):
    bantul = layers.regencies.set_index("code").loc["34.02"].geometry
    inside = bantul.representative_point()
    rows = _new_rows(3, prefix="M").assign(
        lat=[inside.y, inside.y, None], lng=[inside.x, inside.x + 0.5, None]
    )  # the second is ~40 km east of Bantul, in Jawa Tengah
    store.import_centres(rows, "koordinat")
    found = store.misplaced_centres()
    assert list(found["id"]) == ["M-1"]
    assert 20 < found["km"].iloc[0] < 60
    assert store.misplaced_centres(version_id=1).empty


def test_an_older_store_is_upgraded_by_the_numbered_steps(fresh_store, tmp_path, request):
    """A store of the first release (one full copy of the centres per version, no
    ``schema_migrations``) keeps its versions when the application upgrades it."""
    legacy = _new_rows(3, prefix="L")
    if fresh_store.name == "duckdb":
        import duckdb

        path = tmp_path / "lama.duckdb"
        con = duckdb.connect(str(path))
        run = con.execute
        reopen = lambda: open_store(path)  # noqa: E731
    else:
        import psycopg

        url = request.getfixturevalue("postgres").create_database(f"lama{next(_names)}")
        con = psycopg.connect(url, autocommit=True)
        run = lambda sql, params=None: con.execute(sql.replace("?", "%s"), params)  # noqa: E731
        reopen = lambda: open_store(url=url)  # noqa: E731
    for statement in MIGRATIONS[1](fresh_store.name):
        run(statement)
    cols = ", ".join(CENTRE_COLUMNS)
    marks = ", ".join("?" for _ in range(len(CENTRE_COLUMNS) + 1))
    for version, frame in ((1, legacy.head(2)), (2, legacy)):
        for values in frame.reindex(columns=list(CENTRE_COLUMNS)).itertuples(index=False):
            run(
                f"INSERT INTO centres (version_id, {cols}) VALUES ({marks})",
                [version, *[None if pd.isna(v) else v for v in values]],
            )
        run(
            "INSERT INTO versions VALUES (?, now(), 'impor', 'lama', ?, ?)",
            [version, len(frame), version - 1 or None],
        )
    run("INSERT INTO current_version VALUES (2)")
    con.close()
    upgraded = reopen()
    fresh_store.opened.append(upgraded)
    assert upgraded.schema_version() == SCHEMA_VERSION
    assert list(upgraded.centres(version_id=1)["id"]) == ["L-0", "L-1"]
    assert list(upgraded.centres()["id"]) == ["L-0", "L-1", "L-2"]
    assert upgraded.restore(1) == 3
    assert list(upgraded.centres()["id"]) == ["L-0", "L-1"]


def test_a_column_added_to_the_schema_reaches_an_existing_store(fresh_store, monkeypatch):
    fresh_store.open()
    monkeypatch.setitem(STORED_CENTRE_COLUMNS, "kolom_baru_uji", "VARCHAR")
    upgraded = fresh_store.open()  # opening notices the missing column and adds it
    with upgraded._read() as con:
        _, existing = upgraded._schema_state(con)
    assert "kolom_baru_uji" in existing["centres"]


def test_both_backends_give_the_same_results_for_the_same_data(tmp_path, pg_template, postgres):
    url = postgres.create_database(f"t{next(_names)}", template=pg_template)
    stores = [open_store(tmp_path / "sentra.duckdb"), open_store(url=url)]
    try:
        for store in stores:
            store.import_centres(_new_rows(40, prefix="S").assign(id=None), "tanpa id")
            store.import_centres(_new_rows(2).assign(id=["IL-00007", "S-X"]), "ganti")
            store.restore(2)
        duck, pg = stores
        for version in range(1, 5):
            pd.testing.assert_frame_equal(duck.centres(version), pg.centres(version))
        for name in ("budgets", "indicators", "facts", "sentra_bps_2024"):
            pd.testing.assert_frame_equal(duck.table(name), pg.table(name))
        pd.testing.assert_frame_equal(
            duck.versions().drop(columns="created_at"), pg.versions().drop(columns="created_at")
        )
        assert duck.stored_rows() == pg.stored_rows()
    finally:
        for store in stores:
            store.close()


def test_postgis_holds_every_boundary_level_in_full_detail(pg_template, postgres, layers):
    store = open_store(url=postgres.url(pg_template))
    try:
        counts = store.boundary_counts()
        assert counts["provinces"] == 38 and counts["regencies"] == 514
        assert counts == {level: len(getattr(layers, level)) for level in counts}
        with store._read() as con:
            area = con.execute(
                "SELECT sum(ST_Area(geom)), sum(ST_NPoints(geom)) FROM boundaries "
                "WHERE level = 'regencies'"
            ).fetchone()
        assert area[0] == pytest.approx(shapely.area(layers.regencies.geometry).sum(), rel=1e-9)
        assert area[1] == shapely.get_num_coordinates(layers.regencies.geometry).sum()
    finally:
        store.close()


def test_an_unreachable_database_is_a_busy_store_not_a_driver_error(tmp_path, monkeypatch):
    monkeypatch.setattr("loaders.store.postgres_store.CONNECT_WAIT", 1)
    with pytest.raises(StoreBusyError):
        open_store(url=f"postgresql:///sentra?host={tmp_path}&port=5432")


def test_an_unreachable_database_gets_a_message_in_the_users_language(
    tmp_path, monkeypatch, layers
):
    from streamlit.testing.v1 import AppTest

    from sentra.i18n import t
    from ui import cached

    monkeypatch.setenv(ENV_DATABASE_URL, f"postgresql:///sentra?host={tmp_path}&port=5432")
    monkeypatch.setattr("loaders.store.postgres_store.CONNECT_WAIT", 1)
    for func in (cached.data_store, cached.centres_of_version, cached.reference):
        func.clear()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90).run()
    assert not at.exception
    assert [e.value for e in at.error] == [t("store_unavailable", "id")]
