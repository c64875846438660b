"""The editor account tests sign in with (anonymous visitors cannot import or restore)."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from loaders.accounts import hash_password
from sentra.accounts import Account

EDITOR_NAME, EDITOR_PASSWORD = "penguji", "kata-sandi-penguji-2026"


def add_test_editor(store) -> None:
    """An admin account in ``store`` (kept when it is there already)."""
    if store.account(EDITOR_NAME) is None:
        store.add_account(
            Account(EDITOR_NAME, "admin", (), "Tim uji"), hash_password(EDITOR_PASSWORD)
        )


def sign_in(at: AppTest, name: str = EDITOR_NAME, password: str = EDITOR_PASSWORD) -> AppTest:
    """Sign in through the sidebar's form, as a person would."""
    at.sidebar.text_input(key="sign_in_name").set_value(name)
    at.sidebar.text_input(key="sign_in_password").set_value(password)
    next(b for b in at.sidebar.button if b.label in ("Masuk", "Sign in")).click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at
