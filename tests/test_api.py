"""The read API through FastAPI's test client, on both store backends: every route, each
compared with the functions the dashboard's pages call for the same filters; versions,
ETags and 304; hostile parameters refused without touching the store; the schema and the
offline documentation page.

The fast tier runs on DuckDB with the synthetic boundaries (tests/synthetic.py); the same
tests on PostgreSQL are slow. ``tests/test_api_server.py`` runs the real server.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass

import pandas as pd
import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.data import DataSource
from api.models import (
    BudgetTable,
    CentrePage,
    Comparison,
    FactList,
    GrowthTable,
    IndicatorList,
    IndicatorValues,
    ReachTable,
    RegionList,
    RegionSummary,
    SectorTable,
    VersionList,
)
from loaders.export import geojson_document, to_csv_bytes
from loaders.reference import coverage_at, imported_indicators, load_reference, reference_at
from loaders.store import Store
from sentra import aggregate
from sentra.coverage import source_of
from sentra.facts import fact_numbers
from sentra.filters import Filters, filter_centres
from sentra.i18n import t
from sentra.indicators import headline
from tests.stores import on_both_backends

FILTERED = "sektor=kerajinan&sektor=makanan_minuman&tahun=2019-2022"
FILTERS = Filters.of(sektor=["kerajinan", "makanan_minuman"], tahun=(2019, 2022))


def pytest_generate_tests(metafunc):
    on_both_backends(metafunc)


@dataclass
class Api:
    client: TestClient
    source: DataSource
    store: Store

    def get(self, url: str, **kwargs):
        return self.client.get(url, **kwargs)

    def json(self, url: str) -> dict:
        response = self.get(url)
        assert response.status_code == 200, response.text
        return response.json()

    def dashboard(self, version: int | None = None) -> tuple[pd.DataFrame, object]:
        """What the pages read for a version, straight from the store: all centres and the
        reference tables with that version's complete lists (``ui.cached``'s doors)."""
        version = version or self.store.current_version()
        base = load_reference(self.store, self.source.layers.all_regions)
        return self.store.centres(version), reference_at(base, self.store, version)


@pytest.fixture
def api(fresh_store, synthetic, synthetic_layers) -> Iterator[Api]:
    store = fresh_store.open()
    source = DataSource(store, synthetic_layers)
    with TestClient(create_app(source)) as client:
        yield Api(client, source, store)


def _add_indicator(store: Store) -> None:
    values = pd.DataFrame(
        {
            "region_code": ["33.26", "33.26", "33.01", "34.02"],
            "year": [2022, 2023, 2023, 2023],
            "value": [41.0, 43.0, 12.5, 7.0],
        }
    )
    meta = {
        "key": "jumlah_sentra_ikm",
        "name": "Jumlah sentra IKM",
        "unit": "unit",
        "source": "BPS, Jawa Tengah Dalam Angka 2024",
        "level": "regency",
        "data_status": "sumber",
        "label": "Impor sentra_ikm.csv",
    }
    store.import_regional_indicator(meta, values)


def _new_centres(prefix: str, names: list[str]) -> pd.DataFrame:
    n = len(names)
    return pd.DataFrame(
        {
            "id": [f"{prefix}-{i}" for i in range(n)],
            "name": names,
            "kind": "sentra",
            "sector": "kerajinan",
            "commodity": "gerabah",
            "province_code": "34",
            "regency_code": "34.02",
            "enterprises": 10,
            "workers": 30,
            "turnover_rp": 1.5e9,
            "export_reach": "ekspor",
            "fostering_body": "pemda",
            "status": "aktif",
            "source": "uji",
            "data_status": "sumber",
        }
    )


def same(got: object, want: float) -> bool:
    """A JSON number equal to ``want``, or null where ``want`` is "no data" (NaN)."""
    if pd.isna(want):
        return got is None
    return got == pytest.approx(want, rel=1e-12)


# -- /wilayah ------------------------------------------------------------------------------
def test_regions_list_levels_parents_population_and_area(api):
    regions = api.source.layers.all_regions
    provinces = api.json("/api/v1/wilayah")
    RegionList.model_validate(provinces)
    expected = sorted(c for c in regions.index if len(c) == 2)
    assert [r["code"] for r in provinces["data"]] == expected
    assert provinces["count"] == len(expected) and provinces["tingkat"] == "provinsi"

    regencies = api.json("/api/v1/wilayah?induk=33")
    assert regencies["tingkat"] == "kabupaten"
    assert {r["code"] for r in regencies["data"]} == {
        c for c in regions.index if len(c) == 5 and c.startswith("33.")
    }
    population = api.source.reference.population
    for row in regencies["data"]:
        assert row["parent_code"] == "33" and row["level"] == "kabupaten"
        assert row["population"] == population[row["code"]]
        assert row["area_km2"] == pytest.approx(regions.at[row["code"], "area_km2"], rel=1e-12)

    kecamatan = api.json("/api/v1/wilayah?tingkat=kecamatan&induk=33.26")
    assert {r["code"] for r in kecamatan["data"]} == {
        c for c in regions.index if c.startswith("33.26.")
    }
    assert all(r["population"] is None for r in kecamatan["data"])  # none published
    assert api.get("/api/v1/wilayah?tingkat=provinsi&induk=33").status_code == 422


def test_region_summary_equals_the_profiles_headline_and_per_person_row(api):
    centres, ref = api.dashboard()
    version = api.store.current_version()
    cover = coverage_at(ref, api.store, version)
    for code, query, filters in (
        ("33", FILTERED, FILTERS),
        ("33.26", "", Filters()),
        ("33.26.14", "pasar=ekspor", Filters.of(pasar=["ekspor"])),
        ("indonesia", "", Filters()),
        ("36", "", Filters()),  # Banten: no BPS 2024 count, per-person "no data"
    ):
        region = None if code == "indonesia" else code
        answer = api.json(f"/api/v1/wilayah/{code}?{query}")
        RegionSummary.model_validate(answer)
        filtered = filter_centres(centres, filters)
        h = headline(aggregate.scope(filtered, region), ref, filters, region)
        people = aggregate.per_person_figures(filtered, centres, ref, filters, region)
        got = {k: v["value"] for k, v in answer["figures"].items()}
        for key in ("sentra", "enterprises", "workers", "budget_rp", "budget_region_rp"):
            assert got[key] == h[key], (code, key)
        assert got["klaster"] == (None if pd.isna(h["klaster"]) else h["klaster"])
        assert same(got["export_share"], h["export_share"] / 100)
        for key in ("population", "centres_per_100k", "workers_per_1000"):
            assert same(got[key], people[key]), (code, key)
        assert answer["illustrative_share"] == h["illustrative_share"]
        assert answer["coverage"]["text"] == source_of(cover, region, "id")
        assert answer["versi"] == version
    english = api.json("/api/v1/wilayah/33?lang=en")
    assert english["figures"]["population"]["source"] == t("population_source", "en")
    assert english["figures"]["budget_rp"]["unit"] == "rupiah"
    assert english["figures"]["export_share"]["unit"] == "fraction"


def test_profile_tables_equal_the_profiles_charts(api):
    _, ref = api.dashboard()
    centres = filter_centres(api.dashboard()[0], FILTERS)
    scoped = aggregate.scope(centres, "33")
    sectors = api.json(f"/api/v1/wilayah/33/sektor?{FILTERED}")
    SectorTable.model_validate(sectors)
    mix = aggregate.mix(scoped, "sector")
    assert [(r["sector"], r["centres"]) for r in sectors["data"]] == list(mix.items())
    assert sectors["filters"] == {
        "sektor": ["makanan_minuman", "kerajinan"],
        "tahun": ["2019-2022"],
    }

    reach = api.json(f"/api/v1/wilayah/33/pasar?{FILTERED}")
    ReachTable.model_validate(reach)
    assert [(r["export_reach"], r["centres"]) for r in reach["data"]] == list(
        aggregate.reach_mix(scoped).items()
    )

    budget = api.json(f"/api/v1/wilayah/33/anggaran?{FILTERED}")
    BudgetTable.model_validate(budget)
    expected = aggregate.budget_by_year(scoped, ref, FILTERS, "33")
    assert [tuple(r.values()) for r in budget["data"]] == list(expected.itertuples(index=False))
    assert budget["regional_programmes_included"] is False  # a sector filter is active
    whole = api.json("/api/v1/wilayah/33/anggaran")
    assert whole["regional_programmes_included"] is True
    assert sum(r["amount_rp"] for r in whole["data"]) > sum(r["amount_rp"] for r in budget["data"])

    growth = api.json("/api/v1/wilayah/33.26.14/pertumbuhan?tahun=2019-2022")
    GrowthTable.model_validate(growth)
    series = aggregate.growth_series(ref, "33", Filters.of(tahun=(2019, 2022)))
    assert [(r["region_code"], r["year"], r["growth_pct"]) for r in growth["data"]] == list(
        zip(series["region_code"], series["year"], series["value"], strict=True)
    )
    assert growth["series_of"] == "33"


# -- /sentra -------------------------------------------------------------------------------
def test_centre_pages_by_cursor_and_offset_cover_the_filtered_centres_once(api):
    centres, _ = api.dashboard()
    expected = aggregate.scope(filter_centres(centres, FILTERS), "33")
    seen, url, pages = [], f"/api/v1/sentra?{FILTERED}&wilayah=33&limit=150", 0
    while url:
        page = api.json(url)
        CentrePage.model_validate(page)
        assert page["total"] == len(expected)
        seen += [row["id"] for row in page["data"]]
        url, pages = page["next"], pages + 1
    assert seen == list(expected["id"]) and pages == -(-len(expected) // 150)
    second = api.json(f"/api/v1/sentra?{FILTERED}&wilayah=33&limit=150&offset=150")
    assert [r["id"] for r in second["data"]] == list(expected["id"].iloc[150:300])
    first = api.json(f"/api/v1/sentra?{FILTERED}&wilayah=33&limit=3")
    expected_rows = json.loads(expected.head(3).to_json(orient="records"))
    assert first["data"] == expected_rows


def test_csv_and_geojson_pages_are_the_data_pages_downloads(api):
    api.store.import_centres(
        _new_centres("F", ['=HYPERLINK("http://x")', "+Sentra Plus", "@Sentra At"]), "rumus"
    )
    centres, _ = api.dashboard()
    expected = aggregate.scope(filter_centres(centres, Filters.of(sektor=["kerajinan"])), "34.02")
    csv = api.get("/api/v1/sentra?sektor=kerajinan&wilayah=34.02&limit=10000&format=csv")
    assert csv.status_code == 200 and csv.headers["content-type"].startswith("text/csv")
    assert csv.content == to_csv_bytes(expected)
    text = csv.content.decode("utf-8-sig")
    assert "'=HYPERLINK" in text and "'+Sentra Plus" in text and "'@Sentra At" in text
    assert csv.headers["x-total-count"] == str(len(expected))

    geo = api.get("/api/v1/sentra?sektor=kerajinan&wilayah=34.02&limit=5&format=geojson")
    assert geo.headers["content-type"] == "application/geo+json"
    doc = geo.json()
    regions = api.source.layers.all_regions
    assert doc["features"] == json.loads(
        json.dumps(geojson_document(expected.head(5), regions)["features"])
    )
    properties = doc["features"][0]["properties"]
    assert {"sector", "regency_code", "kecamatan_code", "data_status"} <= set(properties)
    assert doc["total"] == len(expected) and doc["versi"] == api.store.current_version()
    assert geo.headers["link"] == f'<{doc["next"]}>; rel="next"'


# -- /bandingkan ---------------------------------------------------------------------------
def test_compare_equals_the_compare_pages_table(api):
    _add_indicator(api.store)
    centres, ref = api.dashboard()
    codes = ["33", "33.26", "33.26.14", "34"]
    answer = api.json(
        f"/api/v1/bandingkan?wilayah=33&wilayah=33.26&wilayah=33.26.14&wilayah=34&{FILTERED}"
    )
    Comparison.model_validate(answer)
    table = aggregate.comparison(codes, filter_centres(centres, FILTERS), centres, ref, FILTERS)
    assert [r["code"] for r in answer["data"]] == codes
    for row in answer["data"]:
        expected = table.loc[row["code"]]
        for metric in aggregate.COMPARED:
            want = expected[metric] / 100 if metric == "export_share" else expected[metric]
            assert same(row[metric], want), metric
        for metric in aggregate.SHARED:
            assert same(row["national_share"][metric], expected[f"{metric}_share"] / 100)
    imported = imported_indicators(api.store).for_regions(codes)
    assert answer["indicators"][0]["values"]["33.26"] == imported.at[0, "33.26"] == 43.0
    assert answer["indicators"][0]["values"]["33"] is None  # no data, not zero
    assert api.get("/api/v1/bandingkan?wilayah=33").status_code == 422
    assert api.get("/api/v1/bandingkan?wilayah=33&wilayah=99").status_code == 422


# -- /indikator, /fakta, /versi ------------------------------------------------------------
def test_imported_indicators_and_their_values(api):
    empty = api.json("/api/v1/indikator")
    assert empty["data"] == []
    _add_indicator(api.store)
    listed = api.json("/api/v1/indikator")
    IndicatorList.model_validate(listed)
    assert [i["key"] for i in listed["data"]] == ["jumlah_sentra_ikm"]
    assert listed["data"][0]["years"] == [2022, 2023]
    values = api.json("/api/v1/indikator/jumlah_sentra_ikm?wilayah=33&tahun=2023")
    IndicatorValues.model_validate(values)
    measure = imported_indicators(api.store).measure("imp:jumlah_sentra_ikm", 2023)
    expected = measure.values[measure.values.index.str.startswith("33.")]
    assert {r["region_code"]: r["value"] for r in values["data"]} == expected.to_dict()
    assert values["data"][0]["name"] == api.source.layers.all_regions.at["33.01", "name"]
    assert api.get("/api/v1/indikator/tidak_ada").status_code == 404
    assert api.get("/api/v1/indikator/jumlah_sentra_ikm?tahun=20x3").status_code == 422


def test_facts_with_their_sources_as_the_profile_lists_them(api):
    _, ref = api.dashboard()
    answer = api.json("/api/v1/fakta?wilayah=33.26&lang=en")
    FactList.model_validate(answer)
    expected = aggregate.facts_for(ref.facts, "33.26")
    assert [f["fact_id"] for f in answer["data"]] == list(expected["fact_id"])
    every = api.json("/api/v1/fakta")["data"]
    assert len(every) == len(ref.facts)
    by_id = {f["fact_id"]: f for f in every}
    for _, fact in ref.facts.iterrows():
        numbers = fact_numbers(fact["value"])
        assert by_id[fact["fact_id"]]["value"] == (numbers[0] if numbers else None)
    assert by_id["umkm_cluster_size_plan"]["value_max"] == 20_000.0
    assert by_id["clusters_central_java_2009"]["value"] == 133.0
    national = api.json("/api/v1/fakta?wilayah=indonesia")["data"]
    assert {f["scope"] for f in national} == {"national"}


def test_versions_and_reading_an_earlier_version(api):
    before = api.json("/api/v1/wilayah/34")
    api.store.import_centres(_new_centres("V", ["Sentra Gerabah Baru", "Sentra Batik Baru"]), "uji")
    versions = api.json("/api/v1/versi")
    VersionList.model_validate(versions)
    assert [v["version_id"] for v in versions["data"]] == [2, 1] and versions["current"] == 2
    assert versions["data"][0]["added"] == 2 and versions["data"][0]["is_current"] is True
    now = api.json("/api/v1/wilayah/34")
    assert now["versi"] == 2 and now != before
    centres_now = api.json("/api/v1/sentra?wilayah=34&limit=10000")
    assert {"V-0", "V-1"} <= {r["id"] for r in centres_now["data"]}
    then = api.get("/api/v1/wilayah/34?versi=1")
    assert then.json() == before and then.headers["x-data-version"] == "1"
    assert then.headers["cache-control"] == "public, max-age=3600"
    centres_then = api.json("/api/v1/sentra?versi=1&wilayah=34&limit=10000")
    assert "V-0" not in {r["id"] for r in centres_then["data"]}
    assert api.json("/api/v1/versi?versi=1")["data"][0]["version_id"] == 1
    missing = api.get("/api/v1/wilayah/34?versi=7")
    assert missing.status_code == 404 and "7" in missing.json()["detail"]


# -- caching -------------------------------------------------------------------------------
def test_etag_answers_304_until_the_data_changes(api):
    first = api.get(f"/api/v1/wilayah/33?{FILTERED}")
    tag = first.headers["etag"]
    assert first.headers["cache-control"] == "public, max-age=60"
    again = api.get(f"/api/v1/wilayah/33?{FILTERED}", headers={"If-None-Match": tag})
    assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == tag
    reordered = api.get(
        "/api/v1/wilayah/33?tahun=2019-2022&sektor=kerajinan&sektor=makanan_minuman",
        headers={"If-None-Match": tag},
    )
    assert reordered.status_code == 304
    other = api.get("/api/v1/wilayah/33", headers={"If-None-Match": tag})
    assert other.status_code == 200 and other.headers["etag"] != tag
    api.store.import_centres(_new_centres("E", ["Sentra Baru"]), "uji")
    changed = api.get(f"/api/v1/wilayah/33?{FILTERED}", headers={"If-None-Match": tag})
    assert changed.status_code == 200 and changed.headers["etag"] != tag
    assert changed.headers["x-data-version"] == "2"


# -- hostile input -------------------------------------------------------------------------
HOSTILE = [
    "/api/v1/wilayah/99",
    "/api/v1/wilayah/33'%20OR%201=1--",
    "/api/v1/wilayah/%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "/api/v1/wilayah?induk=33'--",
    "/api/v1/wilayah?tingkat=desa",
    "/api/v1/wilayah/33?sektor=kerajinan'%20OR%20'1'='1",
    "/api/v1/wilayah/33?sektor=tidak_ada",
    "/api/v1/wilayah/33?tahun=2024-2019",
    "/api/v1/wilayah/33?tahun=2019",
    "/api/v1/wilayah/33?tahun=1999-2005",
    "/api/v1/wilayah/33?tahun=2019-2022&tahun=2020-2021",
    "/api/v1/wilayah/33?lang=fr",
    "/api/v1/wilayah/33?versi=0",
    "/api/v1/wilayah/33?versi=1;DROP%20TABLE%20centres",
    "/api/v1/sentra?komoditas=batik'",
    "/api/v1/sentra?komoditas=%22%3B%20DELETE%20FROM%20centres%3B--",
    "/api/v1/sentra?komoditas=%3Cscript%3E",
    "/api/v1/sentra?komoditas=" + "a" * 101,
    "/api/v1/sentra?limit=10001",
    "/api/v1/sentra?limit=-5",
    "/api/v1/sentra?limit=0",
    "/api/v1/sentra?offset=-1",
    "/api/v1/sentra?limit=abc",
    "/api/v1/sentra?offset=1&cursor=SUwtMDAwMDI",
    "/api/v1/sentra?cursor='%20OR%201=1",
    "/api/v1/sentra?format=xlsx",
    "/api/v1/sentra?wilayah=33.99",
    "/api/v1/sentra?cari=batik",
    "/api/v1/sentra?sector=kerajinan",
    "/api/v1/bandingkan?wilayah=33&wilayah=33",
    "/api/v1/bandingkan?wilayah=33&wilayah=34&wilayah=35&wilayah=36&wilayah=51",
    "/api/v1/indikator/x'%20OR%201=1",
    "/api/v1/fakta?wilayah=%3Cscript%3E",
    "/api/v1/versi?versi=-1",
]


def _state(store: Store) -> tuple:
    centres = store.centres()
    digest = hashlib.sha256(pd.util.hash_pandas_object(centres, index=False).to_numpy()).hexdigest()
    return (
        store.versions().drop(columns=["created_at"]).to_json(),
        store.stored_rows(),
        digest,
        len(store.regional_indicator_versions()),
    )


def test_hostile_parameters_are_refused_in_both_languages_and_change_nothing(api):
    before = _state(api.store)
    for url in HOSTILE:
        response = api.get(url)
        assert 400 <= response.status_code < 500, (url, response.status_code, response.text)
        detail = response.json()["detail"]
        assert isinstance(detail, str) and re.search(r"\(.+\)$", detail), (url, detail)
        assert "<script>" not in detail  # parameters are never echoed as markup
    # the test client sends at most 64 KB; 10 MB go to the real server (test_api_server.py)
    huge = api.get("/api/v1/sentra?komoditas=" + "x" * 60_000)
    assert huge.status_code == 414 and "8192" in huge.json()["detail"]
    for method in ("POST", "PUT", "PATCH", "DELETE", "OPTIONS"):  # OPTIONS: not a preflight
        for url in ("/api/v1/sentra", "/api/v1/wilayah/33", "/api/v1/versi", "/api/docs"):
            refused = api.client.request(method, url)
            assert refused.status_code == 405, (method, url)
            assert refused.headers["allow"] == "GET, HEAD"
            assert "read-only" in refused.json()["detail"]
    assert (
        api.get("/api/v1/sentra", headers={"If-None-Match": "'; DROP TABLE centres"}).status_code
        == 200
    )
    assert _state(api.store) == before


def test_another_sites_page_may_read_with_its_etag(api):
    """A page of a Satu Data portal reading the API from the browser: a GET with a
    conditional header is preflighted (OPTIONS), and the version and ETag are readable."""
    origin = {"Origin": "https://satudata.example.go.id"}
    preflight = api.client.options(
        "/api/v1/wilayah/33",
        headers={
            **origin,
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "if-none-match",
        },
    )
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == "*"
    assert "GET" in preflight.headers["access-control-allow-methods"]
    assert "if-none-match" in preflight.headers["access-control-allow-headers"].lower()
    writing = api.client.options(
        "/api/v1/sentra", headers={**origin, "Access-Control-Request-Method": "POST"}
    )
    assert writing.status_code == 400  # a preflight for a write is refused
    first = api.get("/api/v1/wilayah/33", headers=origin)
    exposed = first.headers["access-control-expose-headers"]
    assert "ETag" in exposed and "X-Data-Version" in exposed
    conditional = {**origin, "If-None-Match": first.headers["etag"]}
    again = api.get("/api/v1/wilayah/33", headers=conditional)
    assert again.status_code == 304 and again.headers["access-control-allow-origin"] == "*"


def test_messages_say_what_is_wrong(api):
    detail = api.get("/api/v1/sentra?sektor=kayu").json()["detail"]
    assert detail.startswith("Nilai tidak dikenal untuk sektor: kayu.")
    assert "(Unknown value for sektor: kayu. Allowed: makanan_minuman," in detail
    detail = api.get("/api/v1/sentra?limit=20000").json()["detail"]
    assert detail == (
        "limit paling besar 10000; diberikan: 20000. (limit must be at most 10000; given: 20000.)"
    )
    detail = api.get("/api/v1/sentra?cari=batik").json()["detail"]
    assert "Parameter tidak dikenal: cari." in detail and "komoditas" in detail
    detail = api.get("/api/v1/wilayah/33?tahun=2019-20").json()["detail"]
    assert "Malformed year range: 2019-20" in detail


# -- schema and documentation --------------------------------------------------------------
def test_schema_documents_every_route_with_units_and_filters(api):
    schema = api.json("/api/openapi.json")
    paths = set(schema["paths"])
    for route in (
        "/api/v1/wilayah",
        "/api/v1/wilayah/{code}",
        "/api/v1/wilayah/{code}/sektor",
        "/api/v1/wilayah/{code}/pasar",
        "/api/v1/wilayah/{code}/anggaran",
        "/api/v1/wilayah/{code}/pertumbuhan",
        "/api/v1/sentra",
        "/api/v1/bandingkan",
        "/api/v1/indikator",
        "/api/v1/indikator/{key}",
        "/api/v1/fakta",
        "/api/v1/versi",
    ):
        assert route in paths
        assert set(schema["paths"][route]) == {"get"}
    parameters = {p["name"]: p for p in schema["paths"]["/api/v1/sentra"]["get"]["parameters"]}
    assert {"sektor", "pasar", "pembina", "status", "status_data", "komoditas", "tahun"} <= set(
        parameters
    )
    sektor = json.dumps(parameters["sektor"])
    assert "kerajinan" in sektor and "makanan_minuman" in sektor
    units = re.findall(r'"x-unit": ?"([^"]+)"', json.dumps(schema))
    assert {"rupiah", "fraction", "percent", "people"} <= set(units)


def test_documentation_page_needs_no_internet(api):
    page = api.get("/api/docs")
    assert page.status_code == 200
    html = page.text
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert assets and all(a.startswith("/api/") for a in assets), assets
    assert not re.search(r"https?://", html), html  # nothing from a CDN or an online validator
    for asset in assets:
        assert api.get(asset).status_code == 200
    assert '"validatorUrl": null' in html


def test_csv_neutralises_formulas_like_the_download_buttons(api):
    api.store.import_centres(_new_centres("Q", ["-2+3", "=1+1"]), "uji")
    rows = pd.read_csv(
        io.BytesIO(api.get("/api/v1/sentra?wilayah=34.02&format=csv&limit=10000").content),
        sep=";",
        encoding="utf-8-sig",
    )
    assert {"'-2+3", "'=1+1"} <= set(rows["name"])


def test_head_is_get_without_the_body(api):
    get, head = api.get("/api/v1/wilayah/33"), api.client.head("/api/v1/wilayah/33")
    assert head.status_code == 200 and head.content == b""
    assert head.headers["etag"] == get.headers["etag"]
    assert head.headers["content-length"] == str(len(get.content))
