"""Peta Sentra & Klaster — entry point: page setup, shared sidebar, navigation."""

from __future__ import annotations

# First: serving.process names Arrow's allocator before anything imports pyarrow.
from serving import process

# isort: split
import contextlib

import streamlit as st

from loaders.static_assets import ensure_static_assets
from loaders.store import StoreBusyError
from sentra.i18n import DEFAULT_LANGUAGE, t
from ui import context, sidebar, stories, url_state, widgets
from ui.cached import DATA_ERRORS

process.configure()  # once per process: sockets, memory (README, Process settings)
context.leave_legacy_pages_mode()  # a fresh server's first run (pages/)
st.set_page_config(page_title="Peta Sentra & Klaster", layout="wide")
ensure_static_assets()

try:
    ctx = context.build()
except DATA_ERRORS as exc:
    lang = st.session_state.get("lang", DEFAULT_LANGUAGE)
    if isinstance(exc, StoreBusyError):  # the database, not the boundaries
        st.error(t("store_unavailable", lang))
    else:
        st.error(f"{t('boundaries_failed', lang)}\n\n{exc.text(lang)}")  # the file and the fix
    sidebar.render(lang, account=False)  # the account's part reads the store that failed
    st.stop()

lang = ctx.lang
# The map is the home page, served at "/"; "/peta" (typed or from an old link) leads there.
home = st.Page("pages/peta.py", title=t("page_map", lang), url_path="beranda", default=True)


def _to_home() -> None:
    st.switch_page(home, query_params={k: st.query_params.get_all(k) for k in st.query_params})


pages = [
    home,
    st.Page("pages/profil.py", title=t("page_profile", lang), url_path="profil"),
    st.Page("pages/bandingkan.py", title=t("page_compare", lang), url_path="bandingkan"),
    st.Page("pages/sektor.py", title=t("page_sectors", lang), url_path="sektor"),
    st.Page("pages/analisis.py", title=t("page_analysis", lang), url_path="analisis"),
    st.Page("pages/anggaran.py", title=t("page_budget", lang), url_path="anggaran"),
    st.Page("pages/data.py", title=t("page_data", lang), url_path="data"),
    st.Page("pages/tentang.py", title=t("page_about", lang), url_path="tentang"),
    st.Page("pages/cerita.py", title=t("page_stories", lang), url_path="cerita"),
    st.Page(_to_home, title=t("page_map", lang), url_path="peta", visibility="hidden"),
]
page = st.navigation(pages, position="top")
# Before the page runs: pages may stop early, and the link must still hold the whole view.
url_state.write(page.url_path or "peta")
widgets.chrome(ctx)
stories.run(ctx)
with contextlib.suppress(context.PageEnded):  # the page said all it has (end_page)
    page.run()
# After the page, also when it ended early: the browser draws the map first. Not on an
# error or st.rerun(): the page's own error shows, and a rerun draws everything again.
sidebar.render(lang)
stories.sidebar_tool(ctx, page.url_path or "peta")
process.warmed_up()  # after the first complete run: freeze what is alive, once
