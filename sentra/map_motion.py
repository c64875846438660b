"""The map's year control: a play/pause button, a year slider and the year, inside the map.

Every year's fills and values ride once with the map (``sentra.map_years.YearFrames``);
the control switches between them in the browser, so playing the years reruns nothing.
When the reader stops (pause, the end, a slider released, "all years"), the control
hands the year to the dashboard as part of the map component's value (streamlit-folium
exposes ``window.Streamlit`` in its frame), which puts it in the URL. A year chosen by the
dashboard (a link, a story step) reaches the live map through ``YearChoice``, which
streamlit-folium evaluates in the frame without a reload (``feature_group_to_add``).

Every text is escaped with ``escape_text`` before it reaches the map.
"""

from __future__ import annotations

import folium
from jinja2 import Template

from sentra.escape import escape_text
from sentra.i18n import t
from sentra.map_build import (
    RegionLayer,
    _Verbatim,
    _VerbatimMacro,
    legend_html,
    region_style,
)
from sentra.map_years import YEAR_PARAM, YEAR_TOKEN, YearFrames

STEP_MS = 900  # one year per step while playing
_CSS = (
    "<style>.sentra-years{background:rgba(255,255,255,.95);padding:6px 8px;"
    "border-radius:4px;display:flex;align-items:center;gap:8px;font-size:14px;"
    "box-shadow:0 0 4px rgba(0,0,0,.35);max-width:calc(100vw - 30px)}"
    ".sentra-years button{font:inherit;font-weight:600;min-height:32px;padding:2px 10px;"
    "border:1px solid #1f3b63;border-radius:4px;background:#1f3b63;color:#fff;cursor:pointer;"
    "white-space:nowrap}"
    ".sentra-years button.sentra-all-years{background:#fff;color:#1f3b63}"
    ".sentra-years input[type=range]{width:clamp(70px,30vw,240px);accent-color:#1f3b63;margin:0}"
    ".sentra-year-label{font-weight:700;font-size:18px;min-width:3em;color:#111}"
    ".sentra-years :focus-visible{outline:3px solid #d62728;outline-offset:2px}"
    # narrow maps (phones): the play button shows its symbol; its word stays for readers
    "@media (max-width:520px){.sentra-play .sentra-word{position:absolute;width:1px;"
    "height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}"
    ".sentra-years{gap:6px;padding:4px 6px}.sentra-years button{padding:2px 8px}}</style>"
)


def control_data(frames: YearFrames, highlight: str | None, lang: str) -> dict:
    """What the year control sends with the map (pages keep it with the view): per year
    and region a style (an index into the distinct styles) and the value as shown (None:
    no data), every text escaped."""
    codes = list(frames.values.index)
    styles: list[dict] = []
    index: dict[tuple[str, bool], int] = {}

    def style_of(fill: str, code: str) -> int:
        key = (fill, code == highlight)
        if key not in index:
            index[key] = len(styles)
            styles.append(region_style(*key))
        return index[key]

    fills = frames.fills.to_numpy()
    missing = frames.values.isna().to_numpy()
    texts = frames.texts.to_numpy()
    rows = range(len(codes))
    shown = [
        [
            [style_of(fills[i, j], codes[i]), None if missing[i, j] else escape_text(texts[i, j])]
            for i in rows
        ]
        for j in range(len(frames.years))
    ]
    words = {
        "play": t("year_play", lang),
        "pause": t("year_pause", lang),
        "slider": t("year_slider", lang),
        "group": t("year_group", lang),
        "all": t("year_all", lang),
        "total": frames.total_label,
        "none": t("legend_no_data", lang),
    }
    return {
        "key": YEAR_PARAM,
        "token": YEAR_TOKEN,
        "years": list(frames.years),
        "codes": codes,
        "styles": styles,
        "frames": shown,
        "fixed": [escape_text(frames.fixed[c]) if c in frames.fixed else None for c in codes],
        "title": escape_text(frames.title),
        "legend": legend_html(frames.title, frames.legend, frames.note),
        "total": frames.total,
        "step": STEP_MS,
        "texts": {key: escape_text(text) for key, text in words.items()},
    }


