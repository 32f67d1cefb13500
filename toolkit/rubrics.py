"""Speaker labels and rubric lines: text on a news page that is not a sentence of the story.

Broadcast scripts put a speaker label before a turn (`앵커: 올해 ...`, `[기자]`, `ANCHOR:`);
pages carry rubric lines between paragraphs: a bare `<앵커>` marker, `관련기사 – ...`, a photo
caption with its credit (`▲... /사진=데일리NK`, `FILE PHOTO: ...`, `Image: Daily NK`).
Aligned as sentences they become false beads or inflate the "untranslated" share, so
segmentation keeps labels out of sentence text (Sentence.speaker) and gives rubric
paragraphs no sentences (Paragraph.kind == "rubric"); the TEI writer marks both with
`<label>`. The patterns live here once, for segmentation and the TEI writer alike.

A bullet mark does not always open a rubric: Korean outlets write a subhead and its body in one
paragraph (`◆ 지하철 요금 인상 = 서울시는 ...다.`: split_subhead keeps the heading out of the
sentences, as a speaker label is) and bulleted lists whose items are story sentences
(list_items). Captions (`▲19일 ...하고 있다.`, `▲... /사진=연합뉴스`) stay rubrics.
"""

from __future__ import annotations

import re

from toolkit.names import is_korean_name

__all__ = ["split_speaker", "label_at_end", "is_rubric", "split_subhead", "subhead_at_end", "list_items",
           "strip_bullet", "SPEAKER_NAMES"]

# Who speaks in a broadcast script: the anchor, the reporter, an interview turn.
SPEAKER_NAMES = (
    "앵커", "기자", "진행자", "진행", "사회자", "사회", "리포트", "해설", "인터뷰", "녹취", "질문", "답변",
    "ANCHOR", "REPORTER", "HOST", "INTERVIEWER", "Q", "A",
)
_NAME = "|".join(sorted(SPEAKER_NAMES, key=len, reverse=True))
# "김준호 기자:" / "문성휘 특파원 :" name a reporter by name
_NAMED = r"[가-힣]{2,4}\s?(?:기자|특파원|앵커)"
_OPEN, _CLOSE = r"[\[<〈〔(【◀]", r"[\]>〉〕)】▶]"
# a label is a name followed by a colon, or a name in brackets (optionally with a colon)
_LABEL = (
    rf"(?:{_OPEN}\s*(?P<b>{_NAME}|{_NAMED})\s*{_CLOSE}\s*:?"
    rf"|(?P<c>{_NAME}|{_NAMED})\s*:(?!\d))"
)
_LEADING = re.compile(rf"^(?P<label>{_LABEL})[ \t\u3000]*(?=\S)")
_TRAILING = re.compile(rf"(?:^|(?<=\s))(?P<label>{_LABEL})[ \t\u3000]*$")


def _name(match: re.Match) -> str:
    return re.sub(r"\s+", " ", match.group("b") or match.group("c")).strip()


def split_speaker(sentence: str) -> tuple[str | None, str, str]:
    """(speaker, label as written with the space after it, the rest) of one sentence.

    `앵커: 올해 ...` -> ("앵커", "앵커: ", "올해 ..."); a sentence without a label gives
    (None, "", sentence). A label with nothing after it is not split off.
    """
    match = _LEADING.match(sentence)
    if match is None:
        return None, "", sentence
    return _name(match), sentence[: match.end()], sentence[match.end():]


def label_at_end(gap: str) -> tuple[int, str] | None:
    """Where a speaker label ends the text `gap` (the paragraph text before a sentence):
    (start of the label, speaker), or None. Used by the TEI writer to mark the label."""
    match = _TRAILING.search(gap)
    if match is None:
        return None
    return match.start("label"), _name(match)


# ------------------------------------------------------------------ rubric lines
_BULLET = r"[▲△▼▽◇◆■□●○▶►]"
_BULLET_RE = re.compile(_BULLET)
_LEADING_BULLET = re.compile(rf"^{_BULLET}[ \t\u3000]*")
_RUBRIC_KO = re.compile(
    rf"^\s*(?:{_OPEN}\s*(?:{_NAME}|{_NAMED}|편집자\s?주|END|끝)\s*{_CLOSE}\s*$"  # a bare <앵커> marker
    rf"|{_BULLET}"                            # caption marks and subhead bullets
    r"|\[?\s*관련\s?기사"                      # related-article lines
    r"|(?:\[[^\]]{1,24}\]\s*){1,4}$"          # bracketed rubric titles alone: [RFA 정세분석], [KBS 부산] [앵커]
    r")"
)
_PHOTO_CREDIT = re.compile(r"(?:^|/|\()\s*(?:사진|자료사진|그래픽|영상)\s*=\s*[^=.。]{1,40}\)?\s*$|ⓒ\s*[^.。]{1,60}$")
_RUBRIC_EN = re.compile(
    r"^\s*(?:FILE PHOTO:|PHOTO:|Photo:|Image:|Related:|RELATED:|Read more:|READ MORE:|Related articles?:)"
)
_IMAGE_CREDIT_EN = re.compile(r"(?:/\s*)?(?:Image|Photo|Credit)s?:\s*[^.]{1,60}$|©\s*\d{4}\s+\S+\s*$")


