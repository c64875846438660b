"""Briefing slides or PDF of a dashboard view from the command line, for automation:

    python -m loaders.briefing --wilayah 33 [--wilayah 34 …] [--lang en] \
        [--metrik M] [--tahun-peta YYYY] --format pptx|pdf --out FILE

Every sidebar filter is an option named like its URL parameter (``--sektor kerajinan``,
``--tahun 2019-2024``), built from ``sentra.filters.FILTERS``. One ``--wilayah`` gives a
region briefing, several a comparison, none Indonesia. ``--metrik`` is the map's measure
(an imported indicator as ``imp:<key>``), ``--tahun-peta`` one year of a measure with
years. The last line printed is JSON.
"""

from __future__ import annotations

import argparse
import functools
import json
import sys
import time
from datetime import date
from pathlib import Path

from loaders.boundaries import load
from loaders.pinned_source import SourceFileError
from loaders.reference import coverage_at, imported_indicators, load_reference
from loaders.store import StoreError, open_store
from sentra.briefing.build import build_briefing
from sentra.briefing.content import BriefingData
from sentra.briefing.formats import FORMATS, render
from sentra.briefing.view import MAX_COMPARED, view_from_params
from sentra.coverage import COVERAGE_METRIC
from sentra.filters import FILTERS
from sentra.i18n import LANGUAGES, t
from sentra.indicators import METRICS
from sentra.map_years import YEAR_PARAM


def load_data() -> BriefingData:
    """The current stored version, reference tables, boundary layers and imported
    regional indicators."""
    layers, _origin = load()
    store = open_store()
    version = store.current_version()
    ref = load_reference(store, layers.all_regions)
    return BriefingData(
        store.centres(version),
        ref,
        layers,
        version,
        imported_indicators(store),
        functools.partial(coverage_at, ref, store, version),
    )


def parser() -> argparse.ArgumentParser:
    cli = argparse.ArgumentParser(
        prog="python -m loaders.briefing",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    cli.add_argument(
        "--wilayah",
        action="append",
        default=[],
        metavar="KODE",
        help=f"region code (33, 33.26, 33.26.14); 2–{MAX_COMPARED} to compare",
    )
    cli.add_argument("--lang", choices=list(LANGUAGES), default="id")
    add_measure_options(cli)
    cli.add_argument("--format", choices=list(FORMATS), required=True)
    cli.add_argument("--out", type=Path, required=True)
    add_filter_options(cli)
    return cli


def add_measure_options(cli: argparse.ArgumentParser) -> None:
    """The map's measure and year, as the map page's URL names them."""
    cli.add_argument(
        "--metrik",
        default="sentra",
        metavar="M",
        help=f"map measure: {', '.join([*METRICS, COVERAGE_METRIC])} or imp:<key>",
    )
    cli.add_argument("--tahun-peta", metavar="YYYY", help="one year of a measure with years")


def add_filter_options(cli: argparse.ArgumentParser) -> None:
    """Every sidebar filter as an option named like its URL parameter."""
    for spec in FILTERS:
        if spec.kind == "choice":
            cli.add_argument(f"--{spec.key}", action="append", choices=list(spec.vocabulary))
        elif spec.kind == "text":
            cli.add_argument(f"--{spec.key}", metavar="TEXT")
        else:
            cli.add_argument(f"--{spec.key}", metavar="YYYY-YYYY")


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    started = time.perf_counter()
    try:
        data = load_data()
    except (SourceFileError, StoreError) as exc:
        print(t("cli_failed", args.lang, error=exc.text(args.lang)), file=sys.stderr)
        return 1
    params = {spec.key: getattr(args, spec.key) for spec in FILTERS if getattr(args, spec.key)}
    params.update(lang=args.lang, metrik=args.metrik)
    if args.tahun_peta:
        params[YEAR_PARAM] = args.tahun_peta
    page = "bandingkan" if len(args.wilayah) > 1 else "profil" if args.wilayah else "peta"
    params["bandingkan" if page == "bandingkan" else "wilayah"] = args.wilayah
    view, ignored = view_from_params(page, params, set(data.ref.regions.index), data.measures())
    if ignored or len(args.wilayah) > MAX_COMPARED:
        options = {YEAR_PARAM: "tahun-peta"}  # the URL's key, the command's option
        wrong = "; ".join(
            f"--{options.get(key, key)} {' '.join(values)}" for key, values in ignored.items()
        )
        wrong = wrong or f"--wilayah (max {MAX_COMPARED})"
        print(t("cli_unknown_values", args.lang, values=wrong), file=sys.stderr)
        return 2
    loaded = time.perf_counter()
    briefing = build_briefing(view, data, date.today())
    args.out.write_bytes(render(briefing, args.format))
    print(
        json.dumps(
            {
                "out": str(args.out),
                "format": args.format,
                "slides": len(briefing.slides),
                "bytes": args.out.stat().st_size,
                "version": data.version,
                "load_seconds": round(loaded - started, 2),
                "build_seconds": round(time.perf_counter() - loaded, 2),
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
