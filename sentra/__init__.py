"""Logic of the dashboard that does not depend on Streamlit (geometry, indicators, maps)."""
