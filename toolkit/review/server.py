"""Run the review app: bind loopback on a free port (or the one asked for), print the address,
open a browser unless told not to, serve until interrupted."""

from __future__ import annotations

import socket
import sys
import threading
from pathlib import Path

HOST = "127.0.0.1"
EXTRA = "pip install 'transprov[review]'"
NEEDS = ("starlette", "uvicorn", "jinja2")


def missing_dependencies() -> list[str]:
    """The web packages that are not installed (they come with the `review` extra)."""
    import importlib.util

    return [name for name in NEEDS if importlib.util.find_spec(name) is None]


def bind(port: int | None) -> socket.socket:
    """A listening socket on 127.0.0.1 (port 0: the system picks a free one); OSError if taken."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((HOST, port or 0))
        sock.listen(64)
    except OSError:
        sock.close()
        raise
    return sock


def serve(paths: list[Path], reviewer: str, port: int | None = None, open_browser: bool = True,
          low_cert: float = 0.5) -> None:
    import uvicorn

    from toolkit.errors import InputError, printable
    from toolkit.review.catalog import Catalog
    from toolkit.review.web import create_app

    catalog = Catalog.from_paths(paths)
    for line in catalog.skipped:
        print(f"warning: {printable(line)}", file=sys.stderr)
    if not catalog.files:  # a server with nothing in it would wait for ever for nothing
        raise InputError(" ".join(map(str, paths)), "nothing to review: no TEI file could be listed")
    sock = bind(port)
    url = f"http://{HOST}:{sock.getsockname()[1]}/"
    print(f"transprov review: {url} ({len(catalog.files)} articles; reviewer {reviewer}; Ctrl-C to stop)", flush=True)
    app = create_app(catalog, reviewer, low_cert)
    if open_browser:
        import webbrowser

        threading.Timer(0.5, webbrowser.open, args=(url,)).start()
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off", server_header=False)
    uvicorn.Server(config).run(sockets=[sock])
