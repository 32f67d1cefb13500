"""The review web app (Starlette): an index of articles by issue count, and an article page
where a reviewer links, unlinks, merges, splits, marks and confirms beads.

Every save goes through `relink_file`, the code behind `transprov relink`. Safety, since
the app writes files: it binds to loopback (server.py) and answers only to a loopback Host
(no DNS rebinding); templates autoescape and a strict Content-Security-Policy forbids inline
script, so article text is shown, never run; every POST carries the session's secret token
and is refused from another site; an article is looked up by id in the catalog, never by a
path taken from the URL; a save names the digest of the file it was made on, and a file
changed since is a conflict, not an overwrite.
"""

from __future__ import annotations

import secrets
import threading
from pathlib import Path
from urllib.parse import parse_qs

from toolkit.review.catalog import Catalog

ASSETS = Path(__file__).with_name("assets")
STATIC = {"review.css": "text/css; charset=utf-8", "review.js": "text/javascript; charset=utf-8"}
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; "
       "base-uri 'none'; frame-ancestors 'none'")
SORTS = ("issues", "name", "reviewed", "beads")
MAX_FORM = 256 * 1024


def _environment():
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    return Environment(loader=FileSystemLoader(ASSETS), autoescape=True, undefined=StrictUndefined,
                       trim_blocks=True, lstrip_blocks=True)


def highlight(text: str, values: list[str]):
    """`text` escaped, with each of `values` wrapped in <mark> (the values a flag names)."""
    from markupsafe import Markup, escape

    spans, start = [], 0
    hits = sorted({(text.find(v), v) for v in values if v and text.find(v) >= 0})
    for at, value in hits:
        if at < start:
            continue
        spans.append(escape(text[start:at]))
        spans.append(Markup("<mark>") + escape(value) + Markup("</mark>"))
        start = at + len(value)
    spans.append(escape(text[start:]))
    return Markup("").join(spans)


def create_app(catalog: Catalog, reviewer: str, low_cert: float = 0.5, token: str | None = None):
    """The ASGI app over `catalog`; saves are signed by `reviewer`."""
    from starlette.applications import Starlette
    from starlette.middleware import Middleware
    from starlette.middleware.trustedhost import TrustedHostMiddleware
    from starlette.requests import Request
    from starlette.responses import HTMLResponse, RedirectResponse, Response
    from starlette.routing import Route

    from toolkit.errors import InputError
    from toolkit.review.actions import BadAction, action_groups
    from toolkit.review.relink import ConflictError, relink_file
    from toolkit.review.reviewer import review_time
    from toolkit.review.show import LEGEND

    env = _environment()
    env.filters["highlight"] = highlight
    token = token or secrets.token_urlsafe(32)
    save_lock = threading.Lock()  # one save at a time: the digest check and the write stay together

    def page(template: str, status: int = 200, **context) -> HTMLResponse:
        html = env.get_template(template).render(reviewer=reviewer, **context)
        return HTMLResponse(html, status_code=status, headers={
            "Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff",
            # same-origin, not no-referrer: with no-referrer Chromium sends "Origin: null" on our own forms
            "Referrer-Policy": "same-origin", "Cache-Control": "no-store"})

    def problem(status: int, message: str, article_id: str | None = None) -> HTMLResponse:
        return page("problem.html", status, message=message, article_id=article_id)

    def rows() -> list[dict]:
        found = []
        for article_id in catalog.files:
            try:
                loaded = catalog.load(article_id, low_cert)
            except (InputError, OSError) as error:
                found.append({"id": article_id, "title": str(error), "beads": 0, "issues": 0, "reviewed": 0,
                              "broken": True})
                continue
            found.append({"id": article_id, "title": loaded.en.title or article_id, "beads": len(loaded.beads),
                          "issues": loaded.issues, "reviewed": loaded.reviewed, "broken": False})
        return found

    async def index(request: Request) -> Response:
        sort = request.query_params.get("sort", "issues")
        if sort not in SORTS:
            sort = "issues"
        found = rows()
        if sort == "name":
            found.sort(key=lambda r: r["id"])
        else:
            found.sort(key=lambda r: (-r[sort], r["id"]))
        return page("index.html", articles=found, sort=sort, skipped=catalog.skipped,
                    total_issues=sum(r["issues"] for r in found))

    def load(article_id: str):
        if article_id not in catalog.files:
            return None
        return catalog.load(article_id, low_cert)

    async def article(request: Request) -> Response:
        article_id = request.path_params["article_id"]
        try:
            loaded = load(article_id)
        except (InputError, OSError) as error:
            return problem(422, str(error))
        if loaded is None:
            return problem(404, "no such article in this review session")
        return page("article.html", article_id=article_id, loaded=loaded, token=token, legend=LEGEND,
                    message=request.query_params.get("done", ""))

    def cross_site(request: Request) -> bool:
        origin = request.headers.get("origin")
        if origin is not None and origin != f"{request.url.scheme}://{request.headers.get('host', '')}":
            return True
        return request.headers.get("sec-fetch-site") not in (None, "same-origin", "none")

    async def save(request: Request) -> Response:
        article_id = request.path_params["article_id"]
        if cross_site(request):
            return problem(403, "refused: a correction must come from this review page")
        body = await request.body()
        if len(body) > MAX_FORM:
            return problem(413, "form too large")
        form = parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
        if not secrets.compare_digest(form.get("token", [""])[0], token):
            return problem(403, "refused: the form's session token is missing or wrong (reload the page)")
        try:
            loaded = load(article_id)
        except (InputError, OSError) as error:
            return problem(422, str(error))
        if loaded is None:
            return problem(404, "no such article in this review session")
        action, _, number = form.get("action", [""])[0].partition(":")
        try:
            bead = int(number) if number else None
            groups, confirm = action_groups(action, loaded.beads, bead, form.get("en", []), form.get("ko", []))
            with save_lock:
                done = relink_file(catalog.files[article_id], groups, reviewer, review_time(), confirm=confirm,
                                   expected=form.get("digest", [""])[0])
        except ConflictError:
            return problem(409, "this article changed since you loaded the page (another window or program saved "
                                "it); nothing was saved: reload the page and redo the correction", article_id)
        except (BadAction, ValueError) as error:
            return problem(400, str(error), article_id)
        except InputError as error:
            return problem(400, error.problem, article_id)
        except OSError as error:  # a read-only file or a full disk: said, not a server error page
            return problem(500, f"cannot write the file: {error.strerror or error}", article_id)
        anchor = f"#bead-{bead}" if bead is not None else ""
        from urllib.parse import quote

        return RedirectResponse(f"/article/{article_id}?done={quote(done.change)}{anchor}", status_code=303)

    async def static(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in STATIC:
            return problem(404, "no such file")
        return Response((ASSETS / name).read_bytes(), media_type=STATIC[name],
                        headers={"X-Content-Type-Options": "nosniff", "Cache-Control": "no-cache"})

    routes = [
        Route("/", index),
        Route("/article/{article_id}", article, methods=["GET"]),
        Route("/article/{article_id}", save, methods=["POST"]),
        Route("/static/{name}", static),
    ]
    middleware = [Middleware(TrustedHostMiddleware, allowed_hosts=["127.0.0.1", "localhost", "[::1]"])]
    app = Starlette(routes=routes, middleware=middleware)
    app.state.token = token
    return app
