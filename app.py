"""Peta Sentra & Klaster — entry point: page setup, shared sidebar controls, navigation."""

from __future__ import annotations

import streamlit as st

from loaders.static_assets import ensure_static_assets
from sentra.i18n import DEFAULT_LANGUAGE, LANGUAGES, t
from ui import url_state

st.set_page_config(page_title="Peta Sentra & Klaster", page_icon="🗺️", layout="wide")
ensure_static_assets()

url_state.seed("lang", LANGUAGES, DEFAULT_LANGUAGE)
lang = st.sidebar.selectbox(
    "Bahasa / Language", options=list(LANGUAGES), format_func=LANGUAGES.__getitem__, key="lang"
)

pages = [
    st.Page("pages/peta.py", title=t("page_map", lang), icon="🗺️", url_path="peta", default=True),
]
st.navigation(pages).run()
url_state.write_back({"lang": DEFAULT_LANGUAGE})
