"""The review app over HTTP (Starlette's test client): what it serves, what it refuses."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest

pytest.importorskip("starlette")
pytest.importorskip("httpx")

with warnings.catch_warnings():  # starlette 1.x would rather have httpx2; httpx works the same here
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from review_fixtures import SCRIPT, review_archive  # noqa: E402
from toolkit.review.catalog import Catalog  # noqa: E402
from toolkit.review.relink import relink_file  # noqa: E402
from toolkit.review.web import create_app  # noqa: E402
from toolkit.tei import read_tei  # noqa: E402
from toolkit.tei.safe_xml import parse_xml_safely  # noqa: E402
from toolkit.tei.validate import validate_tree  # noqa: E402

BASE = "http://127.0.0.1:8000"


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    return review_archive(tmp_path)


@pytest.fixture
def client(archive: Path) -> TestClient:
    return TestClient(create_app(Catalog.from_paths([archive]), "Lee Min-ji", token="secret-token"), base_url=BASE)


def form_of(page: str) -> dict[str, str]:
    return dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', page))


def test_index_links_every_article_most_issues_first(client: TestClient):
    page = client.get("/")
    assert page.status_code == 200
    links = re.findall(r'href="/article/([^"]+)"', page.text)
    assert links == ["rfa-defectors", "markup"]  # the seed has 8 null beads flagged, markup none
    assert re.findall(r'href="/article/([^"]+)"', client.get("/?sort=name").text) == ["markup", "rfa-defectors"]


def test_article_text_is_shown_as_text_under_a_strict_policy(client: TestClient):
    page = client.get("/article/markup")
    assert page.status_code == 200
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text and SCRIPT not in page.text
    assert "Talks &lt;b&gt;stall&lt;/b&gt; again" in page.text
    assert all(tag == '<script src="/static/review.js">' for tag in re.findall(r"<script[^>]*>", page.text))
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "default-src 'none'" in policy and "unsafe-inline" not in policy


def test_a_reviewer_name_with_markup_is_escaped_too(archive: Path):
    name = '<img src=x onerror="alert(1)">'
    client = TestClient(create_app(Catalog.from_paths([archive]), name, token="t"), base_url=BASE)
    form = form_of(client.get("/article/markup").text)
    assert client.post("/article/markup", data={**form, "action": "confirm:0"}, follow_redirects=False).status_code == 303
    page = client.get("/article/markup").text
    assert "<img" not in page and "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in page
    assert read_tei(archive / "tei" / "markup.xml")[2].beads[0].reviewer == name


def test_both_texts_and_the_seed_flags_are_on_the_article_page(client: TestClient):
    page = client.get("/article/rfa-defectors").text
    assert "The North Korean government has launched a campaign" in page
    assert "북한 당국이 더 이상의 탈북을 막기 위해" in page
    assert page.count('class="flag flag-added"') == 6 and page.count('class="flag flag-untranslated"') == 2


def test_a_save_relinks_and_signs_with_the_reviewer(client: TestClient, archive: Path):
    form = form_of(client.get("/article/rfa-defectors").text)
    body = {**form, "action": "link", "en": ["en-s2", "en-s3"], "ko": ["ko-s2"]}
    answer = client.post("/article/rfa-defectors", data=body, follow_redirects=False)
    assert answer.status_code == 303, answer.text
    tei = archive / "tei" / "rfa-defectors.xml"
    assert validate_tree(parse_xml_safely(tei.read_bytes(), "saved")) == []
    en, _, alignment = read_tei(tei)
    bead = next(b for b in alignment.beads if b.en == (1, 2))
    assert bead.ko == (1,) and bead.reviewer == "Lee Min-ji"
    assert "Saved: linked en-s2 en-s3 = ko-s2" in client.get(answer.headers["location"]).text


def test_bead_actions(client: TestClient, archive: Path):
    tei = archive / "tei" / "rfa-defectors.xml"

    def act(action: str, **extra) -> int:
        form = form_of(client.get("/article/rfa-defectors").text)
        return client.post("/article/rfa-defectors", data={**form, "action": action, **extra},
                           follow_redirects=False).status_code

    def beads():
        return [(b.en, b.ko) for b in read_tei(tei)[2].beads]

    assert act("confirm:0") == 303 and read_tei(tei)[2].beads[0].reviewer == "Lee Min-ji"
    assert act("merge:2") == 303 and beads()[2] == ((2, 3), (1, 2))  # en-s3 en-s4 = ko-s2 ko-s3
    assert act("split:2", en=["en-s3"], ko=["ko-s2"]) == 303 and beads()[2:4] == [((2,), (1,)), ((3,), (2,))]
    assert act("unlink:2") == 303 and ((2,), ()) in beads() and ((), (1,)) in beads()
    assert act("null", en=["en-s5"]) == 303 and ((4,), ()) in beads()
    assert act("link") == 400  # nothing selected
    assert act("split:0") == 400
    assert act("merge:99") == 400


def test_cross_site_and_tokenless_posts_are_refused(client: TestClient, archive: Path):
    tei = archive / "tei" / "rfa-defectors.xml"
    before = tei.read_bytes()
    form = form_of(client.get("/article/rfa-defectors").text)
    body = {**form, "action": "confirm:0"}
    assert client.post("/article/rfa-defectors", data={**body, "token": "guess"}).status_code == 403
    assert client.post("/article/rfa-defectors", data={"digest": form["digest"], "action": "confirm:0"}).status_code == 403
    assert client.post("/article/rfa-defectors", data=body, headers={"Origin": "http://evil.example"}).status_code == 403
    assert client.post("/article/rfa-defectors", data=body, headers={"Sec-Fetch-Site": "cross-site"}).status_code == 403
    assert tei.read_bytes() == before


def test_only_loopback_host_names_are_answered(client: TestClient):
    assert client.get("/", headers={"Host": "evil.example"}).status_code == 400
    assert client.get("/", headers={"Host": "localhost:8000"}).status_code == 200


@pytest.mark.parametrize("url", [
    "/article/..%2F..%2F..%2Fetc%2Fpasswd", "/article/%2e%2e", "/article/%2E%2E%2Fweb.py", "/article/rfa-defectors.xml",
    "/static/..%2Fweb.py", "/static/base.html", "/static/%2e%2e%2f%2e%2e%2fcli.py", "/article/outside",
    "/../../etc/passwd",
])
def test_no_path_outside_the_archive_is_served(client: TestClient, url: str):
    answer = client.get(url)
    assert answer.status_code == 404
    assert "root:" not in answer.text and "def create_app" not in answer.text


def test_a_symlink_out_of_the_archive_is_not_listed(archive: Path, tmp_path: Path):
    secret = tmp_path / "secret.xml"
    secret.write_bytes((archive / "tei" / "markup.xml").read_bytes())
    (archive / "tei" / "outside.xml").symlink_to(secret)
    catalog = Catalog.from_paths([archive])
    assert "outside" not in catalog.files and any("outside.xml" in line for line in catalog.skipped)
    client = TestClient(create_app(catalog, "A", token="t"), base_url=BASE)
    assert client.get("/article/outside").status_code == 404
    assert "outside.xml" in client.get("/").text  # reported as left out


def test_a_conflicting_save_is_detected_not_overwritten(client: TestClient, archive: Path):
    tei = archive / "tei" / "rfa-defectors.xml"
    form = form_of(client.get("/article/rfa-defectors").text)
    relink_file(tei, [(["en-s1"], ["ko-s1"])], "Someone Else", "2024-05-01T09:30:00Z")  # another window saves
    changed = tei.read_bytes()
    answer = client.post("/article/rfa-defectors", data={**form, "action": "confirm:3"})
    assert answer.status_code == 409 and "changed since you loaded the page" in answer.text
    assert tei.read_bytes() == changed


def test_review_without_its_extra_says_how_to_install(monkeypatch):
    from typer.testing import CliRunner

    import toolkit.review.server as server
    from toolkit.cli import app

    monkeypatch.setattr(server, "missing_dependencies", lambda: ["starlette"])
    result = CliRunner().invoke(app, ["review", ".", "--no-browser", "--reviewer", "A"])
    assert result.exit_code == 1
    assert "pip install 'transprov[review]'" in result.output


def test_a_taken_port_is_one_line(archive: Path):
    import socket
    import subprocess
    import sys

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = subprocess.run([sys.executable, "-m", "toolkit.cli", "review", archive, "--port", str(port),
                                 "--no-browser", "--reviewer", "A"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith(f"error: 127.0.0.1:{port}:")


def test_a_save_after_a_rebuild_reaches_the_current_archive(tmp_path: Path):
    """The app held the files' real paths, inside the state current when it started: after a
    build switched states, a save went into the retired state (reported saved; the next build
    moved it to orphans/) while ARCHIVE/tei kept the file without the review."""
    import shutil

    from conftest import repo_root
    from toolkit.archive import build_archive

    corpus = tmp_path / "corpus"
    shutil.copytree(repo_root() / "fixtures" / "corpus", corpus)
    archive = tmp_path / "archive"
    build_archive(corpus, archive, progress=False, workers=1)
    client = TestClient(create_app(Catalog.from_paths([archive]), "Lee Min-ji", token="t"), base_url=BASE)
    form = form_of(client.get("/article/dprk-floods").text)
    with open(corpus / "rfa-defectors" / "en.txt", "a", encoding="utf-8") as en:
        en.write("\nThe ministry did not say when the talks would resume.\n")
    assert build_archive(corpus, archive, progress=False, workers=1).built == 1  # another article: a new state
    answer = client.post("/article/dprk-floods", data={**form, "action": "confirm:0"}, follow_redirects=False)
    assert answer.status_code == 303, answer.text
    _, _, alignment = read_tei(archive / "tei" / "dprk-floods.xml")
    assert alignment.beads[0].reviewer == "Lee Min-ji"


def test_a_tei_file_given_as_a_link_is_saved_where_the_link_leads(archive: Path, tmp_path: Path):
    """`review today/x.xml` with x.xml a link to the archive (on another disk): the app kept the
    link's own path, so a save replaced the link by a new file and the archive never got the review."""
    today = tmp_path / "today"
    today.mkdir()
    (today / "markup.xml").symlink_to(archive / "tei" / "markup.xml")
    client = TestClient(create_app(Catalog.from_paths([today / "markup.xml"]), "Lee Min-ji", token="t"), base_url=BASE)
    form = form_of(client.get("/article/markup").text)
    assert client.post("/article/markup", data={**form, "action": "confirm:0"}, follow_redirects=False).status_code == 303
    assert (today / "markup.xml").is_symlink()
    assert read_tei(archive / "tei" / "markup.xml")[2].beads[0].reviewer == "Lee Min-ji"


