"""The selected region (``?wilayah=``): read from the URL, picked on the map or in lists."""

from __future__ import annotations

import streamlit as st

from sentra.i18n import t
from ui import url_state

KEY = "wilayah"


def selected(regions) -> str | None:
    """The selected region code (province or regency) or None for all of Indonesia."""
    return url_state.seed(KEY, set(regions.index) | {""}) or None


def go_to(code: str | None) -> None:
    """Select a region (None: Indonesia) and start a fresh map component."""
    st.session_state[KEY] = code or ""
    st.session_state["map_nonce"] = st.session_state.get("map_nonce", 0) + 1


def pickers(regions, current: str | None, lang: str, col1, col2) -> None:
    """Province and regency lists (in two given columns): the same as clicking the map."""
    provinces = regions[regions["kind"] == "provinsi"].sort_values("name")
    province = current[:2] if current else ""
    options = ["", *provinces.index]
    names = regions["name"].to_dict()
    chosen = col1.selectbox(
        t("select_province", lang),
        options,
        index=options.index(province),
        format_func=lambda c: names[c] if c else t("all_indonesia", lang),
        key=f"pick_province_{province}",
    )
    if chosen != province:
        go_to(chosen or None)
        st.rerun()
    if not province:
        col2.selectbox(t("select_regency", lang), ["–"], disabled=True, key="pick_regency_none")
        return
    kab = regions[regions["province_code"] == province].drop(index=province).sort_values("name")
    options = [province, *kab.index]
    chosen = col2.selectbox(
        t("select_regency", lang),
        options,
        index=options.index(current if current in options else province),
        format_func=lambda c: t("whole_province", lang) if c == province else names[c],
        key=f"pick_regency_{current}",
    )
    if chosen != current:
        go_to(chosen)
        st.rerun()
