"""The map's year in the session and the URL (``?tahun_peta=2020``).

The year control plays the years inside the map (``sentra.map_motion``); the year it stops
on comes back as part of the map component's value and lands here, from where
``url_state.write`` puts it into the link, and a story step keeps it.
"""

from __future__ import annotations

from collections.abc import Container

import streamlit as st

from sentra.map_years import YEAR_PARAM, YearFrames, parse_year
from ui import region_select, url_state


def chosen(frames: YearFrames | None) -> int | None:
    """The year the map shows: from the link on first use (an unknown year is ignored with
    a notice), later as the reader left it; None for no year (or a measure without)."""
    allowed = {str(y) for y in frames.years} if frames is not None else set()
    value = url_state.seed(YEAR_PARAM, allowed)
    if value and value not in allowed:  # another measure, region or filter since
        st.session_state[YEAR_PARAM] = ""
        st.query_params.pop(YEAR_PARAM, None)
        return None
    return parse_year(value, frames)


def map_changed(key: str, known: Container[str]) -> None:
    """The map component's value changed: a year the control stopped on, or a click on a
    region (``region_select.map_clicked``)."""
    value = st.session_state.get(key) or {}
    if YEAR_PARAM in value:
        st.session_state[YEAR_PARAM] = str(value[YEAR_PARAM] or "")
        return
    region_select.map_clicked(key, known)
