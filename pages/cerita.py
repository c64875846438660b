"""Cerita: workshop stories — create, edit (rename, reorder, delete steps), link, play, export."""

from __future__ import annotations

from datetime import date
from urllib.parse import urlsplit

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from sentra.briefing.story_slides import story_briefing
from sentra.escape import escape_markdown
from sentra.i18n import t
from sentra.stories import (
    MAX_NOTE,
    MAX_TITLE,
    Step,
    Story,
    move_step,
    remove_step,
    rename,
    rename_step,
    steps_to_json,
)
from ui import auth, context
from ui.briefing import briefing_data, data_mark, download_popover
from ui.stories import page_label, play, story_store

ctx = context.get()
lang = ctx.lang
store = story_store()
names = ctx.ref.regions["name"]
editor = auth.current_account() is not None  # anyone may watch and export; editors change
st.title(t("story_page_title", lang))
st.caption(t("story_page_help", lang))


def _create() -> None:
    # a callback runs before the page: the session may have ended since the button was drawn
    title = st.session_state.get("new_story_title", "").strip()
    if title and auth.current_account() is not None:
        st.session_state["story_edit"] = store.create(title).story_id
        st.session_state["new_story_title"] = ""


def _edit_controls(
    story: Story, i: int, step: Step, up: DeltaGenerator, down: DeltaGenerator, drop: DeltaGenerator
) -> None:
    """Move, delete and edit one step (editors only)."""
    if up.button("↑", key=f"up_{i}", help=t("story_up", lang), disabled=i == 0):
        store.save(move_step(story, i, -1))
        st.rerun()
    if down.button(
        "↓", key=f"down_{i}", help=t("story_down", lang), disabled=i == len(story.steps) - 1
    ):
        store.save(move_step(story, i, 1))
        st.rerun()
    if drop.button("✕", key=f"drop_{i}", help=t("story_delete_step", lang)):
        store.save(remove_step(story, i))
        st.rerun()
    with st.expander(t("story_edit_step", lang)):
        title = st.text_input(
            t("step_title", lang),
            value=step.title,
            max_chars=MAX_TITLE,
            key=f"title_{story.story_id}_{i}",
        )
        note = st.text_area(
            t("step_note", lang),
            value=step.note,
            max_chars=MAX_NOTE,
            key=f"note_{story.story_id}_{i}",
        )
        if st.button(t("story_save_step", lang), key=f"save_{i}"):
            store.save(rename_step(story, i, title, note))
            st.rerun()


if editor:
    new_col, button_col = st.columns([4, 1], vertical_alignment="bottom")
    new_col.text_input(
        t("story_new_title", lang),
        key="new_story_title",
        max_chars=MAX_TITLE,
        placeholder=t("story_new_hint", lang),
    )
    button_col.button(t("story_create", lang), on_click=_create, width="stretch")
else:
    st.info(t("story_sign_in", lang))


stories = store.listing()
if stories.empty:
    st.info(t("story_none_yet" if editor else "story_none_yet_here", lang))
    context.end_page()
titles = dict(zip(stories["story_id"], stories["title"], strict=True))
if st.session_state.get("story_edit") not in titles:
    st.session_state["story_edit"] = next(iter(titles))
story_id = st.selectbox(
    t("story_pick", lang), list(titles), format_func=titles.__getitem__, key="story_edit"
)
story = store.get(story_id)
if story is None:
    context.end_page()

origin = urlsplit(st.context.url or "")
link = f"{origin.scheme}://{origin.netloc}/?cerita={story.story_id}"
st.markdown(f"**{t('story_link', lang)}**")
st.code(link, language=None)
if story.versions() - {ctx.version}:
    st.warning(t("story_data_changed", lang, v=ctx.version))

if editor:
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    new_title = left.text_input(
        t("story_rename", lang),
        value=story.title,
        max_chars=MAX_TITLE,
        key=f"rename_{story.story_id}",
    )
    if right.button(t("story_save_title", lang), width="stretch") and new_title.strip():
        store.save(rename(story, new_title))
        st.rerun()

if not story.steps:
    st.info(t("story_no_steps", lang))
for i, step in enumerate(story.steps):
    codes = step.params.get("bandingkan" if step.page == "bandingkan" else "wilayah") or []
    where = " · ".join(str(names.get(c, c)) for c in codes) or t("indonesia", lang)
    with st.container(border=True):
        if editor:
            text, up, down, drop = st.columns([8, 1, 1, 1], vertical_alignment="center")
        else:
            text = st.container()
        text.markdown(f"**{i + 1}. {escape_markdown(step.title)}**")
        text.caption(f"{page_label(step.page, lang)} · {where}")
        if editor:
            _edit_controls(story, i, step, up, down, drop)
        if step.note:
            st.markdown(escape_markdown(step.note).replace("\n", "  \n"))

if story.steps:
    play_col, export_col = st.columns(2)
    if play_col.button(
        t("story_play", lang), type="primary", icon=":material/play_arrow:", width="stretch"
    ):
        play(story, 1)
    with export_col:
        download_popover(
            t("story_export", lang),
            t("story_export_help", lang),
            ("story", *data_mark(ctx), lang, story.title, steps_to_json(story.steps), date.today()),
            lambda progress: story_briefing(
                story, briefing_data(ctx), lang, date.today(), progress
            ),
            lang,
        )

if editor:
    with st.expander(t("story_delete", lang)):
        confirmed = st.checkbox(t("story_delete_confirm", lang, title=story.title), key="sure")
        if st.button(t("story_delete", lang), type="primary", disabled=not confirmed):
            store.delete(story.story_id)
            st.session_state.pop("story_edit", None)
            st.rerun()
