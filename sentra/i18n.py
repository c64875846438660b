"""Every text on screen, in Bahasa Indonesia and English: the mechanism, not the texts.

The texts live where translators work (``locale/README.md``):

- ``locale/<lang>/LC_MESSAGES/messages.po``: gettext catalogues, one entry per text, with a
  symbolic key as ``msgid`` ("page_map") and the text as ``msgstr``; ``{name}`` placeholders
  are filled with ``str.format``.
- ``locale/<lang>/<page>.md``: the long Markdown blocks of a page (the About page's body),
  split into named sections by ``<!-- section: name -->`` lines.

The ``.po`` files are read as they are, with Babel's ``read_po``, once per process (both
languages; docs/performance.md): no compiled ``.mo`` to keep in step with them in git and
no build step, so a translator's edit shows on the next start. Fuzzy entries count as untranslated.

``t`` is the one call the code uses. A key the code builds at run time is marked where it is
written down with ``N_("key")`` (a no-op), so ``pybabel extract -k t`` finds it as well;
families built with f-strings (``t(f"m_{metric}")``) are checked against the vocabulary they
iterate by ``tests/test_catalogues.py``.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from babel.messages.pofile import read_po

LANGUAGES = {"id": "Bahasa Indonesia", "en": "English"}
DEFAULT_LANGUAGE = "id"

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
_SECTION = re.compile(r"^<!--\s*section:\s*([\w-]+)\s*-->\s*$", re.MULTILINE)


def N_(label_key: str) -> str:
    """Mark ``label_key`` as a text key used later through ``t``; returns it unchanged."""
    return label_key


def catalogue_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po"


@functools.cache
def catalogue(lang: str) -> dict[str, str]:
    """Key -> text of ``lang``'s catalogue; empty and fuzzy entries left out."""
    with catalogue_path(lang).open("rb") as po:
        entries = read_po(po, locale=lang, abort_invalid=True)
    return {m.id: m.string for m in entries if m.id and m.string and not m.fuzzy}


def t(
    label_key: str, lang: str = DEFAULT_LANGUAGE, /, *, count: float | None = None, **values: object
) -> str:
    """The label in ``lang`` (Indonesian when missing), with ``{placeholders}`` filled.

    A ``count`` of one picks ``<label_key>_one`` where ``lang``'s catalogue holds it: English
    says "1 centre", Indonesian nouns do not change, so only English catalogues the singular."""
    if count == 1 and lang in LANGUAGES and f"{label_key}_one" in catalogue(lang):
        label_key = f"{label_key}_one"
    text = catalogue(lang).get(label_key) if lang in LANGUAGES else None
    if not text:
        text = catalogue(DEFAULT_LANGUAGE)[label_key]
    return text.format(**values) if values else text


@functools.cache
def _markdown_sections(page: str, lang: str) -> dict[str, str]:
    path = LOCALE_DIR / lang / f"{page}.md"
    if lang != DEFAULT_LANGUAGE and not path.exists():
        return _markdown_sections(page, DEFAULT_LANGUAGE)
    parts = _SECTION.split(path.read_text(encoding="utf-8"))
    sections = {"": parts[0].strip("\n")} if parts[0].strip() else {}
    sections.update(
        (name, body.strip("\n")) for name, body in zip(parts[1::2], parts[2::2], strict=True)
    )
    return sections


def markdown(page: str, lang: str = DEFAULT_LANGUAGE, section: str = "") -> str:
    """Section ``section`` of ``locale/<lang>/<page>.md`` (Indonesian file when missing);
    ``""`` is the text before any section line (a page with one block)."""
    return _markdown_sections(page, lang if lang in LANGUAGES else DEFAULT_LANGUAGE)[section]


class TextError(Exception):
    """An error told as a text key and its parameters, for the reader's language: pages show
    ``err.text(lang)`` (``t(err.key, lang, **err.params)``). ``str()`` gives the Indonesian
    text and the English one in brackets, for logs and the command line."""

    def __init__(self, key: str, /, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def text(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return t(self.key, lang, **self.params)

    def __str__(self) -> str:
        try:
            return f"{self.text(DEFAULT_LANGUAGE)} ({self.text('en')})"
        except (KeyError, IndexError, ValueError):  # an unknown key: still say what it was
            return f"{self.key} {self.params}"
