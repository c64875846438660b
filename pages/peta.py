"""Peta: national map of provinces; a click drills down to the province's regencies/cities."""

from __future__ import annotations

import streamlit as st
from streamlit_folium import st_folium

from loaders.boundaries import BoundaryLayers
from loaders.cached import boundary_layers
from sentra.formatting import fmt_area
from sentra.i18n import DEFAULT_LANGUAGE, t
from sentra.map_build import BASEMAPS, base_map, region_layer
from ui import url_state

MAP_HEIGHT = 500
FILL_BY_KIND = {"provinsi": "#9ecae1", "kabupaten": "#9ecae1", "kota": "#2171b5"}
SELECTED_FILL = "#fd8d3c"

lang = st.session_state.get("lang", DEFAULT_LANGUAGE)

try:
    layers: BoundaryLayers = boundary_layers()
except Exception as exc:  # the loader's message says which file and what to do
    st.error(f"{t('boundaries_failed', lang)}\n\n{exc}")
    st.stop()

codes = set(layers.regions.index)
selected = st.query_params.get("wilayah")
if selected and selected not in codes:
    st.warning(t("unknown_region", lang, code=selected))
    del st.query_params["wilayah"]
    selected = None
province_code = selected[:2] if selected else None


def go_to(code: str | None) -> None:
    """Change the selected region and start a fresh map component."""
    if code:
        st.query_params["wilayah"] = code
    else:
        st.query_params.pop("wilayah", None)
    st.session_state["map_nonce"] = st.session_state.get("map_nonce", 0) + 1


url_state.seed("peta_dasar", BASEMAPS, "none")
basemap = st.sidebar.selectbox(
    t("basemap", lang),
    options=list(BASEMAPS),
    format_func=lambda key: t(f"basemap_{key}", lang),
    key="peta_dasar",
)
url_state.write_back({"peta_dasar": "none"})

if province_code:
    province = layers.regions.loc[province_code]
    regions = layers.regencies_of(province_code)
    st.title(province["name"])
    st.button(t("back_to_indonesia", lang), on_click=go_to, args=(None,))
    st.caption(
        f"{t('indonesia', lang)} › {province['name']} · "
        f"{t('regions_in', lang, n=len(regions))} · {t('click_hint_province', lang)}"
    )
else:
    regions = layers.provinces_national
    st.title(t("app_title", lang))
    st.caption(f"{t('indonesia', lang)} · {t('click_hint_national', lang)}")

areas = layers.regions["area_km2"]
fills = {
    code: SELECTED_FILL if code == selected and len(code) == 5 else FILL_BY_KIND[kind]
    for code, kind in zip(regions["code"], regions["kind"], strict=True)
}
labels = {code: f"{t('area', lang)} {fmt_area(areas[code], lang)}" for code in regions["code"]}

fmap = base_map(basemap, regions.total_bounds)
region_layer(regions, fills, labels, name="wilayah").add_to(fmap)

if selected:
    row = layers.regions.loc[selected]
    st.info(
        f"**{t('selected', lang)}: {row['name']}** · {t('kind_' + row['kind'], lang)} "
        f"{selected} · {t('area', lang)} {fmt_area(row['area_km2'], lang)}"
    )

result = st_folium(
    fmap,
    key=f"peta-{st.session_state.get('map_nonce', 0)}",
    returned_objects=["last_active_drawing"],
    height=MAP_HEIGHT,
    use_container_width=True,
)
st.caption(t("boundary_credit", lang))

clicked = ((result or {}).get("last_active_drawing") or {}).get("properties", {}).get("code")
if clicked and clicked in codes and clicked != selected:
    go_to(clicked)
    st.rerun()
