"""Escaping for every data- or user-supplied string that reaches a map or Markdown.

folium writes tooltip text into JavaScript template literals and GeoJSON tooltip/popup
values into innerHTML (folium #1640, #853), and the map iframe can reach the dashboard
page. Escaping HTML characters plus backtick, ``$`` and backslash neutralises both paths
while the text still displays as written.
"""

from __future__ import annotations

import html
import re

_EXTRA = str.maketrans({"`": "&#96;", "$": "&#36;", "\\": "&#92;"})


def escape_text(value: object) -> str:
    """Text safe to place in map HTML and JavaScript template literals."""
    return html.escape("" if value is None else str(value), quote=True).translate(_EXTRA)


_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$])")


def escape_markdown(text: str) -> str:
    """``text`` shown as written by Streamlit's Markdown (``st.markdown``, ``st.caption``,
    messages): names, file names and notes come from data or people and may hold characters
    Markdown, HTML or LaTeX (``$``) would read as markup or links."""
    return _MARKDOWN.sub(r"\\\1", text)
