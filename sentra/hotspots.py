"""Where centres cluster in space: local spatial autocorrelation with PySAL.

- Weights: queen contiguity of the region shapes (``libpysal.weights.Queen``: regions
  sharing a border or a corner are neighbours), binary, row-standardised for Moran's I.
  A region with no neighbour among those analysed (an island, or a region whose
  neighbours have no data) is joined to the nearest one by distance between shapes, in
  both directions, so that every region is tested; the page names how many.
- Local Moran's I (``esda.Moran_Local``) classes each region whose pseudo p-value is at
  most ``ALPHA`` as High-High (a high value among high neighbours), Low-Low, High-Low or
  Low-High; Getis-Ord Gi* (``esda.G_Local(star=True)``) as a hot or a cold spot.
- Inference by ``PERMUTATIONS`` conditional permutations with a fixed ``SEED``, so that
  the page, the tests and a rerun tomorrow give the same answer. The local pseudo p-value
  is esda 2.9's folded one-sided value (as in GeoDa); esda warns that its next major
  release makes two-sided the default, which roughly doubles p (the warning is silenced in
  the tests, pyproject.toml; esda is pinned).
- Global Moran's I (``esda.Moran``) with its permutation p-value.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import esda
import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from libpysal.weights import Queen, W

from sentra.i18n import N_

PERMUTATIONS = 999
SEED = 12345
ALPHA = 0.05
MIN_REGIONS = 5  # fewer regions with data: nothing to test
METHODS = {"moran": N_("an_method_moran"), "gi": N_("an_method_gi")}
# Okabe–Ito colours, apart under the common colour-vision deficiencies
# (tests/test_hotspots.py); the class is also named in the tooltip, legend and table.
CLASS_COLOURS = {
    "HH": "#d55e00",
    "HL": "#e69f00",
    "LH": "#56b4e9",
    "LL": "#0072b2",
    "hot": "#d55e00",
    "cold": "#0072b2",
    "ns": "#ffffff",
}
CLASS_LABELS = {
    "HH": N_("an_class_hh"),
    "HL": N_("an_class_hl"),
    "LH": N_("an_class_lh"),
    "LL": N_("an_class_ll"),
    "hot": N_("an_class_hot"),
    "cold": N_("an_class_cold"),
    "ns": N_("an_class_ns"),
}
METHOD_CLASSES = {"moran": ("HH", "HL", "LH", "LL", "ns"), "gi": ("hot", "cold", "ns")}
# esda's quadrants (geoda_quads=False): 1 HH, 2 LH, 3 LL, 4 HL
_QUADRANTS = {1: "HH", 2: "LH", 3: "LL", 4: "HL"}


@dataclass(frozen=True)
class Neighbours:
    """Queen contiguity of a set of region shapes (built once per set and kept)."""

    links: dict[str, tuple[str, ...]]
    shapes: gpd.GeoSeries = field(repr=False)  # by code, to find an island's nearest region
    # each region without a neighbour in the whole set → the others, nearest first
    nearest: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)


def queen(shapes: gpd.GeoDataFrame) -> Neighbours:
    """Neighbours by shared border or corner of ``shapes`` (columns ``code``, geometry)."""
    frame = shapes.reset_index(drop=True)
    codes = list(frame["code"])
    w = Queen.from_dataframe(frame, ids=codes, silence_warnings=True)
    links = {c: tuple(w.neighbors[c]) for c in codes}
    geometries = frame.geometry.to_numpy()
    nearest = {}
    for i, code in enumerate(codes):
        if not links[code]:
            order = np.argsort(shapely.distance(geometries[i], geometries), kind="stable")
            nearest[code] = tuple(codes[j] for j in order if j != i)
    return Neighbours(links, gpd.GeoSeries(geometries, index=codes), nearest)


@dataclass(frozen=True)
class Weights:
    w: W  # binary
    islands: dict[str, str]  # region without a neighbour → the nearest region it was joined to


def weights_for(neighbours: Neighbours, codes: list[str]) -> Weights:
    """Queen weights among ``codes`` only; a region left without a neighbour is joined to
    the nearest of them (both ways)."""
    keep = set(codes)
    links = {c: [n for n in neighbours.links[c] if n in keep] for c in codes}
    islands: dict[str, str] = {}
    alone = [c for c in codes if not links[c]]
    tree = None
    for code in alone if len(codes) > 1 else ():
        ranked = neighbours.nearest.get(code)
        if ranked is not None:  # an island of the whole set: its order is known
            nearest = next(c for c in ranked if c in keep)
        else:  # its neighbours have no data: the nearest of those that have
            if tree is None:
                shapes = neighbours.shapes.loc[codes].to_numpy()
                tree = shapely.STRtree(shapes)
            found = tree.query_nearest(neighbours.shapes[code], exclusive=True, all_matches=False)
            nearest = codes[int(found[0])]
        islands[code] = nearest
        for a, b in ((code, nearest), (nearest, code)):
            if b not in links[a]:
                links[a].append(b)
    return Weights(W(links, id_order=codes, silence_warnings=True), islands)


@dataclass(frozen=True)
class Hotspots:
    """The result for one measure over one set of regions."""

    method: str
    # by code: value, statistic (local I or Gi* z), p_value, cls (a class of
    # ``METHOD_CLASSES``), quadrant (Moran: HH/LH/LL/HL whether significant or not), neighbours
    table: pd.DataFrame
    islands: dict[str, str]
    left_out: int  # regions in the set with no data for the measure
    moran_i: float
    moran_p: float
    problem: str = ""  # '' or why nothing was tested: 'too_few', 'no_variation'


def global_moran(y: np.ndarray, w: W) -> tuple[float, float]:
    """Global Moran's I (``esda.Moran``, row-standardised) and its pseudo p-value from
    ``PERMUTATIONS`` random permutations of the values, counted as ``esda.Moran`` counts
    them. The permutations are drawn here, all at once from a generator seeded with
    ``SEED``: ``esda.Moran`` draws them one by one from NumPy's global generator, which a
    server shared by many sessions must not reseed."""
    moran = esda.Moran(y, w, transformation="r", permutations=0)
    z = moran.z
    rng = np.random.default_rng(SEED)
    shuffled = rng.permuted(np.broadcast_to(z, (PERMUTATIONS, len(z))), axis=1)
    lags = (moran.w.sparse @ shuffled.T).T
    simulated = (len(z) / moran.w.s0) * (shuffled * lags).sum(axis=1) / (z * z).sum()
    larger = int((simulated >= moran.I).sum())
    larger = min(larger, PERMUTATIONS - larger)
    return float(moran.I), (larger + 1.0) / (PERMUTATIONS + 1.0)


def hotspots(values: pd.Series, neighbours: Neighbours, method: str = "moran") -> Hotspots:
    """Local statistics of ``values`` (by region code; NaN: no data, left out)."""
    known = values.dropna()
    left_out = int(values.isna().sum())
    codes = [c for c in neighbours.links if c in known.index]
    columns = ["value", "statistic", "p_value", "cls", "quadrant", "neighbours"]
    if len(codes) < MIN_REGIONS or known[codes].nunique() < 2:
        problem = "too_few" if len(codes) < MIN_REGIONS else "no_variation"
        empty = pd.DataFrame(columns=columns)
        return Hotspots(method, empty, {}, left_out, np.nan, np.nan, problem)
    weights = weights_for(neighbours, codes)
    y = known[codes].to_numpy(dtype=float)
    moran_i, moran_p = global_moran(y, weights.w)
    if method == "gi":
        # Gi*: each region counts among its own neighbours, with weight 1 (binary)
        own = {c: [c, *weights.w.neighbors[c]] for c in codes}
        star = W(own, id_order=codes, silence_warnings=True)
        with np.errstate(invalid="ignore", divide="ignore"):  # see ``significant`` below
            local = esda.G_Local(
                y,
                star,
                transform="B",
                star=None,  # taken from the weights: the diagonal is set
                permutations=PERMUTATIONS,
                seed=SEED,
                n_jobs=1,
                keep_simulations=False,
            )
        statistic, p = local.Zs, local.p_sim
        # a region whose neighbours are every region has no spread to test against
        significant = (p <= ALPHA) & np.isfinite(statistic)
        cls = np.where(statistic > 0, "hot", "cold")
        quadrant = np.full(len(codes), "")
    else:
        local = esda.Moran_Local(
            y,
            weights.w,
            transformation="r",
            permutations=PERMUTATIONS,
            seed=SEED,
            n_jobs=1,
            keep_simulations=False,
        )
        statistic, p = local.Is, local.p_sim
        # a value exactly at the mean gives I = 0 in every permutation: esda's folded
        # p-value then reads as the smallest possible, but there is nothing to find
        significant = (p <= ALPHA) & ~np.isclose(local.z, 0)
        cls = quadrant = np.array([_QUADRANTS[int(q)] for q in local.q])
    table = pd.DataFrame(
        {
            "value": y,
            "statistic": statistic,
            "p_value": p,
            "cls": np.where(significant, cls, "ns"),
            "quadrant": quadrant,
            "neighbours": [len(weights.w.neighbors[c]) for c in codes],
        },
        index=pd.Index(codes, name="code"),
    )
    return Hotspots(method, table, weights.islands, left_out, moran_i, moran_p)
