"""Accounts: hashed in the store (both backends), managed from the command line, signed in on
the sidebar; wrong passwords slow down alike for known and unknown names; anonymous
visitors see no control that changes data."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from loaders.accounts import SignIn, hash_password, sign_in
from sentra.accounts import FREE_FAILURES, Account, valid_name, wait_before_next
from tests.editors import sign_in as sign_in_form
from tests.stores import on_both_backends

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
PASSWORD = "batik-simbang-kulon-2024"
T0 = datetime(2026, 12, 2, 9, 0, 0)
DASHBOARD_TESTS = ("test_anonymous_", "test_stories_", "test_a_session_")


def pytest_generate_tests(metafunc):
    # The dashboard's own tests (AppTest) run on the DuckDB store ``fresh_store`` names in
    # this process; the store and the command line run on both backends.
    if not metafunc.function.__name__.startswith(DASHBOARD_TESTS):
        on_both_backends(metafunc)


def _accounts(fresh_store, *args: str, password: str = PASSWORD) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "loaders.accounts", *args],
        cwd=ROOT,
        env=fresh_store.process_env(),
        input=password + "\n",
        capture_output=True,
        text=True,
        timeout=120,
    )


# -- rules, without a store -----------------------------------------------------------------
@pytest.mark.parametrize(
    "name",
    ["<script>", "a", "Robert'); DROP TABLE accounts;--", "dinas pekalongan", "ÄDMIN", "x" * 41],
)
def test_hostile_or_odd_names_are_no_account_names(name):
    assert not valid_name(name)


def test_wrong_passwords_wait_longer_and_longer_then_are_forgotten():
    failures = [T0 + timedelta(seconds=i) for i in range(FREE_FAILURES)]
    last = failures[-1]
    assert wait_before_next(failures[:-1], last) == timedelta(0)  # the first ones are free
    assert wait_before_next(failures, last) == timedelta(seconds=2)
    assert wait_before_next(failures, last + timedelta(seconds=2)) == timedelta(0)
    more = failures + [last + timedelta(seconds=3)]
    assert wait_before_next(more, more[-1]) == timedelta(seconds=4)
    many = [T0 + timedelta(seconds=i) for i in range(40)]
    assert wait_before_next(many, many[-1]) == timedelta(minutes=5)  # at most
    assert wait_before_next(many, many[-1] + timedelta(minutes=15)) == timedelta(0)


def test_an_editor_covers_its_regions_and_what_lies_inside_them():
    editor = Account("pekalongan", "editor", ("33.26",))
    assert editor.covers("33.26") and editor.covers("33.26.14")
    assert not editor.covers("33") and not editor.covers("33.2") and not editor.covers("33.75")
    assert Account("pusat", "admin").covers("91.01")


# -- the store ----------------------------------------------------------------------------------
def test_the_store_keeps_hashes_never_passwords(store):
    editor = Account("pekalongan", "editor", ("33.26", "33.75"), "Dinperindag Kab. Pekalongan")
    assert store.add_account(editor, hash_password(PASSWORD))
    assert not store.add_account(Account("pekalongan", "admin"), hash_password("lain-lain-12"))
    listed = store.accounts()
    assert list(listed["name"]) == ["pekalongan"] and "password_hash" not in listed
    assert PASSWORD not in listed.to_string()
    found, stored_hash = store.account_with_hash("pekalongan")
    assert found == editor and stored_hash.startswith("$argon2id$") and PASSWORD not in stored_hash
    assert store.account("pekalongan").role == "editor"  # not promoted by the second add


@pytest.mark.slow  # each check costs argon2id's memory-hard hash (~0.1–0.5 s)
def test_sign_in_refuses_unknown_names_wrong_passwords_and_disabled_accounts_alike(store):
    store.add_account(Account("pekalongan", "editor", ("33.26",)), hash_password(PASSWORD))
    assert sign_in(store, "pekalongan", PASSWORD, T0).account.name == "pekalongan"
    assert sign_in(store, "  Pekalongan ", PASSWORD, T0).account is not None  # as typed
    refused = [
        sign_in(store, "pekalongan", "salah-salah-salah", T0),
        sign_in(store, "tidak-ada", PASSWORD, T0),
        sign_in(store, "<script>alert(1)</script>", PASSWORD, T0),
    ]
    assert all(r.account is None and r.wait == timedelta(0) for r in refused)
    assert store.disable_account("pekalongan")
    assert sign_in(store, "pekalongan", PASSWORD, T0).account is None
    assert store.account("pekalongan") is None  # a signed-in session ends on its next run


@pytest.mark.slow  # each check costs argon2id's memory-hard hash (~0.1–0.5 s)
def test_repeated_wrong_passwords_slow_down_known_and_unknown_names_alike(store):
    store.add_account(Account("pekalongan", "editor", ("33.26",)), hash_password(PASSWORD))
    for name in ("pekalongan", "tidak-ada"):
        for i in range(FREE_FAILURES):
            assert sign_in(store, name, "salah-salah-salah", T0 + timedelta(seconds=i)).wait == (
                timedelta(0)
            )
        at = T0 + timedelta(seconds=FREE_FAILURES - 1)
        # even the right password waits: the wait is decided before any password is checked
        assert sign_in(store, name, PASSWORD, at).wait == timedelta(seconds=2)
    later = T0 + timedelta(seconds=FREE_FAILURES + 2)
    assert sign_in(store, "pekalongan", PASSWORD, later).account is not None
    assert sign_in(store, "pekalongan", PASSWORD, later).wait == timedelta(0)  # forgotten


def test_wrong_passwords_sent_at_once_are_slowed_as_if_sent_one_by_one(store):
    """Twelve sessions trying passwords for one name at the same moment: only the free
    attempts are checked, the others wait (each attempt counts before it is checked)."""
    store.add_account(Account("pekalongan", "editor", ("33.26",)), hash_password(PASSWORD))
    with ThreadPoolExecutor(max_workers=12) as pool:
        results = list(
            pool.map(lambda i: sign_in(store, "pekalongan", f"salah-{i:02d}-salah", T0), range(12))
        )
    checked = [r for r in results if r.wait == timedelta(0)]
    assert len(checked) == FREE_FAILURES and all(r.account is None for r in results)


def test_a_sign_in_does_not_wait_for_an_import(store):
    """An office's long import holds the writers' lock; an editor signing in meanwhile
    gets in at once."""
    store.add_account(Account("pekalongan", "editor", ("33.26",)), hash_password(PASSWORD))
    holding, done = threading.Event(), threading.Event()

    def importing() -> None:
        with store._write():  # what an import holds from its first row to its commit
            holding.set()
            done.wait(60)

    writer = threading.Thread(target=importing)
    writer.start()
    try:
        assert holding.wait(10)
        with ThreadPoolExecutor(max_workers=1) as pool:
            signed = pool.submit(sign_in, store, "pekalongan", PASSWORD, T0)
            assert signed.result(timeout=8).account is not None
    finally:
        done.set()
        writer.join()


def test_a_name_no_account_can_have_is_refused_neither_counted_nor_checked(store):
    """Counted, the sixth attempt would have to wait; checked, each would take argon2's
    time and memory."""
    for _ in range(FREE_FAILURES + 3):
        assert sign_in(store, "<script>", PASSWORD, T0) == SignIn(None)


# -- the command line ---------------------------------------------------------------------------
def test_accounts_from_the_command_line(fresh_store, layers):
    added = _accounts(
        fresh_store,
        "add",
        "pekalongan",
        "--peran",
        "editor",
        "--wilayah",
        "3326",
        "--wilayah",
        "33.26.14",
        "--kantor",
        "Dinperindagkop Kab. Pekalongan",
    )
    assert added.returncode == 0, added.stderr
    assert added.stdout.strip() == "Akun pekalongan (editor) dibuat."
    listed = _accounts(fresh_store, "list")
    assert "pekalongan" in listed.stdout and "33.26 33.26.14" in listed.stdout
    assert "Kantor" in listed.stdout and "argon2" not in listed.stdout
    assert PASSWORD not in added.stdout + added.stderr + listed.stdout + listed.stderr
    store = fresh_store.open()
    assert sign_in(store, "pekalongan", PASSWORD).account.regions == ("33.26", "33.26.14")

    new = "tenun-troso-jepara-1"
    assert _accounts(fresh_store, "passwd", "pekalongan", password=new).returncode == 0
    assert sign_in(store, "pekalongan", PASSWORD).account is None
    assert sign_in(store, "pekalongan", new).account is not None
    disabled = _accounts(fresh_store, "--lang", "en", "disable", "pekalongan")
    assert disabled.stdout.startswith("Account pekalongan disabled")
    assert sign_in(store, "pekalongan", new).account is None


@pytest.mark.parametrize(
    ("args", "password", "message"),
    [
        (["add", "<b>x</b>", "--peran", "admin"], PASSWORD, "Nama akun hanya boleh"),
        (["add", "pusat", "--peran", "admin"], "pendek", "minimal 10 karakter"),
        (["add", "jepara", "--peran", "editor"], PASSWORD, "setidaknya satu --wilayah"),
        (["add", "jepara", "--peran", "editor", "--wilayah", "33.99"], PASSWORD, "33.99 tidak"),
        (["add", "pusat", "--peran", "admin", "--wilayah", "33"], PASSWORD, "jangan beri"),
        (["passwd", "tidak-ada"], PASSWORD, "Tidak ada akun aktif bernama tidak-ada"),
    ],
)
def test_bad_account_commands_say_why_and_store_nothing(
    fresh_store, layers, args, password, message
):
    done = _accounts(fresh_store, *args, password=password)
    assert done.returncode == 2 and message in done.stderr
    assert fresh_store.open().accounts().empty


# -- the dashboard ------------------------------------------------------------------------------
def _page(page: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    at.run()
    if page != "peta":
        at.switch_page(f"pages/{page}.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _restore_buttons(at: AppTest) -> list:
    return [b for b in at.button if b.label.startswith("Pulihkan")]


def test_anonymous_visitors_see_no_control_that_changes_data(fresh_store, layers):
    office = "Dinas [Kab.](http://contoh.test) <b>Pekalongan</b> $x$"  # shown as written
    fresh_store.open().add_account(
        Account("pekalongan", "editor", ("33.26",), office), hash_password(PASSWORD)
    )
    data = _page("data")
    assert not data.get("file_uploader") and not _restore_buttons(data)
    assert any("hanya untuk editor yang masuk" in i.value for i in data.info)
    assert not [b for b in data.sidebar.button if b.label == "Tambah ke cerita"]

    sign_in_form(data, "pekalongan", "salah-salah-salah")
    assert [e.value for e in data.sidebar.error] == ["Nama atau kata sandi salah."]
    assert not data.get("file_uploader")
    sign_in_form(data, "pekalongan", PASSWORD)
    assert data.get("file_uploader") and not data.sidebar.error
    assert any("**pekalongan** (editor)" in c.value for c in data.sidebar.caption)
    assert any("Kabupaten Pekalongan" in c.value for c in data.sidebar.caption)
    written = r"Dinas \[Kab\.\]\(http://contoh\.test\) \<b\>Pekalongan\</b\> \$x\$"
    assert any(written in c.value for c in data.sidebar.caption)
    assert data.session_state["sign_in_password"] == ""  # the password is not kept

    next(b for b in data.sidebar.button if b.label == "Keluar").click().run()
    assert not data.get("file_uploader")


def test_stories_are_edited_by_editors_and_watched_by_everyone(fresh_store, layers):
    store = fresh_store.open()
    store.add_account(Account("pusat", "admin"), hash_password(PASSWORD))
    stories = _page("cerita")
    assert not stories.main.text_input and any(
        "untuk membuat atau mengubah" in i.value for i in stories.info
    )
    sign_in_form(stories, "pusat", PASSWORD)
    assert stories.text_input(key="new_story_title")


def test_a_session_ends_when_idle_too_long_or_its_account_is_disabled(fresh_store, layers):
    store = fresh_store.open()
    store.add_account(Account("pusat", "admin"), hash_password(PASSWORD))
    at = sign_in_form(_page("data"), "pusat", PASSWORD)
    assert at.get("file_uploader")
    at.session_state["_signed_in"]["seen"] = time.time() - 3 * 3600  # away for three hours
    at.run()
    assert not at.get("file_uploader")
    assert any("Sesi berakhir" in i.value for i in at.sidebar.info)

    sign_in_form(at, "pusat", PASSWORD)
    assert at.get("file_uploader")
    store.disable_account("pusat")  # by an admin, from the command line
    at.run()
    assert not at.get("file_uploader")
