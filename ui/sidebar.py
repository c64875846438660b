"""The shared sidebar: language, presentation mode and the filters of ``sentra.filters``."""

from __future__ import annotations

import streamlit as st

from sentra.filters import FILTERS, YEAR_RANGE
from sentra.i18n import LANGUAGES, t
from sentra.schema import label
from ui import auth, url_state


def _reset() -> None:
    for spec in FILTERS:
        st.session_state[spec.key] = url_state.PARAMS[spec.key].default


def language() -> str:
    """The session's language, filters and presentation mode seeded from the link on first
    use, before any widget is drawn: the page is drawn first (``render`` comes after it,
    so the browser builds the map before the sidebar's twelve widgets; their values are in
    the session either way). Returns the language."""
    url_state.seed_common()
    return st.session_state["lang"]


def render(lang: str, account: bool = True) -> None:
    """Draws the sidebar's widgets on the values ``language`` seeded (or the reader set);
    ``account``: also the signed-in account or the sign-in form (which read the store)."""
    sidebar = st.sidebar
    sidebar.selectbox(
        "Bahasa / Language", list(LANGUAGES), format_func=LANGUAGES.__getitem__, key="lang"
    )
    sidebar.toggle(t("presentation", lang), key="presentasi")
    sidebar.subheader(t("filters", lang))
    for spec in FILTERS:
        name = t(spec.label, lang)
        if spec.kind == "choice":
            vocabulary = spec.vocabulary
            sidebar.multiselect(
                name,
                list(vocabulary),
                format_func=lambda c, v=vocabulary: label(v, c, lang),
                key=spec.key,
                placeholder=t("f_all", lang),
            )
        elif spec.kind == "text":
            sidebar.text_input(name, key=spec.key, placeholder=t("f_text_hint", lang))
        else:
            sidebar.slider(name, YEAR_RANGE[0], YEAR_RANGE[1], key=spec.key)
    sidebar.button(t("f_reset", lang), on_click=_reset)
    if account:
        auth.sidebar_form(lang)
