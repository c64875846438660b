"""Page state that lives in the URL, so a copied link reopens the same view.

One registry (``PARAMS``: the sidebar filters from ``sentra.filters.FILTERS`` plus the view
parameters) says which keys exist, their defaults and on which pages they live. A value is
read from the link once per session into ``st.session_state`` (validated; junk falls back
to the default with a notice), where the widget with the same key uses it. ``write`` mirrors
the session's values into the URL; ``app.py`` calls it on every run *before* the page runs,
so a page that ends early (``ui.context.end_page``) still leaves a complete link.

Streamlit's own ``bind="query-params"`` is not used: for a multiselect it writes the
displayed labels ("Tekstil dan pakaian"), so a link would depend on the language and codes
in existing links (``?sektor=kerajinan``) would be dropped.
"""

from __future__ import annotations

from collections.abc import Collection, Container
from dataclasses import dataclass
from urllib.parse import urlencode

import streamlit as st

from sentra.filters import FILTERS, YEAR_RANGE, Filters, parse_param, to_params
from sentra.i18n import DEFAULT_LANGUAGE, LANGUAGES, t

_SEEDED = "_url_seeded"


@dataclass(frozen=True)
class Param:
    key: str
    default: object  # the session/widget value meaning "nothing chosen"
    pages: tuple[str, ...] = ()  # url paths of the pages it belongs to; () = every page


def _filter_default(kind: str) -> object:
    return {"choice": [], "text": "", "years": YEAR_RANGE}[kind]


PARAMS: dict[str, Param] = {
    p.key: p
    for p in (
        Param("lang", DEFAULT_LANGUAGE),
        Param("presentasi", False),
        *(Param(spec.key, _filter_default(spec.kind)) for spec in FILTERS),
        Param("wilayah", "", ("peta", "profil", "analisis")),
        Param("metrik", "sentra", ("peta",)),
        Param("tahun_peta", "", ("peta",)),  # the map's year (``sentra.map_motion``)
        Param("sektor_lq", "tekstil_pakaian", ("sektor",)),
        Param("bandingkan", [], ("bandingkan",)),
        # Analisis: similar regions (basis, scope), hot spots (measure, extent, statistic)
        Param("dasar", "keduanya", ("analisis",)),
        Param("lingkup", "provinsi", ("analisis",)),
        Param("nilai", "centres", ("analisis",)),
        Param("cakupan", "", ("analisis",)),
        Param("statistik", "moran", ("analisis",)),
    )
}
_FILTER_KEYS = {spec.key for spec in FILTERS}


def _notice(key: str, value: str) -> None:
    """Tell the user a value from the link was ignored (the view falls back to a default)."""
    lang = st.session_state.get("lang", DEFAULT_LANGUAGE)
    if key == "wilayah":
        st.warning(t("unknown_region", lang, code=value))
    else:
        st.warning(t("url_value_ignored", lang, key=key, value=value))


def _first_use(key: str) -> bool:
    seeded: set[str] = st.session_state.setdefault(_SEEDED, set())
    if key in seeded and key in st.session_state:
        return False
    seeded.add(key)
    return True


def seed(key: str, allowed: Container[str]) -> str:
    """The session's value for a one-value parameter: from the link on first use."""
    if _first_use(key):
        value = st.query_params.get(key)
        if value is not None and value not in allowed:
            _notice(key, value)
            value = None
        st.session_state[key] = value if value is not None else PARAMS[key].default
    return st.session_state[key]


def seed_list(key: str, allowed: Collection[str]) -> list[str]:
    """Like ``seed`` for several values (``?k=a&k=b``); unknown values are dropped."""
    if _first_use(key):
        values = st.query_params.get_all(key)
        kept = [v for v in values if v in allowed]
        if len(kept) != len(values):
            _notice(key, ", ".join(v for v in values if v not in allowed))
        st.session_state[key] = kept
    return st.session_state[key]


def seed_common() -> None:
    """Language, presentation mode and every filter, from the link on first use."""
    seed("lang", LANGUAGES)
    if _first_use("presentasi"):
        st.session_state["presentasi"] = st.query_params.get("presentasi") == "1"
    for spec in FILTERS:
        if not _first_use(spec.key):
            continue
        value, ignored = parse_param(spec, st.query_params.get_all(spec.key))
        if ignored:
            _notice(spec.key, ", ".join(ignored))
        if value is None:
            value = _filter_default(spec.kind)
        st.session_state[spec.key] = list(value) if spec.kind == "choice" else value


def preset(key: str, value: object) -> None:
    """Give a page parameter its value as if a link had brought it: a button on one page
    opening another page on a chosen view (Analisis → Bandingkan)."""
    st.session_state.setdefault(_SEEDED, set()).add(key)
    st.session_state[key] = value


def link(page: str, **params: str | list[str]) -> str:
    """A relative link to ``page`` with ``params``, the language and the session's filters."""
    query: dict[str, str | list[str]] = dict(params)
    if (lang := st.session_state.get("lang", DEFAULT_LANGUAGE)) != DEFAULT_LANGUAGE:
        query["lang"] = lang
    query |= to_params(filters())
    return f"{page}?{urlencode(query, doseq=True)}"


def filters() -> Filters:
    """The session's filters, as chosen in the sidebar."""
    return Filters.of(**{key: st.session_state.get(key) for key in _FILTER_KEYS})


def _url_form(key: str, value: object) -> list[str] | str | None:
    """What the URL holds for ``value``; None for the default."""
    param = PARAMS[key]
    if value == param.default or value in (None, "", []):
        return None
    if isinstance(value, bool):
        return "1"
    if isinstance(value, list | tuple) and key not in _FILTER_KEYS:
        return [str(v) for v in value]
    return str(value)


def write(page: str) -> None:
    """Put the session's view of ``page`` (a url path) into the URL, defaults left out.

    Parameters already read but at their default or belonging to another page are removed;
    those not read yet are kept, so a link's page parameters survive until their page
    reads them.
    """
    wanted: dict[str, list[str] | str] = {}
    for key, param in PARAMS.items():
        if key in _FILTER_KEYS or key not in st.session_state:
            continue
        if param.pages and page not in param.pages:
            continue
        if (form := _url_form(key, st.session_state[key])) is not None:
            wanted[key] = form
    wanted.update(to_params(filters()))
    for key in PARAMS:
        if key in wanted:
            if st.query_params.get_all(key) != _as_list(wanted[key]):
                st.query_params[key] = wanted[key]
        elif key in st.query_params and key in st.session_state:
            del st.query_params[key]


def _as_list(value: list[str] | str) -> list[str]:
    return value if isinstance(value, list) else [value]


def reseed() -> None:
    """Read every parameter from the link again on its next use: a story step replaces the
    whole view by switching to a link of its own. The old values go too, so ``write`` cannot
    put them back into that link before the page has read it."""
    st.session_state[_SEEDED] = set()
    for key in PARAMS:
        st.session_state.pop(key, None)