def test_a_fifo_swapped_in_for_a_listed_file_is_an_error_not_a_hung_server(archive: Path):
    """Catalog.load read the file with read_bytes: a FIFO put where a listed TEI file was (or a
    device) blocked the server's thread for ever; the index page hung with it."""
    import os
    import threading

    from toolkit.errors import InputError

    catalog = Catalog.from_paths([archive])
    tei = archive / "tei" / "markup.xml"
    tei.unlink()
    os.mkfifo(tei)
    outcome: list = []

    def load() -> None:
        try:
            catalog.load("markup", 0.5)
            outcome.append("read")
        except InputError as error:
            outcome.append(str(error))

    thread = threading.Thread(target=load, daemon=True)
    thread.start()
    thread.join(timeout=10)
    if thread.is_alive():  # release the blocked reader before failing
        os.close(os.open(tei, os.O_WRONLY | os.O_NONBLOCK))
    assert outcome and "named pipe (FIFO)" in outcome[0], outcome


def test_review_of_nothing_reviewable_is_one_line_not_an_empty_server(tmp_path: Path):
    """`review FIFO` said "no such file or directory" and served 0 articles until Ctrl-C; so did a
    folder with no TEI files in it (the corpus given for the archive)."""
    import os
    import subprocess
    import sys

    os.mkfifo(tmp_path / "pipe.xml")
    (tmp_path / "empty").mkdir()
    for path in (tmp_path / "pipe.xml", tmp_path / "empty"):
        out = subprocess.run([sys.executable, "-m", "toolkit.cli", "review", str(path), "--no-browser",
                              "--reviewer", "Lee Min-ji"], capture_output=True, text=True, timeout=60)
        assert out.returncode == 1 and "nothing to review" in out.stderr, out.stderr
        assert "named pipe (FIFO)" in out.stderr if path.name == "pipe.xml" else "no TEI files" in out.stderr
