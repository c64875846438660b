"""Page state that lives in the URL, so a copied link reopens the same view.

Each parameter is read from ``st.query_params`` once per session (validated against its
allowed values; junk falls back to the default with a notice) into ``st.session_state``,
where widgets with the same key use it. ``write_back`` mirrors the current values into
the URL, leaving defaults out so links stay short.
"""

from __future__ import annotations

from collections.abc import Collection

import streamlit as st

from sentra.i18n import DEFAULT_LANGUAGE, t

_SEEDED = "_url_seeded"


def _notice(key: str, value: str) -> None:
    """Tell the user a value from the link was ignored (the view falls back to a default)."""
    lang = st.session_state.get("lang", DEFAULT_LANGUAGE)
    if key == "wilayah":
        st.warning(t("unknown_region", lang, code=value))
    else:
        st.warning(t("url_value_ignored", lang, key=key, value=value))


def seed(key: str, allowed: Collection[str], default: str) -> str:
    """The session's value for ``key``: from the URL on first use, else what it is now."""
    seeded: set[str] = st.session_state.setdefault(_SEEDED, set())
    if key not in seeded:
        seeded.add(key)
        value = st.query_params.get(key)
        if value is not None and value not in allowed:
            _notice(key, value)
            value = None
        st.session_state[key] = value if value is not None else default
    return st.session_state[key]


def seed_list(key: str, allowed: Collection[str]) -> list[str]:
    """Like ``seed`` for multi-valued parameters (``?k=a&k=b``); unknown values are dropped."""
    seeded: set[str] = st.session_state.setdefault(_SEEDED, set())
    if key not in seeded:
        seeded.add(key)
        values = st.query_params.get_all(key)
        kept = [v for v in values if v in allowed]
        if len(kept) != len(values):
            _notice(key, ", ".join(v for v in values if v not in allowed))
        st.session_state[key] = kept
    return st.session_state[key]


def write_back(defaults: dict[str, object]) -> None:
    """Put the current value of each key into the URL, omitting defaults and empties."""
    for key, default in defaults.items():
        value = st.session_state.get(key, default)
        if value == default or value in (None, "", []):
            st.query_params.pop(key, None)
        elif isinstance(value, list):
            st.query_params[key] = [str(v) for v in value]
        else:
            st.query_params[key] = str(value)
