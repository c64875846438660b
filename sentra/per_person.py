"""Per-person measures: centres per 100,000 people and workers per 1,000 people.

Population is published per province and regency/city (Kemendagri 2025, with the code
list); there is none per kecamatan, so a kecamatan's per-person measures are "no data".
"""

from __future__ import annotations

import numpy as np
import pandas as pd

# measure → people per unit
PER_PERSON = {"centres_per_100k": 100_000, "workers_per_1000": 1_000}


def per_person(centres: float, workers: float, people: float) -> dict[str, float]:
    """The two measures for counts of centres and workers among ``people`` (NaN without)."""
    if not people or np.isnan(people):
        return {"population": np.nan, **{m: np.nan for m in PER_PERSON}}
    return {
        "population": float(people),
        "centres_per_100k": centres / people * PER_PERSON["centres_per_100k"],
        "workers_per_1000": workers / people * PER_PERSON["workers_per_1000"],
    }


def people_in(population: pd.Series, region: str | None) -> float:
    """People in a province or regency (by code), or the nation (None: sum of provinces)."""
    if region is None:
        return float(population[population.index.str.len() == 2].sum())
    return float(population.get(region, np.nan))
