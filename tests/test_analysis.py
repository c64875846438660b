"""The Analisis page's numbers against hand computations on small tables: local and global
Moran's I and Gi* on a 3×3 grid (and PySAL's own documented example), relatedness and
similarity on four regions. No boundaries, no server."""

from __future__ import annotations

import itertools

import geopandas as gpd
import libpysal
import numpy as np
import pandas as pd
import pytest
import shapely
from libpysal.weights import lat2W

from sentra import hotspots, relatedness, similarity
from sentra.escape import escape_text
from sentra.hotspot_view import draw, hotspot_view
from sentra.hotspots import CLASS_COLOURS, METHOD_CLASSES, Neighbours
from tests.test_palettes import DEFICIENCIES, _distance

GRID = [f"c{i}" for i in range(9)]  # row by row, top left first, as lat2W numbers them
VALUES = pd.Series(np.arange(1.0, 10.0), index=GRID)


def grid(extra: dict[str, shapely.Geometry] | None = None) -> gpd.GeoDataFrame:
    cells = [shapely.box(c, -r, c + 1, -r + 1) for r in range(3) for c in range(3)]
    frame = gpd.GeoDataFrame({"code": GRID}, geometry=cells)
    if extra:
        more = gpd.GeoDataFrame({"code": list(extra)}, geometry=list(extra.values()))
        frame = pd.concat([frame, more], ignore_index=True)
    return frame


def test_queen_weights_of_the_grid_are_pysals_documented_lattice():
    links = hotspots.queen(grid()).links
    lattice = lat2W(3, 3, rook=False)
    assert {c: set(n) for c, n in links.items()} == {
        GRID[i]: {GRID[j] for j in lattice.neighbors[i]} for i in range(9)
    }


def _queen_lag(z: np.ndarray) -> np.ndarray:
    """Mean of each cell's queen neighbours on the 3×3 grid, written out by hand."""
    lag = []
    for r, c in itertools.product(range(3), range(3)):
        around = [
            z[3 * rr + cc]
            for rr in range(r - 1, r + 2)
            for cc in range(c - 1, c + 2)
            if 0 <= rr < 3 and 0 <= cc < 3 and (rr, cc) != (r, c)
        ]
        lag.append(sum(around) / len(around))
    return np.array(lag)


def test_moran_on_the_grid_equals_the_hand_computation():
    result = hotspots.hotspots(VALUES, hotspots.queen(grid()), "moran")
    # z = -4 … 4; Σ z_i·lag_i = 2·(16/3 + 3.6 + 4/3 + 0.4) = 64/3; Σ z² = 60; I = 16/45
    assert result.moran_i == pytest.approx(16 / 45)
    assert result.moran_p <= 0.005  # few of the 9! arrangements are as ordered as 1 … 9
    z = VALUES.to_numpy() - 5
    zs = z / z.std()
    local = (9 - 1) * zs * _queen_lag(zs) / (zs**2).sum()  # esda's (n − 1)·z·lag / Σz²
    assert result.table["statistic"].to_numpy() == pytest.approx(local)
    assert result.table.at["c0", "statistic"] == pytest.approx(8 * 16 / 180)
    assert list(result.table["quadrant"]) == ["LL"] * 5 + ["HH"] * 4
    # the middle cell sits exactly at the mean: I = 0 in every permutation, never a finding
    assert result.table.at["c4", "cls"] == "ns"
    significant = result.table[result.table["cls"] != "ns"]
    assert set(significant["cls"]) <= {"LL", "HH"}
    assert (significant["p_value"] <= hotspots.ALPHA).all()


def test_gi_star_on_the_grid_equals_the_textbook_formula():
    result = hotspots.hotspots(VALUES, hotspots.queen(grid()), "gi")
    x = VALUES.to_numpy()
    n, mean = len(x), x.mean()
    s = np.sqrt((x**2).mean() - mean**2)
    expected = []
    for i, code in enumerate(GRID):
        own = [i] + [GRID.index(c) for c in hotspots.queen(grid()).links[code]]
        k = len(own)  # binary weights, the cell itself included
        if k == n:  # every cell: no spread
            expected.append(np.nan)
            continue
        expected.append((x[own].sum() - mean * k) / (s * np.sqrt((n * k - k**2) / (n - 1))))
    assert result.table["statistic"].to_numpy() == pytest.approx(np.array(expected), nan_ok=True)
    assert result.table.at["c0", "statistic"] == pytest.approx(-1.9595918)
    assert result.table.loc[["c1", "c7"], "cls"].tolist() == ["cold", "hot"]
    assert result.table.at["c4", "cls"] == "ns"


