"""A picture of the map from the command line (for a group chat, a report or a poster):

    python -m loaders.map_image [--wilayah KODE] [--metrik M] [--tahun-peta YYYY] \
        [--lang en] [--ukuran layar|a3] --out FILE.png

The map page's view: a region (none: Indonesia; a province shows its regencies, a regency
its kecamatan), a measure (``--metrik``; an imported indicator as ``imp:<key>``), the
sidebar filters named as in ``loaders.briefing`` (``--sektor kerajinan``,
``--tahun 2019-2024``, …) and, for a measure with years, one year (``--tahun-peta``).
``--ukuran layar`` (default) is 1920×1080, ``a3`` an A3 landscape poster at 300 dpi.
The last line printed is JSON.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

from PIL import Image

from loaders.boundaries import load
from loaders.briefing import add_filter_options, add_measure_options
from loaders.pinned_source import SourceFileError
from loaders.reference import imported_indicators, load_reference
from loaders.store import StoreError, open_store
from sentra.coverage import COVERAGE_METRIC, coverage
from sentra.filters import FILTERS, filter_centres, from_params
from sentra.i18n import LANGUAGES, t
from sentra.indicators import METRICS
from sentra.map_image import SIZES, map_picture_png
from sentra.map_view import map_measure
from sentra.map_years import parse_year
from sentra.regional_indicators import PREFIX


def parser() -> argparse.ArgumentParser:
    cli = argparse.ArgumentParser(
        prog="python -m loaders.map_image",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    cli.add_argument("--wilayah", metavar="KODE", help="region code (33, 33.26, 33.26.14)")
    cli.add_argument("--lang", choices=list(LANGUAGES), default="id")
    add_measure_options(cli)
    cli.add_argument("--ukuran", choices=list(SIZES), default="layar")
    cli.add_argument("--out", type=Path, required=True)
    add_filter_options(cli)
    return cli


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    lang = args.lang
    started = time.perf_counter()
    try:
        layers, _origin = load()
        store = open_store()
        version = store.current_version()
        lists = store.complete_lists(version)
        ref = replace(  # clusters count where an office's complete list covers a region
            load_reference(store, layers.all_regions),
            complete_lists=frozenset(lists["region_code"]),
        )
        centres = store.centres(version)
        indicators = imported_indicators(store)
    except (SourceFileError, StoreError) as exc:
        print(t("cli_failed", lang, error=exc.text(lang)), file=sys.stderr)
        return 1
    params = {spec.key: getattr(args, spec.key) for spec in FILTERS if getattr(args, spec.key)}
    filters, wrong = from_params(params)
    region = args.wilayah or None
    if region and region not in ref.regions.index:
        wrong["wilayah"] = [region]
    if args.metrik not in [*METRICS, COVERAGE_METRIC, *indicators.keys()]:
        wrong["metrik"] = [args.metrik]
    loaded = time.perf_counter()
    if not wrong:
        imported = indicators.measure(args.metrik) if args.metrik.startswith(PREFIX) else None
        filtered = filter_centres(centres, filters)
        bps = set(ref.bps_2024["province_code"])
        measure = map_measure(
            layers,
            ref,
            centres,
            filtered,
            filters,
            region,
            args.metrik,
            lang,
            imported,
            coverage(layers.all_regions, bps, lists) if args.metrik == COVERAGE_METRIC else None,
        )
        year = parse_year(args.tahun_peta, measure.frames)
        if args.tahun_peta and year is None:  # not a year this view's measure has
            wrong["tahun-peta"] = [args.tahun_peta]
    if wrong:
        values = "; ".join(f"--{key} {' '.join(v)}" for key, v in wrong.items())
        print(t("cli_unknown_values", lang, values=values), file=sys.stderr)
        return 2
    png = map_picture_png(
        measure,
        layers,
        ref,
        filtered,
        filters,
        region,
        lang,
        version,
        date.today(),
        imported=imported,
        year=year,
        size=args.ukuran,
    )
    args.out.write_bytes(png)
    with Image.open(args.out) as image:
        width, height = image.size
    print(
        json.dumps(
            {
                "out": str(args.out),
                "width": width,
                "height": height,
                "bytes": len(png),
                "version": version,
                "load_seconds": round(loaded - started, 2),
                "build_seconds": round(time.perf_counter() - loaded, 2),
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