class YearControl(_VerbatimMacro):
    """The year control of ``regions``' map; ``data`` from ``control_data``."""

    _template = Template(
        """{% macro script(this, kwargs) %}
(function (map, layer, data) {
  var regions = layer.sentraRegions, years = data.years, timer = null, reported;
  var index = data.total ? -1 : years.length - 1, sendTimer = null;
  var legend = map.getContainer().querySelector('.sentra-legend');
  var totalLegend = legend ? legend.innerHTML : '';
  var total = {};
  data.codes.forEach(function (code) {
    var r = regions[code];
    if (r) { total[code] = {style: r.style, value: r.value}; }
  });
  function plain(html) {  // our own escaped text, as text (for attributes set later)
    var s = document.createElement('span');
    s.innerHTML = html;
    return s.textContent;
  }
  var box = L.control({position: 'bottomleft'}), play, slider, label, all;
  box.onAdd = function () {
    var d = L.DomUtil.create('div', 'sentra-years');
    d.setAttribute('role', 'group');
    d.innerHTML = '<button type="button" class="sentra-play"></button>'  // leftmost: all years
      + '<input type="range" class="sentra-year-slider" step="1" min="' + (data.total ? -1 : 0)
      + '" max="' + (years.length - 1) + '" aria-label="' + data.texts.slider + '">'
      + '<output class="sentra-year-label" aria-live="polite"></output>'
      + (data.total
        ? '<button type="button" class="sentra-all-years">' + data.texts.all + '</button>'
        : '');
    d.setAttribute('aria-label', plain(data.texts.group));
    L.DomEvent.disableClickPropagation(d);
    L.DomEvent.disableScrollPropagation(d);
    L.DomEvent.on(d, 'keydown', L.DomEvent.stopPropagation);
    play = d.querySelector('.sentra-play');
    slider = d.querySelector('.sentra-year-slider');
    label = d.querySelector('.sentra-year-label');
    all = d.querySelector('.sentra-all-years');
    return d;
  };
  box.addTo(map);
  function show(i) {
    index = i;
    var frame = i < 0 ? null : data.frames[i];
    var title = i < 0 ? '' : data.title.split(data.token).join(String(years[i]));
    data.codes.forEach(function (code, k) {
      var r = regions[code];
      if (!r) { return; }
      if (!frame) { r.style = total[code].style; r.value = total[code].value; return; }
      r.style = data.styles[frame[k][0]];
      r.value = data.fixed[k]
        || (frame[k][1] === null ? data.texts.none : title + ': ' + frame[k][1]);
    });
    layer.eachLayer(function (shape) {
      var r = regions[shape.feature.properties.code];
      if (r) {
        shape.setStyle(r.style);
        shape.setTooltipContent('<b>' + r.name + '</b><br>' + r.value);
      }
    });
    if (legend) {
      legend.innerHTML = frame ? data.legend.split(data.token).join(String(years[i])) : totalLegend;
    }
    slider.value = String(i);
    label.innerHTML = i < 0 ? data.texts.total : String(years[i]);
    slider.setAttribute('aria-valuetext', plain(label.innerHTML));
    if (all) { all.hidden = i < 0; }
  }
  function button(playing) {
    play.innerHTML = '<span aria-hidden="true">' + (playing ? '&#10074;&#10074;' : '&#9654;')
      + '</span> <span class="sentra-word">' + (playing ? data.texts.pause : data.texts.play)
      + '</span>';
  }
  function report() {  // the chosen year to the dashboard, which keeps it in the URL
    var value = index < 0 ? '' : String(years[index]);
    if (value === reported || !window.Streamlit) { return; }
    reported = value;
    var out = {}, before = (window.__GLOBAL_DATA__ || {}).previous_data || {};
    for (var k in before) { out[k] = before[k]; }
    out[data.key] = value;
    window.Streamlit.setComponentValue(out);
  }
  function stop(send) {
    if (timer) { clearInterval(timer); timer = null; }
    button(false);
    if (send) { report(); }
  }
  function step() {
    if (index < years.length - 1) { show(index + 1); }
    if (index >= years.length - 1) { stop(true); }
  }
  play.addEventListener('click', function () {
    if (timer) { stop(true); return; }
    if (index < 0 || index >= years.length - 1) { show(0); }
    button(true);
    timer = setInterval(step, data.step);
  });
  slider.addEventListener('input', function () { stop(false); show(parseInt(slider.value, 10)); });
  slider.addEventListener('change', function () {
    clearTimeout(sendTimer);
    sendTimer = setTimeout(report, 400);  // arrow keys: once the reader rests on a year
  });
  if (all) { all.addEventListener('click', function () { stop(false); show(-1); report(); }); }
  window.sentraYears = {
    choose: function (value) {  // a year from the dashboard ('' for none)
      if (value === reported) { return; }  // the echo of what this map sent
      reported = value;
      stop(false);
      var i = years.indexOf(parseInt(value, 10));
      show(i >= 0 ? i : (data.total ? -1 : years.length - 1));
    },
    year: function () { return index < 0 ? null : years[index]; }
  };
  button(false);
  show(index);
})({{ this._parent.get_name() }}, {{ this.layer }}, {{ this.data|tojson }});
{% endmacro %}"""
    )

    def __init__(self, regions: RegionLayer, data: dict) -> None:
        super().__init__()
        self._name = "YearControl"
        self.layer = regions.get_name()
        self.data = data

    def render(self, **kwargs) -> None:
        super().render(**kwargs)
        self.get_root().header.add_child(_Verbatim(_CSS), name="sentra_years_css")


class YearChoice(folium.FeatureGroup):
    """The year the dashboard has chosen ('' for none), for the live map: passed to
    ``st_folium(feature_group_to_add=…)``, which runs it in the map's frame after the map,
    and again (without a reload) whenever it changes."""

    def __init__(self, year: int | None) -> None:
        super().__init__(name="sentra-year", control=False)
        _Choose("" if year is None else str(int(year))).add_to(self)


class _Choose(_VerbatimMacro):
    _template = Template(
        "{% macro script(this, kwargs) %}"
        "if (window.sentraYears) { window.sentraYears.choose({{ this.value|tojson }}); }"
        "{% endmacro %}"
    )

    def __init__(self, value: str) -> None:
        super().__init__()
        self._name = "YearChoose"
        self.value = value