def test_local_moran_quadrants_match_esdas_documented_example():
    """esda's Moran_Local docstring: desmith data, row-standardised → q = 4 4 4 2 3 3 1 4 3 3."""
    w = libpysal.io.open(libpysal.examples.get_path("desmith.gal")).read()
    y = libpysal.io.open(libpysal.examples.get_path("desmith.txt")).by_col["z"]
    codes = list(w.id_order)
    neighbours = Neighbours({c: tuple(w.neighbors[c]) for c in codes}, gpd.GeoSeries())
    result = hotspots.hotspots(pd.Series(y, index=codes), neighbours, "moran")
    quadrants = {1: "HH", 2: "LH", 3: "LL", 4: "HL"}
    assert list(result.table["quadrant"]) == [quadrants[q] for q in (4, 4, 4, 2, 3, 3, 1, 4, 3, 3)]


def test_global_moran_matches_esdas_documented_example():
    """esda's Moran docstring: St Louis homicide rates 1988–93, I = 0.244, p_norm 0.00027."""
    w = libpysal.io.open(libpysal.examples.get_path("stl.gal")).read()
    y = np.array(libpysal.io.open(libpysal.examples.get_path("stl_hom.txt")).by_col["HR8893"])
    moran_i, p = hotspots.global_moran(y, w)
    assert round(moran_i, 3) == 0.244
    assert moran_i == pytest.approx(0.24365582621771659)  # esda's own test value
    assert p < 0.01 and p == hotspots.global_moran(y, w)[1]  # seeded: the same each time


def test_same_seed_same_answer():
    one = hotspots.hotspots(VALUES, hotspots.queen(grid()), "moran").table
    two = hotspots.hotspots(VALUES, hotspots.queen(grid()), "moran").table
    pd.testing.assert_frame_equal(one, two)


def test_an_island_is_joined_to_its_nearest_region_and_said_so():
    far = {"island": shapely.box(5, -0.7, 6, -0.3), "farther": shapely.box(9, -1, 10, 0)}
    neighbours = hotspots.queen(grid(far))
    assert neighbours.links["island"] == ()
    values = pd.concat([VALUES, pd.Series({"island": 3.0, "farther": np.nan})])
    result = hotspots.hotspots(values, neighbours, "moran")
    assert result.islands == {"island": "c5"}  # the grid's right edge is nearest
    assert result.table.at["island", "neighbours"] == 1
    assert result.table.at["c5", "neighbours"] == 6  # and c5 has it among its own
    assert result.left_out == 1 and "farther" not in result.table.index


def test_a_region_whose_only_neighbour_has_no_data_is_joined_to_the_nearest_with_data():
    shapes = {"coast": shapely.box(5, -0.7, 6, -0.3), "inland": shapely.box(6, -0.7, 7, -0.3)}
    neighbours = hotspots.queen(grid(shapes))
    assert neighbours.links["coast"] == ("inland",) and not neighbours.nearest
    values = pd.concat([VALUES, pd.Series({"coast": 3.0, "inland": np.nan})])
    result = hotspots.hotspots(values, neighbours, "gi")
    assert result.islands == {"coast": "c5"} and result.left_out == 1


def test_nothing_is_tested_without_enough_regions_or_spread():
    few = hotspots.hotspots(VALUES[:3], hotspots.queen(grid()), "moran")
    assert few.problem == "too_few" and few.table.empty
    flat = hotspots.hotspots(VALUES * 0 + 2, hotspots.queen(grid()), "gi")
    assert flat.problem == "no_variation" and np.isnan(flat.moran_i)


