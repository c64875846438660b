"""Regions like a chosen one: by sector mix, by size, or both (Analisis page, summary).

Each basis gives a distance between 0 (the same) and 1 (as far apart as it gets):

- **sector mix**: the Euclidean distance between the two regions' sector shares (each a
  vector summing to 1), divided by √2, the largest distance two such vectors can have
  (all centres in one sector against all in another);
- **size**: the root mean square of the differences in log10(1 + value) of the number of
  centres, enterprises, workers and population (where the level has a population), capped
  at 1: 1 means an order of magnitude apart on average;
- **both**: the mean of the two.

Similarity is 1 − distance. Regions without data (counts "no data", or for the sector
mix no centre at all) are left out of the ranking and counted.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from sentra.filters import Filters, filter_centres
from sentra.formatting import fmt_number, fmt_percent
from sentra.i18n import N_, t
from sentra.indicators import Reference, region_metrics
from sentra.schema import SECTORS, label

BASES = {
    "keduanya": N_("an_basis_both"),
    "sektor": N_("an_basis_sector"),
    "ukuran": N_("an_basis_size"),
}
SCOPES = {"provinsi": N_("an_scope_province"), "indonesia": N_("an_scope_indonesia")}
SIZE_MEASURES = {
    "centres": N_("an_size_centres"),
    "enterprises": N_("an_size_enterprises"),
    "workers": N_("an_size_workers"),
    "population": N_("an_size_population"),
}
LEVEL_WIDTH = {2: "province", 5: "regency", 8: "kecamatan"}


@dataclass(frozen=True)
class Profiles:
    """What regions of one level are compared on, indexed by region code."""

    sizes: pd.DataFrame  # SIZE_MEASURES columns; NaN: no data (population: none published)
    sectors: pd.DataFrame  # centres per sector (columns: sector codes)
    no_data: pd.Series  # bool: the region's counts are "no data"


def level_of(code: str) -> str:
    """'province', 'regency' or 'kecamatan' for a region code."""
    return LEVEL_WIDTH[len(code)]


def profiles(
    filtered: pd.DataFrame,
    all_centres: pd.DataFrame,
    ref: Reference,
    filters: Filters,
    level: str,
    metrics: pd.DataFrame | None = None,
) -> Profiles:
    """Sizes of the filtered centres per region (the same figures as the compare page) and
    the sector mix of the centres with every filter but the sector one: with a sector
    chosen, every region would have one sector only. ``metrics``: ``region_metrics`` of
    the level, when the caller has it already."""
    if metrics is None:
        metrics = region_metrics(filtered, all_centres, ref, level, filters)
    sizes = pd.DataFrame(
        {
            "centres": metrics["centres"].astype(float),
            "enterprises": metrics["enterprises"],
            "workers": metrics["workers"],
            "population": ref.population.reindex(metrics.index).astype(float),
        }
    )
    sizes.loc[metrics["no_data"].to_numpy(), "centres"] = np.nan
    base = filter_centres(all_centres, filters.without("sektor"))
    key = base["kecamatan_code"] if level == "kecamatan" else base["regency_code"]
    if level == "province":
        key = key.str[:2]
    sectors = (
        base.groupby([key, base["sector"]])
        .size()
        .unstack(fill_value=0)
        .reindex(index=metrics.index, columns=list(SECTORS), fill_value=0)
    )
    return Profiles(sizes, sectors, metrics["no_data"].astype(bool))


@dataclass(frozen=True)
class Peers:
    """The regions most like ``code``, most similar first."""

    code: str
    basis: str
    table: pd.DataFrame  # index: code; similarity, sector_distance, size_distance (0–1)
    left_out: int  # regions in scope not compared for want of data
    has_data: bool  # False: the chosen region itself has no data to compare


def _shares(sectors: pd.DataFrame) -> pd.DataFrame:
    totals = sectors.sum(axis=1)
    return sectors.div(totals.where(totals > 0), axis=0)


def _logs(sizes: pd.DataFrame) -> pd.DataFrame:
    return np.log10(1 + sizes.astype(float))


def similar(
    data: Profiles, code: str, basis: str = "keduanya", scope: str = "provinsi", n: int = 10
) -> Peers:
    """The ``n`` regions of ``code``'s level most similar to it on ``basis`` within
    ``scope`` ('provinsi': the same province; a province is compared with all others)."""
    candidates = data.sizes.index.drop(code)
    if scope == "provinsi" and len(code) > 2:
        candidates = candidates[candidates.str.startswith(code[:2])]
    use_sector = basis in ("keduanya", "sektor")
    use_size = basis in ("keduanya", "ukuran")
    usable = ~data.no_data
    if use_sector:
        shares = _shares(data.sectors)
        usable &= shares.notna().all(axis=1)
    if use_size:
        # a measure the chosen region has no figure for (a kecamatan's population) is not used
        measures = [m for m in SIZE_MEASURES if pd.notna(data.sizes.at[code, m])]
        logs = _logs(data.sizes[measures])
        usable &= logs.notna().all(axis=1) if measures else False
    if not usable[code]:
        empty = pd.DataFrame(columns=["similarity", "sector_distance", "size_distance"])
        return Peers(code, basis, empty, int((~usable[candidates]).sum()), False)
    kept = candidates[usable[candidates].to_numpy()]
    left_out = len(candidates) - len(kept)
    distances = pd.DataFrame(index=kept)
    parts = []
    if use_sector:
        gap = shares.loc[kept].to_numpy() - shares.loc[code].to_numpy()
        distances["sector_distance"] = np.sqrt((gap**2).sum(axis=1)) / np.sqrt(2)
        parts.append("sector_distance")
    else:
        distances["sector_distance"] = np.nan
    if use_size:
        gap = logs.loc[kept].to_numpy() - logs.loc[code].to_numpy()
        distances["size_distance"] = np.minimum(1.0, np.sqrt((gap**2).mean(axis=1)))
        parts.append("size_distance")
    else:
        distances["size_distance"] = np.nan
    distances["similarity"] = 1 - distances[parts].mean(axis=1)
    ranked = distances.reset_index(names="code").sort_values(
        ["similarity", "code"], ascending=[False, True]
    )
    table = ranked.head(n).set_index("code")[["similarity", "sector_distance", "size_distance"]]
    return Peers(code, basis, table, left_out, True)


def reasons(data: Profiles, peers: Peers, lang: str) -> pd.Series:
    """What makes each peer similar, in words: the two sectors both regions hold most of
    (their shares side by side) and the two size figures closest to the chosen region's
    (values side by side: chosen / peer); on both bases two sectors and one figure."""
    code, codes = peers.code, list(peers.table.index)
    sectors = list(data.sectors.columns)
    shares = _shares(data.sectors.loc[[code, *codes]]).to_numpy()
    measures = [m for m in SIZE_MEASURES if pd.notna(data.sizes.at[code, m])]
    sizes = data.sizes.loc[[code, *codes], measures].to_numpy(dtype=float)
    logs = np.log10(1 + sizes)
    use_sector = peers.basis in ("keduanya", "sektor")
    use_size = peers.basis in ("keduanya", "ukuran")
    figures = 1 if peers.basis == "keduanya" else 2
    out = {}
    for row, peer in enumerate(codes, start=1):
        parts = []
        if use_sector:
            common = np.minimum(shares[0], shares[row])
            top = [i for i in np.argsort(-common, kind="stable")[:2] if common[i] > 0]
            parts += [
                t(
                    "an_reason_sector",
                    lang,
                    sector=label(SECTORS, sectors[i], lang),
                    a=fmt_percent(shares[0, i] * 100, lang, 0),
                    b=fmt_percent(shares[row, i] * 100, lang, 0),
                )
                for i in top
            ]
        if use_size:
            closest = np.argsort(np.abs(logs[0] - logs[row]), kind="stable")[:figures]
            parts += [
                t(
                    "an_reason_size",
                    lang,
                    measure=t(SIZE_MEASURES[measures[i]], lang),
                    a=fmt_number(sizes[0, i], lang),
                    b=fmt_number(sizes[row, i], lang),
                )
                for i in closest
            ]
        out[peer] = "; ".join(parts)
    return pd.Series(out, dtype=object)
