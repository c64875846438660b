"""Tentang: what the data is, the national counts of sentra by body (side by side, never
added), published facts with sources, boundaries, glossary."""

from __future__ import annotations

import streamlit as st

from sentra import counts_by_source
from sentra.facts import GLOSSARY, readable_facts
from sentra.i18n import markdown, t
from ui import charts, context

ctx = context.get()
lang = ctx.lang
st.title(t("about_title", lang))
st.markdown(markdown("tentang", lang, "body"))
st.markdown(markdown("tentang", lang, "kecamatan"))
charts.plot(counts_by_source.figure(lang), key="counts_by_source")
st.caption(counts_by_source.note(lang))
st.caption("  \n".join(counts_by_source.sources_lines(lang)))
st.subheader(t("facts_title", lang))
# a table whose cells wrap: each fact's source stays beside it, also on a phone
st.table(readable_facts(ctx.ref.facts, ctx.ref.regions["name"], lang), hide_index=True)
st.subheader(t("glossary", lang))
for term, text in GLOSSARY.values():
    st.markdown(f"- **{t(term, lang)}** — {t(text, lang)}")
