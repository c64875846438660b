"""Published facts made readable: description in the reader's language, value in its unit
and locale (Rp13,9 miliar; 1.506 unit; 17,28%), the regions by name, and the source."""

from __future__ import annotations

import re
from datetime import date

import pandas as pd

from sentra.formatting import fmt_date, fmt_number, fmt_percent, fmt_rupiah
from sentra.i18n import N_, t
from sentra.numbers import parse_number

_UNIT_LABELS = {"unit": N_("unit_units"), "klaster": N_("unit_clusters"), "UMKM": N_("unit_umkm")}
# The glossary of the About page and the briefing: term -> (its name, its explanation).
GLOSSARY = {
    "sentra": (N_("gl_sentra_term"), N_("gl_sentra_text")),
    "klaster": (N_("gl_klaster_term"), N_("gl_klaster_text")),
    "ikm": (N_("gl_ikm_term"), N_("gl_ikm_text")),
    "umkm": (N_("gl_umkm_term"), N_("gl_umkm_text")),
    "dak": (N_("gl_dak_term"), N_("gl_dak_text")),
    "apbn": (N_("gl_apbn_term"), N_("gl_apbn_text")),
    "apbd": (N_("gl_apbd_term"), N_("gl_apbd_text")),
    "lq": (N_("gl_lq_term"), N_("gl_lq_text")),
    "imk": (N_("gl_imk_term"), N_("gl_imk_text")),
    "lisa": (N_("gl_lisa_term"), N_("gl_lisa_text")),
    "gistar": (N_("gl_gistar_term"), N_("gl_gistar_text")),
    "moran": (N_("gl_moran_term"), N_("gl_moran_text")),
    "keterkaitan": (N_("gl_keterkaitan_term"), N_("gl_keterkaitan_text")),
}
# English words in the published citations, shown in the reader's language (whole words,
# longest first: "cluster workshop in" before "workshop").
_SOURCE_WORDS = {
    "news report": N_("src_news_report"),
    "cluster workshop in": N_("src_cluster_workshop_in"),
    "citing": N_("src_citing"),
    "via": N_("src_via"),
}
# Nouns that Indonesian puts before the words naming them: "Disperindag Kabupaten Lamongan
# website" is "situs web Disperindag Kabupaten Lamongan" ({what}: the capitalised name).
_SOURCE_NOUNS = {"website": N_("src_website_of"), "workshop": N_("src_workshop_of")}
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_DAY = re.compile(rf"\b(\d{{1,2}}) ({'|'.join(_MONTHS)}) (\d{{4}})\b")


def source_text(source: object, lang: str) -> str:
    """A published citation in the reader's language: its English words translated and its
    dates written the reader's way ("26 Oct 2022" is "26 Okt 2022"); names stay as they are."""
    text = source if isinstance(source, str) else ""
    for word, key in _SOURCE_WORDS.items():
        text = re.sub(rf"\b{word}\b", lambda _m, key=key: t(key, lang), text)
    for noun, key in _SOURCE_NOUNS.items():
        text = re.sub(
            rf"\b([A-Z][\w ]*?) {noun}\b",
            lambda m, key=key: t(key, lang, what=m.group(1)),
            text,
        )
    return _DAY.sub(
        lambda m: fmt_date(
            date(int(m.group(3)), _MONTHS.index(m.group(2)) + 1, int(m.group(1))), lang, short=True
        ),
        text,
    )


def fact_numbers(value: object) -> list[float]:
    """The figure of a fact as stored (text): [] without one, [low, high] for a range
    like 10000-20000, else [value]."""
    if not isinstance(value, str) or not value.strip():
        return []
    return [parse_number(part) for part in value.split("-")]


def fact_value(value: object, unit: object, lang: str) -> str:
    """'' when the fact has no figure; a range like 10000-20000 keeps both ends."""
    numbers = fact_numbers(value)
    if not numbers:
        return ""
    if unit == "Rp":
        shown = [fmt_rupiah(n, lang) for n in numbers]
    elif unit == "percent":
        shown = [fmt_percent(n, lang, 2 if n % 1 else 0) for n in numbers]
    else:
        shown = [fmt_number(n, lang) for n in numbers]
    text = "–".join(shown)
    if isinstance(unit, str) and unit in _UNIT_LABELS:
        text += " " + t(_UNIT_LABELS[unit], lang)
    return text


def readable_facts(facts: pd.DataFrame, names: pd.Series, lang: str) -> pd.DataFrame:
    """One row per fact with translated headers, ready for a table."""

    def regions(codes: object) -> str:
        if not isinstance(codes, str) or not codes:
            return t("indonesia", lang)
        return ", ".join(str(names.get(code, code)) for code in codes.split(";"))

    return pd.DataFrame(
        {
            t("year", lang): facts["year"].astype(str).to_numpy(),
            t("fact_col", lang): [t(f"fact_{i}", lang) for i in facts["fact_id"]],
            t("value_col", lang): [
                fact_value(v, u, lang) for v, u in zip(facts["value"], facts["unit"], strict=True)
            ],
            t("region", lang): facts["region_code"].map(regions).to_numpy(),
            t("source_col", lang): [source_text(s, lang) for s in facts["source"]],
        }
    )
