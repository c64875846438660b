"""Process-wide caches for Streamlit: loaded once per server process, shared by sessions."""

from __future__ import annotations

import streamlit as st

from loaders.boundaries import BoundaryLayers, load


@st.cache_resource(show_spinner="Memuat batas wilayah… / Loading boundaries…")
def boundary_layers() -> BoundaryLayers:
    """Read-only layers; never mutate what this returns."""
    layers, _origin = load()
    return layers
