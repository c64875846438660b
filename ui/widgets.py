"""Page parts every view uses: page chrome, headline numbers, notes, table previews."""

from __future__ import annotations

import math

import pandas as pd
import streamlit as st

from sentra.aggregate import bps_national_note, cluster_sources
from sentra.coverage import source_of
from sentra.escape import escape_markdown, escape_text
from sentra.formatting import fmt_number, fmt_percent, fmt_rupiah
from sentra.i18n import t
from sentra.indicators import budget_years, centre_filters_default
from ui import streamlit_texts
from ui.cached import coverage_of, headline_of
from ui.context import PageContext

TABLE_ROWS = 2_000

# Officials use laptops and 1280×720 projectors: keep the page compact so the map is visible.
_COMPACT_CSS = """<style>
.block-container {padding-top: 3.6rem; padding-bottom: 1rem;}
h1 {font-size: 1.9rem !important; padding: 0.2rem 0 0.3rem 0 !important;}
[data-testid="stMetricValue"] {font-size: 1.6rem;}
[data-testid="stMetricLabel"] p {white-space: normal; line-height: 1.2;}
.st-key-h_klaster_no_data [data-testid="stMetricValue"] {font-size: 1.15rem !important;}
.st-key-h_klaster_no_data [data-testid="stMetricValue"] * {white-space: normal; overflow: visible;}
[data-testid="InputInstructions"] {display: none;}  /* Streamlit's "Press Enter to apply" */
/* the sidebar's first element is ui.streamlit_texts' script: it runs, takes no room */
[data-testid="stSidebarUserContent"] [data-testid="stElementContainer"]:has(> .stHtml) {
  display: none;}
/* Streamlit's captions are text at 60% opacity (3.9:1 on white); WCAG AA asks 4.5:1 for small
   text: a solid grey of 6.7:1 instead. */
[data-testid="stCaptionContainer"] {opacity: 1; color: #5c5b59;}
/* skip_to / skip_target: out of the flow (no gap), the link shown only while focused */
[data-testid="stElementContainer"]:has(.sentra-skip, .sentra-skip-target) {
  position: absolute; z-index: 5;}
.sentra-skip-target:focus {outline: none;}
.sentra-skip {position: absolute; left: -10000px; padding: 0.4rem 0.8rem; white-space: nowrap;
  background: #ffffff; color: #0b4f8a; border: 2px solid #0b4f8a; border-radius: 0.4rem;}
.sentra-skip:focus {left: 0;}
/* plain_table: the map's table view, ruled like Streamlit's own tables */
table.sentra-table {border-collapse: collapse; width: 100%; font-size: 0.9rem;}
table.sentra-table th, table.sentra-table td {
  text-align: left; padding: 0.3rem 0.6rem; border-bottom: 1px solid #e6e6e9;}
table.sentra-table th {font-weight: 600;}
@media (max-width: 640px) {  /* a phone: the map right after the title and the search box */
  .block-container {padding-top: 3.4rem;}
  h1 {font-size: 1.4rem !important;}
  h2 {font-size: 1.2rem !important;} h3 {font-size: 1.05rem !important;}
  [data-testid="stVerticalBlock"] {gap: 0.55rem;}
  .st-key-map_controls [data-testid="stHorizontalBlock"] {
    flex-direction: row !important; flex-wrap: wrap !important;}
  .st-key-map_controls [data-testid="stColumn"]:not(:first-child) {
    min-width: calc(50% - 0.6rem) !important; width: calc(50% - 0.6rem) !important;
    flex: 1 1 calc(50% - 0.6rem) !important;}
}
</style>"""
_PRESENTATION_CSS = """<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
header[data-testid="stHeader"] {display: none !important;}
.block-container {padding: 0.5rem 1.2rem 0 1.2rem !important; max-width: 100% !important;}
html, body, [data-testid="stMarkdownContainer"] p {font-size: 1.15rem;}
[data-testid="stMetricValue"] {font-size: 2.1rem;}
h1 {font-size: 2.0rem !important; padding-top: 0 !important;}
</style>"""