def is_rubric(text: str, lang: str) -> bool:
    """True for a paragraph that is a rubric line, not sentences of the story.

    Conservative on purpose: a real sentence taken for a rubric would vanish from the
    alignment, so only marked forms count (speaker markers alone, caption and bullet
    marks, related-article lines, photo credits at the end, bracketed rubric titles).
    """
    stripped = text.strip()
    if not stripped:
        return False
    if lang == "ko":
        return bool(_RUBRIC_KO.match(stripped) or _PHOTO_CREDIT.search(stripped))
    if _RUBRIC_EN.match(stripped) or _IMAGE_CREDIT_EN.search(stripped):
        return True
    return bool(_RUBRIC_KO.match(stripped)) and not stripped[:1].isalnum()


# ------------------------------------------------------------------ subheads and bulleted lists
# `◆ 지하철 기본요금 1400원으로 = 서울시는 ...`: a bullet, a short heading, an equals sign, the body
_SUBHEAD = re.compile(rf"^[ \t\u3000]*{_BULLET}[ \t\u3000]*")
_EQUALS = re.compile(r"[ \t\u3000]*=[ \t\u3000]*(?=\S)")
_SUBHEAD_AT_END = re.compile(rf"(?P<label>{_BULLET}[ \t\u3000]*(?P<head>[^=\n]+?)[ \t\u3000]*=)[ \t\u3000]*$")
_HEAD_MAX = {"ko": 40, "en": 90}  # a subhead is a line of a few words, not a sentence
# a heading that is a sentence, or the key of a photo credit (`▲ 사진 = 연합뉴스`), is no subhead
_HEAD_NOT = re.compile(r"[.?!。](?:\s|$)|(?:사진|자료사진|그래픽|영상|Photo|Image|Credit)s?$", re.IGNORECASE)
# the end of a story sentence: a Korean predicate or an English full stop, closing quotes allowed
_SENTENCE_END = {"ko": re.compile(r"[다요까죠][.?!]?[\"'”’」』)]*\s*$"),
                 "en": re.compile(r"[a-z0-9%)\"'”’][.?!][\"'”’]*\s*$")}
# a photo described as it happens (`...시민들이 붐비고 있다.`): the caption's tense, rare in lists
_PROGRESSIVE = {"ko": re.compile(r"고\s?있(?:다|는\s?모습이다)[.]?[\"'”’]*\s*$"), "en": re.compile(r"(?!)")}
# an interviewer's question (`▲ 내년 예산은 어떻게 되나.`, `▲ 향후 계획은?`, `▲ What comes next?`): a caption never asks
_QUESTION_END = {"ko": re.compile(r"(?:[?？]|(?:나|까|냐|는지|은|는)\.?)[\"'”’」』)]*\s*$"),
                 "en": re.compile(r"[?？][\"'”’)]*\s*$")}
_QUESTION_MAX = 300  # a question line, not a paragraph that happens to end with one


def _balanced(text: str, lang: str) -> bool:
    """No bracket or quotation left open: an `=` inside `"1단계=준비"` does not end the heading.
    A straight ' is a quotation mark in Korean headings, an apostrophe in English ones."""
    straight = "\"'" if lang == "ko" else "\""
    return all(text.count(a) == text.count(b) for a, b in ("()", "[]", "“”", "‘’")) \
        and all(text.count(q) % 2 == 0 for q in straight)


def split_subhead(text: str, lang: str) -> tuple[str, str, str] | None:
    """(heading, label as written with the space after it, the body) of a `◆ HEADING = body`
    paragraph, or None.

    Only when the heading is short with no sentence end in it and the body ends as a story
    sentence with no photo credit: `▲ 사진=연합뉴스` and a Yonhap dateline `(서울=연합뉴스)`
    are not subheads.
    """
    lang = "ko" if lang == "ko" else "en"
    lead = _SUBHEAD.match(text)
    if lead is None:
        return None
    for equals in _EQUALS.finditer(text, lead.end()):  # the first `=` outside brackets and quotes
        head = text[lead.end():equals.start()]
        if "\n" in head or len(head.strip()) > _HEAD_MAX[lang]:
            return None
        if _balanced(head, lang):
            break
    else:
        return None
    head, body = head.strip(), text[equals.end():]
    if not head or _HEAD_NOT.search(head):
        return None
    if not reads_as_story(body, lang):
        return None
    return head, text[: equals.end()], body


def subhead_at_end(gap: str) -> tuple[int, str] | None:
    """Where a subhead label ends `gap` (the paragraph text before its first sentence):
    (start of the label, heading), or None. Used by the TEI writer to mark the label."""
    # the pattern's heading holds no `=` or line break, so the label starts after the last of them before
    # the final `=` (a heading with a quoted `=` is found by the writer's written-out form instead):
    # searching from every bullet of the gap read it to its end each time (quadratic)
    end = len(gap.rstrip(" \t\u3000")) - 1
    if end < 0 or gap[end] != "=":
        return None
    match = _SUBHEAD_AT_END.search(gap, max(gap.rfind("=", 0, end), gap.rfind("\n", 0, end)) + 1)
    if match is None:
        return None
    return match.start("label"), match.group("head").strip()


