"""Role by context: the same credit line names a photographer under a photo caption and a
reporter or writer under a story.

"김하늘 기자" alone under "… 연을 날리고 있다." took the picture; under "… 밝혔다." he wrote
the story. "by A" under "Fishing boats rest in the harbour … on Nov. 3." is the picture's
credit; under a headline it is the author's. "© Kyodo" after a caption is the picture's holder;
after "…, according to officials." the agency wrote the text. The readers give each line the role
its words say; this module looks at the text the credit closes and recasts the role.

Cues only, each a bounded scan of the body (linear): a caption describes a scene (Korean
"…고 있다.", English positions "(left)", "(2nd from R)", "in this photo", a picture's date);
a story attributes (said, according to, quotes with 라고, 밝혔다).
"""

from __future__ import annotations

import re

from toolkit.hangul import has_syllable

# Korean captions: the scene in the present progressive ("…즐기고 있다.", "…서 있다."), a
# position in the picture, or a photo rubric
# a state the picture holds ("…세워져 있다.", "…걸려 있다.", "…쌓여 있다.") is a scene too, and copies often glue the
# two words ("잠겨있다."); not "…할 수 있다." (a noun before 있다: what may happen, no scene)
_KO_SCENE_END = re.compile(r"(?:고|서|[겨려져워여쳐혀]) ?있다\s*\.?\s*$")
# "…조사하고 있다." ends stories too: an abstract activity is no scene a camera sees
_KO_ABSTRACT = ("조사하고", "검토하고", "추진하고", "논의하고", "계획하고", "협의하고", "파악하고", "수사하고", "분석하고",
                "전망하고", "우려하고", "주목하고", "요구하고", "촉구하고", "주장하고", "예상하고", "고심하고", "모색하고",
                # held states no camera sees, common at a story's end ("…것으로 알려져 있다.", "관심이 …에 쏠려 있다.");
                # not "놓여", "걸려", "묶여", "갇혀": a wreath laid, a banner hung, boats moored, cars snowed in
                "알려져", "쏠려", "맞춰져", "얽혀", "정해져", "맡겨져", "잡혀")
_KO_PHOTO_MARKS = ("[포토뉴스]", "[포토]", "[사진]", "<포토>", "(왼쪽)", "(오른쪽)", "(가운데)", "왼쪽부터", "(사진)",
                   "사진은 ")  # "사진은 … 전망대에서 촬영한 일출.": the caption says what the picture is
# a connective that ties the text to what came before it: a story's paragraph, never a caption's first word
_KO_STORY_OPENERS = ("이 때문에", "이때문에", "이에 따라", "이와 관련해", "이와 함께", "한편", "그러나", "하지만", "따라서",
                     "또한", "앞서", "특히")
_KO_STORY_CUES = ("말했다", "밝혔다", "강조했다", "설명했다", "덧붙였다", "라고 했다", "”라고", "\"라고", "고 전했다")

# English captions: a position in the picture, a photo's own words
_EN_POSITION = re.compile(
    r"\((?:\d(?:st|nd|rd|th) from |second from |third from |far |front |back |top |bottom )?"
    r"(?:L|R|C|left|right|center|centre|front|back|top|bottom)\b[^()]{0,30}\)", re.IGNORECASE)
_EN_PHOTO_WORDS = ("in this photo", "in this picture", "in this image", "in this handout", "in this undated",
                   "in this file photo", "poses for a photo", "pose for a photo", "photo shows", "pool photo",
                   "photo not for sale", "file photo", "picture taken", "is seen ", "are seen ")
# the same position set off by commas, as wire captions write it ("Kim, left, and Lee, right, shake hands")
_EN_COMMA_POSITION = re.compile(r",[\"”’]? (?:(?:far|second from|third from) )?(?:left|right|center|centre)(?=[,;.] ?)")
_EN_STORY_CUES = re.compile(r"\b(?:according to|said|says|told reporters|plans to|will|would)\b")
# "… at dusk on Nov. 12.", "… on Monday.": the day the picture was taken, close to a sentence end
_EN_PICTURE_DAY = re.compile(
    r"\bon (?:(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\. \d|(?:January|February|March|April|May|June|July|"
    r"August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)")

