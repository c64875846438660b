"""Numbers, money, percentages and areas written the way the reader's locale writes them."""

from __future__ import annotations

import math

from babel.numbers import format_compact_decimal, format_decimal

LOCALES = {"id": "id_ID", "en": "en_US"}


def _locale(lang: str) -> str:
    return LOCALES.get(lang, LOCALES["id"])


def _missing(value: float | None) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def fmt_number(value: float | None, lang: str = "id", digits: int = 0) -> str:
    """1.506 (id) / 1,506 (en); '–' for missing."""
    if _missing(value):
        return "–"
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return format_decimal(value, format=pattern, locale=_locale(lang))


def fmt_rupiah(value: float | None, lang: str = "id") -> str:
    """Rp13,9 miliar / Rp13.9 billion; amounts under a million written in full."""
    if _missing(value):
        return "–"
    if abs(value) < 1_000_000:
        return "Rp" + fmt_number(value, lang)
    compact = format_compact_decimal(
        value, format_type="long", fraction_digits=1, locale=_locale(lang)
    )
    return "Rp" + compact


def fmt_percent(value: float | None, lang: str = "id", digits: int = 2) -> str:
    """17,28% (id) / 17.28% (en), value given in percent units."""
    if _missing(value):
        return "–"
    return fmt_number(value, lang, digits) + "%"


def fmt_area(value_km2: float | None, lang: str = "id") -> str:
    if _missing(value_km2):
        return "–"
    return fmt_number(value_km2, lang) + " km²"
