"""A page's parts (from the text or the HTML reader) -> Article.

Both readers hand over the same Draft, so the rules that do not depend on the page's
format live here once: credit paragraphs and the numbering of the credit chain,
boilerplate and repeated title/dek/caption lines in the body, site links trailing the
credits, and the language of every paragraph and of the article.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass, field

from toolkit.errors import InputError
from toolkit.hangul import SYLLABLES
from toolkit.ingest import boilerplate as bp
from toolkit.langid import detect_language, dominant_language
from toolkit.model import Article, Credit, Link, Paragraph

_WIDE = re.compile(f"[{SYLLABLES}\u4e00-\u9fff]")  # Hangul syllables and CJK ideographs
# what a comparison key leaves out: spacing and punctuation, but not an emoji (_EMOJI, or any
# character that U+FE0F asks to show as one). A paragraph of "🙏🙏🙏" is what
# someone wrote (a reaction, a post the story quotes), kept as body text as a reader view keeps it;
# one of punctuation and shapes ("* * *", "■■■", "★ ★ ★") is a separator, left out as layout.
# the pictographs of U+1F000-1FAFF, and the characters of the Basic Multilingual Plane that show as
# emoji by themselves (Unicode's Emoji_Presentation: ✅ ⭐ ⚽ ☕ ✨ ❌ ❗, with no U+FE0F after them),
# but not its squares and circles (◽ ⬛ ⚫ ⭕): a line of them is a shape, like "■■■"
_EMOJI = ("\U0001F000-\U0001FAFF\u231A\u231B\u23E9-\u23EC\u23F0\u23F3\u2614\u2615\u2648-\u2653\u267F"
          "\u2693\u26A1\u26BD\u26BE\u26C4\u26C5\u26CE\u26D4\u26EA\u26F2\u26F3\u26F5\u26FA\u26FD\u2705"
          "\u270A\u270B\u2728\u274C\u274E\u2753-\u2755\u2757\u2795-\u2797\u27B0\u27BF\u2B50")
_KEY_DROP = re.compile(rf"(?:(?![{_EMOJI}]|.\uFE0F)[\W_])+")
_SENTENCE_END = re.compile(r"""[.!?。…"'”’)\]」』]$|[다요죠까][.!?]?$""")
_ECHO_CHARS = 40  # a paragraph this long seen twice is one paragraph scraped twice
_TRAILING_LINK_CHARS = 100  # a site link after the credits is a short headline-like line
_NO_TEXT_WARN_CHARS = bp.LONGEST_SEPARATOR  # longer with no letter or digit: left out, and the reader told


@dataclass
class Piece:
    """A candidate body paragraph, with the hyperlinks it contains (HTML only)."""

    text: str
    links: list[Link] = field(default_factory=list)
    line: int | None = None  # the page's line it starts on (text files), to say where something was left out


@dataclass
class Draft:
    source: str
    title: str | None = None
    dek: str | None = None
    captions: list[str] = field(default_factory=list)
    pieces: list[Piece] = field(default_factory=list)
    date: str | None = None
    bylines: list[str] = field(default_factory=list)  # HTML byline elements, read for credits only
    url: str | None = None  # canonical URL (HTML pages)
    outlet: str | None = None  # publisher or site name (HTML pages)
    authors: list[Credit] = field(default_factory=list)  # JSON-LD / meta authors: used where the page names none


def key(text: str | None) -> str:
    """Comparison key for "the same line again": case, spacing and punctuation ignored."""
    return _KEY_DROP.sub("", text or "").casefold()


def ends_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text.rstrip()))


def weighted_length(text: str) -> int:
    """Length in English-equivalent characters: a Hangul or Han character counts two."""
    return len(text) + len(_WIDE.findall(text))


def _extractor():
    """toolkit.credits.extract_credits (imported on first use; tests swap in a stand-in)."""
    from toolkit.credits import extract_credits

    return extract_credits


@functools.lru_cache(maxsize=4096)
def _split_cached(paragraph: str) -> tuple[str, tuple[Credit, ...]]:
    remainder, found = _extractor()(paragraph)
    return remainder, tuple(found)


def split_credits(paragraph: str) -> tuple[str, list[Credit]]:
    """(paragraph without its credit sentences, fresh copies of the credits found)."""
    remainder, found = _split_cached(paragraph)
    return remainder, [dataclasses.replace(c) for c in found]


