"""The selected region (``?wilayah=``): read from the URL, picked on the map or in lists."""

from __future__ import annotations

import streamlit as st

from sentra import region_search
from sentra.i18n import t
from ui import url_state
from ui.cached import region_labels

KEY = "wilayah"
_MATCHES = "_region_matches"  # (typed text, codes) when a typed name fits several regions


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
    st.session_state.pop(_MATCHES, None)
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


def _searched(key: str, regions) -> None:
    """A choice in the search box, or a name typed into it: one region found is selected,
    several are offered below the box."""
    value = st.session_state.get(key)
    st.session_state.pop(_MATCHES, None)
    if value is None or value == "" or value in regions.index:
        go_to(value or None)
        return
    found = region_search.find(regions, str(value))
    if len(found) == 1:
        go_to(found[0])
    else:
        st.session_state[_MATCHES] = (str(value), found)


def search_box(regions, current: str | None, lang: str, col) -> None:
    """One box to find any province, regency/city or kecamatan by typing part of its name;
    the same as clicking the map. Several regions of the typed name are offered below it."""
    labels = region_labels(lang)
    codes = ["", *region_search.options(regions, current[:2] if current else None)]
    if current and current not in codes:
        codes.append(current)
    key = f"cari_{current or 'id'}"  # starts afresh when the map or a button selects
    col.selectbox(
        t("find_region", lang),
        codes,
        index=codes.index(current or ""),
        format_func=lambda c: labels.get(c, c) if c else t("all_indonesia", lang),
        key=key,
        on_change=_searched,
        args=(key, regions),
        accept_new_options=True,
        placeholder=t("find_region_hint", lang),
        help=t("find_region_help", lang),
    )
    pending = st.session_state.get(_MATCHES)
    if pending is None:
        return
    typed, found = pending
    if not found:
        st.warning(t("find_region_none", lang, text=typed))
        return
    st.pills(
        t("find_region_several", lang, text=typed),
        found,
        format_func=labels.__getitem__,
        key=f"matches_{typed}",
        on_change=_match_picked,
        args=(f"matches_{typed}",),
    )


def _match_picked(key: str) -> None:
    st.session_state.pop(_MATCHES, None)
    go_to(st.session_state.get(key) or None)
