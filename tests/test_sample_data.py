"""The bundled sample stays calibrated to the published figures and honest about itself."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from loaders import sample_files
from sentra.sample_data import KEMENPERIN_2017_SHARES, SECTOR_TARGETS, sector_probabilities
from sentra.schema import SECTORS

GEODATA = sample_files.GEODATA
BPS = pd.read_csv(GEODATA / "sentra_industri_by_province_2024.csv", dtype={"province_code": str})


@pytest.fixture(scope="module")
def centres() -> pd.DataFrame:
    return pd.read_csv(GEODATA / "centres.csv", dtype={"province_code": str, "regency_code": str})


@pytest.mark.parametrize("row", list(BPS.itertuples()), ids=lambda r: r.province_name)
def test_sentra_per_province_equals_bps_2024(centres, row):
    sentra = centres[
        (centres["kind"] == "sentra") & (centres["province_code"] == row.province_code)
    ]
    assert len(sentra) == row.sentra_industri


def test_national_total_of_published_provinces_is_8568(centres):
    published = centres[centres["province_code"].isin(BPS["province_code"])]
    assert (published["kind"] == "sentra").sum() == 8568 == BPS["sentra_industri"].sum()


@pytest.mark.parametrize("province", ["36", "51", "95"])
def test_provinces_without_bps_count_get_no_illustrative_sentra(centres, province):
    rows = centres[centres["province_code"] == province]
    assert (rows["data_status"] == "ilustratif").sum() == 0


def test_central_java_has_exactly_133_clusters_in_three_fields(centres):
    clusters = centres[(centres["kind"] == "klaster") & (centres["province_code"] == "33")]
    assert len(clusters) == 133
    industry = {
        "tekstil_pakaian",
        "kayu_rotan",
        "makanan_minuman",
        "logam_mesin",
        "kulit_alas_kaki",
        "kerajinan",
    }
    assert set(clusters["sector"]) <= industry | {"pariwisata", "pertanian_terpadu"}
    assert (clusters["sector"] == "pariwisata").sum() > 10
    assert (clusters["sector"] == "pertanian_terpadu").sum() > 10
    assert clusters["sector"].isin(industry).sum() > 10


def test_every_generated_row_is_illustrative_and_known_centres_carry_no_figures(centres):
    generated = centres[centres["id"].str.startswith("IL-")]
    assert (generated["data_status"] == "ilustratif").all()
    known = centres[centres["id"].str.startswith("KC-")]
    assert len(known) == 30 and (known["data_status"] == "sumber").all()
    assert known[["enterprises", "workers", "turnover_rp"]].isna().all().all()
    assert set(centres["sector"]) <= set(SECTORS)


def test_regions_vary_plausibly(centres):
    exporting = (
        centres.assign(exp=centres["export_reach"] == "ekspor")
        .groupby(centres["province_code"].str[0])["exp"]
        .mean()
    )
    assert exporting["3"] > exporting["9"]  # Java exports more than Papua
    crafts = centres[centres["sector"] == "kerajinan"].groupby("province_code").size()
    assert crafts.get("52", 0) / 331 > crafts.get("12", 0) / 298  # NTB vs North Sumatra


def test_national_illustrative_sector_mix_follows_kemenperin_2017(centres):
    """Kemenperin's sentra IKM of 2017 by sector group (industry.co.id, 18 Apr 2017, Dirjen
    IKM Kemenperin): the illustrative sentra nationally within 2 points of each group."""
    published = pd.read_csv(GEODATA / "sentra_counts_by_source.csv")
    shares = published[(published["year"] == 2017) & (published["unit"] == "percent")]
    assert dict(zip(shares["indicator"], shares["value"], strict=True)) == {
        indicator: share for indicator, (share, _) in KEMENPERIN_2017_SHARES.items()
    }
    generated = centres[(centres["kind"] == "sentra") & (centres["data_status"] == "ilustratif")]
    assert len(generated) == 8568 - 22  # BPS 2024 less the 22 known sentra in those provinces
    mix = generated["sector"].value_counts(normalize=True) * 100
    for indicator, (share, parts) in KEMENPERIN_2017_SHARES.items():
        assert abs(mix.reindex(list(parts)).fillna(0).sum() - share) <= 2, indicator
    # no IKM group covers tourism or integrated agriculture: no illustrative sentra there
    assert set(generated["sector"]) == set(SECTOR_TARGETS)
    assert not {"pariwisata", "pertanian_terpadu"} & set(generated["sector"])


def test_sector_weights_lean_by_region_and_still_meet_the_national_targets():
    counts = dict(zip(BPS["province_code"], BPS["sentra_industri"], strict=True))
    sectors, probabilities = sector_probabilities(counts)
    total = sum(counts.values())
    expected = sum(counts[p] * probabilities[p] for p in counts) / total
    assert expected == pytest.approx([SECTOR_TARGETS[s] for s in sectors], abs=1e-9)
    crafts = sectors.index("kerajinan")
    assert probabilities["52"][crafts] > probabilities["12"][crafts]  # NTB vs North Sumatra
    assert all(p.sum() == pytest.approx(1) for p in probabilities.values())


def test_generator_reproduces_the_bundled_files_exactly(layers, tmp_path):
    sample_files.write_all(layers.regencies[["code", "name", "kind", "province_code"]], tmp_path)
    for name in ("centres.csv", "budgets.csv", "indicators.csv"):
        assert (tmp_path / name).read_bytes() == (GEODATA / name).read_bytes(), name


def test_budgets_and_growth_within_realistic_ranges():
    budgets = pd.read_csv(GEODATA / "budgets.csv")
    assert budgets["amount_rp"].between(1e6, 1e11).all()
    assert set(budgets["funding_source"]) <= {"APBN", "DAK", "APBD", "lainnya"}
    indicators = pd.read_csv(GEODATA / "indicators.csv", dtype={"region_code": str})
    growth = indicators[indicators["indicator"] == "pertumbuhan_output_pct"]
    assert growth["value"].between(-15, 25).all()
    diy = growth[(growth["region_code"] == "34") & (growth["year"] == 2017)]
    assert diy["value"].tolist() == [17.28] and diy["data_status"].tolist() == ["sumber"]


@pytest.mark.slow  # ../shared/data
def test_facts_tables_are_the_published_copies():
    shared = GEODATA.parent.parent / "shared" / "data"
    if not shared.exists():
        pytest.skip("../shared/data not beside this checkout")
    for name in (
        "facts.csv",
        "sentra_industri_by_province_2024.csv",
        "known_centres.csv",
        "sentra_counts_by_source.csv",
    ):
        assert (GEODATA / name).read_bytes() == (shared / name).read_bytes()
    assert pd.read_csv(io.BytesIO((GEODATA / "facts.csv").read_bytes()))["source"].notna().all()


def test_known_centres_carry_their_kecamatan(centres):
    known = centres[centres["id"].str.startswith("KC-")].set_index("name")
    published = pd.read_csv(GEODATA / "known_centres.csv", dtype=str).set_index("name")
    assert known["kecamatan_code"].notna().sum() == 23
    assert (known["kecamatan_code"].dropna() == published["kecamatan_code"].dropna()).all()
    assert known.loc["Klaster Batik Simbang Kulon (Kec. Buaran)", "kecamatan_code"] == "33.26.14"


@pytest.mark.slow  # the real 2025 code list (desa per kecamatan)
def test_illustrative_centres_spread_over_kecamatan_with_more_desa(centres):
    generated = centres[centres["id"].str.startswith("IL-")]
    kecamatan = sample_files.kecamatan_weights().set_index("code")
    assert generated["kecamatan_code"].notna().all()
    parents = kecamatan["regency_code"].reindex(generated["kecamatan_code"]).to_numpy()
    assert (parents == generated["regency_code"].to_numpy()).all()
    assert generated["kecamatan_code"].nunique() > 2500  # spread, not one dot per regency
    # More desa/kelurahan, more centres: compare the busiest and the quietest halves.
    per_kecamatan = generated.groupby("kecamatan_code").size()
    weight = kecamatan["weight"].reindex(per_kecamatan.index)
    assert (
        per_kecamatan[weight > weight.median()].mean()
        > per_kecamatan[weight <= weight.median()].mean()
    )
    assert (generated["lat"].isna() & generated["lng"].isna()).all()  # never invented points
