"""Imported regional indicators for the pages, loaded once per stored state and shared."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from sentra.regional_indicators import ImportedIndicators
from ui.cached import data_store, unless_changed


@st.cache_resource(show_spinner=False, max_entries=2)
def _load(newest: int) -> ImportedIndicators:
    store = data_store()
    meta = store.regional_indicators()
    values = [
        store.regional_values(int(v)).assign(indicator_version=int(v))
        for v in meta["indicator_version"]
    ]
    columns = ["indicator_version", "region_code", "year", "value"]
    frame = pd.concat(values, ignore_index=True) if values else pd.DataFrame(columns=columns)
    return ImportedIndicators(meta=meta, values=frame)


def imported_indicators() -> ImportedIndicators:
    """The newest version of every imported regional indicator (shared: read-only)."""
    store = data_store()
    versions = unless_changed("regional", store.regional_indicator_versions)["indicator_version"]
    return _load(int(versions.max()) if len(versions) else 0)
