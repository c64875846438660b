"""The store as a system of record: re-imports change nothing, an office's complete list is
the truth for its regions, additions keep the calibrated counts, editors stay in their
regions. On both backends, with files shaped like an office's."""

from __future__ import annotations

import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pandas as pd
import pytest

from loaders.accounts import hash_password
from loaders.store import StoreError
from sentra.accounts import Account
from sentra.reconcile import name_key, plan_import
from tests.officials_files import to_csv
from tests.stores import on_both_backends
from ui.data_io import _when

ROOT = Path(__file__).resolve().parent.parent
PEKALONGAN = "33.26"


def pytest_generate_tests(metafunc):
    on_both_backends(metafunc)


def _centre(name: str, regency: str, kecamatan: str | None = None, **values) -> dict:
    return {
        "id": None,
        "name": name,
        "kind": "sentra",
        "sector": "tekstil_pakaian",
        "commodity": "batik",
        "province_code": regency.split(".")[0],
        "regency_code": regency,
        "kecamatan_code": kecamatan,
        "enterprises": 40,
        "status": "aktif",
        "source": "Dinas",
        "data_status": "sumber",
        **values,
    }


def _dinas_grid(rows: list[list]) -> list[list]:
    """A Dinas sheet: two title rows, a blank, the header, column numbers, the rows, a note."""
    return [
        ["DATA SENTRA IKM KABUPATEN PEKALONGAN", None, None, None, None],
        ["Keadaan 31 Desember 2024", None, None, None, None],
        [None] * 5,
        ["No", "Nama Sentra", "Kabupaten/Kota", "Kecamatan", "Unit Usaha"],
        ["(1)", "(2)", "(3)", "(4)", "(5)"],
        *rows,
        [None] * 5,
        ["Sumber: Dinperindagkop Kabupaten Pekalongan", None, None, None, None],
    ]


# Ten rows, two in Kab. Pekalongan (one the bundled Simbang Kulon cluster), old spellings.
DINAS_ROWS = [
    [1, "Sentra Batik Simbang Kulon", "Kab. Pekalongan", "Buaran", "120"],
    [2, "Sentra Batik Wiradesa", "KAB PEKALONGAN", "Wiradesa", "45"],
    [3, "Sentra Tahu Kalisari", "Kab. Banyumas", "Cilongok", "120"],
    [4, "Sentra Gerabah Klampok", "Kab. Banjarnegara", "Purwareja Klampok", "30"],
    [5, "Sentra Tenun Troso", "Kab. Jepara", "Pecangaan", "200"],
    [6, "Sentra Ukir Mulyoharjo", "Kab. Jepara", "Jepara", "150"],
    [7, "Sentra Konveksi Kaliwungu", "Kab. Kendal", "Kaliwungu", "80"],
    [8, "Sentra Jenang Kudus", "Kab. Kudus", "Kota Kudus", "25"],
    [9, "Sentra Genteng Sokka", "Kab. Kebumen", "Pejagoan", "60"],
    [10, "Sentra Logam Tegal", "Kota Tegal", "Tegal Timur", "70"],
]


def _write(path: Path, rows: list[list]) -> Path:
    path.write_bytes(to_csv(_dinas_grid(rows)))
    return path