# Streamlit 1.67 writes "No results" in an open select box or multiselect whose search
# matches nothing, in English and with no parameter for it (its other text, "You can only
# select up to N options", never shows: at max_selections the list does not open). The list
# is rendered in <body> as ``[role=listbox][data-empty]``: that text is hidden (visibility, so
# neither seen nor read out) and ours shown in its place, as for the uploader on the Data page.
_EMPTY_TEXT = "[role='listbox'][data-empty] > [role='option'] > span"


def _css(text: str) -> str:
    """``text`` as a CSS string."""
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'").replace("<", "\\3c ") + "'"


def empty_dropdown_css(lang: str) -> str:
    """CSS putting ``no_results`` in the reader's language into empty dropdowns."""
    text = _css(t("no_results", lang))
    return (
        f"<style>{_EMPTY_TEXT} {{visibility: hidden; font-size: 0;}}"
        f"{_EMPTY_TEXT}::after {{visibility: visible; font-size: 0.875rem; content: {text};}}"
        "</style>"
    )


def search_enter_css(lang: str) -> str:
    """CSS putting ``find_region_enter`` in place of Streamlit's English "Add: <typed text>"
    option of the region search box (``ui.region_select.search_box``)."""
    text = _css(t("find_region_enter", lang))
    return (
        "<style>[data-key='__creatable__'] > div {font-size: 0;}"
        "[data-key='__creatable__'] > div::after {font-size: 0.875rem;"
        f"content: {text};}}</style>"
    )


# Streamlit's file uploader says "Drag and drop", "200MB per file" and "Upload" in English,
# with no parameter for them: CSS shows ours instead (its button's name for screen readers
# comes from ``ui.streamlit_texts``, since CSS content is none).
_UPLOAD_BUTTON = streamlit_texts.UPLOAD_BUTTON


def uploader_in_language(lang: str, max_mb: int) -> None:
    """The uploader's texts in ``lang`` with our size limit (call before ``file_uploader``)."""
    drop, button = t("upload_drop", lang, mb=max_mb), t("upload_button", lang)
    st.html(
        "<style>[data-testid='stFileUploaderDropzoneInstructions'] > div > span,"
        "[data-testid='stFileUploaderDropzoneInstructions'] small {display:none}"
        f"[data-testid='stFileUploaderDropzoneInstructions'] > div::after{{content:{_css(drop)}}}"
        f"{_UPLOAD_BUTTON} > * {{display:none}}"
        f"{_UPLOAD_BUTTON}::after {{content:{_css(button)}}}</style>"
    )


def chrome(ctx: PageContext) -> None:
    """Compact layout; Streamlit's own texts in the reader's language; in presentation mode
    no sidebar or header, and a way back."""
    # st.html, not st.markdown(unsafe_allow_html=True): a style-only st.html takes no room,
    # and Markdown with HTML makes the first visit fetch and run an HTML parser for Markdown
    # (rehype-raw, ~0.2 MB of JavaScript) that nothing else on the map page needs
    st.html(_COMPACT_CSS + empty_dropdown_css(ctx.lang) + search_enter_css(ctx.lang))
    streamlit_texts.install(ctx.lang)  # first in the sidebar: at work before the page
    if not ctx.presentation:
        return
    st.html(_PRESENTATION_CSS)

    def leave() -> None:
        st.session_state["presentasi"] = False

    st.button(
        t("presentation_exit", ctx.lang), on_click=leave, key="leave_presentation", type="tertiary"
    )


