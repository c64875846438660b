"""Workshop stories in the dashboard: add the current view as a step (sidebar), and play a
story opened by link (``?cerita=ID&langkah=N``) in presentation mode.

Playing a step switches to the step's page with the step's URL parameters and asks
``url_state`` to read the whole view from that link again; the presenter bar (fixed at the
bottom of the screen, under the map) has previous/next buttons bound to the arrow keys.
"""

from __future__ import annotations

import streamlit as st

from loaders.stories import StoryStore
from sentra.escape import escape_markdown
from sentra.i18n import t
from sentra.stories import MAX_NOTE, MAX_TITLE, Story, add_step, step_of
from ui import auth, url_state
from ui.cached import data_store, unless_changed
from ui.context import PageContext

PLAYING = "_story_playing"  # (story id, step number) being shown
LINK_KEYS = ("cerita", "langkah")
_BAR_CSS = """<style>
.st-key-story_bar {position: fixed; left: 0; right: 0; bottom: 0; z-index: 1000000;
  background: #ffffff; border-top: 3px solid #1f3b63; max-height: 32vh;
  overflow-y: auto; padding: .35rem 1.2rem .6rem 1.2rem;}
.st-key-story_bar p {margin-bottom: 0; font-size: 1.05rem; line-height: 1.35;}
.block-container {padding-bottom: 9rem !important;}
.st-key-leave_presentation {display: none;}
iframe[title="streamlit_folium.st_folium"] {height: 420px !important;}
</style>"""


@st.cache_resource(show_spinner=False)
def _story_store(path: str) -> StoryStore:
    return StoryStore(data_store())


def story_store() -> StoryStore:
    """The stories of the store in use (one per database file or server: tests switch)."""
    store = data_store()
    return _story_store(str(getattr(store, "path", None) or getattr(store, "url", "")))


def page_label(page: str, lang: str) -> str:
    keys = {
        "peta": "page_map",
        "profil": "page_profile",
        "bandingkan": "page_compare",
        "sektor": "page_sectors",
        "analisis": "page_analysis",
        "anggaran": "page_budget",
        "data": "page_data",
        "tentang": "page_about",
    }
    return t(keys.get(page, "page_map"), lang)


def play(story: Story, number: int) -> None:
    """Show step ``number`` (1-based): its page, its view, in presentation mode."""
    step = story.steps[number - 1]
    st.session_state[PLAYING] = (story.story_id, number)
    st.session_state["map_nonce"] = st.session_state.get("map_nonce", 0) + 1
    url_state.reseed()
    params = {**step.params, "presentasi": "1", "cerita": story.story_id, "langkah": str(number)}
    st.switch_page(f"pages/{step.page}.py", query_params=params)


def stop() -> None:
    st.session_state.pop(PLAYING, None)
    st.session_state["presentasi"] = False
    for key in LINK_KEYS:
        st.query_params.pop(key, None)


def _step_number(story: Story) -> int:
    try:
        number = int(st.query_params.get("langkah", "1"))
    except ValueError:
        number = 1
    return min(max(number, 1), len(story.steps))


def player(ctx: PageContext) -> None:
    """Follows a story link: plays the step it names, and draws the presenter bar."""
    story_id = st.query_params.get("cerita")
    if not story_id:
        st.session_state.pop(PLAYING, None)
        return
    lang = ctx.lang
    story = story_store().get(story_id)
    if story is None or not story.steps:
        st.warning(t("story_unknown", lang, id=story_id))
        return
    number = _step_number(story)
    if st.session_state.get(PLAYING) != (story.story_id, number):
        play(story, number)
    step = story.steps[number - 1]
    with st.container(key="story_bar"):
        st.html(_BAR_CSS)
        back, text, forward, leave = st.columns([1, 8, 1, 1.3], vertical_alignment="center")
        if back.button(
            "◀",
            key="story_previous",
            shortcut="Left",
            help=t("story_previous", lang),
            disabled=number == 1,
            width="stretch",
        ):
            play(story, number - 1)
        if forward.button(
            "▶",
            key="story_next",
            shortcut="Right",
            help=t("story_next", lang),
            disabled=number == len(story.steps),
            width="stretch",
        ):
            play(story, number + 1)
        leave.button(t("story_stop", lang), key="story_stop", on_click=stop, width="stretch")
        with text:
            st.markdown(
                f"**{t('story_step_of', lang, n=number, total=len(story.steps))} · "
                f"{escape_markdown(step.title)}**"
            )
            if step.note:
                st.markdown(escape_markdown(step.note).replace("\n", "  \n"))
            if story.versions() - {ctx.version}:
                st.caption(t("story_data_changed", lang, v=ctx.version))


def _add_current_view(ctx: PageContext, page: str) -> None:
    # a callback runs before the script: the session may have ended since the box was drawn
    story = story_store().get(st.session_state.get("story_target", ""))
    if story is None or auth.current_account() is None:
        return
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    title = st.session_state.get("step_title", "") or default_title(ctx, page, params)
    step = step_of(
        page,
        params,
        title,
        st.session_state.get("step_note", ""),
        ctx.version,
        allowed=url_state.PARAMS,
    )
    try:
        story_store().save(add_step(story, step))
    except ValueError:
        st.toast(t("story_full", ctx.lang))
        return
    st.session_state["step_title"] = st.session_state["step_note"] = ""
    st.toast(t("story_step_added", ctx.lang, n=len(story.steps) + 1, story=story.title))


def default_title(ctx: PageContext, page: str, params: dict[str, list[str]]) -> str:
    names = ctx.ref.regions["name"]
    codes = params.get("bandingkan" if page == "bandingkan" else "wilayah") or []
    shown = " · ".join(str(names[c]) for c in codes if c in names.index)
    return f"{page_label(page, ctx.lang)} — {shown}" if shown else page_label(page, ctx.lang)


def add_step_tool(ctx: PageContext, page: str) -> None:
    """Sidebar box: add the view on screen to a story."""
    lang = ctx.lang
    box = st.sidebar.expander(t("story_add_title", lang), icon=":material/playlist_add:")
    stories = unless_changed("stories", story_store().listing)
    if stories.empty:
        box.caption(t("story_none_yet", lang))
        return
    titles = dict(zip(stories["story_id"], stories["title"], strict=True))
    box.selectbox(
        t("story_pick", lang), list(titles), format_func=titles.__getitem__, key="story_target"
    )
    box.text_input(
        t("step_title", lang),
        key="step_title",
        max_chars=MAX_TITLE,
        placeholder=t("step_title_hint", lang),
    )
    box.text_area(
        t("step_note", lang),
        key="step_note",
        max_chars=MAX_NOTE,
        height=90,
        placeholder=t("step_note_hint", lang),
    )
    box.button(
        t("story_add_step", lang),
        on_click=_add_current_view,
        args=(ctx, page),
        key="story_add_step",
        width="stretch",
    )


def run(ctx: PageContext) -> None:
    """Called by ``app.py`` before every page: the story player."""
    player(ctx)


def sidebar_tool(ctx: PageContext, page: str) -> None:
    """Called by ``app.py`` after the page, with the sidebar: the add-step box for editors
    (not while a story plays, nor on the stories page)."""
    if PLAYING not in st.session_state and page != "cerita" and auth.current_account():
        add_step_tool(ctx, page)
