"""A workshop story as one briefing: a title slide, one slide per step (the step's map, its
headline figures and the presenter's note), then sources and definitions."""

from __future__ import annotations

from datetime import date

from sentra import aggregate
from sentra.briefing.content import (
    BriefingData,
    Progress,
    describe_filters,
    headline_numbers,
    illustrative,
    map_slide,
    note_if,
    sources_slide,
)
from sentra.briefing.slides import Briefing, Slide
from sentra.briefing.view import View, view_from_params
from sentra.filters import filter_centres
from sentra.formatting import fmt_date, fmt_number
from sentra.i18n import LANGUAGES, t
from sentra.stories import Story


def step_slide(view: View, data: BriefingData, title: str, note: str) -> Slide:
    filtered = filter_centres(data.centres, view.filters)
    slide = map_slide(view, data, filtered)
    slide.title = title or slide.title
    slide.lines = [note] if note else []
    if view.filters.chosen:
        slide.lines.append(
            t("brief_filters", view.lang, filters=describe_filters(view.filters, view.lang))
        )
    if not view.is_comparison:
        scope = aggregate.scope(filtered, view.region)
        slide.numbers, _h, budget = headline_numbers(view, data, scope)
        shows = bool(slide.illustrative_note) or illustrative(scope) or illustrative(budget)
        slide.illustrative_note = note_if(shows, view.lang)
    return slide


def story_briefing(
    story: Story, data: BriefingData, lang: str, today: date, progress: Progress | None = None
) -> Briefing:
    """Every step in ``lang`` (the presenter's language), whatever language it was made in."""
    regions = set(data.ref.regions.index)
    slides = [
        Slide(
            title=story.title,
            subtitle=t("story_kicker", lang),
            lines=[
                t(
                    "story_steps",
                    lang,
                    count=len(story.steps),
                    n=fmt_number(len(story.steps), lang),
                ),
                t("brief_date", lang, date=fmt_date(today, lang)),
                t("brief_language", lang, language=LANGUAGES[lang]),
                t("brief_data", lang, source=t("source_store", lang, v=data.version)),
            ],
            is_title=True,
        )
    ]
    for number, step in enumerate(story.steps):
        if progress:
            progress(number / len(story.steps), t("brief_step_map", lang))
        params = {**step.params, "lang": [lang]}
        view, _ignored = view_from_params(step.page, params, regions, data.measures())
        slides.append(step_slide(view, data, step.title, step.note))
    if story.versions() - {data.version}:
        slides[0].lines.append(t("story_data_changed", lang, v=data.version))
    any_illustrative = any(s.illustrative_note for s in slides)
    slides.append(sources_slide(View(lang=lang), data, any_illustrative))
    return Briefing(story.title, lang, slides, f"cerita-{story.story_id}")
