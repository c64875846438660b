"""What every page shares: language, sidebar filters, presentation mode, headline numbers.

``app.py`` calls ``build`` once per run (before the page); pages call ``get``.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from sentra.formatting import fmt_number, fmt_percent, fmt_rupiah
from sentra.i18n import DEFAULT_LANGUAGE, LANGUAGES, t
from sentra.indicators import YEAR_RANGE, Filters, Reference, filter_centres, headline
from sentra.schema import (
    DATA_STATUSES,
    EXPORT_REACH,
    FOSTERING_BODIES,
    KINDS,
    SECTORS,
    STATUSES,
    label,
)
from ui import url_state
from ui.cached import current_centres, reference

TABLE_ROWS = 2_000

_KEY = "_page_context"
# URL key → vocabulary for the multi-select filters.
_MULTI = {
    "jenis": ("f_kind", KINDS),
    "sektor": ("f_sector", SECTORS),
    "pasar": ("f_reach", EXPORT_REACH),
    "pembina": ("f_body", FOSTERING_BODIES),
    "status": ("f_status", STATUSES),
    "status_data": ("f_data_status", DATA_STATUSES),
}
_YEARS = [
    f"{a}-{b}" for a in range(YEAR_RANGE[0], YEAR_RANGE[1] + 1) for b in range(a, YEAR_RANGE[1] + 1)
]
DEFAULT_YEARS = f"{YEAR_RANGE[0]}-{YEAR_RANGE[1]}"


@dataclass
class PageContext:
    lang: str
    filters: Filters
    presentation: bool
    version: int
    centres: pd.DataFrame  # all current centres
    filtered: pd.DataFrame  # after the sidebar filters
    ref: Reference


def _reset() -> None:
    for key in _MULTI:
        st.session_state[key] = []
    st.session_state["komoditas"] = ""
    st.session_state["tahun_slider"] = YEAR_RANGE


def build() -> PageContext:
    lang = url_state.seed("lang", LANGUAGES, DEFAULT_LANGUAGE)
    for key, (_, vocab) in _MULTI.items():
        url_state.seed_list(key, vocab)
    url_state.seed("komoditas", _AnyText(), "")
    years_text = url_state.seed("tahun", _YEARS, DEFAULT_YEARS)
    if "tahun_slider" not in st.session_state:
        st.session_state["tahun_slider"] = tuple(int(y) for y in years_text.split("-"))
    presentation = url_state.seed("presentasi", ("0", "1"), "0") == "1"

    sidebar = st.sidebar
    lang = sidebar.selectbox(
        "Bahasa / Language", list(LANGUAGES), format_func=LANGUAGES.__getitem__, key="lang"
    )
    presentation = sidebar.toggle(t("presentation", lang), value=presentation, key="presentasi_on")
    st.session_state["presentasi"] = "1" if presentation else "0"
    sidebar.subheader(t("filters", lang))
    for key, (label_key, vocab) in _MULTI.items():
        sidebar.multiselect(
            t(label_key, lang),
            list(vocab),
            format_func=lambda c, v=vocab: label(v, c, lang),
            key=key,
            placeholder=t("f_all", lang),
        )
    sidebar.text_input(t("f_commodity", lang), key="komoditas")
    y0, y1 = sidebar.slider(t("f_years", lang), YEAR_RANGE[0], YEAR_RANGE[1], key="tahun_slider")
    st.session_state["tahun"] = f"{y0}-{y1}"
    sidebar.button(t("f_reset", lang), on_click=_reset)

    filters = Filters(
        kinds=tuple(st.session_state["jenis"]),
        sectors=tuple(st.session_state["sektor"]),
        commodity=st.session_state["komoditas"],
        reach=tuple(st.session_state["pasar"]),
        bodies=tuple(st.session_state["pembina"]),
        statuses=tuple(st.session_state["status"]),
        data_statuses=tuple(st.session_state["status_data"]),
        years=(y0, y1),
    )
    version, centres = current_centres()
    ctx = PageContext(
        lang=lang,
        filters=filters,
        presentation=presentation,
        version=version,
        centres=centres,
        filtered=filter_centres(centres, filters),
        ref=reference(),
    )
    st.session_state[_KEY] = ctx
    st.markdown(_COMPACT_CSS, unsafe_allow_html=True)
    if presentation:
        _presentation_chrome(lang)
    return ctx


def write_url() -> None:
    url_state.write_back(
        {
            "lang": DEFAULT_LANGUAGE,
            "komoditas": "",
            "tahun": DEFAULT_YEARS,
            "presentasi": "0",
            **{key: [] for key in _MULTI},
        }
    )


class _AnyText:
    """Free-text URL values are always allowed (they are only ever searched for)."""

    def __contains__(self, value: object) -> bool:
        return isinstance(value, str) and len(value) < 100


def get() -> PageContext:
    return st.session_state[_KEY]


# Officials use laptops and 1280×720 projectors: keep the page compact so the map is visible.
_COMPACT_CSS = """<style>
.block-container {padding-top: 2.6rem; padding-bottom: 1rem;}
h1 {font-size: 1.9rem !important; padding: 0.2rem 0 0.3rem 0 !important;}
[data-testid="stMetricValue"] {font-size: 1.6rem;}
</style>"""


def _presentation_chrome(lang: str) -> None:
    st.markdown(
        """<style>
        [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
        header[data-testid="stHeader"] {display: none !important;}
        .block-container {padding: 0.5rem 1.2rem 0 1.2rem !important; max-width: 100% !important;}
        html, body, [data-testid="stMarkdownContainer"] p {font-size: 1.15rem;}
        [data-testid="stMetricValue"] {font-size: 2.1rem;}
        h1 {font-size: 2.0rem !important; padding-top: 0 !important;}
        </style>""",
        unsafe_allow_html=True,
    )

    def leave() -> None:
        st.session_state["presentasi_on"] = False
        st.session_state["presentasi"] = "0"

    st.button(
        t("presentation_exit", lang), on_click=leave, key="leave_presentation", type="tertiary"
    )


def headline_row(ctx: PageContext, centres: pd.DataFrame) -> None:
    """Headline numbers for ``centres`` (already filtered and scoped), plus the honesty note."""
    h = headline(centres, ctx.ref, ctx.filters)
    lang = ctx.lang
    y0, y1 = ctx.filters.years
    cols = st.columns(6)
    cols[0].metric(t("h_sentra", lang), fmt_number(h["sentra"], lang))
    cols[1].metric(t("h_klaster", lang), fmt_number(h["klaster"], lang))
    cols[2].metric(t("h_enterprises", lang), fmt_number(h["enterprises"], lang))
    cols[3].metric(t("h_workers", lang), fmt_number(h["workers"], lang))
    cols[4].metric(
        t("h_budget", lang, y0=y0, y1=y1),
        fmt_rupiah(h["budget_rp"], lang, short=True),
        help=fmt_rupiah(h["budget_rp"], lang),
    )
    cols[5].metric(t("h_export", lang), fmt_percent(h["export_share"], lang, 1))
    illustrative_note(ctx, h["illustrative_share"])


def illustrative_note(ctx: PageContext, share: float) -> None:
    if share > 0:
        shown = fmt_percent(share * 100, ctx.lang, 0)
        st.caption(t("illustrative_note", ctx.lang, share=shown))


def table_rows(frame: pd.DataFrame, lang: str, note_key: str) -> pd.DataFrame:
    """The first ``TABLE_ROWS`` rows, with a note when there are more. A table of every
    row would send them all to the browser: 1M centres are hundreds of MB per rerun."""
    if len(frame) > TABLE_ROWS:
        shown, total = fmt_number(TABLE_ROWS, lang), fmt_number(len(frame), lang)
        st.caption(t(note_key, lang, shown=shown, total=total))
        return frame.head(TABLE_ROWS)
    return frame


def empty_state(ctx: PageContext) -> bool:
    """Shows the friendly empty state; True when there is nothing to show."""
    if ctx.filtered.empty:
        st.info(t("empty_state", ctx.lang))
        return True
    return False
