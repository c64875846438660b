"""Benchmark: boundary build, map payload sizes, interaction time at 10k/100k/1M centres
against a naive baseline, the Analisis page's computations at 514 regencies, import speed,
memory, and many sessions at once on the real server (``bench/load.py``). Last line
printed: one JSON object (also written to bench/results.json).

    python bench/run.py            # full run (10k, 100k, 1M centres; 30 and 100 sessions)
    python bench/run.py --quick    # 10k and 100k, fewer repetitions, 10 sessions, no cold
                                   # boundary build, no walk of every page, 50k-row import:
                                   # about a minute
    python bench/run.py --api      # the read API alone at 10k centres (``api_figures``)

The interaction is what a user does most: change the sector filter on the national map,
then click a province. It runs the same code as the map page (``sentra.map_view``) as on
a view's first request (the page then keeps the view) and renders the map to the script
streamlit-folium sends to the browser.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import folium  # noqa: E402
import pandas as pd  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402
from streamlit_folium import _get_map_string  # noqa: E402

from bench.load import Plan, Session, StepError, cpu_ms, measure  # noqa: E402
from bench.time_to_map import first_visits, floor_app, time_to_map  # noqa: E402
from loaders import boundaries  # noqa: E402
from loaders.export import to_csv_bytes  # noqa: E402
from loaders.importer import checker_for, validate_file  # noqa: E402
from loaders.reference import load_reference  # noqa: E402
from loaders.sample_files import GEODATA  # noqa: E402
from loaders.static_assets import GeometryFiles, write_geometry  # noqa: E402
from loaders.store import Store, open_store  # noqa: E402
from sentra import hotspots, relatedness, similarity  # noqa: E402
from sentra.aggregate import scope  # noqa: E402
from sentra.filters import Filters, filter_centres  # noqa: E402
from sentra.hotspot_view import measure_values  # noqa: E402
from sentra.indicators import Reference, region_metrics  # noqa: E402
from sentra.map_view import draw, map_view  # noqa: E402
from sentra.markers import marker_rows  # noqa: E402
from sentra.sample_data import scaled_centres  # noqa: E402
from sentra.summary import summarise  # noqa: E402
from tools.api_server import running_api  # noqa: E402
from tools.live_server import (  # noqa: E402
    MAP_FRAME,
    App,
    launch_chromium,
    memory_mb,
    running_server,
    running_servers,
    wait_idle,
)

SECTOR = "kerajinan"
PROVINCE = "33"
REGENCY_KEY = "cari_33"  # the map page's search box while Jawa Tengah is shown
REGENCY = "Kabupaten Pekalongan"  # as the heading shows it
REGENCY_OPTION = "Kab. Pekalongan · Jawa Tengah"  # as the search box lists it
REGENCY_CODE = "33.26"


def payload(fmap: folium.Map) -> str:
    """What streamlit-folium sends: the rendered map script."""
    fmap.get_root().render()
    return _get_map_string(fmap)


def median_ms(func, repetitions: int) -> float:
    times = []
    for _ in range(repetitions):
        started = time.perf_counter()
        func()
        times.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(times), 1)


def interaction(
    layers, ref: Reference, centres: pd.DataFrame, prepared: dict, geometry: GeometryFiles
) -> int:
    """Sector filter on the national map, then a click on Central Java. Returns bytes sent
    per rerun (the shapes are static files, fetched once per browser)."""
    filters = Filters.of(sektor=[SECTOR])
    filtered = filter_centres(centres, filters)

    def rows_for(points: pd.DataFrame) -> list[list]:
        key = PROVINCE
        if key not in prepared:  # the page caches these per version, language and region
            inside = centres[centres["regency_code"].str.startswith(key)]
            prepared[key] = marker_rows(inside, layers.regions, "id")
        return [prepared[key][i] for i in points["id"]]

    sent = 0
    for selected in (None, PROVINCE):
        view = map_view(
            layers,
            ref,
            centres,
            filtered,
            filters,
            selected,
            "sentra",
            "id",
            rows_for,
            geometry.url,
        )
        sent += len(payload(draw(view, "id", "Peta uji")))
    return sent


def naive_interaction(layers, csv_path: Path) -> int:
    """A quick prototype: re-read the data, pandas filtering, unsimplified shapes, a marker
    per centre, everything rebuilt on every rerun."""
    centres = pd.read_csv(csv_path, sep=";", decimal=",", dtype=str, encoding="utf-8-sig")
    centres = centres[centres["sector"] == SECTOR]
    sent = 0
    for level in ("province", "regency"):
        if level == "province":
            shapes = layers.provinces
            counts = centres.groupby("province_code").size()
        else:
            shapes = layers.regencies[layers.regencies["province_code"] == PROVINCE]
            counts = centres.groupby("regency_code").size()
        frame = shapes[["code", "name", "geometry"]].assign(
            n=shapes["code"].map(counts).fillna(0).astype(int)
        )
        fmap = folium.Map(location=[-2.5, 118], zoom_start=5, tiles=None)
        folium.Choropleth(
            frame.to_json(), data=frame, columns=["code", "n"], key_on="feature.properties.code"
        ).add_to(fmap)
        if level == "regency":
            labels = layers.regions[["label_lat", "label_lng"]]
            inside = centres[centres["province_code"] == PROVINCE]
            for row in inside.itertuples():
                lat, lng = labels.loc[row.regency_code]
                folium.CircleMarker([lat, lng], radius=4, tooltip=row.name).add_to(fmap)
        sent += len(fmap.get_root().render())
    return sent


def store_with(n: int, layers, folder: Path) -> tuple[Store, pd.DataFrame]:
    os.environ["SENTRA_DATA_DIR"] = str(folder)
    store = open_store(folder / "sentra.duckdb")
    bps = pd.read_csv(
        GEODATA / "sentra_industri_by_province_2024.csv", dtype={"province_code": str}
    )
    generated = scaled_centres(n, layers.regencies[["code", "name", "kind", "province_code"]], bps)
    store.import_centres(generated, f"benchmark {n}")
    return store, store.centres()


# A user's walk through the dashboard: the map, a sector filter, a province, then each page;
# with the element that shows each step has been drawn.
MAP_SHAPES = f"{MAP_FRAME} >> internal:control=enter-frame >> path.sentra-region"
TABLE = '[data-testid="stDataFrame"]'
SHOTS = ROOT / "artifacts" / "bench"  # a screenshot per step, to look at
WALK = (
    ("", MAP_SHAPES),
    (f"?sektor={SECTOR}", MAP_SHAPES),
    (f"?sektor={SECTOR}&wilayah={PROVINCE}", MAP_SHAPES),
    (f"profil?wilayah={PROVINCE}", TABLE),
    ("bandingkan?bandingkan=33&bandingkan=34&bandingkan=35", TABLE),
    ("sektor", TABLE),
    ("anggaran", TABLE),
    ("data", TABLE),
)


def server_walk(store_folder: Path) -> dict[str, object]:
    """Peak memory of the real dashboard server (``streamlit run``) holding this store,
    after one chromium session walks through ``WALK`` and downloads every centre as CSV;
    seconds per step as seen in chromium (on a 2-core machine chromium's own work is much
    of them)."""
    env = os.environ | {"SENTRA_DATA_DIR": str(store_folder)}
    seconds = {}
    SHOTS.mkdir(parents=True, exist_ok=True)
    with running_server(store_folder / "server.log", env) as url, sync_playwright() as pw:
        browser = launch_chromium(pw)
        page = browser.new_page(viewport={"width": 1280, "height": 720}, accept_downloads=True)
        for step, drawn in WALK:
            started = time.perf_counter()
            page.goto(f"{url}/{step}")
            page.locator(drawn).first.wait_for(timeout=120_000)
            wait_idle(page, timeout_s=300)
            seconds[f"/{step}"] = round(time.perf_counter() - started, 1)
            page.screenshot(path=SHOTS / f"walk-{len(seconds)}.png", full_page=True)
            if page.locator(
                '[data-testid="stException"], [data-testid="stAlertContentError"]'
            ).count():
                raise RuntimeError(f"error shown on /{step}; see {store_folder / 'server.log'}")
        started = time.perf_counter()  # last, on the data page: every centre as CSV
        with page.expect_download(timeout=300_000) as download:
            page.get_by_role("button", name="Unduh CSV").click()
        csv_bytes = Path(download.value.path()).stat().st_size
        seconds["csv_download"] = round(time.perf_counter() - started, 1)
        browser.close()
        return {
            "peak_rss_mb": round(memory_mb(url.pid, "VmHWM")),
            "walk_s": seconds,
            "bytes_csv_download": csv_bytes,
        }


def serving_figures(work: Path, quick: bool, reps: int) -> dict[str, object]:
    """The real server holding the bundled data. First the click from a province to a
    regency's kecamatan: the first in the fresh server (it reads the kecamatan layers), then
    the median of the following ones. Then the browser: time to a drawn map against the
    floor of the stack (``bench/time_to_map.py``). Then many sessions at once
    (``bench/load.py``): one person walking through five times (server time per step;
    three times in a quick run), a room of 10 (quick) or 30 people, and in a full run 100."""
    env = os.environ | {"SENTRA_DATA_DIR": str(work / "store-bundled")}
    solo = Plan(1, repeat=3 if quick else 5, think=(0, 0), settle_s=0)
    plans = [solo, Plan(10 if quick else 30, settle_s=3)]
    if not quick:
        plans.append(Plan(100, settle_s=125))  # closed sessions are kept for 120 s
    with running_servers(App(work / "bundled.log", env), floor_app(work)) as (url, floor):
        wall, cpu = asyncio.run(_regency_clicks(url, url.pid, reps + 1))
        result = {
            "rerun_ms_kecamatan_first": round(wall[0], 1),
            "rerun_ms_kecamatan": round(statistics.median(wall[1:]), 1),
            "server_cpu_ms_kecamatan": round(statistics.median(cpu[1:]), 1),
        }
        result |= time_to_map(url, floor, visits=2 if quick else 7)
        solo, room, *crowd = measure(plans, url)
    result |= {
        "rerun_ms_home": solo["steps"]["home"]["p50_ms"],
        "rerun_ms_filter": solo["steps"]["sector"]["p50_ms"],
        "rerun_ms_province": solo["steps"]["province"]["p50_ms"],
        "load_sessions": room["sessions"],
        "load_p50_ms": room["p50_ms"],
        "load_p95_ms": room["p95_ms"],
        "load_max_ms": room["max_ms"],
        "load_errors": room["errors"],
        "reruns_per_s": room["reruns_per_s"],
        "load_think_s": room["think_s"],
        "load_rss_mb": [room["rss_start_mb"], room["rss_peak_mb"], room["rss_end_mb"]],
    }
    for big in crowd:
        keys = (
            "completed",
            "errors",
            "p50_ms",
            "p95_ms",
            "max_ms",
            "reruns_per_s",
            "rss_start_mb",
            "rss_peak_mb",
            "rss_end_mb",
            "settle_s",
        )
        result[f"load_{big['sessions']}"] = {k: big[k] for k in keys}
    return result | first_visits(work / "first", 1 if quick else 3)


async def _regency_clicks(url: str, pid: int, repeat: int) -> tuple[list[float], list[float]]:
    """Open the map, pick Jawa Tengah, then Kabupaten Pekalongan (its kecamatan map): wall
    and server CPU ms of that last step, once per fresh session."""
    wall, cpu = [], []
    for _ in range(repeat):
        session = Session(url, 120)
        await session.open()
        try:
            await session.step("home")
            await session.step("province")
            session.choose(session.widget("selectbox", key=REGENCY_KEY), REGENCY_OPTION, False)
            started, cpu_start = time.perf_counter(), cpu_ms(pid)
            await session.rerun()
            wall.append((time.perf_counter() - started) * 1000)
            cpu.append(cpu_ms(pid) - cpu_start)
            if not any(REGENCY in heading for heading in session.headings):
                raise StepError(f"{REGENCY} not shown: {session.headings}")
        finally:
            await session.close()
    return wall, cpu


def analysis_figures(layers, ref: Reference, centres: pd.DataFrame, reps: int) -> dict:
    """The Analisis page's computations for Kab. Pekalongan, as on a view's first request
    (the page then keeps the view): similar regions, hot spots (999 permutations, with
    Global Moran's I) and sector relatedness over the 514 regencies, as the page shares
    one table of regency figures between them; ``page``: hot spots over Jawa Tengah (the
    page's default), ``national``: over all 514 regencies and with peers from all
    Indonesia; Gi* over 514 regencies and the summary in words apart; the queen weights
    once per process."""
    filters = Filters()
    filtered = filter_centres(centres, filters)
    started = time.perf_counter()
    national = hotspots.queen(layers.regencies_national)
    weights_ms = round((time.perf_counter() - started) * 1000, 1)
    province = hotspots.queen(layers.regencies_of(PROVINCE))
    extents = {PROVINCE: province, None: national}

    def sections(extent: str | None, scope_: str, method: str = "moran") -> None:
        metrics = region_metrics(filtered, centres, ref, "regency", filters)
        data = similarity.profiles(filtered, centres, ref, filters, "regency", metrics)
        peers = similarity.similar(data, REGENCY_CODE, "keduanya", scope_)
        similarity.reasons(data, peers, "id")
        neighbours = extents[extent]
        codes = list(neighbours.links)
        values = measure_values(
            filtered, centres, ref, filters, "regency", codes, "centres", metrics=metrics
        )
        hotspots.hotspots(values, neighbours, method)
        space = relatedness.sector_space(centres, ref, filters)
        relatedness.opportunities(space, scope(filtered, REGENCY_CODE))

    def gi() -> None:
        codes = list(national.links)
        values = measure_values(filtered, centres, ref, filters, "regency", codes, "centres")
        hotspots.hotspots(values, national, "gi")

    figures = {
        "page": median_ms(lambda: sections(PROVINCE, "provinsi"), reps),
        "national": median_ms(lambda: sections(None, "indonesia"), reps),
        "gi_514": median_ms(gi, reps),
        "summary": median_ms(
            lambda: summarise(filtered, centres, ref, filters, REGENCY_CODE, "id"), reps
        ),
    }
    return {
        "analysis_weights_ms": weights_ms,
        **{f"analysis_{k}_ms": v for k, v in figures.items()},
    }


API_SUMMARY = "/api/v1/wilayah/33"
API_GEOJSON_PAGE = "/api/v1/sentra?format=geojson&limit=10000"
API_JSON_PAGE = "/api/v1/sentra?limit=10000"


def _fetch_ms(url: str) -> tuple[float, int]:
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=60) as response:
        size = len(response.read())
    return (time.perf_counter() - started) * 1000, size


def api_figures(store_folder: Path, reps: int) -> dict[str, object]:
    """The read API (``python -m api``) on this store, warm: a region summary and a page of
    10,000 centres as GeoJSON and as JSON, over HTTP from this process (median of ``reps``
    after two warm-up requests each; targets: 50 ms and 500 ms)."""
    env = os.environ | {"SENTRA_DATA_DIR": str(store_folder)}
    with running_api(store_folder / "api.log", env) as url:
        result: dict[str, object] = {}
        for name, path in (
            ("summary", API_SUMMARY),
            ("geojson_10k", API_GEOJSON_PAGE),
            ("json_10k", API_JSON_PAGE),
        ):
            for _ in range(2):
                _fetch_ms(url + path)
            times, size = zip(*(_fetch_ms(url + path) for _ in range(reps)), strict=True)
            result[f"api_ms_{name}"] = round(statistics.median(times), 1)
            result[f"api_bytes_{name}"] = size[0]
        return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--api", action="store_true", help="only the read API at 10k centres")
    args = parser.parse_args()
    if args.api:
        work = Path(tempfile.mkdtemp(prefix="sentra-bench-api-"))
        layers, _ = boundaries.load()
        store_with(10_000, layers, work / "store-10k")
        result = api_figures(work / "store-10k", 15)
        print(json.dumps(result))
        shutil.rmtree(work)
        return
    sizes = (
        {"10k": 10_000, "100k": 100_000}
        if args.quick
        else {"10k": 10_000, "100k": 100_000, "1m": 1_000_000}
    )
    reps = 3 if args.quick else 5
    result: dict[str, object] = {"quick": args.quick}
    work = Path(tempfile.mkdtemp(prefix="sentra-bench-"))
    begun = time.perf_counter()

    if not args.quick:  # a cold build takes a fifth of the quick run's minute
        os.environ["SENTRA_CACHE_DIR"] = str(work / "cache")
        started = time.perf_counter()
        layers, _ = boundaries.load()
        result["boundary_cold_s"] = round(time.perf_counter() - started, 2)
    else:  # the user's cache: builds only on a machine that never built the layers
        boundaries.load()
    started = time.perf_counter()
    layers, origin = boundaries.load()
    result["boundary_warm_s"] = round(time.perf_counter() - started, 2)
    assert origin == "cache"
    summary = boundaries.summary(layers)
    for key in (
        "bytes_provinces_geojson",
        "bytes_regencies_geojson",
        "bytes_regencies_naive",
        "kecamatan",
        "bytes_kecamatan_geojson_max",
    ):
        result[key] = summary[key]
    result["naive_to_simplified_bytes_ratio"] = round(
        summary["bytes_regencies_naive"] / summary["bytes_regencies_geojson"], 1
    )
    geometry = write_geometry(layers, work / "static")

    for label, n in sizes.items():
        store, centres = store_with(n, layers, work / f"store-{label}")
        ref = load_reference(store, layers.all_regions)
        prepared: dict = {}
        result[f"bytes_sent_{label}"] = interaction(layers, ref, centres, prepared, geometry)
        result[f"rerun_ms_{label}"] = median_ms(
            lambda: interaction(layers, ref, centres, prepared, geometry),  # noqa: B023 (now)
            reps if n < 1e6 else 3,
        )
        if label == "10k":
            result |= api_figures(work / f"store-{label}", reps * 3)
            csv_path = work / "centres-10k.csv"
            csv_path.write_bytes(to_csv_bytes(centres))
            result["rerun_ms_10k_naive"] = median_ms(
                lambda: naive_interaction(layers, csv_path),  # noqa: B023 (called right here)
                1 if args.quick else 3,
            )
            result["naive_to_fast_ratio_10k"] = round(
                result["rerun_ms_10k_naive"] / result["rerun_ms_10k"], 1
            )
        print(
            f"{label}: {result[f'rerun_ms_{label}']} ms ({time.perf_counter() - begun:.0f} s)",
            file=sys.stderr,
        )
        analysis = analysis_figures(layers, ref, centres, reps)
        result |= {f"{key}_{label}": value for key, value in analysis.items()}
        print(
            f"{label}: analysis at 514 regencies "
            + ", ".join(f"{k.removeprefix('analysis_')} {v}" for k, v in analysis.items()),
            file=sys.stderr,
        )
        if label == "1m":  # the full run's largest store: memory over a walk of every page
            result |= server_walk(work / f"store-{label}")
            result["peak_rss_centres"] = len(centres)

    result |= serving_figures(work, args.quick, reps)
    print(
        f"kecamatan {result['rerun_ms_kecamatan']} ms; time to map "
        f"{result['ttm_ratio_to_floor']}x floor; {result['load_sessions']} sessions p95 "
        f"{result['load_p95_ms']} ms ({time.perf_counter() - begun:.0f} s)",
        file=sys.stderr,
    )

    rows = 50_000 if args.quick else 1_000_000
    bps = pd.read_csv(
        GEODATA / "sentra_industri_by_province_2024.csv", dtype={"province_code": str}
    )
    clean = scaled_centres(
        rows, layers.regencies[["code", "name", "kind", "province_code"]], bps, seed=7
    ).rename(columns={"name": "Nama Sentra", "regency_code": "Kab/Kota"})
    data = to_csv_bytes(clean)
    store = open_store(work / "import" / "sentra.duckdb")
    checker = checker_for(layers)
    started = time.perf_counter()
    _, _, validated = validate_file(data, "impor.csv", checker, max_bytes=None)
    store.import_centres(validated.rows, "benchmark import")
    seconds = time.perf_counter() - started
    result["import_rows"] = len(validated.rows)
    result["import_rows_per_s"] = round(len(validated.rows) / seconds)

    result["bench_s"] = round(time.perf_counter() - begun)
    out = json.dumps(result)
    (ROOT / "bench" / "results.json").write_text(json.dumps(result, indent=1) + "\n")
    shutil.rmtree(work)  # kept when a step fails: its server log is in there
    print(out)


if __name__ == "__main__":
    main()
