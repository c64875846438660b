"""A briefing as a 16:9 PowerPoint file (python-pptx) with native, editable charts: the
chart data sits in the file's embedded workbook, so officials can change it in PowerPoint.

Text uses Arial: on Windows it is there, LibreOffice substitutes the metric-compatible
Liberation Sans. Chart number formats are Excel codes, shown in the viewer's own locale.
"""

from __future__ import annotations

import io

from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Emu, Inches, Pt

from sentra.briefing.layout import LONG_TITLE, Box, body_boxes, fit, number_grid
from sentra.briefing.slides import Briefing, Chart, Slide, Table
from sentra.i18n import t

FONT = "Arial"
NAVY = RGBColor(0x1F, 0x3B, 0x63)
GREY = RGBColor(0x55, 0x55, 0x55)
WARN = RGBColor(0x9C, 0x4A, 0x00)
HEADER_FILL = RGBColor(0xDD, 0xE6, 0xF0)
WIDTH, HEIGHT = Inches(13.333), Inches(7.5)
MARGIN = Inches(0.5)
BODY_TOP = Inches(1.25)
_CHART_TYPES = {
    "bar": XL_CHART_TYPE.BAR_CLUSTERED,
    "column": XL_CHART_TYPE.COLUMN_CLUSTERED,
    "stacked": XL_CHART_TYPE.COLUMN_STACKED,
    "line": XL_CHART_TYPE.LINE_MARKERS,
}


def to_pptx(briefing: Briefing) -> bytes:
    prs = Presentation()
    prs.slide_width, prs.slide_height = WIDTH, HEIGHT
    prs.core_properties.title = briefing.title
    prs.core_properties.language = "id-ID" if briefing.lang == "id" else "en-US"
    blank = prs.slide_layouts[6]
    total = len(briefing.slides)
    for number, content in enumerate(briefing.slides, start=1):
        slide = prs.slides.add_slide(blank)
        if content.is_title:
            _title_page(slide, content)
        else:
            _content_page(slide, content, briefing.lang)
        _text(
            slide,
            (WIDTH - MARGIN - Inches(1), HEIGHT - Inches(0.45), Inches(1), Inches(0.3)),
            [f"{number}/{total}"],
            10,
            GREY,
            align=PP_ALIGN.RIGHT,
        )
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()


def _text(
    slide,
    box,
    paragraphs: list[str],
    size: float,
    colour=None,
    bold: bool = False,
    align=PP_ALIGN.LEFT,
    anchor=MSO_ANCHOR.TOP,
    name: str | None = None,
):
    x, y, w, h = (Emu(int(v)) for v in box)
    shape = slide.shapes.add_textbox(x, y, w, h)
    if name:
        shape.name = name
    frame = shape.text_frame
    frame.word_wrap = True
    frame.vertical_anchor = anchor
    for i, text in enumerate(paragraphs):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        paragraph.alignment = align
        paragraph.space_after = Pt(size * 0.4)
        run = paragraph.add_run()
        run.text = text
        run.font.size, run.font.bold, run.font.name = Pt(size), bold, FONT
        if colour is not None:
            run.font.color.rgb = colour
    return shape


def _title_page(slide, content: Slide) -> None:
    _text(
        slide, (MARGIN, Inches(1.6), WIDTH - 2 * MARGIN, Inches(0.6)), [content.subtitle], 20, GREY
    )
    title = _text(
        slide,
        (MARGIN, Inches(2.2), WIDTH - 2 * MARGIN, Inches(1.3)),
        [content.title],
        40,
        NAVY,
        bold=True,
        name="Title",
    )
    title.text_frame.word_wrap = True
    top = Inches(3.8)
    if content.summary:
        box = (MARGIN, Inches(3.55), WIDTH - 2 * MARGIN, Inches(1.2))
        _text(slide, box, [content.summary], 16, NAVY, name="Summary")
        top = Inches(4.85)
    _text(slide, (MARGIN, top, WIDTH - 2 * MARGIN, Inches(2.5)), content.lines, 18)


