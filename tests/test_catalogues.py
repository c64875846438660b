"""The two catalogues (locale/*/LC_MESSAGES/messages.po) hold exactly the keys the code uses,
each with the same placeholders in both languages. No boundaries, no server: runs anywhere.

Keys the code uses: the literal first arguments of ``t(...)`` and ``N_(...)``, as Babel's
extractor finds them (what ``pybabel extract -k t -k N_`` lists), and the keys of the families
the code builds with f-strings, such as ``t(f"m_{metric}", lang)``, each derived below from the
vocabulary the code iterates. A new f-string family fails here until it is declared in
``FAMILIES``; a key kept in a variable is marked ``N_("key")`` where it is written.
"""

from __future__ import annotations

import ast
import csv
import re
import string
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_file
from babel.messages.frontend import parse_mapping_cfg

from sentra import aggregate, import_fields, indicators, tables
from sentra.i18n import (
    LANGUAGES,
    LOCALE_DIR,
    _markdown_sections,
    catalogue,
    catalogue_path,
    markdown,
    t,
)
from sentra.per_person import PER_PERSON
from sentra.schema import STORED_CENTRE_COLUMNS

ROOT = Path(__file__).resolve().parent.parent
CODE = ["app.py", "pages", "ui", "sentra", "loaders", "api"]
KEYWORDS = {"t": None, "N_": None}

# What the map, compare page, profile and briefing measure (``t(f"m_{metric}", lang)``).
METRICS = {
    *indicators.METRICS,
    *aggregate.COMPARED,
    *aggregate.SHARED,
    *(m.removesuffix("_share") for m in aggregate.SHARES),
    *PER_PERSON,
}
# Import fields and stored columns as headers and in reports (``t(f"field_{field}", lang)``);
# "region" is the one column a regional table needs (loaders/importer.py).
FIELDS = {
    *import_fields.FIELDS,
    *(tables._REGION_FIELDS.get(c, c) for c in STORED_CENTRE_COLUMNS),
    "region",
}
# Published facts, described in the reader's language (``t(f"fact_{fact_id}", lang)``).
FACT_IDS = {row["fact_id"] for row in csv.DictReader((ROOT / "geodata/facts.csv").open())}
# The key families built with f-strings: the key with each expression as {} -> its values.
# Other keys kept in variables are written N_("key") where they are defined.
FAMILIES = {"m_{}": METRICS, "field_{}": FIELDS, "fact_{}": FACT_IDS}


def code_files() -> list[Path]:
    files = []
    for name in CODE:
        path = ROOT / name
        files += sorted(path.rglob("*.py")) if path.is_dir() else [path] if path.exists() else []
    return files


def literal_keys() -> dict[str, list[str]]:
    """Key -> where the code names it, by Babel's extraction as ``babel.cfg`` sets it up
    (the method of ``tools/babel_extract.py``, keywords ``t`` and ``N_``)."""
    with (ROOT / "babel.cfg").open() as cfg:
        [(_pattern_, method)], _options = parse_mapping_cfg(cfg)
    found: dict[str, list[str]] = {}
    for path in code_files():
        for line, key, _comments, _context in extract_from_file(method, path, keywords=KEYWORDS):
            found.setdefault(key, []).append(f"{path.relative_to(ROOT)}:{line}")
    return found


def _pattern(node: ast.expr) -> str | None:
    """The key pattern of a built key (``f"m_{m}"``, ``"m_" + m`` -> ``"m_{}"``)."""
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _pattern(node.left), _pattern(node.right)
        return None if left is None and right is None else (left or "{}") + (right or "{}")
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def built_keys() -> dict[str, list[str]]:
    """Pattern of each key the code builds in a ``t(...)`` call -> where."""
    found: dict[str, list[str]] = {}
    for path in code_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.args:
                first = node.args[0]
                pattern = _pattern(first) if node.func.id == "t" else None
                if pattern is not None and not isinstance(first, ast.Constant):
                    where = f"{path.relative_to(ROOT)}:{node.lineno}"
                    found.setdefault(pattern, []).append(where)
    return found


def used_keys() -> set[str]:
    keys = set(literal_keys())
    for pattern, values in FAMILIES.items():
        keys |= {pattern.format(v) for v in values}
    return keys


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


@pytest.fixture(scope="module")
def catalogues() -> dict[str, dict[str, str]]:
    return {lang: catalogue(lang) for lang in LANGUAGES}


def test_every_language_has_a_catalogue():
    assert all(catalogue_path(lang).exists() for lang in LANGUAGES)


