"""Reading numbers as officials type them: 1.506 · 13,9 · Rp 1.500.000 · 2,5 miliar · -6,88."""

from __future__ import annotations

import re
from decimal import Decimal

_SCALE = {
    "ribu": 1e3, "rb": 1e3, "juta": 1e6, "jt": 1e6, "miliar": 1e9, "milyar": 1e9, "m": 1e9,
    "triliun": 1e12, "t": 1e12, "thousand": 1e3, "million": 1e6, "billion": 1e9,
}  # fmt: skip
_EN_THOUSANDS = re.compile(r"^-?\d{1,3}(,\d{3})+(\.\d+)?$")
_ID_THOUSANDS = re.compile(r"^-?\d{1,3}(\.\d{3})+(,\d+)?$")


def parse_number(text: object, *, coordinate: bool = False) -> float | None:
    """The value, None for an empty cell; ValueError when it is not a number.

    Indonesian writing wins where a form is ambiguous (``1.500`` is fifteen hundred).
    Coordinates have no thousands, so their one separator is always the decimal mark.
    """
    if text is None:
        return None
    if isinstance(text, int | float):
        return float(text)
    raw = str(text).strip().replace("\u00a0", " ")
    if not raw or raw in ("-", "–"):
        return None
    value = re.sub(r"^rp\.?\s*", "", raw.lower()).strip()
    scale = 1.0
    match = re.fullmatch(r"(.*?)\s*([a-z]+)", value)
    if match and match.group(2) in _SCALE:
        value, scale = match.group(1).strip(), _SCALE[match.group(2)]
    value = value.replace(" ", "")
    if coordinate:
        if value.count(",") + value.count(".") > 1:
            raise ValueError(raw)
        value = value.replace(",", ".")
    elif _EN_THOUSANDS.match(value):
        value = value.replace(",", "")
    elif _ID_THOUSANDS.match(value) or "," in value:
        value = value.replace(".", "").replace(",", ".")
    if not re.fullmatch(r"-?\d+(\.\d+)?", value):
        raise ValueError(raw)
    return float(Decimal(value) * Decimal(scale))  # exact: 4,1 miliar is 4100000000
