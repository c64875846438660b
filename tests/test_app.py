"""The dashboard script in Streamlit's AppTest (no browser)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = Path(__file__).resolve().parent.parent / "app.py"


def _map_args(at: AppTest) -> dict:
    maps = [e for e in at.get("component_instance")] or [
        e for e in at.main if type(e).__name__ == "UnknownElement"
    ]
    assert maps, "no map component rendered"
    return json.loads(maps[0].proto.json_args)


@pytest.fixture
def app(layers) -> AppTest:
    return AppTest.from_file(str(APP), default_timeout=60)


def test_home_renders_national_map(app):
    app.run()
    assert not app.exception
    assert app.title[0].value == "Peta Sentra & Klaster"
    script = _map_args(app)["script"]
    assert script.count('"code":') == 38 or script.count("code") >= 38


def test_province_from_url_shows_its_regencies(app):
    app.query_params["wilayah"] = "33"
    app.run()
    assert not app.exception
    assert app.title[0].value == "Jawa Tengah"
    script = _map_args(app)["script"]
    assert "Kota Pekalongan" in script and "Kabupaten Pekalongan" in script
    assert "Kabupaten Bantul" not in script


def test_unknown_region_in_url_falls_back_with_notice(app):
    app.query_params["wilayah"] = "99.99"
    app.run()
    assert not app.exception
    assert "99.99" in app.warning[0].value
    assert app.title[0].value == "Peta Sentra & Klaster"


def test_language_switch_changes_labels(app):
    app.query_params["lang"] = "en"
    app.run()
    assert not app.exception
    assert app.title[0].value == "Centres & Clusters Map"
