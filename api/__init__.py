"""The read API (``python -m api``): the dashboard's data over HTTP for other systems."""