def headline_row(ctx: PageContext, region: str | None = None) -> None:
    """Headline numbers of the filtered centres inside ``region`` (None: Indonesia), plus
    notes."""
    h = headline_of(ctx, region)
    lang = ctx.lang
    y0, y1 = budget_years(ctx.ref, ctx.filters)
    cols = st.columns(6)
    cols[0].metric(t("h_sentra", lang), fmt_number(h["sentra"], lang))
    clusters_known = not pd.isna(h["klaster"])
    # "no data" is longer than a number: in a smaller font that wraps (_COMPACT_CSS)
    cell = cols[1] if clusters_known else cols[1].container(key="h_klaster_no_data")
    cell.metric(
        t("h_klaster", lang),
        fmt_number(h["klaster"], lang) if clusters_known else t("legend_no_data", lang),
        help=None if clusters_known else cluster_help(ctx),
    )
    cols[2].metric(t("h_enterprises", lang), fmt_number(h["enterprises"], lang))
    cols[3].metric(t("h_workers", lang), fmt_number(h["workers"], lang))
    cols[4].metric(
        t("h_budget", lang, y0=y0, y1=y1),
        fmt_rupiah(h["budget_rp"], lang, short=True),
        help=t(
            "h_budget_help",
            lang,
            total=fmt_rupiah(h["budget_rp"], lang),
            region=fmt_rupiah(h["budget_region_rp"], lang),
        ),
    )
    cols[5].metric(t("h_export", lang), fmt_percent(h["export_share"], lang, 1))
    if region is None and (bps := bps_national_note(ctx.ref, lang, ctx.filtered)):
        st.caption(bps)  # the mapped count against BPS's national one
    if not centre_filters_default(ctx.filters):
        st.caption(t("budget_region_excluded", lang))
    illustrative_note(ctx, h["illustrative_share"])
    coverage_note(ctx, region)


def cluster_help(ctx: PageContext) -> str:
    """Why a number of clusters is "no data": where published counts exist."""
    return t("klaster_no_data_help", ctx.lang, published=cluster_sources(ctx.ref, ctx.lang))


def illustrative_note(ctx: PageContext, share: float) -> None:
    if share > 0:
        # rounded down: after an office's import, "100%" would deny its rows
        shown = fmt_percent(math.floor(share * 100), ctx.lang, 0)
        st.caption(t("illustrative_note", ctx.lang, share=shown))


def skip_to(anchor: str, text: str) -> None:
    """A link that keyboard users meet before a long run of stops (the map's shapes) and
    that takes them past it to ``skip_target(anchor)``; seen only while it has focus."""
    st.html(f'<a class="sentra-skip" href="#{anchor}">{escape_text(text)}</a>')


def skip_target(anchor: str) -> None:
    """Where ``skip_to`` lands: the next Tab goes to what follows it."""
    st.html(f'<span class="sentra-skip-target" id="{anchor}" tabindex="-1"></span>')


def plain_table(frame: pd.DataFrame) -> None:
    """``frame`` as a plain HTML table, its cells escaped. For the home page's table view of
    the map: ``st.table`` there makes every first visit fetch and run Streamlit's Arrow table
    code (~0.9 MB of JavaScript) for a table behind a closed expander; other pages keep it."""
    st.html(frame.to_html(index=False, border=0, classes="sentra-table", na_rep="–"))


def table_height(rows: int, most: int = 8) -> int:
    """Pixels for a table of ``rows`` rows (at most ``most`` shown): no empty rows below."""
    return 38 + 35 * max(1, min(rows, most))


def illustrative_share(centres: pd.DataFrame) -> float:
    return float((centres["data_status"] == "ilustratif").mean()) if len(centres) else 0.0


def table_rows(frame: pd.DataFrame, lang: str, note_key: str) -> pd.DataFrame:
    """The first ``TABLE_ROWS`` rows, with a note when there are more. A table of every
    row would send them all to the browser: 1M centres are hundreds of MB per rerun."""
    rows_note(len(frame), lang, note_key)
    return frame.head(TABLE_ROWS)


def rows_note(total: int, lang: str, note_key: str) -> None:
    """Says that a table shows its first ``TABLE_ROWS`` of ``total`` rows, when it does."""
    if total > TABLE_ROWS:
        shown = fmt_number(TABLE_ROWS, lang)
        st.caption(t(note_key, lang, shown=shown, total=fmt_number(total, lang)))


def empty_state(ctx: PageContext) -> bool:
    """Shows the friendly empty state; True when there is nothing to show."""
    if ctx.filtered.empty:
        st.info(t("empty_state", ctx.lang))
        return True
    return False


def coverage_note(ctx: PageContext, region: str | None) -> None:
    """Where the region's counts come from: an office's list, BPS 2024, illustrative."""
    text = source_of(coverage_of(ctx.version), region, ctx.lang)  # file names, offices
    st.caption(escape_markdown(t("cov_note", ctx.lang, text=text)))
