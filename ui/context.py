"""What every page shares: language, filters, presentation mode and the data they select.

``app.py`` calls ``build`` once per run (before the page); pages call ``get``.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from sentra.filters import Filters, filter_centres
from sentra.indicators import Reference
from ui import sidebar, url_state
from ui.cached import current_centres, reference

_KEY = "_page_context"


@dataclass
class PageContext:
    lang: str
    filters: Filters
    presentation: bool
    version: int
    centres: pd.DataFrame  # all current centres
    filtered: pd.DataFrame  # after the sidebar filters
    ref: Reference


def build() -> PageContext:
    lang = sidebar.render()
    filters = url_state.filters()
    version, centres = current_centres()
    ctx = PageContext(
        lang=lang,
        filters=filters,
        presentation=bool(st.session_state["presentasi"]),
        version=version,
        centres=centres,
        filtered=filter_centres(centres, filters),
        ref=reference(),
    )
    st.session_state[_KEY] = ctx
    return ctx


def get() -> PageContext:
    return st.session_state[_KEY]
