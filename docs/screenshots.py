"""Screenshots of the review app for the README (docs/img/*.png), in headless Debian Chromium.

    .venv/bin/python docs/screenshots.py     # builds the fixture archive in a temporary folder

Uses Playwright with the system's `chromium` (never a downloaded browser).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = ["--no-sandbox", "--headless=new", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def main() -> None:
    from playwright.sync_api import sync_playwright

    work = Path(tempfile.mkdtemp(prefix="transprov-shots-"))
    transprov = [sys.executable, "-m", "toolkit.cli"]
    subprocess.run([*transprov, "build", ROOT / "fixtures" / "corpus", "--archive", work / "archive", "--quiet"],
                   check=True, cwd=ROOT)
    tei = work / "archive" / "tei" / "rfa-defectors-3yr.xml"
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1714555800"}
    subprocess.run([*transprov, "relink", tei, "--en", "en-s21", "--ko", "ko-s15", "--confirm",
                    "--reviewer", "Lee Min-ji"], check=True, cwd=ROOT, env=env, capture_output=True)
    port = free_port()
    server = subprocess.Popen([*transprov, "review", work / "archive", "--port", str(port), "--no-browser",
                               "--reviewer", "Lee Min-ji"], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        server.stdout.readline()
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.goto(f"http://127.0.0.1:{port}/")
            page.screenshot(path=ROOT / "docs" / "img" / "review-index.png")
            page.goto(f"http://127.0.0.1:{port}/article/rfa-defectors-3yr#bead-18")
            page.check("#s-en-s20 input")  # an added sentence ticked, about to be linked
            page.evaluate("document.getElementById('bead-18').scrollIntoView({block: 'start'})")
            page.screenshot(path=ROOT / "docs" / "img" / "review-article.png")
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
