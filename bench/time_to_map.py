"""Time to a drawn map in a real browser: the dashboard against the floor of its stack.

    python bench/time_to_map.py [--visits 5] [--first-visits 3]

Starts the dashboard (bundled data) and ``bench/floor_app.py`` (a trivial
streamlit-folium map with 38 rectangles) on two local servers and opens each, in turn, in
a fresh chromium context (empty browser cache) until the map frame shows its 38 shapes.
The ratio of the medians is what the dashboard adds to the floor; both are measured in the
same run because absolute times on a shared machine vary. It also times a click on Jawa
Tengah until the map shows its 35 regencies, and the first visit after a server starts
(``first_visits``). ``--baseline COMMIT`` serves that commit's dashboard as well and
alternates its visits with the others (a change measured against what it changes, in the
same minutes). Last line printed: one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import Browser, Page, sync_playwright  # noqa: E402

from bench.ab import export  # noqa: E402
from loaders import boundaries  # noqa: E402
from tools.live_server import (  # noqa: E402
    MAP_FRAME,
    PLAIN,
    App,
    launch_chromium,
    running_servers,
)

SHAPES = f"{MAP_FRAME} >> internal:control=enter-frame >> path.sentra-region"
PROVINCE, PROVINCE_CODE = "Jawa Tengah", "33"


def floor_app(work: Path) -> App:
    """``bench/floor_app.py`` served like the dashboard: same config, same static folder."""
    folder = work / "floor"
    folder.mkdir(parents=True)
    shutil.copy(ROOT / "bench" / "floor_app.py", folder / "app.py")
    for name in ("static", ".streamlit"):
        (folder / name).symlink_to(ROOT / name)
    return App(work / "floor.log", root=folder, command=PLAIN)


def _local_only(page: Page) -> None:
    page.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith(("http://127.0.0.1", "data:", "blob:", "about:"))
            else route.abort()
        ),
    )


def open_map(browser: Browser, url: str, shapes: int = 38) -> tuple[float, Page]:
    """Seconds from navigation to ``shapes`` drawn shapes, in a fresh context."""
    page = browser.new_context(viewport={"width": 1280, "height": 720}).new_page()
    _local_only(page)
    started = time.perf_counter()
    page.goto(url, wait_until="commit")
    page.locator(SHAPES).nth(shapes - 1).wait_for(timeout=120_000)
    return time.perf_counter() - started, page


def province_index() -> int:
    """Which shape is Jawa Tengah: the map draws the provinces in the order of the static
    file, which is the order of the display layer (``drill_down`` checks the heading)."""
    layers, _origin = boundaries.load()
    return list(layers.provinces_national["code"]).index(PROVINCE_CODE)


def drill_down(page: Page, index: int) -> float:
    """Seconds from a click on shape ``index`` to the province's 35 regencies drawn (in the
    one map frame left: the national one stays a moment while the new one loads)."""
    page.locator(MAP_FRAME).scroll_into_view_if_needed()
    shape = page.frame_locator(MAP_FRAME).locator("path.sentra-region").nth(index)
    started = time.perf_counter()
    shape.click(force=True)
    page.wait_for_function(
        """([frame, n]) => {
            const frames = document.querySelectorAll(frame);
            return frames.length === 1 && frames[0].contentDocument
                && frames[0].contentDocument.querySelectorAll('path.sentra-region').length === n;
        }""",
        arg=[MAP_FRAME, 35],
        timeout=120_000,
    )
    elapsed = time.perf_counter() - started
    page.get_by_role("heading", name=PROVINCE).wait_for(timeout=10_000)
    return elapsed


def time_to_map(
    dashboard: str, floor: str, visits: int, baseline: str | None = None
) -> dict[str, object]:
    """Alternating fresh visits to the servers (after one warm-up visit each); with
    ``baseline``, an earlier commit's dashboard takes its turn too."""
    servers = {"dashboard": dashboard, "floor": floor}
    if baseline:
        servers["baseline"] = baseline
    seconds: dict[str, list[float]] = {name: [] for name in servers} | {"drilldown": []}
    with sync_playwright() as pw:
        browser = launch_chromium(pw)
        for url in servers.values():
            _, page = open_map(browser, url)
            page.context.close()
        index = province_index()
        for i in range(visits):
            for name, url in list(servers.items())[:: 1 if i % 2 else -1]:
                elapsed, page = open_map(browser, url)
                seconds[name].append(elapsed)
                if name == "dashboard":
                    seconds["drilldown"].append(drill_down(page, index))
                page.context.close()
        browser.close()
    medians = {name: statistics.median(values) for name, values in seconds.items()}
    result = {
        "ttm_visits": visits,
        "ttm_dashboard_s": round(medians["dashboard"], 2),
        "ttm_floor_s": round(medians["floor"], 2),
        "ttm_ratio_to_floor": round(medians["dashboard"] / medians["floor"], 2),
        "drilldown_s": round(medians["drilldown"], 2),
    }
    if baseline:
        result["ttm_baseline_s"] = round(medians["baseline"], 2)
        result["ttm_baseline_ratio_to_floor"] = round(medians["baseline"] / medians["floor"], 2)
    return result


def first_visits(work: Path, rounds: int) -> dict[str, object]:
    """The first visit after a server starts, as a presenter makes it: the floor, the
    dashboard as ``scripts/dashboard.sh`` starts it (first visit prepared while it starts)
    and the dashboard without that (``SENTRA_PREPARE=0``), each on a fresh server, once per
    round; the data folder is kept between rounds, as between restarts."""
    env = os.environ | {"SENTRA_DATA_DIR": str(work / "data")}
    apps = {
        "floor": floor_app(work),
        "prepared": App(work / "prepared.log", env),
        "unprepared": App(work / "unprepared.log", env | {"SENTRA_PREPARE": "0"}),
    }
    with running_servers(apps["prepared"]):  # the data folder, as after an earlier start
        pass
    seconds: dict[str, list[float]] = {name: [] for name in apps}
    with sync_playwright() as pw:
        browser = launch_chromium(pw)
        for i in range(rounds):
            for name, app in list(apps.items())[:: 1 if i % 2 else -1]:
                with running_servers(app) as (url,):
                    elapsed, page = open_map(browser, url)
                    seconds[name].append(elapsed)
                    page.context.close()
        browser.close()
    medians = {name: statistics.median(values) for name, values in seconds.items()}
    return {
        "first_visit_rounds": rounds,
        "first_visit_floor_s": round(medians["floor"], 2),
        "first_visit_s": round(medians["prepared"], 2),
        "first_visit_unprepared_s": round(medians["unprepared"], 2),
        "first_visit_ratio_to_floor": round(medians["prepared"] / medians["floor"], 2),
        "first_visit_unprepared_ratio_to_floor": round(medians["unprepared"] / medians["floor"], 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--visits", type=int, default=5)
    parser.add_argument("--first-visits", type=int, default=3, help="rounds of fresh starts")
    parser.add_argument("--baseline", help="an earlier commit whose warm visits alternate too")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="sentra-ttm-"))
    dashboard = App(work / "dashboard.log", os.environ | {"SENTRA_DATA_DIR": str(work / "data")})
    apps = [dashboard, floor_app(work)]
    if args.baseline:
        env = os.environ | {"SENTRA_DATA_DIR": str(work / "data-baseline")}
        apps.append(App(work / "baseline.log", env, export(args.baseline, work / "baseline")))
    with running_servers(*apps) as urls:
        result = time_to_map(*urls[:2], args.visits, *urls[2:])
    if args.first_visits:
        result |= first_visits(work / "first", args.first_visits)
    shutil.rmtree(work)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