def is_credit_only(paragraph: str) -> bool:
    """Nothing but credits (or an e-mail sign-off, which names nobody) on the paragraph."""
    remainder, _ = _split_cached(paragraph)
    return bool(paragraph.strip()) and not remainder.strip()


def _is_lone_name(paragraph: str) -> bool:
    """toolkit.credits.widgets.is_lone_korean_name: a paragraph that is one Korean name and nothing else."""
    from toolkit.credits.widgets import is_lone_korean_name

    return is_lone_korean_name(paragraph)


_DASHES = "-–—"


def _is_dash_signature(text: str, found: list[Credit]) -> bool:
    """A paragraph that is a dash and one name ("— Mara Ellison"), read as its writer's signature: one only
    where it closes the article; above the story's last sentence or under a quotation it names who said it."""
    return text[:1] in _DASHES and len(found) == 1 and found[0].name == text.lstrip(_DASHES + " ").strip()


def _under_quotation(pieces: list[Piece], at: int) -> bool:
    """The paragraph before piece `at` that has text ends in a closing quotation mark."""
    from toolkit.credits.text import CLOSING_QUOTES

    before = next((p.text.strip() for p in reversed(pieces[:at]) if p.text.strip()), "")
    return before.endswith(CLOSING_QUOTES)


def _removed_part(paragraph: str, remainder: str) -> str:
    """The credit text that extract_credits took out of `paragraph`."""
    remainder = remainder.strip()
    if not remainder:
        return paragraph
    if paragraph.startswith(remainder):
        return paragraph[len(remainder):].strip()
    if paragraph.endswith(remainder):
        return paragraph[: -len(remainder)].strip()
    return paragraph


def _closing_agency_writes(text: str, remainder: str, found: list[Credit]) -> None:
    """"(Yonhap)" closing a story's last paragraph names the wire that wrote the story, however
    much the paragraph reads like a caption on its own ("He was accompanied by ... (Yonhap)")."""
    if remainder.strip() and len(found) == 1 and found[0].agent == "organization" \
            and found[0].role == "photographer" and text.rstrip(" .").endswith(f"({found[0].name})"):
        found[0].role = "writer"


def _story_lede_reports(text: str, found: list[Credit]) -> None:
    """A byline over a scene read as photo news (toolkit.credits.reads_as_photo_news) that the story goes
    on from is its reporter's: photo news is a caption and nothing after it."""
    from toolkit.credits import reads_as_photo_news

    if any(c.role == "photographer" and c.agent == "person" for c in found) and reads_as_photo_news(text):
        for credit in found:
            if credit.role == "photographer" and credit.agent == "person":
                credit.role = "reporter"


def _caption_credits(captions: list[str]) -> tuple[list[str], list[Credit]]:
    """Captions without the credits printed in them ("(AP Photo/A B)", "(서울=연합뉴스) 홍길동 기자 =",
    "… 2023.11.14 gildong@yna.co.kr"), and those credits: whoever a caption credits took the picture."""
    kept: list[str] = []
    found: list[Credit] = []
    for caption in captions:
        remainder, credits = split_credits(caption)
        for credit in credits:
            if credit.role in {"reporter", "writer"}:
                credit.role = "photographer"
        found += credits
        if remainder.strip():
            kept.append(remainder.strip())
    return kept, found


def _person_key(name: str) -> str:
    """A name without a Korean job title or an e-mail address ("홍길동 기자 hong@paper.example")."""
    words = [w for w in name.split() if "@" not in w and w not in {"기자", "특파원", "선임기자", "인턴기자"}]
    return key(" ".join(words))


def _unprinted_authors(authors: list[Credit], printed: list[Credit], language: str) -> list[Credit]:
    """The page's metadata authors that no printed credit names, as credits of the article.

    The page's own credit lines come first: they say what each person did. Metadata only
    says "author": on a Korean news page that is the reporter, elsewhere the writer.
    """
    from toolkit.hangul import has_syllable
    from toolkit.names import name_score

    def same(a: str, b: str) -> bool:
        if _person_key(a) == _person_key(b):
            return True
        if has_syllable(a) == has_syllable(b):
            return False
        hangul, roman = (a, b) if has_syllable(a) else (b, a)  # 홍길동 on the page, Hong Gil-dong in JSON-LD
        return name_score(hangul.split()[0], roman) >= 0.85

    out: list[Credit] = []
    for author in authors:
        if any(same(author.name, c.name) for c in printed + out):
            continue
        name = " ".join(w for w in author.name.split() if w not in {"기자", "특파원"} and "@" not in w)
        role = "reporter" if language == "ko" else author.role
        out.append(dataclasses.replace(author, name=name, role=role))
    return out


