"""Where the parts of a slide go, as fractions of the slide body, shared by the PPTX and
the PDF writer so both documents look alike."""

from __future__ import annotations

from dataclasses import dataclass

from sentra.briefing.slides import Slide

GAP = 0.025
LONG_TITLE = 60  # characters; longer slide titles get a smaller font to stay on one line


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float

    def scaled(self, x0: float, y0: float, width: float, height: float) -> tuple[float, ...]:
        """(x, y, w, h) inside a body at (x0, y0) of ``width`` × ``height`` (any unit)."""
        return (x0 + self.x * width, y0 + self.y * height, self.w * width, self.h * height)


def body_boxes(slide: Slide) -> dict[str, Box | list[Box]]:
    """Boxes for 'image', 'numbers', 'table', 'lines' and 'charts' (a list), those present.

    Text lines go under the other parts; a picture with numbers puts the numbers beside it
    (story steps); two charts sit side by side.
    """
    boxes: dict[str, Box | list[Box]] = {}
    others = slide.image is not None or slide.numbers or slide.charts or slide.table
    main = Box(0, 0, 1, 1)
    if slide.lines and others:
        share = 0.3 if slide.numbers and slide.image is None else 0.2
        boxes["lines"] = Box(0, 1 - share, 1, share)
        main = Box(0, 0, 1, 1 - share - GAP)
    elif slide.lines:
        boxes["lines"] = main
    if slide.image is not None and slide.numbers:
        boxes["image"] = Box(main.x, main.y, 0.64, main.h)
        boxes["numbers"] = Box(0.64 + GAP, main.y, 1 - 0.64 - GAP, main.h)
    elif slide.image is not None:
        boxes["image"] = main
    elif slide.numbers:
        boxes["numbers"] = main
    if slide.table is not None:
        boxes["table"] = main
    if slide.charts:
        n = len(slide.charts)
        width = (1 - GAP * (n - 1)) / n
        boxes["charts"] = [Box(i * (width + GAP), main.y, width, main.h) for i in range(n)]
    return boxes


def number_grid(box: Box, count: int) -> list[Box]:
    """Cells for ``count`` headline numbers: three columns in a wide box, two in a narrow."""
    columns = 3 if box.w > 0.5 else 2
    rows = -(-count // columns)
    w, h = box.w / columns, box.h / rows
    return [Box(box.x + (i % columns) * w, box.y + (i // columns) * h, w, h) for i in range(count)]


def fit(aspect: float, box: tuple[float, ...]) -> tuple[float, ...]:
    """The largest (x, y, w, h) of width/height ``aspect`` centred in ``box``."""
    x, y, w, h = box
    if w / h > aspect:
        new_w = h * aspect
        return (x + (w - new_w) / 2, y, new_w, h)
    new_h = w / aspect
    return (x, y + (h - new_h) / 2, w, new_h)
