"""What a briefing holds, independent of the file format: slides of text, numbers, charts,
tables and pictures. ``pptx_writer`` and ``pdf_writer`` lay out the same slides."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Chart:
    """A chart with its data: categories along one axis, one value list per series.

    ``kind``: 'bar' (horizontal), 'column', 'stacked' (stacked columns) or 'line'.
    ``number_format`` is an Excel format code (the PPTX chart's own data is editable).
    Missing values are None, never zero.
    """

    title: str
    kind: str
    categories: list[str]
    series: list[tuple[str, list[float | None]]]
    axis_title: str
    number_format: str = "#,##0"

    def is_empty(self) -> bool:
        """No category or no value at all: writers say "no data" instead of drawing."""
        return not self.categories or all(v is None for _, vs in self.series for v in vs)


@dataclass
class Table:
    header: list[str]
    rows: list[list[str]]
    column_weights: list[float] | None = None  # relative widths; equal when None


@dataclass
class Slide:
    """Parts a slide may hold; writers draw those present. ``illustrative_note`` is set on
    every slide that shows an illustrative figure and printed on that very slide."""

    title: str
    subtitle: str = ""
    lines: list[str] = field(default_factory=list)  # paragraphs
    numbers: list[tuple[str, str]] = field(default_factory=list)  # (label, formatted value)
    charts: list[Chart] = field(default_factory=list)
    table: Table | None = None
    image: bytes | None = None  # PNG (the static map)
    image_aspect: float = 1.0  # width / height of ``image``
    notes: list[str] = field(default_factory=list)  # source and credit lines at the foot
    illustrative_note: str = ""
    is_title: bool = False
    summary: str = ""  # the title slide's few sentences about the region (sentra.summary)


@dataclass
class Briefing:
    title: str  # e.g. the region names; also the document title
    lang: str
    slides: list[Slide]
    file_stem: str  # a safe file name without extension, e.g. bahan-paparan-33