def _chain(credits: list[Credit]) -> list[Credit]:
    """Number the chain 1..n in document order; a person named twice in one role (a
    Korean byline and sign-off) is one link, completed from the later mention."""
    chain: list[Credit] = []
    index: dict[tuple[str, str], Credit] = {}
    for credit in credits:
        k = (credit.role, key(credit.name))
        first = index.get(k)
        if first is None:
            index[k] = credit
            chain.append(credit)
            continue
        for name in ("service", "organization", "language", "name_ko"):
            if getattr(first, name) is None and getattr(credit, name) is not None:
                setattr(first, name, getattr(credit, name))
    for n, credit in enumerate(chain, 1):
        credit.order = n
    return chain


def _where(at: int, piece: Piece) -> str:
    """"line N" of a text page where the piece starts (recorded as the page was split: a search
    for its text would name an earlier paragraph like it), else "paragraph N" of the body candidates (HTML)."""
    return f"line {piece.line}" if piece.line else f"paragraph {at + 1}"


def finish(draft: Draft) -> Article:
    """Split credits from the body, drop what is not body, detect languages."""
    skip = {key(draft.title), key(draft.dek)} | {key(c) for c in draft.captions}
    skip.discard("")
    credits: list[Credit] = []
    credit_paragraphs: list[str] = []
    captions, caption_credits = _caption_credits(draft.captions)
    for byline in draft.bylines:
        remainder, found = split_credits(byline)
        if found:
            credits.extend(found)
            credit_paragraphs.append(_removed_part(byline, remainder))
    body: list[Piece] = []
    seen: set[str] = set()
    date = draft.date
    tail = None  # index in `body` just after the last paragraph that was only credits
    last_prose = max((i for i, piece in enumerate(draft.pieces) if ends_sentence(piece.text.strip())), default=-1)
    warnings: list[str] = []
    for at, piece in enumerate(draft.pieces):
        text = piece.text.strip()
        k = key(text)
        if not k and len(text) >= _NO_TEXT_WARN_CHARS:
            warnings.append(f"{draft.source}: {_where(at, piece)}: a paragraph of {len(text):,} characters "
                            "with no letter or digit was left out")
        if not k or k in skip or k in seen or bp.is_boilerplate(text):
            continue  # (a long paragraph printed twice is a scraping echo; short ones may repeat)
        if (day := bp.parse_date_line(text)) is not None:
            date = date or day  # a dateline paragraph dates the article; it is not body
            continue
        if weighted_length(text) >= _ECHO_CHARS:
            seen.add(k)
        remainder, found = split_credits(text)
        if at < last_prose and found and _is_lone_name(text):
            remainder, found = text, []  # a speaker over a quote or a heading; the reporter's name alone closes the story
        elif found and _is_dash_signature(text, found) and (at < last_prose or _under_quotation(draft.pieces, at)):
            remainder, found = text, []  # "— A" under a quotation or inside the story is the quotation's source
        if at == last_prose and body:
            _closing_agency_writes(text, remainder, found)
        elif at < last_prose and remainder.strip() and found:
            _story_lede_reports(text, found)
        if found or remainder != text:  # credit text taken out (an e-mail sign-off credits nobody)
            credits.extend(found)
            credit_paragraphs.append(_removed_part(text, remainder))
            if remainder.strip():
                body.append(Piece(remainder.strip(), piece.links))
            else:
                tail = len(body)
            continue
        body.append(piece if text == piece.text else Piece(text, piece.links))
    if tail is not None:
        # site links and related-story headlines trailing the credit line
        body = body[:tail] + [
            p for p in body[tail:] if ends_sentence(p.text) or weighted_length(p.text) > _TRAILING_LINK_CHARS
        ]
    if not body:
        raise InputError(draft.source, "no body text found")
    paragraphs = [Paragraph(p.text, detect_language(p.text)) for p in body]
    language = dominant_language([(p.lang, weighted_length(p.text)) for p in paragraphs])
    credits += caption_credits + _unprinted_authors(draft.authors, credits + caption_credits, language)
    return Article(
        source=draft.source,
        language=language,
        title=draft.title,
        dek=draft.dek,
        captions=captions,
        paragraphs=paragraphs,
        credit_paragraphs=credit_paragraphs,
        credits=_chain(credits),
        date=date,
        links=[link for p in body for link in p.links],
        warnings=warnings,
        url=draft.url,
        outlet=draft.outlet,
    )
