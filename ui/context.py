"""What every page shares: language, filters, presentation mode and the data they select.

``app.py`` calls ``build`` once per run (before the page); pages call ``get``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NoReturn

import pandas as pd
import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from sentra.filters import Filters, filter_centres
from sentra.indicators import Reference
from ui import sidebar, url_state
from ui.cached import current_centres, reference_at

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
    """The run's context, from the session (the sidebar is drawn after the page)."""
    lang = sidebar.language()
    filters = url_state.filters()
    version, centres = current_centres()
    ctx = PageContext(
        lang=lang,
        filters=filters,
        presentation=bool(st.session_state["presentasi"]),
        version=version,
        centres=centres,
        filtered=filter_centres(centres, filters),
        ref=reference_at(version),
    )
    st.session_state[_KEY] = ctx
    return ctx


class PageEnded(Exception):  # noqa: N818 (not an error: the page has said all it has)
    """Raised by ``end_page``; ``app.py`` catches it and draws the sidebar."""


def end_page() -> NoReturn:
    """Nothing more of this page is drawn; unlike ``st.stop()``, the run goes on to the
    sidebar, which ``app.py`` draws after the page (``st.stop()`` would leave it empty)."""
    raise PageEnded


def leave_legacy_pages_mode() -> None:
    """Until ``st.navigation`` has been called once in the process, Streamlit 1.67 takes a
    folder named ``pages/`` beside the entry script for a legacy multipage app: the first
    visit to a fresh server runs ``app.py`` as a legacy page (its widgets then get other
    ids than in every later run, and the first change to one is lost) or, at ``/profil``,
    runs ``pages/profil.py`` alone. Leave that mode and run again, before anything is
    drawn; the address stays (a page's hash is its URL path)."""
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


def get() -> PageContext:
    """The context ``app.py`` built in this run (see ``leave_legacy_pages_mode``: a page
    may run before ``app.py`` on a fresh server)."""
    leave_legacy_pages_mode()
    return st.session_state[_KEY]
