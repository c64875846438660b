"""Briefing export (slides and PDF) of a dashboard view, built without Streamlit."""
