"""Streamlit's and Plotly's own interface texts in the reader's language.

Streamlit 1.67 and the Plotly.js it bundles write some texts in English with no parameter
for them: names that screen readers read out ("Collapse sidebar", "Help for Klaster", the
slider's "— start"), tooltips that show on hover (the table toolbar's "Download as CSV",
the chart toolbar's "Download plot as a PNG") and the skip link a keyboard user meets
first. A small script, run once per page load and again on each rerun with the current
language, replaces them wherever they appear and keeps them replaced as Streamlit redraws
(a ``MutationObserver``). Each element remembers its original text, so a switch back to
English restores it. Only whole texts are replaced, never a part of the dashboard's own.
"""

from __future__ import annotations

import json

import streamlit as st

from sentra.i18n import N_, t

# Streamlit's or Plotly's exact English text → our key.
EXACT = {
    "Skip to main content": N_("st_skip_to_content"),
    "Sidebar": N_("st_sidebar"),
    "Collapse sidebar": N_("st_collapse_sidebar"),
    "Expand sidebar": N_("st_expand_sidebar"),
    "App pages": N_("st_app_pages"),
    "Choose an option": N_("st_choose_option"),
    "Clear all": N_("st_clear_all"),
    "Open": N_("st_open"),
    "Close": N_("st_close"),
    "Selected values": N_("st_selected_values"),
    "Show password": N_("st_show_password"),
    "Hide password": N_("st_hide_password"),
    "Link to heading": N_("st_link_to_heading"),
    "Download as CSV": N_("st_download_csv"),
    "Fullscreen": N_("st_fullscreen"),
    "Close fullscreen": N_("st_close_fullscreen"),
    "Search": N_("st_search"),
    "Show/hide columns": N_("st_show_hide_columns"),
    "file upload": N_("st_file_upload"),
    "Add files": N_("st_add_files"),
    "Download plot as a PNG": N_("st_plot_png"),
    "Zoom": N_("st_plot_zoom"),
    "Pan": N_("st_plot_pan"),
    "Zoom in": N_("st_plot_zoom_in"),
    "Zoom out": N_("st_plot_zoom_out"),
    "Autoscale": N_("st_plot_autoscale"),
    "Reset axes": N_("st_plot_reset_axes"),
}
# Texts with a part that is ours (a widget's label, a chosen value): (regular expression,
# our key whose ``{label}`` takes the part).
PATTERNS = [
    (r"^Help for (.+)$", N_("st_help_for")),
    (r"^Remove (.+)$", N_("st_remove")),
    (r"^(.+) — start$", N_("st_slider_start")),
    (r"^(.+) — end$", N_("st_slider_end")),
]
# Elements whose name is drawn by CSS (``ui.widgets.uploader_in_language``) and so must be
# given one a screen reader reads: selector → our key.
UPLOAD_BUTTON = "[data-testid='stFileUploaderDropzone'] [data-testid='stBaseButton-secondary']"
NAMED = {UPLOAD_BUTTON: N_("upload_button")}

_SCRIPT = """<script>
window.sentraTexts = %s;
(function () {
  var ATTRS = ['aria-label', 'title', 'placeholder', 'data-title'];
  function translate(text) {
    var table = window.sentraTexts;
    if (Object.prototype.hasOwnProperty.call(table.exact, text)) return table.exact[text];
    for (var i = 0; i < table.patterns.length; i++) {
      var p = table.patterns[i], m = text.match(new RegExp(p[0]));
      if (m) return p[1].split('{label}').join(m[1]);
    }
    return text;
  }
  // el.sentraOriginal[attr] = [text as Streamlit wrote it, text we put in its place]
  function fix(el, attr) {
    var now = attr === '#text' ? el.textContent : el.getAttribute(attr);
    if (now === null) return;
    var kept = (el.sentraOriginal = el.sentraOriginal || {})[attr];
    var original = kept && now === kept[1] ? kept[0] : now;
    var wanted = translate(original);
    el.sentraOriginal[attr] = [original, wanted];
    if (wanted === now) return;
    if (attr === '#text') el.textContent = wanted; else el.setAttribute(attr, wanted);
  }
  function run() {
    var selector = ATTRS.map(function (a) { return '[' + a + ']'; }).join(',');
    document.querySelectorAll(selector).forEach(function (el) {
      ATTRS.forEach(function (a) { fix(el, a); });
    });
    document.querySelectorAll('[data-testid=stSkipToContent], ' +
        '[data-testid=stTooltipContent] p').forEach(function (el) {
      if (el.children.length === 0) fix(el, '#text');
    });
    var named = window.sentraTexts.named;
    Object.keys(named).forEach(function (sel) {
      document.querySelectorAll(sel).forEach(function (el) {
        if (el.getAttribute('aria-label') !== named[sel]) el.setAttribute('aria-label', named[sel]);
      });
    });
  }
  run();
  if (!window.sentraTextsObserver) {
    var pending = false;
    // a timer, not requestAnimationFrame: a tab in the background gets no frames
    window.sentraTextsObserver = new MutationObserver(function () {
      if (pending) return;
      pending = true;
      window.setTimeout(function () { pending = false; run(); }, 30);
    });
    window.sentraTextsObserver.observe(document.body, {
      childList: true, subtree: true, characterData: true, attributes: true,
      attributeFilter: ATTRS});
  }
})();
</script>"""


def table(lang: str) -> dict[str, object]:
    """What the script replaces in ``lang``: exact texts, patterns and names."""
    return {
        "exact": {english: t(key, lang) for english, key in EXACT.items()},
        "patterns": [[regex, t(key, lang, label="{label}")] for regex, key in PATTERNS],
        "named": {selector: t(key, lang) for selector, key in NAMED.items()},
    }


def install(lang: str) -> None:
    """The script, as the sidebar's first element (hidden by ``ui.widgets``' CSS, so it takes
    no room above the map or the filters), on every run."""
    script = _SCRIPT % json.dumps(table(lang), ensure_ascii=False).replace("</", "<\\/")
    st.sidebar.html(script, unsafe_allow_javascript=True)
