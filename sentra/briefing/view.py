"""One dashboard view as the briefing (and a story step) sees it: page, region(s), filters,
measure and language — the same parameters the URL holds (``ui.url_state.PARAMS``)."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field

from sentra.filters import Filters, from_params
from sentra.i18n import DEFAULT_LANGUAGE, LANGUAGES
from sentra.indicators import METRICS
from sentra.map_years import YEAR_PARAM

DEFAULT_METRIC = "sentra"
MAX_COMPARED = 4


@dataclass(frozen=True)
class View:
    """``regions``: () for Indonesia, one code for a province or regency, 2–4 to compare."""

    page: str = "peta"
    regions: tuple[str, ...] = ()
    filters: Filters = field(default_factory=Filters)
    metric: str = DEFAULT_METRIC
    lang: str = DEFAULT_LANGUAGE
    year: int | None = None  # the map's year, for a measure with years (``tahun_peta``)

    @property
    def is_comparison(self) -> bool:
        return len(self.regions) > 1

    @property
    def region(self) -> str | None:
        """The one region shown (None: Indonesia, or a comparison)."""
        return self.regions[0] if len(self.regions) == 1 else None

    def key(self) -> tuple:
        """Hashable, for caches."""
        return (self.page, self.regions, self.filters.chosen, self.metric, self.lang, self.year)


def view_from_params(
    page: str,
    params: Mapping[str, Sequence[str] | str],
    regions: Collection[str],
    measures: Collection[str] = (),
) -> tuple[View, dict[str, list[str]]]:
    """A view from URL-style parameters; unknown values fall back and are reported per key.

    ``bandingkan`` (on the compare page) holds several regions, ``wilayah`` one;
    ``measures``: the map's measures besides ``METRICS`` (imported indicators, data origin).
    """

    def values(key: str) -> list[str]:
        raw = params.get(key) or []
        return [raw] if isinstance(raw, str) else list(raw)

    filters, ignored = from_params(params)
    wanted = values("bandingkan") if page == "bandingkan" else values("wilayah")[:1]
    chosen = tuple(dict.fromkeys(c for c in wanted if c in regions))[:MAX_COMPARED]
    if bad := [c for c in wanted if c not in regions and c != ""]:
        ignored["bandingkan" if page == "bandingkan" else "wilayah"] = bad
    metric = (values("metrik") or [DEFAULT_METRIC])[0]
    if metric not in METRICS and metric not in measures:
        ignored["metrik"] = [metric]
        metric = DEFAULT_METRIC
    year = (values(YEAR_PARAM) or [""])[0]
    number = year.isascii() and year.isdigit()
    if year and not number:
        ignored[YEAR_PARAM] = [year]
    lang = (values("lang") or [DEFAULT_LANGUAGE])[0]
    if lang not in LANGUAGES:
        ignored["lang"] = [lang]
        lang = DEFAULT_LANGUAGE
    return View(page, chosen, filters, metric, lang, int(year) if number else None), ignored
