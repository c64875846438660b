"""The "Unduh bahan paparan" button: slides or a PDF of the view on screen.

A briefing is built only when asked for, with a progress bar, and kept per data version,
view and day in a small cache shared by all sessions, so reruns (and other people asking
for the same view) get the file at once. It runs in a fragment: preparing a file reruns
the button, not the page and its map.
"""

from __future__ import annotations

import functools
import threading
from collections import OrderedDict
from collections.abc import Callable
from datetime import date

import streamlit as st

from sentra.briefing.build import build_briefing
from sentra.briefing.content import BriefingData, Progress
from sentra.briefing.formats import FORMATS, render
from sentra.briefing.slides import Briefing
from sentra.briefing.view import View
from sentra.i18n import N_, t
from ui.cached import boundary_layers, coverage_of
from ui.context import PageContext
from ui.regional import imported_indicators

# The prepare and save button of each format in ``FORMATS``.
BUTTONS = {
    "pptx": (N_("brief_prepare_pptx"), N_("brief_save_pptx")),
    "pdf": (N_("brief_prepare_pdf"), N_("brief_save_pdf")),
}
KEPT = 12  # built files and briefings kept (a province PPTX is ~0.3 MB, a PDF ~0.4 MB)


class _Built:
    """A small least-recently-used store shared by every session of the process."""

    def __init__(self) -> None:
        self._items: OrderedDict[tuple, object] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple) -> object | None:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
            return self._items.get(key)

    def put(self, key: tuple, value: object) -> None:
        with self._lock:
            self._items[key] = value
            while len(self._items) > KEPT:
                self._items.popitem(last=False)


@st.cache_resource(show_spinner=False)
def _built() -> _Built:
    return _Built()


def file_buttons(key: tuple, make: Callable[[Progress], Briefing], lang: str) -> None:
    """A prepare button per format, then a save button once that file is built; ``make``
    builds the briefing (once for both formats), reporting its progress."""
    for fmt, (mime, _writer) in FORMATS.items():
        built = _built().get((fmt, *key))
        if built is None and st.button(
            t(BUTTONS[fmt][0], lang), key=f"brief_prepare_{fmt}", width="stretch"
        ):
            bar = st.progress(0.0, t("brief_step_map", lang))
            briefing = _built().get(("content", *key))
            if not isinstance(briefing, Briefing):
                briefing = make(lambda share, step, bar=bar: bar.progress(share * 0.9, step))
                _built().put(("content", *key), briefing)
            bar.progress(0.9, t("brief_step_file", lang))
            built = (f"{briefing.file_stem}.{fmt}", render(briefing, fmt))
            _built().put((fmt, *key), built)
            bar.empty()
        if built is not None:
            name, data = built  # type: ignore[misc]
            st.download_button(
                t(BUTTONS[fmt][1], lang),
                data=data,
                file_name=name,
                mime=mime,
                key=f"brief_save_{fmt}",
                on_click="ignore",
                type="primary",
                width="stretch",
                icon=":material/download:",
            )


def data_mark(ctx: PageContext) -> tuple:
    """What a built file depends on besides its view: the centres' version and each
    imported indicator's version (a re-import changes the second, not the first)."""
    return (ctx.version, tuple(imported_indicators().meta["indicator_version"].tolist()))


def briefing_data(ctx: PageContext) -> BriefingData:
    return BriefingData(
        ctx.centres,
        ctx.ref,
        boundary_layers(),
        ctx.version,
        imported_indicators(),
        functools.partial(coverage_of, ctx.version),
    )


@st.fragment
def download_popover(
    label: str, help_text: str, key: tuple, make: Callable[[Progress], Briefing], lang: str
) -> None:
    """The button ``label`` opening the prepare/save buttons; a fragment, so preparing a
    file reruns only this (the popover stays open), not the page and its map."""
    with st.popover(label, icon=":material/slideshow:"):
        st.caption(help_text)
        file_buttons(key, make, lang)


def briefing_button(
    ctx: PageContext,
    page: str,
    regions: tuple[str, ...],
    metric: str = "sentra",
    year: int | None = None,
) -> None:
    """The button for ``page`` showing ``regions`` (none: Indonesia; 2–4: a comparison);
    ``metric`` and ``year``: the map's measure, and the year chosen on the map."""
    lang = ctx.lang
    view = View(page, regions, ctx.filters, metric, lang, year)
    download_popover(
        t("brief_button", lang),
        t("brief_help", lang),
        (*data_mark(ctx), view.key(), date.today().isoformat()),
        lambda progress: build_briefing(view, briefing_data(ctx), date.today(), progress),
        lang,
    )