MAX_CAPTION_CHARS = 700  # longer than this, a paragraph is a story whatever its words


def _ko_sentences(body: str) -> list[str]:
    """Korean sentences of a caption: split after a final "다." or at a line break (bounded work)."""
    out: list[str] = []
    for line in body.split("\n"):
        start = 0
        for m in re.finditer(r"다\.\s*", line):
            out.append(line[start:m.start() + 2].strip())
            start = m.end()
        if line[start:].strip():
            out.append(line[start:].strip())
    return out


def is_korean_caption(body: str) -> bool:
    """The body a Korean credit closes describes a picture (and does not report what someone said)."""
    body = body.strip()
    if not body or len(body) > MAX_CAPTION_CHARS or any(cue in body for cue in _KO_STORY_CUES) \
            or body.startswith(_KO_STORY_OPENERS):
        return False
    if any(mark in body for mark in _KO_PHOTO_MARKS):
        return True
    sentences = _ko_sentences(body)
    return len(sentences) <= 4 and (any(_is_scene(s) for s in sentences) or _names_a_sight(body))


# a sentence closed on a noun, no verb ("…에서 바라본 연길시 야경.", "…공개한 12일자 노동신문."): what a picture
# shows, as a caption titles it; a story's sentence ends on a verb (다, 요, 죠), a list's on 등, and a book
# note's pieces are a word or a count each ("항구책방. 212쪽. 1만6천원.")
_KO_NOT_NOUN = frozenset("다요죠까니등음함임됨")
_SIGHT_MIN_WORDS = 3


def _names_a_sight(body: str) -> bool:
    """The body's first sentence names what the picture shows, with no verb of its own: a caption titles its
    picture first. A verbless sentence after a full one is a story's clipped clause ("…올린다. 인상 시기는 …
    확정할 계획.", "…할 예정이다. 대출 규제 완화 여부가 최대 관심사."), no title."""
    sentence = re.split(r"(?<=\.)\s+", body, maxsplit=1)[0]
    words = sentence.split()
    return len(words) >= _SIGHT_MIN_WORDS and sentence.endswith(".") and len(last := words[-1]) >= 2 \
        and has_syllable(last[-2]) and last[-2] not in _KO_NOT_NOUN and not last[0].isdigit()


def _is_scene(sentence: str) -> bool:
    """A sentence ends on what a camera sees ("…걷고 있다.", "…걸려 있다."), no abstract activity ("…조사하고 있다."),
    or is the noun of a sight ("…주차장이 텅 빈 모습.": a caption's, where a story says "…모습이다.")."""
    return (bool(_KO_SCENE_END.search(sentence)) and not any(w in sentence for w in _KO_ABSTRACT)) \
        or sentence.rstrip(" .").endswith(_KO_SIGHT_NOUNS)


_KO_SIGHT_NOUNS = (" 모습", " 장면", " 풍경", " 광경", " 전경")


def is_korean_story(body: str) -> bool:
    """The body a Korean credit closes is a story's text: a sentence opens on a connective tying it to
    text before ("이 때문에 …", "한편 …") or it reports what someone said or a source says ("…고 밝혔다",
    "…에 따르면"); a caption does neither. (Bounded: a longer body is not scanned.)"""
    body = body.strip()
    if not body or len(body) > MAX_CAPTION_CHARS * 4:
        return False
    if any(cue in body for cue in _KO_STORY_CUES):
        return True
    sentences = _ko_sentences(body)
    if _opens_on_scene(sentences[0]):
        return False  # "22일 오후 … 걸어가고 있다. 이번 비는 … 이어질 전망이다.": a weather picture's caption
    return any(cue in body for cue in _KO_SOURCED) or any(s.startswith(_KO_STORY_OPENERS) for s in sentences)


