"""The selected region (``?wilayah=``): read from the URL, picked on the map or in lists."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from sentra.i18n import N_, t
from ui import url_state

KEY = "wilayah"


class _Codes:
    """The codes of ``regions`` and "" (Indonesia) as a container: asking the index is
    enough, where building a set of 7,800 codes on every rerun was not free."""

    def __init__(self, regions) -> None:
        self.index = regions.index

    def __contains__(self, code: object) -> bool:
        return code == "" or code in self.index


def selected(regions) -> str | None:
    """The selected region code (province, regency or kecamatan, as ``regions`` allows) or
    None for all of Indonesia."""
    return url_state.seed(KEY, _Codes(regions)) or None


def go_to(code: str | None) -> None:
    """Select a region (None: Indonesia) and start a fresh map component."""
    st.session_state[KEY] = code or ""
    st.session_state["map_nonce"] = st.session_state.get("map_nonce", 0) + 1


def parent_of(code: str) -> str | None:
    """One level up: kecamatan → regency → province → Indonesia (None)."""
    return code[:5] if len(code) > 5 else (code[:2] if len(code) > 2 else None)


def display_name(regions, code: str, lang: str, short: bool = False) -> str:
    """A region's name as a heading shows it: kecamatan names carry "Kec." (they repeat
    across regencies and read like town names); ``short``: "Kab." for "Kabupaten"."""
    if len(code) > 5:
        return t("kecamatan_prefix", lang, name=regions.at[code, "name"])
    return short_name(regions, code) if short else regions.at[code, "name"]


def short_name(regions, code: str) -> str:
    """A regency's name with "Kab." for "Kabupaten", to fit a button."""
    return _short(regions.at[code, "name"])


def _short(name: str) -> str:
    return name.replace("Kabupaten ", "Kab. ")


def map_clicked(key: str, known) -> None:
    """A click on a region of the map (``key``: the map's component), applied before the
    page runs: one run instead of two."""
    value = st.session_state.get(key) or {}
    code = ((value.get("last_active_drawing") or {}).get("properties") or {}).get("code")
    if code and code in known and code != st.session_state.get(KEY):
        go_to(code)


def _picked(key: str) -> None:
    """A list's choice, applied before the page runs: one run instead of two."""
    go_to(st.session_state[key] or None)


def pickers(regions, current: str | None, lang: str, col1, col2, col3=None) -> None:
    """Province, regency and (given a third column) kecamatan lists: the same as clicking
    the map. ``regions`` holds all three levels."""
    provinces = regions[regions["kind"] == "provinsi"].sort_values("name")
    province = current[:2] if current else ""
    names = regions["name"]
    _pick(
        col1,
        "province",
        N_("select_province"),
        N_("all_indonesia"),
        "",
        list(provinces.index),
        province,
        names,
        lang,
    )
    if not province:
        col2.selectbox(t("select_regency", lang), ["–"], disabled=True, key="pick_regency_none")
        if col3 is not None:
            col3.selectbox(t("select_kecamatan", lang), ["–"], disabled=True, key="pick_kec_none")
        return
    kinds = regions["kind"].isin(["kabupaten", "kota"])
    kab = regions[kinds & (regions["province_code"] == province)].sort_values("name")
    regency = current[:5] if current and len(current) > 2 else province
    _pick(
        col2,
        "regency",
        "select_regency",
        N_("whole_province"),
        province,
        list(kab.index),
        regency,
        names,
        lang,
    )
    if col3 is None:
        return
    if regency == province:
        col3.selectbox(t("select_kecamatan", lang), ["–"], disabled=True, key="pick_kec_none")
        return
    kec = regions[(regions["kind"] == "kecamatan") & (regions["regency_code"] == regency)]
    _pick(
        col3,
        "kec",
        "select_kecamatan",
        N_("whole_regency"),
        regency,
        list(kec.sort_values("name").index),
        current,
        names,
        lang,
    )


def _pick(
    col,
    level: str,
    label: str,
    whole: str,
    parent: str,
    children: list[str],
    current: str,
    names: pd.Series,
    lang: str,
) -> None:
    """A list of ``parent`` as a whole (text key ``whole``) and its ``children``, ``current``
    chosen; picking one selects it. The key names the selection, so the list starts afresh
    when the selection changes elsewhere (map click, back button)."""
    options = [parent, *children]
    key = f"pick_{level}_{current}"
    col.selectbox(
        t(label, lang),
        options,
        index=options.index(current),
        # "Kab." as on the back button: "Kabupaten Pekalongan" did not fit the list's width.
        format_func=lambda c: t(whole, lang) if c == parent else _short(names[c]),
        key=key,
        on_change=_picked,
        args=(key,),
    )
