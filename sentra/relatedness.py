"""Which sectors a region could grow next: relatedness from co-location across regencies.

After Hidalgo, Klinger, Barabási and Hausmann (Science, 2007), "The product space
conditions the development of nations":

- ``M[r, s] = 1`` where regency ``r`` is specialised in sector ``s``: its location quotient
  (its share of centres in ``s`` over the national share) is at least 1;
- the **proximity** of two sectors is the smaller of the two conditional probabilities
  ``P(M_s = 1 | M_t = 1)`` and ``P(M_t = 1 | M_s = 1)`` over the regencies: two sectors
  are close when the regencies specialised in one tend to be specialised in the other;
- the **density** of sector ``t`` around region ``r`` is
  ``Σ_s M[r, s] φ(s, t) / Σ_s φ(s, t)`` over the other sectors ``s ≠ t``: the share of
  ``t``'s relatedness that the region's current strengths cover (0 to 1).

Sectors a region is not specialised in, with a high density, are its nearest opportunities.
Regencies without any centre or whose counts are "no data" take no part.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from sentra.filters import Filters, filter_centres
from sentra.indicators import Reference, no_data


def location_quotients(counts: pd.DataFrame, national: pd.Series) -> pd.DataFrame:
    """LQ per region (rows) and sector (columns) from counts of centres, against
    ``national`` counts per sector; rows without any centre are dropped."""
    totals = counts.sum(axis=1)
    counts = counts[totals > 0]
    shares = counts.div(totals[totals > 0], axis=0)
    return shares / (national / national.sum())


def proximity(specialised: pd.DataFrame) -> pd.DataFrame:
    """φ(s, t) = min(P(s | t), P(t | s)) = both / max(|s|, |t|) over the regions (rows) of
    a 0/1 specialisation table; the diagonal is 1, a sector no region is specialised in
    has proximity 0 to every other."""
    m = specialised.to_numpy(dtype=float)
    both = m.T @ m
    ubiquity = m.sum(axis=0)
    larger = np.maximum.outer(ubiquity, ubiquity)
    with np.errstate(invalid="ignore", divide="ignore"):
        phi = np.where(larger > 0, both / larger, 0.0)
    return pd.DataFrame(phi, index=specialised.columns, columns=specialised.columns)


def density(strengths: pd.Series, phi: pd.DataFrame) -> pd.Series:
    """Density of every sector around a region specialised in ``strengths`` (bool by
    sector): Σ_{s≠t} M_s φ(s, t) / Σ_{s≠t} φ(s, t); NaN for a sector related to none."""
    off = phi.to_numpy(copy=True)
    np.fill_diagonal(off, 0.0)
    m = strengths.reindex(phi.index).fillna(False).to_numpy(dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        values = (m @ off) / off.sum(axis=0)
    return pd.Series(values, index=phi.columns)


@dataclass(frozen=True)
class SectorSpace:
    """Relatedness between sectors from the regencies, and the national counts it uses."""

    phi: pd.DataFrame  # sector × sector proximity
    national: pd.Series  # centres per sector, nationally (every filter but the sector one)
    regencies: int  # regencies the proximity is computed over


def base(centres: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """The centres with every filter but the sector one: a share within one sector is
    always 1 (as for the Sektor page's location quotient)."""
    return filter_centres(centres, filters.without("sektor"))


def national_counts(centres: pd.DataFrame, filters: Filters, column: str = "sector") -> pd.Series:
    """Centres per sector (or other ``column``) nationally, largest first (see ``base``)."""
    return base(centres, filters)[column].value_counts()


def sector_space(
    centres: pd.DataFrame, ref: Reference, filters: Filters, column: str = "sector"
) -> SectorSpace:
    """The proximity of sectors (or another coded ``column``) over the regencies."""
    kept = base(centres, filters)
    national = kept[column].value_counts()
    regencies = kept[~kept["province_code"].isin(_no_data_provinces(centres, ref))]
    counts = regencies.groupby(["regency_code", column]).size().unstack(fill_value=0)
    counts = counts.reindex(columns=national.index, fill_value=0)
    specialised = location_quotients(counts, national) >= 1
    return SectorSpace(proximity(specialised), national, len(specialised))


def _no_data_provinces(centres: pd.DataFrame, ref: Reference) -> list[str]:
    return [p for p in ref.no_bps_provinces if no_data(centres, ref, p)]


MIN_CELL_MEAN = 1.0  # centres per regency and value, on average, to compute relatedness


def cell_mean(centres: pd.DataFrame, ref: Reference, filters: Filters, column: str) -> float:
    """Centres per regency and value of ``column`` on average, over the regencies taking
    part: below ``MIN_CELL_MEAN`` most cells hold one centre or none, and whether a
    regency is "specialised" says more about chance than about its economy."""
    kept = base(centres, filters)
    kept = kept[~kept["province_code"].isin(_no_data_provinces(centres, ref))]
    cells = kept["regency_code"].nunique() * kept[column].nunique()
    return len(kept) / cells if cells else 0.0


def region_quotients(
    national: pd.Series, region_centres: pd.DataFrame, column: str = "sector"
) -> pd.Series:
    """A region's LQ per sector against ``national`` counts (``national_counts``), from its
    centres in ``base``: for a province or regency the Sektor page's location quotient."""
    counts = region_centres[column].value_counts().reindex(national.index, fill_value=0)
    frame = location_quotients(counts.to_frame().T, national)
    return frame.iloc[0] if len(frame) else pd.Series(np.nan, index=national.index)


def opportunities(
    space: SectorSpace, region_centres: pd.DataFrame, column: str = "sector"
) -> pd.DataFrame:
    """Per sector, from the region's centres in ``base``: their number, the LQ, whether
    it is specialised (LQ ≥ 1), the density around it and the national count; the sectors
    it is not specialised in first, by density."""
    lq = region_quotients(space.national, region_centres, column)
    counts = region_centres[column].value_counts().reindex(space.national.index, fill_value=0)
    specialised = lq >= 1
    table = pd.DataFrame(
        {
            "centres": counts,
            "lq": lq,
            "specialised": specialised,
            "density": density(specialised, space.phi),
            "national": space.national,
        }
    )
    table.index.name = column
    # "other" is no trade to develop, but may be what a region is strong in
    table = table[table["specialised"] | (table.index != "lainnya")]
    return table.sort_values(["specialised", "density", "national"], ascending=[True, False, False])
