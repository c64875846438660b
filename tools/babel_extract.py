"""Babel extraction method for the text keys the code uses (``babel.cfg`` names it).

Babel's own Python extractor reads tokens: on Python 3.11 it does not look inside f-strings
(``f"**{t('report_title', lang)}**"``) and it joins both keys of
``t("a" if x else "b", lang)`` into one. This one reads the syntax tree instead: every call
of a keyword (``t``, ``N_``) anywhere, f-strings included, whose first argument is a string
literal, or a conditional choosing between string literals, gives its keys. Keys built at
run time (``t(f"m_{metric}", lang)``) are left to ``tests/test_catalogues.py``.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator, Mapping
from typing import IO, Any


def _literals(node: ast.expr) -> list[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        body, orelse = _literals(node.body), _literals(node.orelse)
        return body + orelse if body and orelse else []
    return []


def extract(
    fileobj: IO[bytes],
    keywords: Mapping[str, Any],
    comment_tags: object,
    options: Mapping[str, Any],
) -> Iterator[tuple[int, str, str, list[str]]]:
    """Babel's extractor interface: (line, function name, key, comments) per key."""
    tree = ast.parse(fileobj.read().decode(options.get("encoding", "utf-8")))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        name = getattr(node.func, "id", None)
        if name in keywords:
            for key in _literals(node.args[0]):
                yield node.lineno, name, key, []
