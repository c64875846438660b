"""The reference tables (regions, budgets, indicators, BPS counts, facts) from the store."""

from __future__ import annotations

import pandas as pd

from loaders import wilayah_codes
from loaders.store import Store
from sentra.indicators import Reference
from sentra.regional_indicators import ImportedIndicators


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


def imported_indicators(store: Store) -> ImportedIndicators:
    """The newest version of every imported regional indicator, with its values."""
    meta = store.regional_indicators()
    values = [
        store.regional_values(int(v)).assign(indicator_version=int(v))
        for v in meta["indicator_version"]
    ]
    columns = ["indicator_version", "region_code", "year", "value"]
    frame = pd.concat(values, ignore_index=True) if values else pd.DataFrame(columns=columns)
    return ImportedIndicators(meta=meta, values=frame)
