"""The review app in a real browser: Debian's Chromium driven by Playwright (never a downloaded
browser). Skips only when no Chromium (or no Playwright) is installed; .ci/run installs chromium."""

from __future__ import annotations

import http.client
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium")
if CHROMIUM is None:
    pytest.skip("no chromium installed (apt-get install -y chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api")

from review_fixtures import SCRIPT, review_archive  # noqa: E402
from toolkit.tei import read_tei  # noqa: E402
from toolkit.tei.safe_xml import parse_xml_safely  # noqa: E402
from toolkit.tei.validate import validate_tree  # noqa: E402

ARGS = ["--no-sandbox", "--headless=new", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def listening_addresses(port: int) -> set[str]:
    """Local addresses of the TCP sockets listening on `port` (from /proc: no traffic sent)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        if not os.path.exists(table):
            continue
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.rsplit(":", 1)
            if state == "0A" and int(hex_port, 16) == port:
                found.add(address)
    return found


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    archive = review_archive(tmp_path_factory.mktemp("browser"))
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "toolkit.cli", "review", archive, "--port", str(port), "--no-browser",
         "--reviewer", "Lee Min-ji"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = process.stdout.readline()
        assert line.startswith(f"transprov review: http://127.0.0.1:{port}/"), line + process.stderr.read()
        yield archive, f"http://127.0.0.1:{port}", port
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


def test_the_server_listens_on_loopback_only(server):
    _, _, port = server
    assert listening_addresses(port) == {"0100007F"}  # 127.0.0.1, nothing else


def test_raw_traversal_paths_are_not_served(server):
    _, _, port = server
    for path in ("/article/../../../../etc/passwd", "/static/../../toolkit/cli.py", "/article/..%2f..%2fcli.py"):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.request("GET", path)  # sent as written: no client-side normalisation
        answer = connection.getresponse()
        body = answer.read().decode("utf-8", "replace")
        connection.close()
        assert answer.status == 404, path
        assert "root:" not in body and "def " not in body


def test_relink_two_beads_in_the_browser(server, browser):
    archive, url, _ = server
    tei = archive / "tei" / "rfa-defectors.xml"
    before = tei.read_bytes()
    page = browser.new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(url + "/")
    links = page.locator("a.article-link")
    assert sorted(links.all_inner_texts()) == ["markup", "rfa-defectors"]
    page.click("text=rfa-defectors")
    assert page.locator("#s-en-s1").inner_text().startswith("en-s1 The North Korean government")
    assert "북한 당국이 더 이상의 탈북을 막기 위해" in page.locator("#s-ko-s1").inner_text()
    # mouse: tick the added sentence en-s2 and its neighbour's bead (en-s3 = ko-s2), then link them
    for sentence in ("en-s2", "en-s3", "ko-s2"):
        page.click(f"#s-{sentence} input")
    with page.expect_navigation():
        page.keyboard.press("l")  # the keyboard shortcut for "Link selected"
    assert "Saved: linked en-s2 en-s3 = ko-s2" in page.locator("#done").inner_text()
    assert tei.read_bytes() != before
    assert validate_tree(parse_xml_safely(tei.read_bytes(), str(tei))) == []
    _, _, alignment = read_tei(tei)
    bead = next(b for b in alignment.beads if b.en == (1, 2))
    assert bead.ko == (1,) and bead.reviewer == "Lee Min-ji"
    assert "Lee Min-ji" in {r.who for r in alignment.revisions}
    # keyboard: move to bead 0 and confirm it
    page.locator("#bead-0").focus()
    page.keyboard.press("k")
    with page.expect_navigation():
        page.keyboard.press("c")
    assert "Saved: confirmed en-s1 = ko-s1" in page.locator("#done").inner_text()
    assert read_tei(tei)[2].beads[0].reviewer == "Lee Min-ji"
    assert "reviewed · Lee Min-ji" in page.locator("#bead-0").inner_text()
    assert dialogs == []
    page.close()


def test_markup_in_an_article_is_shown_never_run(server, browser):
    _, url, _ = server
    page = browser.new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(url + "/article/markup")
    assert SCRIPT in page.locator("#s-en-s1").inner_text()
    assert SCRIPT in page.locator("#s-ko-s1").inner_text()
    assert page.locator("h1").inner_text() == "Talks <b>stall</b> again"
    assert page.locator("main script").count() == 0 and page.locator("h1 b").count() == 0
    page.wait_for_timeout(300)
    assert dialogs == []
    page.close()
