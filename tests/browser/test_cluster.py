"""Two dashboard processes behind HAProxy on one PostgreSQL store, driven by two browsers."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser

from loaders.store import open_store
from tests.browser.conftest import OfflinePage
from tests.editors import add_test_editor
from tools.cluster import COOKIE, Cluster, running_cluster
from tools.live_server import ROOT, _free_port

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def cluster(postgres, pg_template) -> Iterator[Cluster]:
    url = postgres.create_database("cluster_e2e", template=pg_template)
    folder = ROOT / "artifacts" / "cluster"
    add_test_editor(open_store(url=url))
    with running_cluster(2, _free_port(), folder, database_url=url) as running:
        yield running


def _pinned_page(browser: Browser, cluster: Cluster, server: str) -> OfflinePage:
    """A browser whose HAProxy cookie names ``server``, as if it had been there before."""
    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="id-ID")
    context.add_cookies([{"name": COOKIE, "value": server, "url": cluster.url}])
    return OfflinePage(context.new_page())


def _number(text: str) -> int:
    return int(text.replace(".", ""))


def _routed(cluster: Cluster, server: str, request: str) -> int:
    """How many requests matching ``request`` HAProxy sent to ``server``."""
    pattern = re.compile(rf"dashboards/{server} .*\"{request}")
    return sum(bool(pattern.search(line)) for line in cluster.haproxy_log.read_text().splitlines())


def test_an_import_through_one_process_is_seen_by_a_session_on_the_other(
    cluster, browser, tmp_path
):
    viewer, importer = _pinned_page(browser, cluster, "d2"), _pinned_page(browser, cluster, "d1")
    try:
        viewer.page.goto(f"{cluster.url}/sektor")
        viewer.wait_idle()
        viewer.page.get_by_text("Peta Sentra (versi 1)").first.wait_for()
        centres_before = _number(viewer.metric("Sentra"))
        viewer.screenshot("cluster-viewer-before")

        path = tmp_path / "kantor_dinas.csv"
        path.write_text(
            "Nama Sentra;Kab/Kota;Komoditas;Omzet;Jumlah Unit Usaha\n"
            "Sentra Gerabah Kasongan Baru;Kab. Bantul;gerabah;2,5 miliar;40\n",
            encoding="utf-8",
        )
        page = importer.page
        page.goto(f"{cluster.url}/data")
        importer.wait_idle()
        importer.sign_in()
        page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(path))
        importer.wait_idle()
        page.get_by_role("button", name=re.compile("^Simpan: 1 baru")).click()
        importer.wait_idle()
        page.get_by_text("Tersimpan sebagai versi 2").wait_for()
        importer.screenshot("cluster-import-d1")

        # The viewer's next rerun, in the same session (no reload): a filter change.
        viewer.choose("Jenis", "Sentra")
        viewer.page.get_by_text("Peta Sentra (versi 2)").first.wait_for()
        # the office's centre takes an illustrative one's place: the count stays calibrated
        assert _number(viewer.metric("Sentra")) == centres_before
        assert "Sentra Gerabah Kasongan Baru" in set(
            open_store(url=cluster.database_url).centres()["name"]
        )
        viewer.screenshot("cluster-viewer-after")
        viewer.assert_no_exception()
        importer.assert_no_exception()
    finally:
        viewer.page.context.close()
        importer.page.context.close()
    # Each browser stayed on its own process: the upload went to d1 only, and the viewer's
    # one websocket (one session) to d2.
    assert _routed(cluster, "d1", "PUT /_stcore/upload_file") == 1
    assert _routed(cluster, "d2", "PUT /_stcore/upload_file") == 0
    assert _routed(cluster, "d2", "GET /_stcore/stream") == 1
    assert _routed(cluster, "d1", "GET /_stcore/stream") == 1
