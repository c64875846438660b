"""Workshop stories kept in the store's database, beside the data they were made on.

One row per story; its steps (each with the data version it was captured on) are one JSON
text, written whole in one transaction, so an edit is all or nothing. The table is made
by the store's schema step 4 (``loaders/store/schema.py``). Only the
store's backend-neutral calls are used (``_read``/``_write``/``_rows``/``_exec`` with ``?``
placeholders), so stories live in DuckDB and in PostgreSQL alike.
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime

import pandas as pd

from loaders.store import Store
from sentra.stories import MAX_TITLE, STORY_ID, Story, clean_text, steps_from_json, steps_to_json

_COLUMNS = ("story_id", "title", "steps", "created_at", "updated_at")


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class StoryStore:
    # The store's connection calls are its backend protocol (``loaders/store/base.py``): same
    # database, same transactions and writers' lock as the centres.
    def __init__(self, store: Store) -> None:
        self.store = store

    def create(self, title: str) -> Story:
        story = Story(secrets.token_urlsafe(6), clean_text(title, MAX_TITLE))
        with self.store._write() as con:
            self.store._exec(
                con,
                "INSERT INTO stories VALUES (?, ?, ?, ?, ?)",
                [story.story_id, story.title, steps_to_json(story.steps), _now(), _now()],
            )
        return story

    def get(self, story_id: str) -> Story | None:
        """The story, or None for an unknown or malformed id (links are typed by people)."""
        if not isinstance(story_id, str) or not STORY_ID.match(story_id):
            return None
        with self.store._read() as con:
            rows = self.store._rows(
                con, "SELECT story_id, title, steps FROM stories WHERE story_id = ?", [story_id]
            )
        return Story(rows[0][0], rows[0][1], steps_from_json(rows[0][2])) if rows else None

    def save(self, story: Story) -> None:
        with self.store._write() as con:
            self.store._exec(
                con,
                "UPDATE stories SET title = ?, steps = ?, updated_at = ? WHERE story_id = ?",
                [story.title, steps_to_json(story.steps), _now(), story.story_id],
            )

    def delete(self, story_id: str) -> None:
        with self.store._write() as con:
            self.store._exec(con, "DELETE FROM stories WHERE story_id = ?", [story_id])

    def listing(self) -> pd.DataFrame:
        """story_id, title, steps (JSON), created_at, updated_at; newest first."""
        with self.store._read() as con:
            rows = self.store._rows(
                con, f"SELECT {', '.join(_COLUMNS)} FROM stories ORDER BY updated_at DESC"
            )
        return pd.DataFrame(rows, columns=list(_COLUMNS))