def _content_page(slide, content: Slide, lang: str) -> None:
    size = 26 if len(content.title) <= LONG_TITLE else 20  # a long title still fits one line
    _text(
        slide,
        (MARGIN, Inches(0.35), WIDTH - 2 * MARGIN, Inches(0.8)),
        [content.title],
        size,
        NAVY,
        bold=True,
        anchor=MSO_ANCHOR.MIDDLE,
        name="Title",
    )
    foot = [*content.notes]
    foot_h = Inches(0.28) * max(1, len(foot))
    bottom = HEIGHT - Inches(0.45) - foot_h
    _text(slide, (MARGIN, bottom, WIDTH - 2 * MARGIN - Inches(1.2), foot_h), foot, 10, GREY)
    if content.illustrative_note:
        bottom -= Inches(0.42)
        _text(
            slide,
            (MARGIN, bottom, WIDTH - 2 * MARGIN, Inches(0.4)),
            [content.illustrative_note],
            12,
            WARN,
            bold=True,
            name="Illustrative",
        )
    body = (MARGIN, BODY_TOP, WIDTH - 2 * MARGIN, bottom - BODY_TOP - Inches(0.1))
    boxes = body_boxes(content)
    if "lines" in boxes:
        _text(slide, boxes["lines"].scaled(*body), content.lines, 14)
    if content.image is not None:
        x, y, w, h = (Emu(int(v)) for v in fit(content.image_aspect, boxes["image"].scaled(*body)))
        slide.shapes.add_picture(io.BytesIO(content.image), x, y, w, h)
    if content.numbers:
        _numbers(slide, content.numbers, boxes["numbers"], body)
    if content.table is not None:
        _table(slide, content.table, boxes["table"].scaled(*body))
    for chart, box in zip(content.charts, boxes.get("charts", []), strict=True):
        if chart.is_empty():
            _text(slide, box.scaled(*body), [chart.title, t("legend_no_data", lang)], 14, GREY)
        else:
            _chart(slide, chart, box.scaled(*body))


def _numbers(slide, numbers: list[tuple[str, str]], box: Box, body) -> None:
    for (caption, value), cell in zip(numbers, number_grid(box, len(numbers)), strict=True):
        x, y, w, h = cell.scaled(*body)
        _text(slide, (x, y + h * 0.1, w, h * 0.3), [caption], 15, GREY)
        _text(slide, (x, y + h * 0.38, w, h * 0.5), [value], 30, NAVY, bold=True)


def _table(slide, table: Table, box) -> None:
    x, y, w, h = (int(v) for v in box)
    rows, cols = len(table.rows) + 1, len(table.header)
    row_h = min(int(h / rows), Inches(0.5))
    shape = slide.shapes.add_table(rows, cols, Emu(x), Emu(y), Emu(w), Emu(row_h * rows))
    grid = shape.table
    weights = table.column_weights or [1.0] * cols
    for i, weight in enumerate(weights):
        grid.columns[i].width = Emu(int(w * weight / sum(weights)))
    size = 12 if rows <= 6 else 10
    for r, values in enumerate([table.header, *table.rows]):
        grid.rows[r].height = Emu(row_h)
        for c, value in enumerate(values):
            cell = grid.cell(r, c)
            cell.text = value
            for paragraph in cell.text_frame.paragraphs:
                for run in paragraph.runs:
                    run.font.size, run.font.name, run.font.bold = Pt(size), FONT, r == 0
                    run.font.color.rgb = NAVY if r == 0 else RGBColor(0x22, 0x22, 0x22)
            cell.fill.solid()
            cell.fill.fore_color.rgb = HEADER_FILL if r == 0 else RGBColor(0xFF, 0xFF, 0xFF)


def _chart(slide, chart: Chart, box) -> None:
    data = CategoryChartData(number_format=chart.number_format)
    data.categories = chart.categories
    for name, values in chart.series:
        data.add_series(name, values)
    x, y, w, h = (Emu(int(v)) for v in box)
    frame = slide.shapes.add_chart(_CHART_TYPES[chart.kind], x, y, w, h, data)
    plot = frame.chart
    plot.font.size, plot.font.name = Pt(11), FONT
    plot.has_title = True
    plot.chart_title.text_frame.text = chart.title
    plot.chart_title.text_frame.paragraphs[0].runs[0].font.size = Pt(14)
    plot.chart_title.text_frame.paragraphs[0].runs[0].font.bold = True
    axis = plot.value_axis
    axis.has_major_gridlines = True
    axis.tick_labels.number_format = chart.number_format
    axis.tick_labels.number_format_is_linked = False
    axis.has_title = True
    axis.axis_title.text_frame.text = chart.axis_title
    axis.axis_title.text_frame.paragraphs[0].runs[0].font.size = Pt(10)
    if chart.kind == "bar":
        plot.category_axis.reverse_order = True  # largest first, at the top, as on the page
    plot.has_legend = len(chart.series) > 1
    if plot.has_legend:
        plot.legend.position = XL_LEGEND_POSITION.BOTTOM
        plot.legend.include_in_layout = False
    elif chart.kind in ("bar", "column"):
        labels = plot.plots[0]
        labels.has_data_labels = True
        labels.data_labels.number_format = chart.number_format
        labels.data_labels.number_format_is_linked = False
        labels.data_labels.font.size = Pt(10)
