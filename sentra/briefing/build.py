"""A whole briefing for one view: which slides, in which order."""

from __future__ import annotations

import re
from datetime import date

from sentra import aggregate
from sentra.briefing import compare_slides
from sentra.briefing.content import (
    BriefingData,
    Progress,
    chart_slides,
    counts_by_source_slide,
    facts_slides,
    headline_slide,
    map_slide,
    region_title,
    sources_slide,
    title_slide,
    top_centres_slide,
)
from sentra.briefing.slides import Briefing
from sentra.briefing.view import View
from sentra.filters import filter_centres
from sentra.i18n import t


def build_briefing(
    view: View, data: BriefingData, today: date, progress: Progress | None = None
) -> Briefing:
    """All slides of the briefing for ``view`` (Indonesia, one region, or a comparison)."""
    report = progress or (lambda _share, _step: None)
    lang = view.lang
    filtered = filter_centres(data.centres, view.filters)
    place = region_title(view, data.names)
    slides = [title_slide(view, data, today)]
    report(0.1, t("brief_step_map", lang))
    slides.append(map_slide(view, data, filtered))
    report(0.5, t("brief_step_numbers", lang))
    if view.is_comparison:
        slides += compare_slides.slides(view, data, filtered)
    else:
        scope = aggregate.scope(filtered, view.region)
        slides.append(headline_slide(view, data, scope, place))
        report(0.6, t("brief_step_charts", lang))
        slides += chart_slides(view, data, scope, place)
        slides.append(top_centres_slide(view, data, scope, place))
    report(0.8, t("brief_step_facts", lang))
    if not view.regions:  # Indonesia: the bodies' national counts, side by side
        slides.append(counts_by_source_slide(view))
    slides += facts_slides(view, data, place)
    slides.append(sources_slide(view, data, any(s.illustrative_note for s in slides)))
    stem = "-".join(["bahan-paparan" if lang == "id" else "briefing", *view.regions])
    return Briefing(place, lang, slides, re.sub(r"[^A-Za-z0-9.-]", "", stem))