@pytest.mark.parametrize("deficiency", DEFICIENCIES)
@pytest.mark.parametrize("method", METHOD_CLASSES)
def test_hot_spot_colours_are_told_apart(deficiency, method):
    colours = [CLASS_COLOURS[c] for c in METHOD_CLASSES[method]]
    gaps = [_distance(a, b, deficiency) for a, b in itertools.combinations(colours, 2)]
    assert min(gaps) >= 15, gaps


# -- relatedness: four regencies, three sectors ------------------------------------------
#        x  y  z    LQ ≥ 1 (national shares x .35, y .375, z .275)
#   A    6  4  0    x (1.71), y (1.07)
#   B    1  5  4    y (1.33), z (1.45)
#   C    2  2  6    z (2.18)
#   D    5  4  1    x (1.43), y (1.07)
COUNTS = pd.DataFrame(
    [[6, 4, 0], [1, 5, 4], [2, 2, 6], [5, 4, 1]], index=list("ABCD"), columns=list("xyz")
)
NATIONAL = COUNTS.sum()


def test_location_quotients_and_specialisation_by_hand():
    lq = relatedness.location_quotients(COUNTS, NATIONAL)
    assert lq.at["A", "x"] == pytest.approx(0.6 / 0.35)
    assert lq.at["C", "z"] == pytest.approx(0.6 / 0.275)
    assert (lq >= 1).to_dict("index") == {
        "A": {"x": True, "y": True, "z": False},
        "B": {"x": False, "y": True, "z": True},
        "C": {"x": False, "y": False, "z": True},
        "D": {"x": True, "y": True, "z": False},
    }


def test_proximity_is_the_smaller_conditional_probability():
    phi = relatedness.proximity(relatedness.location_quotients(COUNTS, NATIONAL) >= 1)
    # x in A, D; y in A, B, D; z in B, C
    assert phi.at["x", "y"] == pytest.approx(2 / 3)  # P(y|x) = 1, P(x|y) = 2/3
    assert phi.at["y", "z"] == pytest.approx(1 / 3)  # P(z|y) = 1/3, P(y|z) = 1/2
    assert phi.at["x", "z"] == 0
    assert (np.diag(phi) == 1).all() and (phi == phi.T).all().all()


def test_density_and_opportunities_by_hand():
    space = relatedness.SectorSpace(
        relatedness.proximity(relatedness.location_quotients(COUNTS, NATIONAL) >= 1), NATIONAL, 4
    )
    region_c = pd.DataFrame({"sector": ["x"] * 2 + ["y"] * 2 + ["z"] * 6})
    table = relatedness.opportunities(space, region_c)
    # C holds z only: y = (φ(x,y)·0 + φ(z,y)·1) / (2/3 + 1/3) = 1/3; x = 0 / (2/3 + 0) = 0
    assert list(table.index) == ["y", "x", "z"]
    assert table.loc[["y", "x"], "density"].tolist() == pytest.approx([1 / 3, 0])
    assert table.loc["z", "specialised"] and not table.loc["y", "specialised"]
    assert table.loc["y", "national"] == 15 and table.loc["z", "lq"] == pytest.approx(0.6 / 0.275)
    # A holds x and y: z = (φ(x,z) + φ(y,z)) / (φ(x,z) + φ(y,z)) = 1
    region_a = pd.DataFrame({"sector": ["x"] * 6 + ["y"] * 4})
    assert relatedness.opportunities(space, region_a).loc["z", "density"] == pytest.approx(1)


def test_other_is_a_strength_but_never_a_trade_to_develop():
    counts = COUNTS.rename(columns={"z": "lainnya"})
    specialised = relatedness.location_quotients(counts, counts.sum()) >= 1
    space = relatedness.SectorSpace(relatedness.proximity(specialised), counts.sum(), 4)
    region_c = pd.DataFrame({"sector": ["x"] * 2 + ["y"] * 2 + ["lainnya"] * 6})
    assert relatedness.opportunities(space, region_c).loc["lainnya", "specialised"]
    region_a = pd.DataFrame({"sector": ["x"] * 6 + ["y"] * 4})
    assert "lainnya" not in relatedness.opportunities(space, region_a).index


