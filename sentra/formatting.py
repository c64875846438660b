"""Numbers, money, percentages and areas written the way the reader's locale writes them."""

from __future__ import annotations

from datetime import date

import pandas as pd
from babel.dates import format_date
from babel.numbers import format_compact_decimal, format_decimal

from sentra.indicators import METRIC_UNITS

LOCALES = {"id": "id_ID", "en": "en_US"}


def _locale(lang: str) -> str:
    return LOCALES.get(lang, LOCALES["id"])


def _missing(value: object) -> bool:
    """None, NaN and pandas' NA all count as missing."""
    return value is None or bool(pd.isna(value))


def fmt_number(value: float | None, lang: str = "id", digits: int = 0) -> str:
    """1.506 (id) / 1,506 (en); '–' for missing."""
    if _missing(value):
        return "–"
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return format_decimal(value, format=pattern, locale=_locale(lang))


def fmt_rupiah(value: float | None, lang: str = "id", short: bool = False) -> str:
    """Rp13,9 miliar / Rp13.9 billion (short: Rp13,9 M / Rp13.9B); under a million in full."""
    if _missing(value):
        return "–"
    if abs(value) < 1_000_000:
        return "Rp" + fmt_number(value, lang)
    compact = format_compact_decimal(
        value, format_type="short" if short else "long", fraction_digits=1, locale=_locale(lang)
    )
    return "Rp" + compact.replace("\xa0", " ")


def fmt_percent(value: float | None, lang: str = "id", digits: int = 2) -> str:
    """17,28% (id) / 17.28% (en), value given in percent units."""
    if _missing(value):
        return "–"
    return fmt_number(value, lang, digits) + "%"


def fmt_metric(metric: str, value: float | None, lang: str = "id") -> str:
    """A map or table value in the unit its metric is measured in."""
    unit = METRIC_UNITS[metric]
    if unit == "rupiah":
        return fmt_rupiah(value, lang)
    if unit == "percent":
        return fmt_percent(value, lang, 2 if metric == "growth_pct" else 1)
    if unit == "density":
        return fmt_number(value, lang, 1)
    if unit == "per_person":
        return fmt_number(value, lang, 2)
    return fmt_number(value, lang)


def fmt_date(value: date, lang: str = "id", short: bool = False) -> str:
    """13 Januari 2025 (id) / January 13, 2025 (en); short: 26 Okt 2022 / 26 Oct 2022."""
    return format_date(value, format="d MMM y" if short else "long", locale=_locale(lang))
