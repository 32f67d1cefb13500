"""Speaker labels and rubric lines: text on a news page that is not a sentence of the story.

Broadcast scripts put a speaker label before a turn (`앵커: 올해 ...`, `[기자]`, `ANCHOR:`);
pages carry rubric lines between paragraphs: a bare `<앵커>` marker, `관련기사 – ...`, a photo
caption with its credit (`▲... /사진=데일리NK`, `FILE PHOTO: ...`, `Image: Daily NK`).
Aligned as sentences they become false beads or inflate the "untranslated" share, so
segmentation keeps labels out of sentence text (Sentence.speaker) and gives rubric
paragraphs no sentences (Paragraph.kind == "rubric"); the TEI writer marks both with
`<label>`. The patterns live here once, for segmentation and the TEI writer alike.
"""

from __future__ import annotations

import re

__all__ = ["split_speaker", "label_at_end", "is_rubric", "SPEAKER_NAMES"]

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
_RUBRIC_KO = re.compile(
    rf"^\s*(?:{_OPEN}\s*(?:{_NAME}|{_NAMED}|편집자\s?주|END|끝)\s*{_CLOSE}\s*$"  # a bare <앵커> marker
    r"|[▲△▼▽◇◆■□●○▶►]"                     # caption marks and subhead bullets
    r"|\[?\s*관련\s?기사"                      # related-article lines
    r"|\[[^\]]{1,24}\]\s*$"                   # a bracketed rubric title alone: [RFA 정세분석]
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
