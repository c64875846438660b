"""Workshop stories: an ordered list of dashboard views (page + the URL's parameters), each
with a title and a short note, played one after the other in presentation mode.

Each step remembers the data version it was captured on, so a story whose data has since
changed still plays and can say so. Editing returns a new ``Story``; the store saves it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace

MAX_TITLE = 120
MAX_NOTE = 1_000
MAX_STEPS = 50
MAX_VALUES = 20  # values per parameter (a filter lists at most its vocabulary)
STORY_ID = re.compile(r"^[A-Za-z0-9_-]{4,32}$")


@dataclass(frozen=True)
class Step:
    page: str  # url path of the page: peta, profil, bandingkan, …
    params: dict[str, list[str]]  # the URL parameters of the view
    title: str
    note: str
    version: int  # data version the view was captured on


@dataclass(frozen=True)
class Story:
    story_id: str
    title: str
    steps: tuple[Step, ...] = field(default_factory=tuple)

    def versions(self) -> set[int]:
        return {step.version for step in self.steps}


def clean_text(text: object, limit: int) -> str:
    """Free text as typed (stored and shown as text, never as HTML), trimmed and capped."""
    return str(text or "").strip()[:limit]


def step_of(
    page: str,
    params: Mapping[str, Sequence[str] | str],
    title: str,
    note: str,
    version: int,
    allowed: Collection[str],
) -> Step:
    """A step from the current page and URL; parameters outside ``allowed`` are dropped."""
    kept = {}
    for key, raw in params.items():
        if key in allowed:
            values = [raw] if isinstance(raw, str) else list(raw)
            kept[key] = [clean_text(v, MAX_TITLE) for v in values[:MAX_VALUES]]
    return Step(page, kept, clean_text(title, MAX_TITLE), clean_text(note, MAX_NOTE), version)


def add_step(story: Story, step: Step) -> Story:
    if len(story.steps) >= MAX_STEPS:
        raise ValueError(f"at most {MAX_STEPS} steps")
    return replace(story, steps=(*story.steps, step))


def move_step(story: Story, index: int, delta: int) -> Story:
    """Move step ``index`` up (delta -1) or down (+1); unchanged at either end."""
    target = index + delta
    if not (0 <= index < len(story.steps) and 0 <= target < len(story.steps)):
        return story
    steps = list(story.steps)
    steps[index], steps[target] = steps[target], steps[index]
    return replace(story, steps=tuple(steps))


def remove_step(story: Story, index: int) -> Story:
    return replace(story, steps=tuple(s for i, s in enumerate(story.steps) if i != index))


def rename_step(story: Story, index: int, title: str, note: str) -> Story:
    steps = list(story.steps)
    steps[index] = replace(
        steps[index], title=clean_text(title, MAX_TITLE), note=clean_text(note, MAX_NOTE)
    )
    return replace(story, steps=tuple(steps))


def rename(story: Story, title: str) -> Story:
    return replace(story, title=clean_text(title, MAX_TITLE))


def steps_to_json(steps: Sequence[Step]) -> str:
    return json.dumps(
        [
            {
                "page": s.page,
                "params": s.params,
                "title": s.title,
                "note": s.note,
                "version": s.version,
            }
            for s in steps
        ],
        ensure_ascii=False,
    )


def steps_from_json(text: str) -> tuple[Step, ...]:
    return tuple(
        Step(
            d["page"],
            {k: list(v) for k, v in d["params"].items()},
            d["title"],
            d["note"],
            int(d["version"]),
        )
        for d in json.loads(text or "[]")
    )