def _opens_on_scene(sentence: str) -> bool:
    """The sentence is a picture's scene on its day ("22일 오후 서울 명동에서 시민들이 … 걷고 있다."): a
    caption opens so, and may then add the forecast or the source a story would ("…할 전망이다")."""
    return bool(_KO_PICTURE_DAY.match(sentence)) and _is_scene(sentence)


# a story's source or outlook ("업계에 따르면", "…할 전망이다"): words no caption's scene has
_KO_SOURCED = ("에 따르면", "전망이다")


# the day a picture was taken and where or when in it, as a caption opens its scene ("8일 오후 서울 …",
# "27일 부산 북항 특설무대에서 …"); "지난 8일" looks back and "10일 업계에 따르면" reports, as a story does
_KO_PICTURE_DAY = re.compile(r"(?<!지난 )(?<!지난)(?<!\d)\d{1,2}일\s*(?:오전|오후|새벽|아침|낮|저녁|밤|[^.\n]{0,40}?에서\s)")
# a story's lede counts, dates and sources ("5일 기준", "3일 현재", "12주 연속", "5주째", "업계에 따르면")
_KO_LEDE_WORDS = ("따르면", "기준", "현재", "연속", "주째", "개월째", "년째", "일째")
# the hour of an event ("오후 2시께 … 불이 나"): a breaking story's lede, which a caption's scene never times
_KO_CLOCK = re.compile(r"\d{1,2}시(?:께|경|쯤| \d{1,2}분)")
# a noun that becomes something ("논란이 되고 있다", "화제가 되고 있다"): a story's state, no scene
_KO_BECOMING = re.compile(r"[이가] 되고 있다")


def is_korean_photo_lede(lede: str) -> bool:
    """The text a Korean dateline byline opens is a photo caption, not a story's lede: a scene
    ("…산책을 즐기고 있다.") in its first or last sentence, the picture's day with its time or place ("8일 오후",
    "8일 잠실야구장에서") or a position in it ("(왼쪽)", "왼쪽부터"), at most three sentences, and nothing a story
    does (attribution, a count to a date, the hour of an event, a connective tying it to text before). A
    wire's or a paper's photo news prints its photographer's byline as a story prints its reporter's."""
    lede = lede.strip()
    if not is_korean_caption(lede) or not (_KO_PICTURE_DAY.search(lede) or any(m in lede for m in _KO_PHOTO_MARKS)):
        return False
    sentences = _ko_sentences(lede)
    if len(sentences) > 3 or any(s.startswith(_KO_STORY_OPENERS) for s in sentences) \
            or any(word in lede for word in _KO_LEDE_WORDS) or _KO_CLOCK.search(lede):
        return False
    return any(_is_scene(s) and not _KO_BECOMING.search(s) for s in (sentences[0], sentences[-1]))


def is_english_caption(body: str) -> bool:
    """The body an English credit closes describes a picture."""
    body = body.strip()
    if not body or len(body) > MAX_CAPTION_CHARS:
        return False
    low = body.lower()
    if any(word in low for word in _EN_PHOTO_WORDS) or _EN_POSITION.search(body):
        return True
    if _EN_STORY_CUES.search(low):
        return False  # (before the comma-set position: "Lee, centre, said …" is a story's sentence)
    if _EN_COMMA_POSITION.search(body):
        return True
    last = body.rsplit("\n", 1)[-1].strip()
    return last.endswith(".") and len(last.split()) >= 6 and bool(_EN_PICTURE_DAY.search(last))


def is_story(body: str) -> bool:
    """The body attributes what it says (a story's words, not a picture's): "…, according to officials."."""
    low = body.lower()
    return bool(_EN_STORY_CUES.search(low)) and not (
        any(word in low for word in _EN_PHOTO_WORDS) or _EN_POSITION.search(body))
