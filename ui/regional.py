"""Imported regional indicators for the pages, loaded once per stored state and shared."""

from __future__ import annotations

import streamlit as st

from loaders.reference import imported_indicators as load_imported
from sentra.regional_indicators import ImportedIndicators
from ui.cached import data_store, unless_changed


@st.cache_resource(show_spinner=False, max_entries=2)
def _load(newest: int) -> ImportedIndicators:
    return load_imported(data_store())


def imported_indicators() -> ImportedIndicators:
    """The newest version of every imported regional indicator (shared: read-only)."""
    store = data_store()
    versions = unless_changed("regional", store.regional_indicator_versions)["indicator_version"]
    return _load(int(versions.max()) if len(versions) else 0)
