"""The floor of this stack: a trivial streamlit-folium map of 38 rectangles, nothing else.

``bench/time_to_map.py`` runs it beside the dashboard and times both in the same browser:
what the dashboard takes beyond this is its own. Leaflet comes from the local static
folder, as in the dashboard, so both draw offline.
"""

import folium
import streamlit as st
from streamlit_folium import st_folium


class LocalMap(folium.Map):
    default_js = [("leaflet", "/app/static/vendor/leaflet/leaflet.js")]
    default_css = [("leaflet_css", "/app/static/vendor/leaflet/leaflet.css")]


st.set_page_config(page_title="floor", layout="wide")
fmap = LocalMap(location=[-2.5, 118], zoom_start=5, tiles=None)
for i in range(38):  # a 10-by-4 grid over Indonesia, like 38 provinces
    row, col = divmod(i, 10)
    south, west = 4 - 3 * (row + 1), 96 + 4.2 * col
    folium.Rectangle(
        [[south, west], [south + 2.6, west + 3.8]],
        class_name="sentra-region",
        fill=True,
        fill_color="#41b6c4",
        weight=1,
        tooltip=f"Wilayah {i + 1}",
    ).add_to(fmap)
st_folium(fmap, returned_objects=[], height=460, use_container_width=True)