def _item_like(text: str, lang: str) -> str | None:
    """The bullet mark of a paragraph that could be a list item written as story sentences
    (bullet-led, ends as a sentence with its full stop, no credit, not a photo described as it
    happens), or None."""
    stripped = text.strip()
    mark = _item_bullet(stripped)
    if mark is None:
        return None
    lang = "ko" if lang == "ko" else "en"
    if not reads_as_story(stripped, lang) or _PROGRESSIVE[lang].search(stripped):
        return None
    if stripped.rstrip("\"'”’」』)")[-1:] not in ".?!":  # a headline-like `▲ 北, 단속 나섰다` has no stop
        return None
    return mark


def _item_bullet(stripped: str) -> str | None:
    """The bullet opening a paragraph, or None: arrows (▶ ►) lead runs of related-article links, never list items."""
    mark = _BULLET_RE.match(stripped)
    return None if mark is None or mark.group() in "▶►" else mark.group()


def reads_as_story(text: str, lang: str) -> bool:
    """True for text that ends as a story sentence and carries no photo credit: what a subhead's
    body and a list item need, and what a caption (its credit at the end) lacks."""
    lang = "ko" if lang == "ko" else "en"
    return bool(_SENTENCE_END[lang].search(text)) and not _ends_on_photo_credit(text)


def _ends_on_photo_credit(text: str) -> bool:
    """A caption's credit closes the text (`(사진=연합뉴스)`, `ⓒ …`, `Photo: …`): what no story sentence ends on."""
    return bool(_PHOTO_CREDIT.search(text) or _IMAGE_CREDIT_EN.search(text))


def list_items(texts: list[str], lang: str) -> set[int]:
    """Indices of the paragraphs of `texts` that are items of a bulleted list of story sentences.

    A list has two items or more: a paragraph holding two bullets of its mark, or a run of two
    paragraphs or more led by the same mark, each ending as a sentence, or, in a release's outline
    (`_OUTLINE`), beside any paragraph led by one of its marks or a dash. A caption stands alone
    (or describes a photo as it happens), so a lone bullet-led sentence stays a rubric: that is
    the conservative side, as a caption aligned as a sentence is a false bead. An interview's
    questions are items too: two or more paragraphs led by the same mark, each a question, with
    the answers between them.
    """
    marks = [_item_like(t, lang) for t in texts]
    outline = [_outline_led(t) for t in texts]
    found: set[int] = set()
    for i, mark in enumerate(marks):
        if mark is None:
            continue
        neighbours = marks[max(i - 1, 0):i] + marks[i + 1:i + 2]
        nested = mark in _OUTLINE and any(outline[max(i - 1, 0):i] + outline[i + 1:i + 2])
        if texts[i].count(mark) >= 2 or mark in neighbours or nested:
            found.add(i)
    questions = [_question_mark(t, lang) for t in texts]
    for mark in set(questions) - {None}:
        asked = [i for i, q in enumerate(questions) if q == mark]
        if len(asked) >= 2 and any(_asks(texts[i]) for i in asked):
            found.update(asked)
    return found


# A press release writes its points as an outline: `□` a point, `○` a detail under it, `-` a detail
# under that. The marks alternate, so an item's neighbour may carry another of them; no caption
# sits inside such an outline.
_OUTLINE = "□■○●◦"
_OUTLINE_LEAD = re.compile(rf"^\s*(?:[{_OUTLINE}]|[-–]\s)")


def _outline_led(text: str) -> bool:
    """True for a paragraph led by a mark of a release's outline (a bullet of _OUTLINE or a dash);
    a line framed by dashes (`- Advertisement -`, `- 끝 -`) is a marker, no item."""
    return bool(_OUTLINE_LEAD.match(text)) and not text.rstrip().endswith(("-", "–"))


def _asks(text: str) -> bool:
    """The question is put in a form no caption ends in: a question mark, or a Korean ending that is no name's
    (a caption closed by "가수 최하나", "배우 김하은." ends as "…늘어나나.", "…방안은." do)."""
    stripped = text.strip().rstrip("\"'”’」』) ")
    if stripped.endswith(("?", "？")):
        return True
    last = stripped.rstrip(".").split()[-1]
    return not (len(last) == 3 and is_korean_name(last))


def _question_mark(text: str, lang: str) -> str | None:
    """The bullet mark of a paragraph that reads as an interviewer's question, or None."""
    stripped = text.strip()
    mark = _item_bullet(stripped)
    if mark is None or len(stripped) > _QUESTION_MAX:
        return None
    lang = "ko" if lang == "ko" else "en"
    if not _QUESTION_END[lang].search(stripped) or _ends_on_photo_credit(stripped):
        return None
    return mark


def strip_bullet(sentence: str) -> str:
    """A list item's sentence without the bullet mark that opens it (the mark stays paragraph text)."""
    return _LEADING_BULLET.sub("", sentence)