def _import(fresh_store, path: Path, *args: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-m", "loaders.importer", str(path), *args],
        cwd=ROOT,
        env=fresh_store.process_env(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def _counts(store, column: str, code: str) -> int:
    centres = store.centres()
    return int((centres[column] == code).sum())


# -- the plan, on small tables -------------------------------------------------------------
def test_names_match_whatever_the_prefix_case_and_punctuation():
    names = pd.Series(
        [
            "Klaster Batik Simbang Kulon (Kec. Buaran)",
            "SENTRA batik simbang-kulon",
            "Kampung  Batik, Simbang Kulon",
            "Sentra IKM Batik Simbang Kulon",
            "Batik Pesindon",
        ]
    )
    assert name_key(names).tolist() == ["batik simbang kulon"] * 4 + ["batik pesindon"]


def test_a_row_matches_by_id_then_name_in_its_kecamatan_then_in_its_regency():
    current = pd.DataFrame(
        [
            _centre("Sentra Batik A", "33.26", "33.26.14", id="S1", origin="bawaan"),
            _centre("Sentra Batik B", "33.26", "33.26.01", id="S2", origin="bawaan"),
            _centre("Sentra Batik C", "33.26", None, id="S3", origin="bawaan"),
            _centre("Sentra Batik D", "33.26", "33.26.02", id="S4", origin="bawaan"),
        ]
    )
    incoming = pd.DataFrame(
        [
            _centre("Nama lain", "33.26", "33.26.14", id="S1", enterprises=41),  # by id
            _centre("Sentra Batik B", "33.26", "33.26.01"),  # same kecamatan: unchanged
            _centre("batik C", "33.26", "33.26.05"),  # regency, stored without kecamatan
            _centre("Batik D", "33.26", "33.26.03"),  # another kecamatan: a new centre
        ]
    )
    plan = plan_import(current, incoming)
    assert plan.counts() == dict(added=1, changed=2, unchanged=1, retired=0, refused=0)
    assert sorted(plan.changed["id"]) == ["S1", "S3"]
    assert plan.unchanged["id"].tolist() == ["S2"]
    assert plan.added["name"].tolist() == ["Batik D"] and plan.added["id"].isna().all()


def test_a_matched_centre_keeps_what_the_file_does_not_say():
    current = pd.DataFrame(
        [_centre("Klaster Batik", "33.26", "33.26.14", id="KC-1", kind="klaster", origin="bawaan")]
    )
    incoming = pd.DataFrame([_centre("Sentra Batik", "33.26", None, kind="sentra")])
    provided = {"name", "regency_code", "province_code", "enterprises"}
    changed = plan_import(current, incoming, provided=provided).changed.iloc[0]
    assert (changed["id"], changed["kind"], changed["kecamatan_code"]) == (
        "KC-1",
        "klaster",
        "33.26.14",
    )
    assert plan_import(current, incoming).changed.iloc[0]["kind"] == "sentra"


def test_two_centres_of_one_name_in_one_place_stay_two_on_every_import():
    current = pd.DataFrame(
        [_centre("Sentra Tahu", "33.26", None, id=f"S{i}", origin="impor") for i in (1, 2)]
    )
    incoming = pd.DataFrame([_centre("Sentra Tahu", "33.26", None) for _ in range(3)])
    plan = plan_import(current, incoming)
    assert plan.counts()["added"] == 1 and plan.counts()["unchanged"] == 2


def test_additions_take_the_place_of_illustrative_rows_of_their_regency_then_province():
    illustrative = dict(data_status="ilustratif", origin="bawaan")
    current = pd.DataFrame(
        [
            _centre("Ilustrasi 1", "33.26", None, id="IL-1", **illustrative),
            _centre("Ilustrasi 2", "33.01", None, id="IL-2", **illustrative),
            _centre("Ilustrasi 3", "33.01", None, id="IL-3", **illustrative),
            _centre("Dikenal", "33.26", None, id="KC-1", origin="bawaan"),  # sourced: stays
            # an illustrative cluster is not a sentra's place (nor in BPS's count): stays
            _centre("Klaster Ilustrasi", "33.26", None, id="KL-1", kind="klaster", **illustrative),
            _centre(
                "Klaster Ilustrasi 2", "33.02", None, id="KL-2", kind="klaster", **illustrative
            ),
        ]
    )
    incoming = pd.DataFrame([_centre(f"Baru {i}", "33.26") for i in range(4)])
    plan = plan_import(current, incoming)
    assert plan.retired["id"].tolist() == ["IL-1", "IL-2", "IL-3"]
    assert plan.by_regency().set_index("regency_code").loc["33.26", "retired"] == 1


def test_an_editor_changes_only_rows_inside_its_regions():
    current = pd.DataFrame(
        [
            _centre("Sentra Batik A", "33.26", None, id="S1", origin="impor"),
            _centre("Sentra Tahu", "33.02", None, id="S2", origin="impor"),
        ]
    )
    incoming = pd.DataFrame(
        [
            _centre("Sentra Batik A", "33.26", None, enterprises=99),
            _centre("Sentra Tahu", "33.26", None, id="S2"),  # moves S2 into Pekalongan
            _centre("Sentra Baru", "33.02", None),
        ]
    )
    editor = Account("dinas-pekalongan", "editor", (PEKALONGAN,))
    plan = plan_import(current, incoming, complete=True, account=editor)
    assert plan.changed["id"].tolist() == ["S1"]
    assert sorted(plan.refused["name"]) == ["Sentra Baru", "Sentra Tahu"]
    assert plan.complete_regions == [(PEKALONGAN, "regency")] and plan.retired.empty


def test_additions_make_room_only_among_rows_the_editor_may_change():
    """An office of one kecamatan adding two centres takes the place of illustrative rows
    of its own kecamatan, never of another kecamatan's or regency's."""
    current = pd.DataFrame(
        [
            _centre("Ilustratif 1", "33.26", "33.26.01", id="IL-1", data_status="ilustratif"),
            _centre("Ilustratif 2", "33.25", "33.25.01", id="IL-2", data_status="ilustratif"),
            _centre("Ilustratif 3", "33.26", "33.26.14", id="IL-3", data_status="ilustratif"),
        ]
    ).assign(origin="bawaan")
    incoming = pd.DataFrame(
        [_centre("Baru 1", "33.26", "33.26.14"), _centre("Baru 2", "33.26", "33.26.14")]
    )
    editor = Account("kec-buaran", "editor", ("33.26.14",))
    plan = plan_import(current, incoming, account=editor)
    assert len(plan.added) == 2 and plan.retired["id"].tolist() == ["IL-3"]
    admin = plan_import(current, incoming, account=Account("pusat", "admin"))
    assert sorted(admin.retired["id"]) == ["IL-1", "IL-3"]  # its regency first, then the rest


def test_an_added_cluster_takes_no_illustrative_sentras_place():
    """BPS counts sentra: an office's new cluster is added beside the calibrated sentra."""
    current = pd.DataFrame(
        [_centre("Ilustratif", "33.20", "33.20.01", id="IL-1", data_status="ilustratif")]
    ).assign(origin="bawaan")
    incoming = pd.DataFrame([_centre("Klaster Mebel Jepara", "33.20", None, kind="klaster")])
    plan = plan_import(current, incoming)
    assert len(plan.added) == 1 and plan.retired.empty


def test_a_name_without_kecamatan_matches_though_another_kecamatan_has_the_same_name():
    """A stored 'Sentra Batik' in Wiradesa does not keep the file's 'Sentra Batik' of Buaran
    from matching the stored one that has no kecamatan."""
    current = pd.DataFrame(
        [
            _centre("Sentra Batik", "33.26", "33.26.01", id="A", origin="impor"),
            _centre("Sentra Batik", "33.26", None, id="B", origin="impor"),
        ]
    )
    incoming = pd.DataFrame([_centre("Sentra Batik", "33.26", "33.26.14")])
    plan = plan_import(current, incoming)
    assert plan.added.empty and plan.changed["id"].tolist() == ["B"]


def test_an_editor_restores_only_inside_its_regions(store):
    """A restore that would undo an admin's import in another regency is refused for the
    Pekalongan office, and says so before; the admin may."""
    admin = Account("pusat", "admin")
    office = Account("dinas-pekalongan", "editor", (PEKALONGAN,))
    store.import_centres(pd.DataFrame([_centre("Sentra Tahu", "33.02")]), "a", account=admin)
    before = store.versions()
    assert store.restore_plan(1, office)["outside"] > 0
    with pytest.raises(StoreError):
        store.restore(1, account=office)
    pd.testing.assert_frame_equal(store.versions(), before)  # nothing stored
    assert store.restore_plan(1, admin)["outside"] == 0
    store.restore(1, account=admin)
    assert "Sentra Tahu" not in set(store.centres()["name"])


def test_an_office_of_one_kecamatan_lists_that_kecamatan_not_its_regency():
    current = pd.DataFrame(
        [
            _centre("Lama di Buaran", "33.26", "33.26.14", id="S1", origin="impor"),
            _centre("Lama di Wiradesa", "33.26", "33.26.01", id="S2", origin="impor"),
        ]
    )
    incoming = pd.DataFrame([_centre("Baru di Buaran", "33.26", "33.26.14")])
    editor = Account("kec-buaran", "editor", ("33.26.14",))
    plan = plan_import(current, incoming, complete=True, account=editor)
    assert plan.complete_regions == [("33.26.14", "kecamatan")]
    assert plan.retired["id"].tolist() == ["S1"]


# -- the store, on both backends --------------------------------------------------------------
def test_the_same_rows_twice_make_one_version(store):
    rows = pd.DataFrame([_centre("Sentra Batik Wiradesa", PEKALONGAN, "33.26.01")])
    first = store.import_centres(rows, "a", file_name="a.csv")
    again = store.import_centres(rows, "a", file_name="a.csv")
    assert first.stored and not again.stored and again.version == first.version
    assert again.plan.counts() == dict(added=0, changed=0, unchanged=1, retired=0, refused=0)
    assert list(store.versions()["version_id"]) == [2, 1]


def test_a_complete_list_retires_the_regions_earlier_rows_and_a_restore_brings_them_back(store):
    before = store.centres()
    rows = pd.DataFrame(
        [
            _centre("Sentra Batik Simbang Kulon", PEKALONGAN, "33.26.14"),
            _centre("Sentra Batik Wiradesa", PEKALONGAN, "33.26.01"),
        ]
    )
    office = Account("dinas-pekalongan", "editor", (PEKALONGAN,), "Dinperindagkop Kab. Pekalongan")
    result = store.import_centres(
        rows, "Impor kab.csv", complete=True, account=office, file_name="kab.csv"
    )
    earlier = before[before["regency_code"] == PEKALONGAN]
    assert result.plan.counts()["retired"] == len(earlier) - 1  # Simbang Kulon is updated
    centres = store.centres()
    mine = centres[centres["regency_code"] == PEKALONGAN]
    assert len(mine) == 2 and set(mine["origin"]) == {"impor"}
    assert "KC-003" in set(mine["id"])  # the bundled cluster, now the office's row
    lists = store.complete_lists()
    assert lists[["region_code", "level", "file_name", "account", "office"]].values.tolist() == [
        [PEKALONGAN, "regency", "kab.csv", "dinas-pekalongan", "Dinperindagkop Kab. Pekalongan"]
    ]
    newest = store.versions().iloc[0]
    assert (newest["account"], newest["file_name"], bool(newest["complete"])) == (
        "dinas-pekalongan",
        "kab.csv",
        True,
    )
    summary = json.loads(newest["summary"])
    assert summary["regencies"][PEKALONGAN]["retired"] == len(earlier) - 1

    back = dict(added=len(earlier) - 1, changed=1, retired=1, outside=0)
    assert store.restore_plan(1, office) == back
    store.restore(1, account=office)
    pd.testing.assert_frame_equal(store.centres(), before)
    assert store.complete_lists().empty
    assert store.versions().iloc[0]["account"] == "dinas-pekalongan"


def test_hostile_file_and_account_names_stay_text(store):
    hostile = "x'); DROP TABLE centres;-- <script>alert(1)</script>.csv"
    rows = pd.DataFrame([_centre("Sentra <b>Uji</b>'", PEKALONGAN)])
    account = Account("'; DELETE FROM versions;--", "admin", (), "<img src=x>")
    store.import_centres(rows, hostile, account=account, file_name=hostile, file_sha256="0" * 64)
    newest = store.versions().iloc[0]
    assert (newest["file_name"], newest["account"], newest["office"]) == (
        hostile,
        account.name,
        account.office,
    )
    assert len(store.versions()) == 2 and "Sentra <b>Uji</b>'" in set(store.centres()["name"])


# -- officials' files through the command line --------------------------------------------------
def test_an_offices_file_twice_changes_nothing_the_second_time(fresh_store, tmp_path, layers):
    store = fresh_store.open()
    province_before = _counts(store, "province_code", "33")
    pekalongan_before = _counts(store, "regency_code", PEKALONGAN)
    path = _write(tmp_path / "sentra_dinas.csv", DINAS_ROWS)
    first = _import(fresh_store, path)
    # Simbang Kulon and Tenun Troso are bundled known centres: updated, not added twice.
    assert (first["added"], first["changed"], first["retired"]) == (8, 2, 8)
    # Counts stay at the calibration: no sum of the BPS figure and the office's rows.
    assert _counts(store, "province_code", "33") == province_before
    assert _counts(store, "regency_code", PEKALONGAN) == pekalongan_before
    centres = store.centres()
    names = centres.query("regency_code == @PEKALONGAN")["name"]
    assert names.str.contains("Simbang Kulon").sum() == 1  # one Simbang Kulon, not two
    # The file has no kind column: the bundled cluster stays a cluster, with the office's name.
    simbang = centres.set_index("id").loc["KC-003"]
    assert (simbang["name"], simbang["kind"]) == ("Sentra Batik Simbang Kulon", "klaster")

    second = _import(fresh_store, path)
    assert second["stored"] is False and second["version"] == first["version"]
    assert (second["added"], second["changed"], second["unchanged"], second["retired"]) == (
        0,
        0,
        10,
        0,
    )
    versions = store.versions()
    assert len(versions) == 2
    newest = versions.iloc[0]
    assert newest["file_name"] == "sentra_dinas.csv" and len(newest["file_sha256"]) == 64


def test_a_corrected_file_changes_only_its_changed_rows(fresh_store, tmp_path, layers):
    store = fresh_store.open()
    _import(fresh_store, _write(tmp_path / "sentra.csv", DINAS_ROWS))
    corrected = [list(row) for row in DINAS_ROWS]
    corrected[1][4] = "47"  # Wiradesa: 47 units, not 45
    corrected[4][1] = "SENTRA TENUN TROSO"  # a new spelling of the same centre
    summary = _import(fresh_store, _write(tmp_path / "sentra_revisi.csv", corrected))
    assert (summary["added"], summary["changed"], summary["unchanged"]) == (0, 2, 8)
    assert summary["retired"] == 0
    centres = store.centres()
    assert centres.query("name == 'Sentra Batik Wiradesa'")["enterprises"].tolist() == [47]
    assert "Sentra Tenun Troso" not in set(centres["name"])


def test_a_complete_list_from_the_command_line_leaves_no_earlier_row(fresh_store, tmp_path, layers):
    store = fresh_store.open()
    path = _write(tmp_path / "lengkap.csv", DINAS_ROWS[:2])
    summary = _import(fresh_store, path, "--lengkap")
    centres = store.centres()
    assert set(centres.query("regency_code == @PEKALONGAN")["name"]) == {
        "Sentra Batik Simbang Kulon",
        "Sentra Batik Wiradesa",
    }
    assert summary["complete"] is True and summary["retired"] > 50
    assert _import(fresh_store, path, "--lengkap")["stored"] is False


def test_two_sessions_of_one_server_importing_at_once_both_land(store):
    """Two browser sessions of one dashboard process (threads) import at the same moment:
    the second waits for the first and reconciles with it; neither fails or is lost."""
    files = {
        "33.24": pd.DataFrame([_centre("Sentra Konveksi Kaliwungu", "33.24")]),
        "33.20": pd.DataFrame([_centre("Sentra Tenun Troso", "33.20")]),
    }
    with ThreadPoolExecutor(max_workers=2) as pool:
        done = list(
            pool.map(lambda rows: store.import_centres(rows, "x", complete=True), files.values())
        )
    assert sorted(r.version for r in done) == [2, 3] and all(r.stored for r in done)
    centres = store.centres()
    for regency, rows in files.items():
        assert set(centres.query(f"regency_code == '{regency}'")["name"]) == set(rows["name"])


def test_two_offices_of_different_regions_importing_at_once_both_land(
    fresh_store, tmp_path, layers
):
    store = fresh_store.open()
    files = {
        "kendal": _write(tmp_path / "kendal.csv", [DINAS_ROWS[6]]),
        "jepara": _write(tmp_path / "jepara.csv", DINAS_ROWS[4:6]),
    }
    with store._write():  # hold the writers' lock while both start
        procs = [
            subprocess.Popen(
                [sys.executable, "-m", "loaders.importer", str(p), "--lengkap"],
                cwd=ROOT,
                env=fresh_store.process_env(),
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for p in files.values()
        ]
    for proc in procs:
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
    centres = store.centres()
    assert set(centres.query("regency_code == '33.24'")["name"]) == {"Sentra Konveksi Kaliwungu"}
    assert set(centres.query("regency_code == '33.20'")["name"]) == {
        "Sentra Tenun Troso",
        "Sentra Ukir Mulyoharjo",
    }
    assert sorted(store.complete_lists()["region_code"]) == ["33.20", "33.24"]
    assert list(store.versions()["version_id"]) == [3, 2, 1]


def test_the_command_says_when_a_file_changes_nothing(fresh_store, tmp_path, layers):
    path = _write(tmp_path / "a.csv", DINAS_ROWS[:1])
    _import(fresh_store, path)
    done = subprocess.run(
        [sys.executable, "-m", "loaders.importer", str(path)],
        cwd=ROOT,
        env=fresh_store.process_env(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert "Tidak ada perubahan" in done.stderr


def test_an_editor_of_one_regency_importing_the_whole_province_stores_only_its_rows(
    fresh_store, tmp_path, layers
):
    store = fresh_store.open()
    editor = Account("dinas-pekalongan", "editor", (PEKALONGAN,), "Dinperindagkop Kab. Pekalongan")
    assert store.add_account(editor, hash_password("kata-sandi-uji-1"))
    before = store.centres()
    path = _write(tmp_path / "Sentra Jateng 2024.csv", DINAS_ROWS)
    summary = _import(fresh_store, path, "--lengkap", "--oleh", "dinas-pekalongan")
    assert summary["account"] == "dinas-pekalongan" and summary["refused"] == 8
    after = store.centres()
    pekalongan = after[after["regency_code"] == PEKALONGAN]
    assert sorted(pekalongan["name"]) == ["Sentra Batik Simbang Kulon", "Sentra Batik Wiradesa"]
    outside = ~before["regency_code"].eq(PEKALONGAN)
    kept = after[~after["regency_code"].eq(PEKALONGAN)]
    assert sorted(kept["id"]) == sorted(before.loc[outside, "id"])  # nothing else changed
    newest = store.versions().iloc[0]
    assert newest["account"] == "dinas-pekalongan"
    assert newest["office"] == "Dinperindagkop Kab. Pekalongan"
    assert newest["refused"] == 8 and newest["file_name"] == "Sentra Jateng 2024.csv"
    assert list(store.complete_lists()["region_code"]) == [PEKALONGAN]


def test_an_import_by_an_unknown_or_disabled_account_stores_nothing(fresh_store, tmp_path, layers):
    store = fresh_store.open()
    assert store.add_account(Account("lama", "admin"), hash_password("kata-sandi-uji-1"))
    assert store.disable_account("lama")
    path = _write(tmp_path / "a.csv", DINAS_ROWS[:2])
    for name in ("lama", "tidak-ada"):
        done = subprocess.run(
            [sys.executable, "-m", "loaders.importer", str(path), "--oleh", name],
            cwd=ROOT,
            env=fresh_store.process_env(),
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 2 and f"Tidak ada akun aktif bernama {name}" in done.stderr
    assert store.current_version() == 1


# -- where the figures come from ------------------------------------------------------------------
def _regions() -> pd.DataFrame:
    rows = [
        ("33", "Jawa Tengah", "provinsi", None),
        ("33.26", "Kab. Pekalongan", "kabupaten", "33"),
        ("33.26.14", "Buaran", "kecamatan", "33"),
        ("33.26.01", "Wiradesa", "kecamatan", "33"),
        ("33.75", "Kota Pekalongan", "kota", "33"),
        ("33.75.01", "Pekalongan Barat", "kecamatan", "33"),
        ("36", "Banten", "provinsi", None),
        ("36.01", "Kab. Pandeglang", "kabupaten", "36"),
    ]
    frame = pd.DataFrame(rows, columns=["code", "name", "kind", "province_code"])
    return frame.set_index("code")


def _lists(rows: list[tuple[str, str, int]]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["region_code", "level", "declared_in"])
    return frame.assign(
        file_name="kab.csv",
        created_at=pd.Timestamp("2026-12-02 09:00"),
        account="dinas-pekalongan",
        office="Dinperindagkop Kab. Pekalongan",
    )


def test_coverage_says_per_region_where_the_figures_come_from():
    from sentra.coverage import coverage, describe

    table = coverage(_regions(), {"33"}, _lists([("33.26", "regency", 2)]))
    assert table["status"].to_dict() == {
        "33": "bps",
        "33.26": "dinas",
        "33.26.14": "dinas",
        "33.26.01": "dinas",
        "33.75": "ilustratif",
        "33.75.01": "ilustratif",
        "36": "none",
        "36.01": "none",
    }
    assert describe(table.loc["33.26"], "id") == (
        "data dinas (kab.csv, 2 Des 2026, Dinperindagkop Kab. Pekalongan)"
    )
    assert describe(table.loc["33"], "id") == (
        "BPS 2024 (jumlah saja); 1 dari 2 wilayah di bawahnya data dinas"
    )
    assert describe(table.loc["36"], "en") == "no official count (known centres only)"


def test_a_regency_whose_every_kecamatan_is_listed_is_the_offices_and_so_its_province():
    from sentra.coverage import coverage

    lists = _lists([("33.26.14", "kecamatan", 2), ("33.26.01", "kecamatan", 3)])
    table = coverage(_regions(), {"33"}, lists)
    assert table.loc["33.26", "status"] == "dinas" and table.loc["33", "status"] == "bps"
    lists = _lists([("33.26", "regency", 2), ("33.75", "regency", 4)])
    assert coverage(_regions(), {"33"}, lists).loc["33", "status"] == "dinas"


def test_version_times_show_on_jakartas_clock():
    """Versions are stored in UTC (naive from DuckDB, with a zone from PostgreSQL); officials
    read them in western Indonesian time, written as each language writes a time."""
    assert _when(pd.Timestamp("2026-12-06 03:00"), "id") == "6 Des 2026 10.00"
    assert _when(pd.Timestamp("2026-12-06 20:30", tz="UTC"), "en") == "7 Dec 2026 03:30"
    assert _when(None, "id") == "–"
