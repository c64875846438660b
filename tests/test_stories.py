"""Workshop stories: kept in the real store, edited, and exported as one briefing."""

from __future__ import annotations

import io
import re
import subprocess
from datetime import date
from pathlib import Path

import pytest
from pptx import Presentation

from loaders.store import open_store
from loaders.store.schema import MIGRATIONS, MIGRATIONS_TABLE, SCHEMA_VERSION
from loaders.stories import StoryStore
from sentra.briefing.formats import render
from sentra.briefing.story_slides import story_briefing
from sentra.stories import add_step, move_step, remove_step, rename, rename_step, step_of
from tests.stores import BACKENDS

ALLOWED = {"lang", "wilayah", "metrik", "sektor", "bandingkan", "tahun"}
HOSTILE = "<img src=x onerror=alert(1)> **tebal** [tautan](http://x) ${x}"


@pytest.fixture
def stories(fresh_store) -> StoryStore:
    return StoryStore(fresh_store.open())


@pytest.fixture
def any_stories(stories) -> StoryStore:
    """Stories on either backend (PostgreSQL: a copy of the session's template database)."""
    return stories


def _steps(version: int = 1):
    return [
        step_of(
            "peta", {"wilayah": ["33"], "metrik": ["workers"]}, "Jawa Tengah", "", version, ALLOWED
        ),
        step_of(
            "profil",
            {"wilayah": "34", "sektor": ["kerajinan"], "evil": ["x"]},
            HOSTILE,
            "Catatan\nbaris dua",
            version,
            ALLOWED,
        ),
        step_of("bandingkan", {"bandingkan": ["33", "34"]}, "Bandingkan", "", version, ALLOWED),
    ]


@pytest.mark.parametrize("fresh_store", BACKENDS, indirect=True)
def test_story_round_trip_through_the_store(any_stories):
    stories = any_stories
    story = stories.create("  Lokakarya batik  ")
    for step in _steps():
        story = add_step(story, step)
    stories.save(story)
    again = stories.get(story.story_id)
    assert again == story and again.title == "Lokakarya batik"
    assert again.steps[1].params == {"wilayah": ["34"], "sektor": ["kerajinan"]}  # 'evil' dropped
    assert again.steps[1].title == HOSTILE and again.steps[1].note == "Catatan\nbaris dua"

    edited = rename(remove_step(move_step(again, 2, -1), 0), "Baru")
    edited = rename_step(edited, 0, "Perbandingan", "catatan")
    stories.save(edited)
    stored = stories.get(story.story_id)
    assert [s.page for s in stored.steps] == ["bandingkan", "profil"]
    assert stored.title == "Baru" and stored.steps[0].note == "catatan"
    assert move_step(stored, 0, -1) == stored  # already first
    assert list(stories.listing()["story_id"]) == [story.story_id]
    assert stories.get("../../etc") is None and stories.get("tidak-ada") is None
    stories.delete(story.story_id)
    assert stories.get(story.story_id) is None


def test_stories_table_is_a_numbered_schema_step_kept_by_older_stores(tmp_path):
    """A new store has the table before any story is made; a store at step 3 whose table
    came from the first use of stories (before step 4) keeps its stories through the steps."""
    import duckdb

    fresh = open_store(tmp_path / "baru.duckdb")
    with fresh._read() as con:
        assert fresh._rows(con, "SELECT count(*) FROM stories") == [(0,)]
    path = tmp_path / "sentra.duckdb"
    con = duckdb.connect(str(path))
    con.execute(MIGRATIONS_TABLE)
    for step in (1, 2, 3):
        for statement in MIGRATIONS[step]("duckdb"):
            con.execute(statement)
        con.execute("INSERT INTO schema_migrations VALUES (?, now())", [step])
    con.execute(
        "CREATE TABLE stories (story_id VARCHAR PRIMARY KEY, title VARCHAR, "
        "steps VARCHAR, created_at TIMESTAMP, updated_at TIMESTAMP)"
    )
    con.execute("INSERT INTO stories VALUES ('lama1', 'Batik Jawa Tengah', '[]', now(), now())")
    con.close()
    upgraded = open_store(path)
    assert upgraded.schema_version() == SCHEMA_VERSION
    assert StoryStore(upgraded).get("lama1").title == "Batik Jawa Tengah"
    upgraded.close()


def test_story_exports_one_slide_per_step_and_says_when_data_changed(stories, layers, tmp_path):
    from loaders.briefing import load_data

    story = stories.create("Lokakarya")
    for step in _steps(version=0):  # made on an earlier data version
        story = add_step(story, step)
    data = load_data()
    briefing = story_briefing(story, data, "id", date(2025, 1, 13))
    deck = Presentation(io.BytesIO(render(briefing, "pptx")))
    slides = list(deck.slides)
    assert len(slides) == 1 + 3 + 1
    titles = [
        next(s.text_frame.text for s in slide.shapes if s.name == "Title") for slide in slides
    ]
    assert titles == ["Lokakarya", "Jawa Tengah", HOSTILE, "Bandingkan", "Sumber dan definisi"]
    cover = "\n".join(s.text_frame.text for s in slides[0].shapes if s.has_text_frame)
    assert "3 langkah" in cover and "13 Januari 2025" in cover
    assert "Data telah berubah sejak cerita ini dibuat" in cover
    step_two = "\n".join(s.text_frame.text for s in slides[2].shapes if s.has_text_frame)
    assert "Catatan\nbaris dua" in step_two or "Catatan\vbaris dua" in step_two
    assert "Ilustratif: angka di slide ini" in step_two and "Sentra\n" in step_two
    assert "Filter: Sektor: Kerajinan" in step_two
    assert all(any(s.shape_type == 13 for s in slide.shapes) for slide in slides[1:4])
    pdf = tmp_path / "cerita.pdf"
    pdf.write_bytes(render(briefing, "pdf"))
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    assert re.search(r"Pages:\s+5\n", info.stdout)


def test_stories_page_lists_and_edits_a_story_in_both_languages(stories, fresh_store, layers):
    from streamlit.testing.v1 import AppTest

    from tests.editors import add_test_editor, sign_in
    from ui import cached

    for func in (cached.data_store, cached.centres_of_version, cached.reference):
        func.clear()
    app = str(Path(__file__).resolve().parent.parent / "app.py")
    story = stories.create("Lokakarya")
    for step in _steps():
        story = add_step(story, step)
    stories.save(story)
    at = AppTest.from_file(app, default_timeout=120)
    at.query_params["lang"] = "en"
    at.run()
    at.switch_page("pages/cerita.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert not [b for b in at.button if b.key == "down_0"]  # anonymous: watch, not edit
    add_test_editor(fresh_store.open())
    sign_in(at)
    assert at.title[0].value == "Workshop stories"
    assert at.code[0].value.endswith(f"/?cerita={story.story_id}")
    texts = " ".join(m.value for m in at.markdown)
    assert "1. Jawa Tengah" in texts and "3. Bandingkan" in texts
    assert "\\<img src=x onerror=alert\\(1\\)\\>" in texts  # typed text, shown as text
    at.button(key="down_0").click().run()
    assert [s.title for s in stories.get(story.story_id).steps][:2] == [HOSTILE, "Jawa Tengah"]
