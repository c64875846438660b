"""Reading, validating and caching the dashboard's data."""
