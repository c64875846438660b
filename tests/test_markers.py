"""Where a centre's marker sits: its own coordinates, else its kecamatan's label point, else
its regency's — and the popup says which."""

from __future__ import annotations

import pandas as pd
import shapely

from loaders.sample_files import GEODATA
from sentra.map_build import centre_markers
from sentra.markers import approx_counts, marker_rows


def _centres() -> pd.DataFrame:
    text = {c: str for c in ("id", "province_code", "regency_code", "kecamatan_code")}
    return pd.read_csv(GEODATA / "centres.csv", dtype=text)


def test_simbang_kulon_sits_in_buaran_and_says_so(synthetic_layers):
    centres = _centres()
    simbang = centres[centres["name"] == "Klaster Batik Simbang Kulon (Kec. Buaran)"]
    row = marker_rows(simbang, synthetic_layers.all_regions, "id")[simbang["id"].iloc[0]]
    buaran = synthetic_layers.kecamatan.set_index("code").geometry["33.26.14"]
    assert buaran.contains(shapely.Point(row[1], row[0]))
    assert row[9] == 2
    popup = centre_markers([row], ["a", "b", "c", "d", "e", "kab", "kecamatan-label"])
    assert "L_[4 + row[9]]" in popup.callback
    assert "kecamatan-label" in popup.callback


def test_without_kecamatan_at_regency_label_point_with_own_coordinates_there(synthetic_layers):
    centres = _centres()
    jambu = centres[centres["name"] == "Klaster Jambu Demak"].copy()
    own = jambu.assign(id="own", lat=-6.9, lng=110.64)
    rows = marker_rows(pd.concat([jambu, own]), synthetic_layers.all_regions, "en")
    regency = synthetic_layers.regions.loc["33.21"]
    first = rows[jambu["id"].iloc[0]]
    assert first[:2] == [round(regency["label_lat"], 5), round(regency["label_lng"], 5)]
    assert first[9] == 1 and rows["own"][:2] == [-6.9, 110.64] and rows["own"][9] == 0
    assert approx_counts(list(rows.values())) == (0, 1)


def test_kecamatan_spread_gives_a_regency_many_points(synthetic_layers):
    centres = _centres()
    pekalongan = centres[centres["regency_code"] == "33.26"]
    rows = marker_rows(pekalongan, synthetic_layers.all_regions, "id").values()
    points = {(r[0], r[1]) for r in rows}
    assert len(points) >= 15  # was one dot for the whole regency
    assert approx_counts(list(rows)) == (len(pekalongan), 0)
