"""Streamlit helpers shared by the pages (state, layout pieces)."""
