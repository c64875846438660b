"""Who is signed in to this browser session: the sidebar's sign-in form and the account
the pages ask for before they show controls that change data.

Viewing needs no account. A session ends after ``IDLE`` without a run or ``LONGEST`` after
signing in, and at once when its account is disabled (the store is asked on each run).
"""

from __future__ import annotations

import math
import time

import streamlit as st

from loaders.accounts import sign_in
from sentra.accounts import Account
from sentra.escape import escape_markdown
from sentra.i18n import N_, t
from ui.cached import data_store, reference

IDLE = 2 * 3600.0  # seconds
LONGEST = 12 * 3600.0
_KEY = "_signed_in"  # {"name", "since", "seen"}
ROLE_LABELS = {"editor": N_("role_editor"), "admin": N_("role_admin")}


def current_account() -> Account | None:
    """The account signed in to this session, or None (anonymous, expired or disabled)."""
    session = st.session_state.get(_KEY)
    if session is None:
        return None
    now = time.time()
    if now - session["seen"] > IDLE or now - session["since"] > LONGEST:
        sign_out(expired=True)
        return None
    account = data_store().account(session["name"])
    if account is None:
        sign_out()
        return None
    session["seen"] = now
    return account


def sign_out(expired: bool = False) -> None:
    st.session_state.pop(_KEY, None)
    if expired:
        st.session_state["_sign_in_expired"] = True


def _submit() -> None:
    name = st.session_state.get("sign_in_name", "")
    password = st.session_state.get("sign_in_password", "")
    st.session_state["sign_in_password"] = ""  # never kept in the session
    result = sign_in(data_store(), name, password)
    if result.account is None:
        st.session_state["_sign_in_wait"] = result.wait.total_seconds()
        st.session_state["_sign_in_failed"] = True
        return
    now = time.time()
    st.session_state[_KEY] = {"name": result.account.name, "since": now, "seen": now}
    st.session_state["sign_in_name"] = ""


def sidebar_form(lang: str) -> None:
    """The signed-in account with a sign-out button, or the sign-in form."""
    account = current_account()
    sidebar = st.sidebar
    if account is not None:
        role = t(ROLE_LABELS[account.role], lang)
        lines = [t("signed_in_as", lang, name=account.name, role=role)]
        if account.office:
            lines.append(escape_markdown(account.office))
        if not account.is_admin:
            names = reference().regions["name"]
            regions = ", ".join(str(names.get(code, code)) for code in account.regions)
            lines.append(t("signed_in_regions", lang, regions=regions))
        sidebar.caption("  \n".join(lines))
        sidebar.button(t("sign_out", lang), on_click=sign_out, key="sign_out")
        return
    failed = st.session_state.pop("_sign_in_failed", False)
    wait = st.session_state.pop("_sign_in_wait", 0.0)
    expired = st.session_state.pop("_sign_in_expired", False)
    with sidebar.expander(t("sign_in_title", lang), icon=":material/login:", expanded=failed):
        if expired:
            st.info(t("sign_in_expired", lang))
        with st.form("sign_in", border=False, enter_to_submit=True):
            st.text_input(t("sign_in_name", lang), key="sign_in_name", autocomplete="username")
            st.text_input(
                t("sign_in_password", lang),
                type="password",
                key="sign_in_password",
                autocomplete="current-password",
            )
            st.form_submit_button(t("sign_in_button", lang), on_click=_submit)
        if wait > 0:
            st.error(t("sign_in_wait", lang, s=math.ceil(wait)))
        elif failed:
            st.error(t("sign_in_wrong", lang))
        st.caption(t("sign_in_help", lang))
