"""The one escaping function for every data- or user-supplied string that reaches a map.

folium writes tooltip text into JavaScript template literals and GeoJSON tooltip/popup
values into innerHTML (folium #1640, #853), and the map iframe can reach the dashboard
page. Escaping HTML characters plus backtick, ``$`` and backslash neutralises both paths
while the text still displays as written.
"""

from __future__ import annotations

import html

_EXTRA = str.maketrans({"`": "&#96;", "$": "&#36;", "\\": "&#92;"})


def escape_text(value: object) -> str:
    """Text safe to place in map HTML and JavaScript template literals."""
    return html.escape("" if value is None else str(value), quote=True).translate(_EXTRA)
