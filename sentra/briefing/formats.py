"""The file formats a briefing is written in: name → (MIME type, writer)."""

from __future__ import annotations

from collections.abc import Callable

from sentra.briefing.pdf_writer import to_pdf
from sentra.briefing.pptx_writer import to_pptx
from sentra.briefing.slides import Briefing

FORMATS: dict[str, tuple[str, Callable[[Briefing], bytes]]] = {
    "pptx": ("application/vnd.openxmlformats-officedocument.presentationml.presentation", to_pptx),
    "pdf": ("application/pdf", to_pdf),
}


def render(briefing: Briefing, fmt: str) -> bytes:
    return FORMATS[fmt][1](briefing)
