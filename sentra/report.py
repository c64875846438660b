"""Validation reports in words: each (message key, parameters) pair in the reader's language."""

from __future__ import annotations

from sentra.i18n import t


def describe(messages: list[tuple[str, dict]], lang: str) -> str:
    """A validation report cell: each (key, params) message rendered, field names translated."""
    parts = []
    for key, params in messages:
        shown = dict(params)
        if "field" in shown:
            shown["field"] = t(f"field_{shown['field']}", lang)
        parts.append(t(key, lang, **shown))
    return " ".join(parts)


def field_list(fields: list[str], lang: str) -> str:
    """Import field names as the mapping panel labels them: 'Nama, Kab/Kota'."""
    return ", ".join(t(f"field_{f}", lang) for f in fields)
