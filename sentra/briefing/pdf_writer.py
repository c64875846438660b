"""A briefing as an A4 landscape PDF (fpdf2), one page per slide, for printing and e-mail.

The font is DejaVu Sans, embedded: it ships inside matplotlib (a pinned dependency), so it
exists wherever the dashboard is installed, and covers Indonesian and English text.
"""

from __future__ import annotations

import io
from pathlib import Path

import matplotlib
from fpdf import FPDF
from fpdf.fonts import FontFace

from sentra.briefing.chart_images import chart_png
from sentra.briefing.layout import LONG_TITLE, Box, body_boxes, fit, number_grid
from sentra.briefing.slides import Briefing, Slide, Table
from sentra.i18n import t

FONT_DIR = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
FONT = "DejaVu"
W, H = 297.0, 210.0  # mm
MARGIN = 12.0
BODY_TOP = 30.0
NAVY = (0x1F, 0x3B, 0x63)
GREY = (0x55, 0x55, 0x55)
WARN = (0x9C, 0x4A, 0x00)
BLACK = (0x22, 0x22, 0x22)
HEADER_FILL = (0xDD, 0xE6, 0xF0)
MM_PER_INCH = 25.4


def to_pdf(briefing: Briefing) -> bytes:
    pdf = FPDF(orientation="L", unit="mm", format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.add_font(FONT, "", FONT_DIR / "DejaVuSans.ttf")
    pdf.add_font(FONT, "B", FONT_DIR / "DejaVuSans-Bold.ttf")
    pdf.set_title(briefing.title)
    pdf.set_lang("id-ID" if briefing.lang == "id" else "en-US")
    pdf.set_creator("Peta Sentra & Klaster")
    total = len(briefing.slides)
    for number, slide in enumerate(briefing.slides, start=1):
        pdf.add_page()
        if slide.is_title:
            _title_page(pdf, slide)
        else:
            _content_page(pdf, slide, briefing.lang)
        _write(pdf, (W - MARGIN - 30, H - 9, 30, 5), [f"{number}/{total}"], 9, GREY, align="R")
    return bytes(pdf.output())


def _write(
    pdf: FPDF,
    box,
    paragraphs: list[str],
    size: float,
    colour=BLACK,
    bold: bool = False,
    align: str = "L",
) -> float:
    """Paragraphs from the top of ``box``; returns the y where the text ended."""
    x, y, w, _h = box
    pdf.set_font(FONT, "B" if bold else "", size)
    pdf.set_text_color(*colour)
    pdf.set_xy(x, y)
    line = size * 0.45
    for text in paragraphs:
        pdf.set_x(x)
        pdf.multi_cell(w, line, text, align=align, new_x="LMARGIN", new_y="NEXT")
        pdf.set_y(pdf.get_y() + line * 0.4)
    return pdf.get_y()


def _title_page(pdf: FPDF, slide: Slide) -> None:
    width = W - 2 * MARGIN
    _write(pdf, (MARGIN, 45, width, 10), [slide.subtitle], 18, GREY)
    end = _write(pdf, (MARGIN, 57, width, 30), [slide.title], 34, NAVY, bold=True)
    if slide.summary:
        end = _write(pdf, (MARGIN, end + 6, width, 30), [slide.summary], 13, NAVY) - 6
    _write(pdf, (MARGIN, end + 12, width, 60), slide.lines, 15)


def _content_page(pdf: FPDF, slide: Slide, lang: str) -> None:
    width = W - 2 * MARGIN
    size = 19 if len(slide.title) <= LONG_TITLE else 15
    _write(pdf, (MARGIN, 11, width, 14), [slide.title], size, NAVY, bold=True)
    bottom = H - 10 - 4.6 * max(1, len(slide.notes))
    _write(pdf, (MARGIN, bottom, width - 30, 15), slide.notes, 8, GREY)
    if slide.illustrative_note:
        bottom -= 7
        _write(pdf, (MARGIN, bottom, width, 6), [slide.illustrative_note], 10, WARN, bold=True)
    body = (MARGIN, BODY_TOP, width, bottom - BODY_TOP - 3)
    boxes = body_boxes(slide)
    if slide.image is not None:
        x, y, w, h = fit(slide.image_aspect, boxes["image"].scaled(*body))
        pdf.image(io.BytesIO(slide.image), x=x, y=y, w=w, h=h)
    if slide.numbers:
        _numbers(pdf, slide.numbers, boxes["numbers"], body)
    if slide.table is not None:
        _table(pdf, slide.table, boxes["table"].scaled(*body))
    for chart, box in zip(slide.charts, boxes.get("charts", []), strict=True):
        x, y, w, h = box.scaled(*body)
        if chart.is_empty():
            _write(pdf, (x, y, w, h), [chart.title, t("legend_no_data", lang)], 12, GREY)
            continue
        png = chart_png(chart, w / MM_PER_INCH, h / MM_PER_INCH, lang)
        pdf.image(io.BytesIO(png), x=x, y=y, w=w, h=h)
    if "lines" in boxes:
        _write(pdf, boxes["lines"].scaled(*body), slide.lines, 11)


def _numbers(pdf: FPDF, numbers: list[tuple[str, str]], box: Box, body) -> None:
    for (caption, value), cell in zip(numbers, number_grid(box, len(numbers)), strict=True):
        x, y, w, h = cell.scaled(*body)
        _write(pdf, (x, y + h * 0.1, w - 3, 8), [caption], 12, GREY)
        _write(pdf, (x, y + h * 0.4, w - 3, 14), [value], 22, NAVY, bold=True)


def _table(pdf: FPDF, table: Table, box) -> None:
    x, y, w, _h = box
    pdf.set_xy(x, y)
    pdf.set_font(FONT, "", 9 if len(table.rows) > 6 else 10)
    pdf.set_text_color(*BLACK)
    weights = table.column_weights or [1.0] * len(table.header)
    with pdf.table(
        width=w,
        col_widths=weights,
        align="LEFT",
        line_height=4.6,
        padding=1.2,
        headings_style=FontFace(emphasis="BOLD", color=NAVY, fill_color=HEADER_FILL),
        borders_layout="HORIZONTAL_LINES",
        text_align="LEFT",
    ) as grid:
        for values in [table.header, *table.rows]:
            row = grid.row()
            for value in values:
                row.cell(value)
