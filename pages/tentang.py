"""Tentang: what the data is, published facts with sources, boundaries, glossary."""

from __future__ import annotations

import streamlit as st

from sentra.facts import GLOSSARY, readable_facts
from sentra.i18n import markdown, t
from ui import context

ctx = context.get()
lang = ctx.lang
st.title(t("about_title", lang))
st.markdown(markdown("tentang", lang, "body"))
st.markdown(markdown("tentang", lang, "kecamatan"))
st.subheader(t("facts_title", lang))
st.dataframe(
    readable_facts(ctx.ref.facts, ctx.ref.regions["name"], lang), hide_index=True, width="stretch"
)
st.subheader(t("glossary", lang))
for term, text in GLOSSARY.values():
    st.markdown(f"- **{t(term, lang)}** — {t(text, lang)}")
