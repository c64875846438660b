"""Peta Sentra & Klaster — entry point: page setup, shared sidebar, navigation."""

from __future__ import annotations

import streamlit as st

from loaders.boundary_source import BoundarySourceError
from loaders.static_assets import ensure_static_assets
from loaders.store import StoreBusyError
from loaders.wilayah_sql import WilayahParseError
from sentra.i18n import t
from ui import context

st.set_page_config(page_title="Peta Sentra & Klaster", layout="wide")
ensure_static_assets()

try:
    ctx = context.build()
except (BoundarySourceError, WilayahParseError, StoreBusyError) as exc:
    st.error(f"{t('boundaries_failed')}\n\n{exc}")  # the message names the file and the fix
    st.stop()

lang = ctx.lang
pages = [
    st.Page("views/peta.py", title=t("page_map", lang), url_path="peta", default=True),
    st.Page("views/profil.py", title=t("page_profile", lang), url_path="profil"),
    st.Page("views/bandingkan.py", title=t("page_compare", lang), url_path="bandingkan"),
    st.Page("views/sektor.py", title=t("page_sectors", lang), url_path="sektor"),
    st.Page("views/anggaran.py", title=t("page_budget", lang), url_path="anggaran"),
    st.Page("views/data.py", title=t("page_data", lang), url_path="data"),
    st.Page("views/tentang.py", title=t("page_about", lang), url_path="tentang"),
]
st.navigation(pages, position="top").run()
context.write_url()