def test_built_keys_are_declared_families():
    built = built_keys()
    undeclared = {p: where for p, where in built.items() if p not in FAMILIES}
    assert not undeclared, f"declare these in FAMILIES (or write N_ keys): {undeclared}"
    assert not set(FAMILIES) - set(built), "FAMILIES no code builds"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_used_key_is_in_the_catalogue(catalogues, lang):
    literal = literal_keys()
    missing = sorted(used_keys() - set(catalogues[lang]))
    assert not missing, {k: literal.get(k, "f-string family") for k in missing}


def singulars(entries: dict[str, str]) -> set[str]:
    """The ``<key>_one`` entries: a text's singular, which ``t(..., count=1)`` picks."""
    return {key for key in entries if key.endswith("_one")}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_unused_key_in_the_catalogue(catalogues, lang):
    assert not sorted(set(catalogues[lang]) - used_keys() - singulars(catalogues[lang]))


def test_both_catalogues_hold_the_same_keys(catalogues):
    ids, ens = set(catalogues["id"]), set(catalogues["en"]) - singulars(catalogues["en"])
    assert not sorted(ids ^ ens), {"only id": sorted(ids - ens), "only en": sorted(ens - ids)}


def test_singulars_are_english_forms_of_used_texts(catalogues):
    """Indonesian nouns do not change with the count; an English singular has its plural's
    placeholders, and its plural is a text the code uses."""
    assert not singulars(catalogues["id"])
    used = used_keys()
    for key in singulars(catalogues["en"]):
        plural = key.removesuffix("_one")
        assert plural in used, key
        assert placeholders(catalogues["en"][key]) == placeholders(catalogues["en"][plural])
    assert t("sum_count", "en", count=1, place="X", sentra="1") == "X: 1 centre."
    assert t("sum_count", "en", count=2, place="X", sentra="2") == "X: 2 centres."
    assert t("sum_count", "id", count=1, place="X", sentra="1") == "X: 1 sentra."


def test_placeholders_match_between_languages(catalogues):
    differ = {
        key: (placeholders(text), placeholders(catalogues["en"].get(key, "")))
        for key, text in catalogues["id"].items()
        if placeholders(text) != placeholders(catalogues["en"].get(key, ""))
    }
    assert not differ


def markdown_uses() -> set[tuple[str, str]]:
    """(page, section) of each ``markdown("page", lang, "section")`` call in the code."""
    found = set()
    for path in code_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "markdown":
                args = [a.value if isinstance(a, ast.Constant) else None for a in node.args]
                found.add((args[0], args[2] if len(args) > 2 else ""))
    return found


def test_markdown_sections_used_exist_in_both_languages():
    pages = {p.stem for lang in LANGUAGES for p in (LOCALE_DIR / lang).glob("*.md")}
    used = markdown_uses()
    assert used and {page for page, _ in used} == pages
    for page in pages:
        sections = [set(_markdown_sections(page, lang)) for lang in LANGUAGES]
        assert sections[0] == sections[1] == {s for p, s in used if p == page}, page
    assert markdown("tentang", "en", "body") != markdown("tentang", "id", "body")


def test_errors_the_pages_show_carry_a_key_and_read_in_both_languages():
    from loaders.import_file import ImportFileError
    from loaders.pinned_source import SourceFileError
    from loaders.sheets import GridError
    from loaders.store import StoreError
    from loaders.wilayah_sql import WilayahParseError
    from sentra.i18n import TextError, t

    for error in (ImportFileError, GridError, SourceFileError, StoreError, WilayahParseError):
        assert issubclass(error, TextError)
    exc = StoreError("store_bad_value", column="enterprises", detail="not a number")
    assert exc.text("en") == t("store_bad_value", "en", column="enterprises", detail="not a number")
    assert str(exc) == f"{exc.text('id')} ({exc.text('en')})"
    assert "nope" in str(StoreError("nope", x=1))  # an unknown key still says what it was


# Indonesian words that would mean a sentence written in code instead of the catalogues.
_INDONESIAN = re.compile(r"\b(tidak|berkas|gagal|baris|siap|dapat|sedang|nilai|seharusnya)\b", re.I)


def test_loaders_write_no_sentences_of_their_own():
    """Messages of loaders/ are text keys; docstrings and comments may be in any language."""
    found = []
    for path in sorted((ROOT / "loaders").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
            and node.body
            and isinstance(node.body[0], ast.Expr)
            and isinstance(node.body[0].value, ast.Constant)
        }
        texts = [
            n for n in ast.walk(tree) if isinstance(n, ast.Constant) and id(n) not in docstrings
        ]
        found += [
            f"{path.name}:{n.lineno}: {n.value[:60]}"
            for n in texts
            if isinstance(n.value, str) and _INDONESIAN.search(n.value)
        ]
    assert not found
