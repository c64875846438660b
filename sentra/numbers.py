"""Reading numbers as officials type them: 1.506 · 13,9 · Rp 1.500.000,- · 2,5 M · 17,28%.

The rule, Indonesian writing first (an English reading is taken only where the Indonesian
one is impossible):

1. ``Rp``/``Rp.`` in front, a trailing ``,-``/``.-`` and a trailing ``%`` are dropped
   (a percentage stays in percent: ``15%`` is 15).
2. A scale word at the end multiplies: ``ribu``/``rb`` 10³, ``juta``/``jt`` 10⁶,
   ``miliar``/``milyar``/``M`` 10⁹ (``M`` is *miliar*, as on Indonesian budgets, never
   million), ``triliun``/``T`` 10¹²; English ``thousand``/``million``/``billion`` too.
3. Both ``.`` and ``,`` present: the last one is the decimal mark (``1.234,56`` and
   ``1,234.56`` are both 1234.56).
4. Only commas: one comma is the decimal comma (``1,250 juta`` is 1.25 million,
   ``13,9`` is 13.9); several commas can only be English thousands (``1,234,567``).
5. Only dots: several dots, or one dot followed by exactly three digits, are Indonesian
   thousands (``1.500`` is 1500, ``12.500.000``); any other single dot is a decimal point
   (``13.9``), since Indonesian thousands always come in threes.
6. Coordinates have no thousands: their one separator, ``.`` or ``,``, is the decimal mark.
"""

from __future__ import annotations

import re
from decimal import Decimal

_SCALE = {
    "ribu": 1e3,
    "rb": 1e3,
    "juta": 1e6,
    "jt": 1e6,
    "miliar": 1e9,
    "milyar": 1e9,
    "m": 1e9,
    "triliun": 1e12,
    "t": 1e12,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
}
_ID_THOUSANDS = re.compile(r"^-?[1-9]\d{0,2}(\.\d{3})+$")


def parse_number(text: object, *, coordinate: bool = False) -> float | None:
    """The value, None for an empty cell; ValueError when it is not a number."""
    if text is None:
        return None
    if isinstance(text, int | float):
        return float(text)
    raw = str(text).strip().replace("\u00a0", " ")
    if not raw or raw in ("-", "–"):
        return None
    value = re.sub(r"^rp\.?\s*", "", raw.lower()).strip()
    value = re.sub(r"[.,]-$", "", value).removesuffix("%").strip()
    scale = 1.0
    match = re.fullmatch(r"(.*?)\s*\.?([a-z]+)\.?", value)
    if match and match.group(2) in _SCALE:
        value, scale = match.group(1).strip(), _SCALE[match.group(2)]
    value = _decimal_point(value.replace(" ", ""), coordinate)
    if not re.fullmatch(r"-?\d+(\.\d+)?", value):
        raise ValueError(raw)
    return float(Decimal(value) * Decimal(scale))  # exact: 4,1 miliar is 4100000000


def _decimal_point(value: str, coordinate: bool) -> str:
    """``value`` with thousands separators removed and ``.`` as the decimal mark."""
    commas, dots = value.count(","), value.count(".")
    if coordinate:
        if commas + dots > 1:
            raise ValueError(value)
        return value.replace(",", ".")
    if commas and dots:
        mark = "," if value.rfind(",") > value.rfind(".") else "."
        whole, _, fraction = value.rpartition(mark)
        return _grouped(whole, "." if mark == "," else ",") + "." + fraction
    if commas == 1:
        return value.replace(",", ".")
    if commas or dots > 1 or _ID_THOUSANDS.match(value):
        return _grouped(value, "," if commas else ".")
    return value


def _grouped(whole: str, separator: str) -> str:
    """Digits written in groups of three; ValueError for a misplaced separator."""
    if not re.fullmatch(rf"-?\d{{1,3}}(\{separator}\d{{3}})*", whole):
        raise ValueError(whole)
    return whole.replace(separator, "")
