"""Tentang: what the data is, published facts with sources, boundaries, glossary."""

from __future__ import annotations

import streamlit as st

from sentra.facts import readable_facts
from sentra.i18n import markdown, t
from ui import context

GLOSSARY = ["sentra", "klaster", "ikm", "umkm", "dak", "apbn", "apbd", "lq"]

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
for term in GLOSSARY:
    st.markdown(f"- **{t(f'gl_{term}_term', lang)}** — {t(f'gl_{term}_text', lang)}")
