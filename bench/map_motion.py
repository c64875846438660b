"""Years in motion: what sending every year with the map costs, against a rerun per year.

    python bench/map_motion.py [--centres 10000] [--no-browser]

Prints, per view (Indonesia and Jawa Tengah; centres by founding year and budget by year):
the time to compute the map view and the map script's size with the year frames and
without them; then, in chromium on the real dashboard, the time the year control takes to
show one year in the browser against the time a change of the map (a rerun that redraws
it, as a per-year rerun would) takes until its shapes are drawn again. Last line: JSON.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402
from streamlit_folium import _get_map_string  # noqa: E402

from loaders.boundaries import load  # noqa: E402
from loaders.reference import load_reference  # noqa: E402
from loaders.sample_files import GEODATA  # noqa: E402
from loaders.store import open_store  # noqa: E402
from sentra import map_view as map_view_module  # noqa: E402
from sentra.filters import Filters, filter_centres  # noqa: E402
from sentra.map_view import draw, map_view  # noqa: E402
from sentra.sample_data import scaled_centres  # noqa: E402

VIEWS = [(None, "sentra"), ("33", "sentra"), (None, "budget_rp"), ("33", "budget_rp")]


def median_ms(func, repetitions: int = 5) -> float:
    times = []
    for _ in range(repetitions):
        started = time.perf_counter()
        func()
        times.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(times), 1)


def server_side(n: int) -> list[dict]:
    layers, _origin = load()
    ref = load_reference(open_store(), layers.all_regions)
    if n:
        bps = pd.read_csv(
            GEODATA / "sentra_industri_by_province_2024.csv", dtype={"province_code": str}
        )
        regencies = layers.regencies[["code", "name", "kind", "province_code"]]
        centres = scaled_centres(n, regencies, bps).assign(origin="impor")
    else:
        centres = open_store().centres()
    filters = Filters()
    filtered = filter_centres(centres, filters)
    rows = []
    for selected, metric in VIEWS:

        def view(selected=selected, metric=metric):
            return map_view(
                layers, ref, centres, filtered, filters, selected, metric, "id",
                lambda points: [], lambda parent: "/geo/x.json",
            )  # fmt: skip

        def script(built) -> int:
            fmap = draw(built, "id", "Peta")
            fmap.get_root().render()
            return len(_get_map_string(fmap).encode())

        with_ms, with_bytes = median_ms(view), script(view())
        with mock.patch.object(map_view_module, "_frames", lambda *args, **kwargs: None):
            without_ms, without_bytes = median_ms(view), script(view())
        frames = view().frames
        rows.append(
            {
                "view": f"{selected or 'Indonesia'} {metric}",
                "years": len(frames.years) if frames else 0,
                "view_ms_with_years": with_ms,
                "view_ms_without": without_ms,
                "script_kb_with_years": round(with_bytes / 1024, 1),
                "script_kb_without": round(without_bytes / 1024, 1),
            }
        )
        print(rows[-1])
    return rows


def in_browser() -> dict:
    """One year shown by the control, against a rerun that redraws the map."""
    from playwright.sync_api import sync_playwright

    from tools.live_server import MAP_FRAME, launch_chromium, running_server, wait_idle

    log = ROOT / "artifacts" / "bench-map-motion.log"
    with running_server(log) as url, sync_playwright() as pw:
        browser = launch_chromium(pw)
        page = browser.new_page(viewport={"width": 1280, "height": 720})
        page.goto(url + "/?wilayah=33")
        wait_idle(page, 120)
        shapes = page.frame_locator(MAP_FRAME).locator("path.sentra-region")
        shapes.first.wait_for(timeout=120_000)
        frame = next(f for f in page.frames if "streamlit_folium" in f.url)
        switch = frame.evaluate(
            """() => {
              const years = [], c = window.sentraYears; let y = 1995;
              for (let i = 0; i < 20; i++) {
                const t = performance.now(); c.choose(String(y + i));
                years.push(performance.now() - t);
              }
              years.sort((a, b) => a - b); return years[10];
            }"""
        )
        redraws = []
        for metric in ("Anggaran ke sentra (Rp)", "Jumlah sentra") * 2:
            started = time.perf_counter()
            page.get_by_label("Ukuran di peta").click()
            page.get_by_role("option", name=metric, exact=True).click()
            page.wait_for_timeout(300)  # the old frame goes, a new one loads
            shapes.first.wait_for(timeout=120_000)
            wait_idle(page, 120)
            redraws.append((time.perf_counter() - started) * 1000)
        browser.close()
    return {
        "year_shown_in_browser_ms": round(switch, 2),
        "map_redrawn_by_a_rerun_ms": round(statistics.median(redraws)),
    }


def main() -> None:
    cli = argparse.ArgumentParser(description=__doc__)
    cli.add_argument("--centres", type=int, default=0, help="0: the bundled centres")
    cli.add_argument("--no-browser", action="store_true")
    args = cli.parse_args()
    result: dict[str, object] = {"centres": args.centres or "bundled"}
    result["views"] = server_side(args.centres)
    if not args.no_browser:
        result.update(in_browser())
    print(json.dumps(result))


if __name__ == "__main__":
    main()