# -- similarity: four regencies of one province and one elsewhere ------------------------
SECTOR_A, SECTOR_B = "makanan_minuman", "kerajinan"
PROFILES = similarity.Profiles(
    sizes=pd.DataFrame(
        # log10(1 + value): P 1 2 3 5; Q 2 2 3 5; R 1 2 3 5; T 1 2 3 4
        {
            "centres": [9, 99, 9, np.nan, 9],
            "enterprises": [99, 99, 99, np.nan, 99],
            "workers": [999, 999, 999, np.nan, 999],
            "population": [99999, 99999, 99999, 5000, 9999],
        },
        index=["33.01", "33.02", "33.03", "33.04", "34.01"],
    ),
    # shares: P .8/.2, Q .6/.4, R .2/.8, S none, T .8/.2
    sectors=pd.DataFrame(
        {SECTOR_A: [8, 6, 2, 0, 8], SECTOR_B: [2, 4, 8, 0, 2]},
        index=["33.01", "33.02", "33.03", "33.04", "34.01"],
    ),
    no_data=pd.Series(
        [False, False, False, True, False], index=["33.01", "33.02", "33.03", "33.04", "34.01"]
    ),
)


def test_similar_by_sector_mix():
    peers = similarity.similar(PROFILES, "33.01", "sektor", "provinsi")
    # Q: |(.2, .2)| / √2 = 0.2; R: |(.6, .6)| / √2 = 0.6
    assert list(peers.table.index) == ["33.02", "33.03"]
    assert peers.table["similarity"].tolist() == pytest.approx([0.8, 0.4])
    assert peers.left_out == 1  # 33.04 has no data
    everywhere = similarity.similar(PROFILES, "33.01", "sektor", "indonesia")
    assert everywhere.table.index[0] == "34.01" and everywhere.table["similarity"].iloc[0] == 1


def test_similar_by_size_and_by_both():
    size = similarity.similar(PROFILES, "33.01", "ukuran", "provinsi")
    # R: the same logs; Q: one of four measures an order of magnitude off → √(1/4) = 0.5
    assert list(size.table.index) == ["33.03", "33.02"]
    assert size.table["similarity"].tolist() == pytest.approx([1.0, 0.5])
    both = similarity.similar(PROFILES, "33.01", "keduanya", "provinsi")
    # R: (0.6 + 0) / 2 → 0.7; Q: (0.2 + 0.5) / 2 → 0.65
    assert list(both.table.index) == ["33.03", "33.02"]
    assert both.table["similarity"].tolist() == pytest.approx([0.7, 0.65])


def test_a_region_without_data_has_no_peers():
    peers = similarity.similar(PROFILES, "33.04", "keduanya", "provinsi")
    assert not peers.has_data and peers.table.empty


def test_what_makes_a_peer_similar_is_said_in_the_readers_language():
    peers = similarity.similar(PROFILES, "33.01", "keduanya", "provinsi")
    said = similarity.reasons(PROFILES, peers, "id")
    assert said["33.02"].startswith("Makanan dan minuman 80% / 60%; Kerajinan 20% / 40%")
    assert "unit usaha 99 / 99" in said["33.02"]
    english = similarity.reasons(PROFILES, peers, "en")["33.03"]
    assert english.startswith("Crafts 20% / 80%") or english.startswith("Food and drink 80% / 20%")


def test_names_on_the_hot_spot_map_are_escaped():
    """An imported indicator's name and region names reach the map only escaped (README,
    Security note): the payloads that ran in a real browser before escaping existed."""
    payload = "<img src=x onerror=alert(1)>${window.parent.document.title='X'}`"
    shapes = grid().assign(name=[f"Kab. {payload}"] * 9)
    result = hotspots.hotspots(VALUES, hotspots.queen(grid()), "moran")
    view = hotspot_view(
        result, shapes, VALUES, payload, lambda v: f"{v:.0f}", "/geo.json", "c4", "id"
    )
    page = draw(view, "id", "Peta uji").get_root().render()
    assert "<img src=x" not in page and "${window" not in page
    assert view.regions[0]["name"] == escape_text(f"Kab. {payload}")
    assert "&lt;img src=x onerror=alert(1)&gt;&#36;{window" in view.regions[0]["value"]
    assert view.table.iloc[0, 0] == f"Kab. {payload}"  # the table shows names as written
