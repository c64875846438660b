"""The reference tables (regions, budgets, indicators, BPS counts, facts) from the store."""

from __future__ import annotations

import pandas as pd

from loaders import wilayah_codes
from loaders.store import Store
from sentra.indicators import Reference


def load_reference(store: Store, regions: pd.DataFrame) -> Reference:
    """``regions``: ``BoundaryLayers.regions`` (attributes of every province and regency)."""
    return Reference(
        regions=regions,
        budgets=store.table("budgets"),
        indicators=store.table("indicators").fillna({"region_code": "", "centre_id": ""}),
        bps_2024=store.table("sentra_bps_2024"),
        facts=store.table("facts"),
        population=wilayah_codes.population()["total"],
    )
