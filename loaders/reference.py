"""The reference tables (regions, budgets, indicators, BPS counts, facts) from the store, and
what the pages and the read API derive from the store per data version: the reference with
the offices' complete lists, where each region's figures come from, the imported regional
indicators."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from loaders import wilayah_codes
from loaders.store import Store
from sentra.coverage import coverage
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


def reference_at(ref: Reference, store: Store, version: int) -> Reference:
    """``ref`` with the regions offices' complete lists cover at ``version`` (there
    clusters can be counted)."""
    lists = store.complete_lists(version)
    return replace(ref, complete_lists=frozenset(lists["region_code"]))


def coverage_at(ref: Reference, store: Store, version: int) -> pd.DataFrame:
    """Where each region's figures come from at ``version`` (``sentra.coverage``); ``ref``'s
    regions must hold every level (``BoundaryLayers.all_regions``)."""
    bps = set(ref.bps_2024["province_code"])
    return coverage(ref.regions, bps, store.complete_lists(version))


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
