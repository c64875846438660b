"""Seeded generator of the bundled sample data: real known centres plus an illustrative fill.

Calibration targets (tests/test_sample_data.py keeps them true):
- sentra per province = the BPS 2024 count (35 provinces, 8,568); provinces without a
  published count (Banten, Bali, Papua Pegunungan) get no illustrative sentra;
- Central Java has exactly 133 clusters (2009 report) over tourism, integrated agriculture
  and industry;
- the national sector mix of the illustrative sentra follows Kemenperin's count of sentra IKM
  in 2017 by sector group (``KEMENPERIN_2017_SHARES``: pangan 40%, kerajinan dan aneka 23%,
  sandang 16%, kimia dan bahan bangunan 10%, furnitur 6%, logam/mesin/elektronika/alat angkut
  5%; industry.co.id, 18 Apr 2017, Dirjen IKM Kemenperin), each province tilted by its island
  group and the tilts fitted away nationally (``sector_probabilities``). Tourism and integrated
  agriculture are no IKM sector and get no illustrative sentra (Central Java's clusters keep
  them).
Every generated row and every number attached to a known centre is ``ilustratif``.
Illustrative centres are spread over the kecamatan of their regency, more where there are
more desa/kelurahan, and placed at the kecamatan's label point: never at invented
coordinates.
Pure: tables in, tables out. ``python -m loaders.sample_files`` reads ``geodata/`` and the
boundary layers and rewrites the bundled CSVs with it.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from sentra.schema import BUDGET_COLUMNS, CENTRE_COLUMNS, INDICATOR_COLUMNS, SECTORS

SEED = 20_241_122
CENTRAL_JAVA = "33"
CENTRAL_JAVA_CLUSTERS = 133
YEARS = range(2017, 2025)
ILLUSTRATIVE_SOURCE = "Ilustratif (sentra/sample_data.py)"

SECTOR_BY_LABEL = {labels[0].lower(): code for code, labels in SECTORS.items()}

# Kemenperin's sentra IKM of 2017 by sector group, in percent (industry.co.id, 18 Apr 2017,
# Dirjen IKM Kemenperin; ``geodata/sentra_counts_by_source.csv``, tests keep them equal), and
# the project's sectors each group covers. Within a group the split is this project's own
# illustrative assumption (crafts 14 : other 4, textiles 14 : leather and footwear 4).
KEMENPERIN_2017_SHARES: dict[str, tuple[float, dict[str, float]]] = {
    "share in food (pangan)": (40, {"makanan_minuman": 1}),
    "share in crafts and miscellaneous (kerajinan dan aneka)": (
        23,
        {"kerajinan": 14, "lainnya": 4},
    ),
    "share in clothing (sandang)": (16, {"tekstil_pakaian": 14, "kulit_alas_kaki": 4}),
    "share in chemicals and building materials": (10, {"kimia_bahan_bangunan": 1}),
    "share in furniture": (6, {"kayu_rotan": 1}),
    "share in metal, machinery, electronics and transport equipment": (5, {"logam_mesin": 1}),
}
# The national share of each sector among the illustrative sentra (sums to 1); sectors not
# named (tourism, integrated agriculture) get none.
SECTOR_TARGETS: dict[str, float] = {
    sector: share / 100 * part / sum(parts.values())
    for share, parts in KEMENPERIN_2017_SHARES.values()
    for sector, part in parts.items()
}
# Regional tilts multiply the fitted national weights: a province leans towards its island
# group's trades, the national mix stays at the targets.
_TILTS = {
    "jawa": {"tekstil_pakaian": 1.6, "kulit_alas_kaki": 2.0, "logam_mesin": 1.6, "kerajinan": 1.2},
    "bali_nusra": {"kerajinan": 2.0, "tekstil_pakaian": 1.5},
    "sumatera_kalimantan": {"kayu_rotan": 1.5, "makanan_minuman": 1.2},
    "timur": {"makanan_minuman": 1.3, "logam_mesin": 0.4},
}
_COMMODITIES = {
    "makanan_minuman": [
        "keripik",
        "tahu",
        "tempe",
        "kerupuk",
        "gula aren",
        "dodol",
        "abon ikan",
        "terasi",
        "emping melinjo",
        "kopi bubuk",
        "roti",
        "ikan asin",
    ],
    "tekstil_pakaian": ["batik", "tenun ikat", "konveksi", "bordir", "songket", "rajut"],
    "kulit_alas_kaki": ["sepatu", "tas kulit", "jaket kulit", "sandal", "penyamakan kulit"],
    "kayu_rotan": ["mebel kayu", "ukiran kayu", "anyaman rotan", "kerajinan bambu"],
    "kerajinan": ["gerabah", "anyaman pandan", "perak", "kerajinan kerang", "batu ukir", "wayang"],
    "logam_mesin": ["pandai besi", "pengecoran logam", "alat pertanian", "knalpot", "bengkel las"],
    "pertanian_terpadu": [
        "kopi",
        "kakao",
        "salak",
        "jambu air",
        "padi organik",
        "ikan air tawar",
        "rumput laut",
        "madu",
    ],
    "pariwisata": ["desa wisata", "kuliner khas", "homestay", "cenderamata"],
    "kimia_bahan_bangunan": ["genteng", "batu bata", "kapur", "minyak atsiri", "sabun", "paving"],
    "lainnya": ["daur ulang plastik", "percetakan", "kosmetik herbal"],
}
# Central Java's 133 clusters: tourism, integrated agriculture and industry (2009 report).
_CLUSTER_GROUPS = {
    "pariwisata": ["pariwisata"],
    "pertanian_terpadu": ["pertanian_terpadu"],
    "industri": [
        "tekstil_pakaian",
        "kayu_rotan",
        "makanan_minuman",
        "logam_mesin",
        "kulit_alas_kaki",
        "kerajinan",
    ],
}
_EXPORT_SHARE = {"jawa": 0.12, "bali_nusra": 0.10, "sumatera_kalimantan": 0.04, "timur": 0.02}
_DESTINATIONS = [
    "Malaysia",
    "Singapura",
    "Jepang",
    "Amerika Serikat",
    "Belanda",
    "Australia",
    "Tiongkok",
    "Arab Saudi",
    "Korea Selatan",
    "Jerman",
]
_BODIES = (
    ["pemda", "kemenperin", "kemenkop_ukm", "bank_indonesia", "lainnya"],
    [0.40, 0.33, 0.17, 0.05, 0.05],
)


def island_group(province_code: str) -> str:
    first = province_code[0]
    if first == "3":
        return "jawa"
    if first == "5":
        return "bali_nusra"
    if first in "126":
        return "sumatera_kalimantan"
    return "timur"


def sector_probabilities(counts: dict[str, int]) -> tuple[list[str], dict[str, np.ndarray]]:
    """The sectors and, per province of ``counts`` (province -> sentra), the probability of
    each: national weights times the island group's tilt, with the national weights fitted so
    that the expected national mix of all ``counts`` sentra is ``SECTOR_TARGETS``."""
    sectors = list(SECTOR_TARGETS)
    target = np.array([SECTOR_TARGETS[c] for c in sectors])
    tilts = {
        province: np.array([_TILTS[island_group(province)].get(c, 1.0) for c in sectors])
        for province in counts
    }
    total = sum(counts.values()) or 1
    weights = target.copy()
    for _ in range(500):
        probabilities = {p: weights * tilt / (weights * tilt).sum() for p, tilt in tilts.items()}
        expected = sum(counts[p] * probabilities[p] for p in counts) / total
        if not counts or np.abs(expected - target).max() < 1e-12:
            break
        weights = weights * target / expected
    return sectors, probabilities


def _short(regency_name: str) -> str:
    for prefix in ("Kota Administrasi ", "Kabupaten Administrasi ", "Kabupaten ", "Kota "):
        if regency_name.startswith(prefix):
            return regency_name[len(prefix) :]
    return regency_name


def _allocate(total: int, regencies: pd.DataFrame, rng: np.random.Generator) -> np.ndarray:
    """Split ``total`` over regencies: kabupaten weigh more than kota, with noise."""
    weights = np.where(regencies["kind"].to_numpy() == "kota", 0.6, 1.0)
    weights = weights * rng.lognormal(0.0, 0.5, len(regencies))
    return rng.multinomial(total, weights / weights.sum())


def known_centres(known: pd.DataFrame) -> pd.DataFrame:
    """The real, well-known centres (``known_centres.csv`` as text) in the centres schema:
    name, place, sector, commodity; no invented figures.

    Export reach is set only where the 2009 report says the cluster reached foreign markets;
    the Depperindag clusters of 2007 are fostered by Kemenperin (Depperindag's successor).
    """
    known = known.fillna("")
    note = known["note"]
    return pd.DataFrame(
        {
            "id": [f"KC-{i:03d}" for i in range(1, len(known) + 1)],
            "name": known["name"],
            "kind": known["kind"],
            "sector": known["sector"].str.lower().map(SECTOR_BY_LABEL),
            "commodity": known["commodity"],
            "province_code": known["regency_code"].str[:2],
            "regency_code": known["regency_code"],
            "kecamatan_code": known["kecamatan_code"].mask(known["kecamatan_code"] == ""),
            "source": "Sentra/klaster terkenal (nama dan tempat: pengetahuan umum)"
            + note.map(lambda n: f"; {n}" if n else ""),
            "export_reach": np.where(note.str.contains("export"), "ekspor", None),
            "fostering_body": np.where(note.str.contains("Depperindag"), "kemenperin", None),
            "status": "aktif",
            "data_status": "sumber",
        }
    )


def _figures(frame: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """Illustrative numbers: enterprises, workers, turnover, reach, body, status, year."""
    n = len(frame)
    is_cluster = (frame["kind"] == "klaster").to_numpy()
    enterprises = np.where(
        is_cluster, rng.lognormal(np.log(120), 0.6, n), rng.lognormal(np.log(25), 0.7, n)
    )
    enterprises = np.clip(np.round(enterprises), 3, 3000).astype(int)
    workers = np.round(enterprises * rng.uniform(2.0, 6.0, n)).astype(int)
    turnover = enterprises * rng.lognormal(np.log(150e6), 0.6, n)  # Rp per year
    groups = frame["province_code"].map(island_group)
    export_share = groups.map(_EXPORT_SHARE).to_numpy()
    draw = rng.uniform(0, 1, n)
    reach = np.select(
        [draw < export_share, draw < export_share + 0.2, draw < export_share + 0.5],
        ["ekspor", "nasional", "regional"],
        "lokal",
    )
    destinations = [
        "; ".join(sorted(rng.choice(_DESTINATIONS, size=rng.integers(1, 4), replace=False)))
        if r == "ekspor"
        else ""
        for r in reach
    ]
    frame = frame.copy()
    frame["enterprises"] = enterprises
    frame["workers"] = workers
    frame["turnover_rp"] = np.round(turnover, -6).astype(np.int64)
    frame["export_reach"] = reach
    frame["export_destinations"] = destinations
    frame["fostering_body"] = rng.choice(_BODIES[0], size=n, p=_BODIES[1])
    frame["status"] = np.where(rng.uniform(0, 1, n) < 0.92, "aktif", "tidak_aktif")
    frame["year_established"] = np.clip(2024 - rng.gamma(2.0, 9.0, n).astype(int), 1950, 2023)
    return frame


def illustrative_centres(
    counts: dict[str, int], regencies: pd.DataFrame, rng: np.random.Generator
) -> pd.DataFrame:
    """``counts[province]`` sentra spread over that province's regencies, with sectors drawn
    by ``sector_probabilities`` and commodities by sector."""
    parts = []
    sectors, probabilities = sector_probabilities(counts)
    for province_code, total in sorted(counts.items()):
        kab = regencies[regencies["province_code"] == province_code].reset_index(drop=True)
        weights = probabilities[province_code]
        per_regency = _allocate(total, kab, rng)
        parts.append(
            pd.DataFrame(
                {
                    "province_code": province_code,
                    "regency_code": np.repeat(kab["code"].to_numpy(), per_regency),
                    "regency_name": np.repeat(kab["name"].to_numpy(), per_regency),
                    "sector": rng.choice(sectors, size=int(per_regency.sum()), p=weights),
                }
            )
        )
    frame = pd.concat(parts, ignore_index=True)
    frame["commodity"] = ""
    for sector, options in _COMMODITIES.items():  # one vectorised draw per sector
        rows = (frame["sector"] == sector).to_numpy()
        frame.loc[rows, "commodity"] = rng.choice(options, size=int(rows.sum()))
    frame["kind"] = "sentra"
    return frame


def _central_java_clusters(
    total: int, regencies: pd.DataFrame, rng: np.random.Generator
) -> pd.DataFrame:
    kab = regencies[regencies["province_code"] == CENTRAL_JAVA].reset_index(drop=True)
    groups = rng.choice(list(_CLUSTER_GROUPS), size=total, p=[0.27, 0.33, 0.40])
    picks = rng.integers(0, len(kab), size=total)
    sectors = [str(rng.choice(_CLUSTER_GROUPS[g])) for g in groups]
    return pd.DataFrame(
        {
            "province_code": CENTRAL_JAVA,
            "regency_code": kab.loc[picks, "code"].to_numpy(),
            "regency_name": kab.loc[picks, "name"].to_numpy(),
            "sector": sectors,
            "commodity": [str(rng.choice(_COMMODITIES[s])) for s in sectors],
            "kind": "klaster",
        }
    )


def _name(frame: pd.DataFrame) -> pd.Series:
    base = (
        frame["kind"].map({"sentra": "Sentra", "klaster": "Klaster"})
        + " "
        + frame["commodity"].str.title()
        + " "
        + frame["regency_name"].map(_short)
    )
    number = base.groupby(base).cumcount() + 1
    return base + np.where(number > 1, " " + number.astype(str), "")


def place_in_kecamatan(
    centres: pd.DataFrame, kecamatan: pd.DataFrame, rng: np.random.Generator
) -> pd.Series:
    """A kecamatan for each centre: drawn within its regency, weighted by ``kecamatan``'s
    ``weight`` column (the bundled sample uses the number of desa/kelurahan, a stand-in for
    population, which the code list does not give per kecamatan)."""
    placed = pd.Series(None, index=centres.index, dtype=object)
    options = kecamatan.groupby("regency_code")
    for regency, rows in centres.groupby("regency_code").groups.items():
        if regency not in options.groups:
            continue
        group = options.get_group(regency)
        weights = group["weight"].to_numpy(dtype=float)
        placed[rows] = rng.choice(
            group["code"].to_numpy(), size=len(rows), p=weights / weights.sum()
        )
    return placed


def build_centres(
    regencies: pd.DataFrame,
    sentra_2024: pd.DataFrame,
    known_raw: pd.DataFrame,
    kecamatan: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Known centres plus the calibrated illustrative fill, in the centres schema.

    ``kecamatan`` (code, regency_code, weight) spreads the illustrative centres over the
    kecamatan of their regency; known centres keep the kecamatan their file gives.
    """
    rng = np.random.default_rng(SEED)
    known = known_centres(known_raw)
    known_sentra = known[known["kind"] == "sentra"].groupby("province_code").size()
    counts = {
        row.province_code: int(row.sentra_industri) - int(known_sentra.get(row.province_code, 0))
        for row in sentra_2024.itertuples()
    }
    known_jateng_clusters = int(
        ((known["kind"] == "klaster") & (known["province_code"] == CENTRAL_JAVA)).sum()
    )
    generated = pd.concat(
        [
            illustrative_centres(counts, regencies, rng),
            _central_java_clusters(CENTRAL_JAVA_CLUSTERS - known_jateng_clusters, regencies, rng),
        ],
        ignore_index=True,
    )
    generated["name"] = _name(generated)
    generated["id"] = [f"IL-{i:05d}" for i in range(1, len(generated) + 1)]
    generated["source"] = ILLUSTRATIVE_SOURCE
    generated["data_status"] = "ilustratif"
    generated = _figures(generated, rng)
    if kecamatan is not None:  # its own draws: the other columns stay as they were
        generated["kecamatan_code"] = place_in_kecamatan(
            generated, kecamatan, np.random.default_rng(SEED + 2)
        )
    centres = pd.concat([known, generated], ignore_index=True)
    for column in ("enterprises", "workers", "turnover_rp", "year_established"):
        centres[column] = centres[column].astype("Int64")
    centres["lat"] = np.nan
    centres["lng"] = np.nan
    return centres.reindex(columns=list(CENTRE_COLUMNS))


def scaled_centres(
    n: int,
    regencies: pd.DataFrame,
    sentra_2024: pd.DataFrame,
    seed: int = SEED,
    kecamatan: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """About ``n`` illustrative centres spread like the BPS 2024 counts (for benchmarks),
    and over the kecamatan of their regency when ``kecamatan`` is given."""
    rng = np.random.default_rng(seed)
    total = sentra_2024["sentra_industri"].sum()
    counts = {
        row.province_code: max(1, round(row.sentra_industri * n / total))
        for row in sentra_2024.itertuples()
    }
    frame = illustrative_centres(counts, regencies, rng)
    frame["name"] = _name(frame)
    frame["id"] = [f"BM-{i:07d}" for i in range(1, len(frame) + 1)]
    frame["source"] = ILLUSTRATIVE_SOURCE
    frame["data_status"] = "ilustratif"
    frame = _figures(frame, rng)
    if kecamatan is not None:
        frame["kecamatan_code"] = place_in_kecamatan(frame, kecamatan, rng)
    frame["lat"] = np.nan
    frame["lng"] = np.nan
    return frame.reindex(columns=list(CENTRE_COLUMNS))


def build_budgets(centres: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """Allocations 2019–2024: DAK/APBN to a share of centres, APBD programmes per province."""
    rows = []
    for year in range(2019, 2025):
        illustrative = centres[centres["data_status"] == "ilustratif"]
        chosen = illustrative.sample(frac=0.12, random_state=int(rng.integers(1e9)))
        for centre in chosen.itertuples():
            source = "DAK" if year >= 2019 and rng.uniform() < 0.5 else "APBN"
            programme = (
                "Revitalisasi sentra IKM" if source == "DAK" else "Pengembangan sentra/klaster"
            )
            amount = float(np.round(rng.lognormal(np.log(400e6), 0.6), -6))
            rows.append((centre.id, centre.regency_code, year, source, programme, amount))
        for province, group in centres.groupby("province_code"):
            amount = float(np.round(len(group) * rng.lognormal(np.log(15e6), 0.4), -6))
            rows.append(("", province, year, "APBD", "Pembinaan IKM daerah", amount))
    frame = pd.DataFrame(
        rows,
        columns=["centre_id", "region_code", "year", "funding_source", "programme", "amount_rp"],
    )
    frame["source"] = ILLUSTRATIVE_SOURCE
    frame["data_status"] = "ilustratif"
    return frame[list(BUDGET_COLUMNS)]


def build_indicators(
    centres: pd.DataFrame, facts: pd.DataFrame, rng: np.random.Generator
) -> pd.DataFrame:
    """Per province and year: output growth %, turnover and enterprises (walked back from 2024).

    Published growth figures (DIY and national, Q4 2017) replace the generated value for that
    year and keep their source and ``sumber`` status.
    """
    rows = []
    for province, group in centres.groupby("province_code"):
        growth = rng.normal(5.0, 3.0, len(YEARS))
        turnover = float(group["turnover_rp"].sum())
        enterprises = float(group["enterprises"].sum())
        for year, g in zip(reversed(YEARS), reversed(growth), strict=True):
            rows.append((province, year, "pertumbuhan_output_pct", round(g, 2), "%"))
            rows.append((province, year, "omzet_rp", float(np.round(turnover, -6)), "Rp"))
            rows.append((province, year, "unit_usaha", float(round(enterprises)), "unit"))
            turnover /= 1 + g / 100
            enterprises /= 1 + g / 200
    frame = pd.DataFrame(rows, columns=["region_code", "year", "indicator", "value", "unit"])
    frame["centre_id"] = ""
    frame["source"] = ILLUSTRATIVE_SOURCE
    frame["data_status"] = "ilustratif"
    published = facts[
        facts["fact_id"].isin(["imk_growth_diy_q4_2017", "imk_growth_national_q4_2017"])
    ]
    for fact in published.itertuples():
        region = "" if pd.isna(fact.region_code) else str(fact.region_code)
        mask = (frame["region_code"] == region) & (frame["year"] == int(fact.year))
        mask &= frame["indicator"] == "pertumbuhan_output_pct"
        frame = frame[~mask]
        extra = {
            "region_code": region,
            "centre_id": "",
            "year": int(fact.year),
            "indicator": "pertumbuhan_output_pct",
            "value": float(fact.value),
            "unit": "%",
            "source": fact.source,
            "data_status": "sumber",
        }
        frame = pd.concat([frame, pd.DataFrame([extra])], ignore_index=True)
    return frame[list(INDICATOR_COLUMNS)].sort_values(["region_code", "indicator", "year"])
