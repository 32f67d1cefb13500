"""Credit lines (English or Korean) -> the ordered chain of Credit(role, name, service, ...).

    extract_credits(paragraph)       (the paragraph without its credits, the credits found)
    join_korean_credits(en, ko)      the English chain with the Hangul names of the same people

One reader a job: `datelines` (a wire dateline opening a paragraph), `english` (credit
clauses, bylines, "contributed to this report"), `intros` (a broadcast anchor handing over to
the reporter), `listings` (bylines of listing pages and syndication notes), `lists` (the
agents of a clause), `notes` (a translator's note heading a translated post, a book list's entry), `korean` (bylines, sign-offs, credit blocks, e-mail sign-offs), `photos`
(caption credits), `machine` (machine-translation notes), `widgets` (a short line standing alone,
read by what its pieces are: names, titles, outlets, dates, stamps, e-mails), `chain` (joining
the Korean names to the English chain). Each sentence is either
a credit sentence, taken out whole, or ordinary text, kept; a caption or a lead sentence
may end with a credit, which alone is taken out. Why a parser and not a keyword search:
"Translated by Kang Min Kyung." is a credit, but "The letter, translated by a local
activist, was posted online." is not.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import replace

from toolkit.credits import context, english, intros, korean, learned, listings, machine, notes, photos, rosters
from toolkit.credits.widgets import AUTHOR_NOTE, evidence_kind, is_byline_name, is_common_word, name_column, parse_dash_signature, \
    parse_widget_line
from toolkit.credits.chain import join_korean_credits
from toolkit.credits.datelines import BRACKET_CLOSERS, CAPTION_MARKS, split_dateline
from toolkit.credits.sentences import sentence_spans
from toolkit.credits.agents import is_person_name, organization_of, short_org, without_rank
from toolkit.credits.text import CLOSING_QUOTES, INVISIBLE, PROTECTED_EMAIL, SEPARATOR_FORMS, find_emails, unglue_credits
from toolkit.credits.vocabulary import (
    BYLINE_LABEL_WORDS, LABEL_NOUNS, ORGANIZATIONS, PHOTO_AGENCIES, ROLE_WORDS, SERVICE_LANGUAGES,
)
from toolkit.hangul import has_syllable
from toolkit.model import Credit

__all__ = ["extract_credits", "join_korean_credits", "SERVICE_LANGUAGES", "ORGANIZATIONS"]


def _hygiene(paragraph: str) -> str:
    """Invisible controls dropped and spaces collapsed, line breaks kept (they end label lines)
    except after a comma: "Authors: A, B,\n C" is one list wrapped onto two lines."""
    # each pattern below is tried only where the text holds a character or word every match of it
    # holds: most paragraphs are story text with none, and a search that cannot match costs a full scan
    text = paragraph.translate(_CLEANED).replace(*PROTECTED_EMAIL)
    text = _PAGE_DATE.sub("", text, count=1)  # "date 2023-12-15 Photo : YONHAP News": a page's metadata, no text
    text = unglue_credits(text, PHOTO_AGENCIES, is_person_name, organization_of)
    if "◀" in text:
        text = _TRANSCRIPT_MARK.sub(r"\n\1\n", text)  # "… 기자입니다.◀ 리포트 ▶제주에서 …": the marker parts the turns
    if "[" in text or "【" in text or "<" in text:
        text = _SPEAKER_TURN.sub(r"\n\1", text)  # "… 김진두 기자의 보도입니다 [기자] 아침 안개가 …": so does a turn label
    if "기자" in text:
        text = _GLUED_RELATED.sub("\n", _RELATED_OF.sub("", text))  # "… ⓒ News1 허경 기자관련 키워드…": a byline glued to the page's lists
    if "ⓒ" in text or "키워드" in text:
        text = _unglued_reporter_box(text)
    if "caption" in text:
        text = _CAPTION_TOGGLE.sub("", text)  # "… Mara Ellison/AFP via Getty Images hide caption": the page's button
    if "보기" in text:
        text = _PICTURE_BUTTON.sub("", text)  # "… ⓒ 윤서하 관련사진보기": the page's button after a caption's credit
    if "ⓒ" in text or "©" in text:
        text = _DOUBLED_HOLDER.sub(r"\1", text)  # "ⓒ 윤서하윤서하": the holder printed twice, glued (alt text and credit)
    text = _label_lines(text)
    raw_lines = text.split("\n")
    lines = (korean.join_spaced_label(_without_end_bar(" ".join(line.split()))) for line in raw_lines)
    out: list[str] = []
    for raw, line in zip(raw_lines, lines):
        if line and out and raw[:2].isspace() and korean.continues_label_block(out[-1], line):
            out[-1] += " " + line  # "글·사진 = A 기자 a@b\n      B 기자 b@b": the value column goes on, indented
        elif line and out and out[-1].endswith(("[", "(")):
            out[-1] += line  # "HTV 윤다솜[\n[email]]입니다.": a bracket opened at a line's end goes on below
        elif line and out and (out[-1].endswith(",") or _is_bare_label(out[-1]) or korean.is_bare_label(out[-1], line)):
            out[-1] += (" " if out[-1].endswith(",") else ": ") + line
        elif line and out and line[:3].lower() == "by " and _TRANSLATION_LINE.fullmatch(out[-1]):
            out[-1] += " " + line  # a title page's "AUTHORISED TRANSLATION FROM THE RUSSIAN\n\nBY A": one credit
        elif line:
            out.append(line)
    return "\n".join(out)


def _without_end_bar(line: str) -> str:
    """"… /로이터 연합뉴스 |": a page's separator after the last piece of a line is no piece of its credit;
    a line of pieces between bars ("제공| A |") keeps its bars."""
    return line[:-2] if line.endswith(" |") and line.count("|") == 1 else line


# the buttons a Korean page prints after a picture's caption, kept by a copy at the line's end. No blanks
# before it in the pattern (a run of them would be rescanned from each of its starts: quadratic); the
# blanks left are collapsed with the line's others
_PICTURE_BUTTON = re.compile(r"(?:관련 ?사진 ?보기|사진 ?크게 ?보기|사진 ?확대 ?보기)[ \t]*$", re.MULTILINE)
# the button an English page (NPR's) prints after a caption's credit, kept by a copy at the line's end
_CAPTION_TOGGLE = re.compile(r"(?<![^\s/])(?:hide|toggle) caption[ \t]*$", re.MULTILINE)
_DOUBLED_HOLDER = re.compile(r"([ⓒ©] ?([가-힣]{2,4}))\2(?=\s|$)")

# a translation's line over its translator's "By A" line (a book's title page)
_TRANSLATION_LINE = re.compile(r"(?:(?:authori[sz]ed|english|new) )?(?:translated|translation)"
                               r"(?: (?:from|into|out of) (?:the )?[a-z]+)?", re.IGNORECASE)

# a line of two or more labelled credits run together ("Author: A Translator: B Published on: 2/24/15"):
# each label opens a line of its own, as the page's block printed them
# (capitalised or in capitals: a masthead's "EDITOR: A a@b.example REPORTER: B b@c.example")
_RUN_LABELS = "|".join(sorted((form for k in LABEL_NOUNS if k.replace("-", "").isalpha() for form in (k.capitalize(), k.upper())),
                              key=len, reverse=True))
_LABEL_AT = re.compile(rf"(?<!\S)(?:{_RUN_LABELS}): ")
_RUN_LABEL = re.compile(rf"(?<=\S) (?=(?:{_RUN_LABELS}|Published on|Source): )")


def _label_lines(text: str) -> str:
    """Each line that opens on a credit label (or a "By A" byline) and holds another cut before each label
    (one scan of each line). A label after other words is a headline's ("Letter to the Editor: …")."""
    if ": " not in text:
        return text
    lines = text.split("\n")
    for k, line in enumerate(lines):
        labels = _LABEL_AT.finditer(line)
        first = next(labels, None)
        opening = first is not None and (not (before := line[:first.start()].strip()) or before.startswith("By "))
        if opening and next(labels, None) and not has_syllable(line):
            lines[k] = _RUN_LABEL.sub("\n", line)
    return "\n".join(lines)


# the publication date a scraped page prints before its first paragraph, as metadata
_PAGE_DATE = re.compile(r"^\s*date \d{4}-\d{2}-\d{2}(?:\s+|$)")

# invisible controls dropped and separators made the usual ones in one pass (the two tables share no
# character, and neither makes one the other changes)
_CLEANED = {**INVISIBLE, **SEPARATOR_FORMS}

# a byline glued to the related-links box a scraped Korean page prints after it ("기자관련 키워드",
# "기자관련 기사", "기자다른기사 보기")
_GLUED_RELATED = re.compile(r"(?<=기자)(?=관련 ?(?:키워드|기사)|다른 ?기사 ?보기)")
_RELATED_OF = re.compile(r"(?<=기자)의(?= 다른 ?기사 ?보기)")  # "A 기자의 다른 기사 보기": the box, not a story's words

# A scraped wire page glues its reporter box (the reporter's name and title, then their other headlines)
# to what is above it: the related keywords ("관련 키워드의대증원전공의천선휴 기자 응급실 …") or a
# caption's credit ("ⓒ News1 윤일지 기자이주현 기자 합천·밀양 …"). The box's name is the three syllables
# before its title; the keywords run into it with no space, so no longer name can be told from them.
_KEYWORD_BOX = re.compile(r"(관련 ?키워드[^\n]{0,160}?\S)([가-힣]{3}) 기자(?= )")
_CREDIT_GLUED = re.compile(r"(ⓒ ?\S{2,10} [가-힣]{2,4} ?(?:기자|디자이너|PD))"
                           r"(?:([가-힣]{3}) 기자(?= )|(?=[가-힣ⓒ])(?![가이의은는을를와과도](?:\s|$)))")  # not "… 기자가 찍은"


def _unglued_reporter_box(text: str) -> str:
    """Line breaks where the page's boxes were glued together, so the reporter box is a line of its own."""
    text = _CREDIT_GLUED.sub(lambda m: f"{m[1]}\n{m[2]} 기자\n" if m[2] else f"{m[1]}\n", text)
    return _KEYWORD_BOX.sub(r"\1\n\2 기자\n", text)


# a columnist's name run into the note on them ("A B The author is a former ambassador to … . This month, …")
_GLUED_AUTHOR_NOTE = re.compile(r"([A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3}) (" + AUTHOR_NOTE + r"[^\n]{0,200}?\.)(?: |$)")


def _unglued_author_note(text: str) -> str:
    """The name and the author note on lines of their own, as a page prints them (widgets reads a name
    over its note), when a copy ran them and the column's first words into one paragraph."""
    m = _GLUED_AUTHOR_NOTE.match(text)
    if m is None or not is_byline_name(m[1]):
        return text
    return f"{m[1]}\n{m[2]}\n{text[m.end():]}".rstrip()


# a broadcast transcript's turn markers (the anchor's lead, the report, its end); not ◀INT▶ or ◀SYN▶,
# whose speaker line below is no credit
_TRANSCRIPT_MARK = re.compile(r"(◀ ?(?:ANC|END|VCR|리포트|앵커) ?▶)")  # spaces around: dropped by the line split


# a transcript's turn labels run into one line by a copy ("[앵커]", "【 기자 】", "<앵커>"), after other text
_SPEAKER_TURN = re.compile(r"(?<=\S) ?((?:\[ ?|【 ?|<)(?:앵커|앵커멘트|기자|리포트)(?: ?\]| ?】|>))")


def _is_bare_label(line: str) -> bool:
    """"Photographer" alone on its line: a label whose name stands on the next line."""
    return line[:1].isupper() and line.lower() in LABEL_NOUNS and line.lower() != "credit"


_CAPTION_CHARS = 250  # a paragraph longer than this that ends "© Kyodo" is a story, not a caption


_Reading = tuple[str, list[Credit], bool, str]  # (kept, credits, a machine-translation note, where it matters)


_KEPT_READINGS = 8192  # sentences read alone, kept (bounded): a corpus repeats its credit lines and sign-offs
_KEPT_SENTENCE_CHARS = 2000  # a longer "sentence" (a page glued into one) is read anew, not kept


@functools.lru_cache(maxsize=_KEPT_READINGS)
def _read_cached(sentence: str, org_context: str | None, single: bool, after_note: bool) -> _Reading | None:
    return _read_alone(sentence, org_context, single, after_note)


def _read_kept(sentence: str, org_context: str | None, single: bool, after_note: bool) -> _Reading | None:
    """_read_alone, a sentence met before (in this paragraph or another) read once: the reading is
    a pure function of its arguments. Shared: the caller copies its credits before changing any."""
    if len(sentence) > _KEPT_SENTENCE_CHARS:
        return _read_alone(sentence, org_context, single, after_note)
    return _read_cached(sentence, org_context, single, after_note)


def _read_alone(sentence: str, org_context: str | None, single: bool, after_note: bool) -> _Reading | None:
    """(what of the sentence stays in the body, its credits, is it a machine-translation note, and
    what the text before it may still change), the sentence read by itself; the last field is
    "wire" (an agency's closing bracket) or "source" (a lone "/연합뉴스" line): `_placed` applies it."""
    found = machine.parse_note(sentence)
    if found is not None:
        return "", found, True, ""
    if after_note and (found := machine.parse_follow_up(sentence)) is not None:
        return "", found, True, ""
    if after_note and korean.is_stamp_line(sentence.rstrip(" -–")):
        return "", [], True, ""  # the note's time stamp: "… edited by HBN. 2025-03-04 10:20:31 -"
    if has_syllable(sentence):
        if korean.names_pictured(sentence):
            return None  # "왼쪽부터 A, B, C 기자.": who is in the picture
        if single and (board := korean.parse_board_author(sentence)) is not None:
            return "", board, False, ""  # "편집부(hanbitedit) 2019.05.01 10:20 조회 : 3512": who posted it
        if single and (roster := rosters.parse_roster(sentence)) is not None:
            return "", roster, False, ""  # "특별취재팀= A 부국장·B 정치부 기자·C 사진부 기자"
        found = korean.parse_sentence(sentence)
        if found is not None:
            return "", found, False, "source" if single and sentence.startswith("/") else ""
        tail = korean.split_tail(sentence) or korean.split_lead_byline(sentence) or korean.split_vocative(sentence) \
            or korean.split_book_credits(sentence)
        if tail is None and single:
            tail = korean.split_slash_caption(sentence)  # "물안개 핀 호수 / 김하늘 기자": a picture's title, its credit
        if tail is None and (whole := photos.split_photo_credit(sentence, whole_only=True)) and not whole[0]:
            return "", whole[1], False, ""  # "RFA PHOTO/이현기"
        return (tail[0], tail[1], False, "") if tail else None
    if _RELATED_LINK.match(sentence):
        return None  # "Read more: Kim visits farm (AP)": another story's headline and its source, no credit here
    whole = photos.split_photo_credit(sentence, whole_only=True)
    if whole is not None and not whole[0]:
        return "", whole[1], False, "wire"
    if single and (entry := notes.parse_book_entry(sentence)) is not None:
        return entry[0], entry[1], False, ""  # "Saha, Cho Nam-Joo, Jamie Chang (trans) (WW Norton, 2022)"
    found = english.parse_sentence(sentence, org_context, byline=single)
    if found is not None:
        return "", found, False, ""
    # "Headline - AFP, March 3, 2009" is a source line only on a line of its own: inside a paragraph the
    # dash and the date are a story sentence's ("The minister visited Tokyo - AFP, March 3, 2009. He met …")
    dash_wire = (english.split_dash_wire_date,) if single else ()
    for split in (photos.split_photo_credit, photos.split_leading_credit, english.split_source_tail, *dash_wire,
                  intros.split_intro_tail, intros.split_our_reporter, listings.split_teaser_byline,
                  english.split_translated_prose,
                  english.split_citation, photos.split_taken_by, intros.split_as_reports, intros.split_interviewer,
                  english.split_glued_byline, english.split_work_translator, intros.split_speaker_label,
                  notes.split_translation_note, photos.split_embed_credit):
        tail = split(sentence)
        if tail is not None:
            return tail[0], tail[1], False, "wire"
    return None


# the label a page sets before a link to another story
_RELATED_LINK = re.compile(r"\s*(?:Read more|Read also|Also read|Related(?: stories| story| articles?| news)?|See also|"
                           r"More on this|Recommended)\s*:", re.IGNORECASE)


def _placed(sentence: str, read: _Reading, text: str, at: int) -> tuple[str, list[Credit], bool]:
    """A reading with what the text before the sentence (`text[:at]`) changes in it."""
    kept, found, note, matters = read
    if matters == "wire" and _bare_name_bracket(sentence, found) \
            and not context.is_english_caption(_since_line(text, at, lambda line: False) + " " + kept):
        return sentence, [], note  # "… the minister's sister (Mara Ellison).": a story's aside, no photo credit
    if matters == "wire" and len(found) == 1 and found[0].name.isupper() and found[0].agent == "person" \
            and (again := photos.split_photo_credit(sentence, above=text[max(0, at - _CAPTION_CHARS):at])):
        kept, found = again  # "Mayor Owen Trask waves …. OWEN TRASK (AFP)": the capitals name who is pictured
    if matters == "wire":
        found = _wire_or_photo(sentence, found, text, at, kept)
    elif matters == "source" and len(found) == 1 and found[0].agent == "organization" \
            and not context.is_korean_caption(_since_line(text, at, lambda line: line.startswith("/")).strip()):
        found[0].role = "writer"  # "/연합뉴스" on a line of its own, under no caption: the copied story's source
    return kept, found, note


def _bare_name_bracket(sentence: str, found: list[Credit]) -> bool:
    """The sentence closes on a person's name alone in brackets ("… in Seoul. (Mara Ellison)"): a photo
    credit only under a caption."""
    return len(found) == 1 and found[0].agent == "person" and found[0].organization is None \
        and sentence.rstrip(" .").endswith(f"({found[0].name})")


def _since_line(text: str, at: int, closes: Callable[[str], bool]) -> str:
    """The text a closing credit line at `at` ends: what follows the last line above it that `closes` too.
    A gallery's captions, each closed by its own "/연합뉴스" or "(Yonhap)", are each judged as one
    caption, not together as a story. Only the last few caption lengths are looked at: a body longer
    than a caption is judged a story whatever its words, so further back changes no verdict, and a
    paragraph of 20,000 such lines is not walked back (nor copied: `text[:at]`) to its start at each one."""
    end = at
    while end > 0:  # the lines from the last one up
        start = text.rfind("\n", 0, end) + 1
        if closes(text[start:end].strip()):
            return text[end + 1:at]
        if at - start > 3 * context.MAX_CAPTION_CHARS:
            return text[start:at]  # longer than any caption, as the whole body is
        end = start - 1
    return text[:at]


def _story_above(text: str, at: int) -> bool:
    """`_after_story(text[:at])`, without copying a text longer than any caption (a gallery of 20,000
    lines each closed by "AFP" copied all the text above each)."""
    start, end = 0, at
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end - start > context.MAX_CAPTION_CHARS:
        return True  # no caption is this long: a story, as _after_story says of it
    return _after_story(text[:at])


def _after_story(body: str) -> bool:
    """The text a closing agency credit follows is a story, not a caption: longer than a caption
    and without a picture's words ("(Pool photo)", "(2nd from R)"), or attributing what it says.
    A caption runs to two or three sentences of background ("… on Thursday. It was the first time …
    since March 2017. Yonhap"): only past a caption's longest is length alone a story."""
    if len(body) > context.MAX_CAPTION_CHARS or (len(body) > _CAPTION_CHARS and _REPORTED.search(body)):
        # (the second: "…, data showed Sunday. … (Yonhap)", a report past a short caption's length)
        return not (context.is_english_caption(body) or context.is_korean_caption(body))
    return context.is_story(body)


# a story's report past a short caption's length: who announced or showed what a caption's background never says
_REPORTED = re.compile(r"\b(?:announced|reported|data showed|figures showed|statistics showed|stated|noted)\b")


def _wire_or_photo(sentence: str, found: list[Credit], text: str, at: int, kept: str = "") -> list[Credit]:
    """"(Yonhap)" closes captions and stories alike: after a story the agency supplied the text,
    so it is the writer (as every studied gold has it; a dateline's agency is the reporter), not a photographer."""
    closing = (f"({found[0].name})", f"[{found[0].name}]") if len(found) == 1 else ()
    if len(found) == 1 and found[0].agent == "organization" \
            and sentence.rstrip(" .").endswith(closing) \
            and _after_story(_since_line(text, at, lambda line: line.rstrip(" .").endswith(closing)) + kept):
        found[0].role = "writer"
    return found


def extract_credits(paragraph: str) -> tuple[str, list[Credit]]:
    """(the paragraph with its credit text removed, possibly "", the credits in chain order): the rule
    readers' answer, then the learned pass (toolkit/credits/learned) adds the credits its model is sure of."""
    rest, credits = rule_credits(paragraph)
    text = paragraph.translate(INVISIBLE)
    if not learned.may_have_cue(text):
        return rest, credits  # the pass would find no cue, so no candidate (learned.has_cue)
    return learned.add_learned(text, rest, credits)


def rule_credits(paragraph: str) -> tuple[str, list[Credit]]:
    """(the paragraph with its credit text removed, possibly "", the credits in chain order).

    A paragraph in which nothing is a credit comes back unchanged (stripped). `order` is
    left 0: the caller numbers the chain across the article.
    """
    rest, credits = _affiliation_under_byline(paragraph, *_rule_credits(paragraph))
    for credit in credits:  # "Photo by Staff Sgt. A": whichever reader took the rank along, the name is A's
        if (name := without_rank(credit.name)) != credit.name:
            credit.name, credit.agent = name, "person"
    return rest, _once(_captures_by_source(credits))


def _captures_by_source(credits: list[Credit]) -> list[Credit]:
    """A screen capture credited as written ("SBS 방송화면 캡처", whichever reader took it) credits its source,
    the broadcaster or platform (SBS); a capture of no one's screen ("휴대전화 캡처") credits nobody."""
    out = []
    for credit in credits:
        source = korean.captured_source(credit.name) if credit.role == "photographer" else None
        if source == "":
            continue
        if source is not None:
            credit.name, credit.organization, credit.agent = source, short_org(source), "organization"
        out.append(credit)
    return out


def _affiliation_under_byline(paragraph: str, rest: str, credits: list[Credit]) -> tuple[str, list[Credit]]:
    """"By JUWON PARK\nAssociated Press" opening a paragraph: an outlet's name alone on the line under a
    person's byline is where the person works (their credit's organization), not a second writer or a
    photo credit. An agency alone in a paragraph of its own stays its credit."""
    above, _, below = paragraph.strip().partition("\n")
    above, line = above.strip(), below.partition("\n")[0].strip()
    org = organization_of(line) if above[:3].lower() == "by " and len(line) <= _MAX_OUTLET_CHARS else None
    if org is None:
        return rest, credits
    people = [c for c in credits if c.agent == "person" and c.name in above]
    lone = [c for c in credits if c.agent == "organization" and c.name == line and c.role != "reporter"]
    if not people or not lone:
        return rest, credits  # (a dateline's "(CNN)" below is the agency reporting: its reporter credit stays)
    for person in people:
        person.organization = person.organization or org
    # "…\nPhoto: Yonhap" below: the outlet credited again by the lines under it (read alone) keeps that credit
    if line.lower() in (under := below.partition("\n")[2]).lower():
        again = {(c.role, c.name) for c in _rule_credits(under)[1]}
        lone = [c for c in lone if (c.role, c.name) not in again]
    return rest, [c for c in credits if not any(c is x for x in lone)]


_MAX_OUTLET_CHARS = 60
# a page's reprint notice closing a line ("저작권자 © 한빛일보 무단전재 및 재배포 금지", "ⓒ 한빛일보 무단 전재-재배포 금지",
# "… - 무단전재 재배포금지>"), perhaps in a bracket of its own; looked for in the paragraph's last characters only
_REPRINT_NOTICE = re.compile(r"(?:[<〈\[]\s*)?(?:저작권자\s*)?(?:(?:[ⓒ©]|\([cC]\))\s*[^<>〈〉\[\]\n]{0,40}?)?"
                             r"무단\s?전재[^<>〈〉\[\]\n]{0,30}?금지\.?\s*[>〉\]]?\s*$")
_NOTICE_REACH = 120


def _rule_credits(paragraph: str) -> tuple[str, list[Credit]]:
    if "금지" in paragraph[-_NOTICE_REACH:] and (notice := _REPRINT_NOTICE.search(paragraph[-_NOTICE_REACH:])):
        # "… /A 기자 ⓒ 한빛일보 무단전재 및 재배포 금지", "… <A기자/ 한빛일보 - 무단전재 재배포금지>": the page's
        # reprint notice after a credit is no credit (nor the copyright holder it names) and no caption text;
        # the credits are read without it, which stays in the body as a notice alone does
        cut = len(paragraph) - _NOTICE_REACH + notice.start() if len(paragraph) > _NOTICE_REACH else notice.start()
        head, words = paragraph[:cut].rstrip(" -–,"), notice.group().strip()
        if words.endswith((">", "〉", "]")) and not words.startswith(("<", "〈", "[")):
            head, words = head + words[-1], words[:-1].rstrip()  # the notice closed the credit's bracket
        rest, credits = _rule_credits(head) if head.strip() else ("", [])
        if credits:
            return f"{rest} {words}".strip(), credits
    paragraph = _unglued_author_note(paragraph)
    text = _unwrap_transcript(_hygiene(paragraph))
    body, tags = korean.split_hashtags(text)
    if tags:  # "… 기자입니다 (영상편집: A) #북한 #VOA뉴스": the credits before the tags, and a reporter's own tag
        rest, credits = rule_credits(body) if body.strip() else ("", [])
        tagged = [(tag, korean.hashtag_credit(tag)) for tag in tags]
        kept = " ".join(tag for tag, credit in tagged if credit is None)
        return f"{rest} {kept}".strip(), _once(credits + [credit for _, credit in tagged if credit is not None])
    if (headline := korean.split_headline_source(text)) is not None:
        return headline  # "…1년 넘은 갈등 / KBS 2021.08.17.": a broadcaster's clip title
    if (listed := english.split_listed_work(text)) is not None:
        return listed  # "Han Seo-yeon\n- The Salt Road (translated by Mara Ellison)"
    above = _lines_above_dateline(text) or _byline_before_lede(text)
    if above is not None:
        return above[0], _once(above[1])
    # "▲ 사진=MBC 방송화면 캡처": the caption's mark over a line that is only its credit (one mark, read once)
    if text[:1] in CAPTION_MARKS and len(text) <= _MAX_BYLINE_LINE and "\n" not in text \
            and text[1:].strip()[:1] not in CAPTION_MARKS and (marked := _rule_credits(text[1:].strip()))[1] \
            and not marked[0]:
        return marked
    rest, credits = _extract(paragraph, text)
    # "Min Ko Naing (Photo: The Irrawaddy)": a one-line caption's photo credit cut, the name left is who is pictured
    pictured = "\n" not in text.strip() and any(c.role == "photographer" for c in credits)
    rest, credits = _widget_lines(rest, credits, alone=not pictured)
    credits = _without_own_stamp(text, credits)
    lone_dateline = _is_lone_wire_dateline(text)  # its agency too: "(철원=연합뉴스)" under a picture
    if _PHOTO_RUBRIC.match(text) or _is_wire_photo(text, credits) or lone_dateline or _photo_address_byline(text):
        # "[포토에세이] … 이정우 선임기자 a@b.example", "[서울=뉴시스] A 기자 = … 2023.03.19. a@b.example":
        # the reporter took the pictures
        for credit in credits:
            if credit.role == "reporter" and (credit.agent == "person" or lone_dateline):
                credit.role = "photographer"
    credits = _agency_closing_story(rest, text, credits)
    if korean.is_rfa_own(text):
        for credit in credits:  # "앵커: 자유아시아방송은 … A 기자가 보도합니다.": the station's own reporter
            if credit.agent == "person" and credit.organization is None and has_syllable(credit.name):
                credit.service, credit.organization, credit.language = "Korean", "RFA", "ko"
    return rest, _once(credits)


# the picture's date a wire prints closing a photo caption, then the photographer's address or the
# wire's name: "… 2023.03.19. a@newsis.example", "… 2016.7.7/뉴스1", "… 2020.04.20 a@newspim.example";
# a wire's written story closes with the address alone. The stamp follows the caption's finished sentence
# (or a bracket): a date inside the last sentence ("시행일은 2025. 1. 1. a@b.example") is the story's
_WIRE_PHOTO_STAMP = re.compile(r"[.!?…)\]」』”\"’'] ?(?:19|20)\d\d\. ?\d{1,2}\. ?\d{1,2}\.?"
                               r"(?: *(?:\S+@\S+|\[email[^\]\n]{0,20}\])| ?/ ?[가-힣A-Za-z0-9]{2,8})?\s*$")
# a photo desk's address closing the caption ("… 참석하고 있다.a@tf.example사진영상기획부 photo@tf.example")
_PHOTO_DESK_MAIL = re.compile(r"(?<![\w.+-])photo[\w.+-]*@[\w.-]+\s*$", re.IGNORECASE)


def _photo_stamped(text: str) -> bool:
    """The text closes on a picture's date stamp or a photo desk's address."""
    tail = text[-80:]
    return bool(_WIRE_PHOTO_STAMP.search(tail) or _PHOTO_DESK_MAIL.search(tail))


def _is_wire_photo(text: str, credits: list[Credit]) -> bool:
    """A Korean wire dateline naming its staff ("[부산=뉴시스] A 기자 =") over a text closed by the picture's
    date stamp is the wire's photo caption: the staff named took the picture. So is a dateline or bracket
    byline over a caption and nothing else ("[한빛일보=A 기자] 8일 오후 … 산책을 즐기고 있다.", photo news;
    context.is_korean_photo_lede), or marked as a picture's caption ("▲ [서울=뉴시스] A 기자 = …"). Not when
    the paragraph credits a photo of its own ("[사진=안동시] 2022.10.03 a@b.example": the staff wrote the caption)."""
    marked = text[:1] in CAPTION_MARKS
    if marked:
        text = text[1:].lstrip()
    if text[:1] not in "([【" or any(c.role == "photographer" for c in credits):
        return False
    stamped = _photo_stamped(text)
    if not (stamped or marked or len(text) <= context.MAX_CAPTION_CHARS):
        return False
    dateline = split_dateline(text)
    if dateline is None or not any(c.agent == "person" and c.role == "reporter" and has_syllable(c.name)
                                   for c in dateline[1]):
        return False
    return stamped or (marked and context.is_korean_caption(dateline[0])) or context.is_korean_photo_lede(dateline[0])


def _photo_address_byline(text: str) -> bool:
    """A short byline line whose one address names photography ("A 기자 foto@…", "A 기자 sajinman@…"):
    a photo desk's staff signing a picture. The address's parts are read, not searched ("epic77@" is no picture).
    Korean only: an English line says the job in words ("Reported by A (photos@…)" is A's report)."""
    if "@" not in text or len(text := text.strip()) > _MAX_BYLINE_LINE or "\n" in text or not has_syllable(text) \
            or len(spans := find_emails(text)) != 1:
        return False
    local = text[spans[0][0]:spans[0][1]].partition("@")[0].lower()
    return any(part.startswith(_PHOTO_ADDRESS_WORDS) for part in re.split(r"[._-]", local))


_MAX_BYLINE_LINE = 80
_PHOTO_ADDRESS_WORDS = ("photo", "foto", "sajin")  # (사진, romanized)


def _is_lone_wire_dateline(text: str) -> bool:
    """A wire dateline with nothing after it ("(파주=뉴스1) A 기자", "(철원=연합뉴스)"): no "=" opening a
    story and no address signing one off, so the line is printed under a picture, the wire's photo credit."""
    text = text.strip()
    if len(text) > _MAX_LONE_DATELINE or not (text[:1] in "([【" and "=" in text[:_MAX_DATELINE_CHARS]) \
            or text.endswith("=") or "@" in text:
        return False
    dateline = split_dateline(text)
    if dateline is None or dateline[0].strip():
        return False
    inside = text[1:_MAX_DATELINE_CHARS].partition(BRACKET_CLOSERS[text[0]])[0]
    return not any(c.agent == "person" and c.name in inside for c in dateline[1])  # "[한빛일보=A 기자]" signs a story


_MAX_DATELINE_CHARS = 30
_MAX_LONE_DATELINE = 40  # "(춘천=연합뉴스) 남궁민수 기자": the bracket, a name and a title


def _agency_closing_story(rest: str, text: str, credits: list[Credit]) -> list[Credit]:
    """"이 때문에 … 나서고 있다. 연합뉴스", "한편 … 맞았다./연합": an agency closing a Korean story's paragraph
    supplied the story, not a picture: its reporter (as "<매체>" closing a story is). A photo pool or desk
    ("/사진공동취재단") supplied a picture whatever it closes."""
    tail = text.rstrip(" .)]>")[-20:]  # (also "… 전망이다. (연합)")
    if sum(c.role == "photographer" and c.agent == "organization" and c.name in tail for c in credits) > 1:
        return credits  # "…/조선중앙통신·연합뉴스", "… AFP연합뉴스": a chain hands on a picture; a story's is its dateline
    for credit in credits:
        # ("… 밝혔다. ⓒ 오마이뉴스": a copyright mark claims a picture, whatever the caption says)
        if credit.role == "photographer" and credit.agent == "organization" and tail.endswith(credit.name) \
                and not tail[:-len(credit.name)].rstrip().endswith(("ⓒ", "©")) and has_syllable(credit.name) \
                and "사진" not in credit.name and context.is_korean_story(rest):
            credit.role = "reporter"
    return credits


def reads_as_photo_news(paragraph: str) -> bool:
    """A dateline or bracket byline over a scene that only its words make photo news
    (context.is_korean_photo_lede): no picture's stamp, no caption mark. A story's lede may be written
    as such a scene ("8일 오후 국회에서 … 협상을 이어가고 있다."); the article tells them apart, as photo
    news is a caption and nothing after it."""
    text = paragraph.strip()
    if text[:1] not in "([【" or _photo_stamped(text):
        return False
    dateline = split_dateline(text)
    return dateline is not None and context.is_korean_photo_lede(dateline[0])


def _without_own_stamp(text: str, credits: list[Credit]) -> list[Credit]:
    """"(대전=뉴스1) 주기철 기자 = … 2016.7.7/뉴스1": the wire's date stamp under its own dateline
    story is the wire's, already credited through its reporter, not a second photo credit."""
    staff = {c.organization for c in credits if c.agent == "person" and c.organization}
    return [c for c in credits if not (c.agent == "organization" and c.role == "photographer" and c.organization in staff
                                       and re.search(rf"\d/{re.escape(c.name)}\W*$", text))]


# a photo rubric opening the piece ("[포토]", "[포토에세이]", "[포토뉴스]"): its signed reporter is the photographer
_PHOTO_RUBRIC = re.compile(r"\s*[\[【<〈]\s*포토[가-힣]{0,4}\s*[\]】>〉]")


def _once(credits: list[Credit]) -> list[Credit]:
    """One credit per role and name in a paragraph: a review listing two books by one translator,
    or an agency line printed twice under a caption, credits that person once."""
    seen: set[tuple[str, str]] = set()
    out = []
    for credit in credits:
        if (credit.role, credit.name) not in seen:
            seen.add((credit.role, credit.name))
            out.append(credit)
    return out


_SPEAKER_LABEL_CHARS = 12


def _unwrap_transcript(text: str) -> str:
    """"<앵커: … 김하늘 기자!>": a transcript wraps a speaker's turn in angle brackets; read inside them."""
    if len(text) > 2 and text[0] in "<〈" and text[-1] in ">〉" and ":" in text[1:_SPEAKER_LABEL_CHARS] \
            and not any(ch in text[1:-1] for ch in "<>〈〉"):
        return text[1:-1].strip()
    return text


_SIGNATURE_DASHES = ("— ", "—", "-- ", "– ")
_QUOTE_REACH = 40  # how far back a signature looks for the quotation it would be the source of (no copy of the text)
_BULLET = re.compile(r"^\s*[•◦▪]\s*")


def _widget_lines(rest: str, credits: list[Credit], alone: bool = True) -> tuple[str, list[Credit]]:
    """Lines that no reader took and that are wholly a short credit line ("A | B February 16, 2021",
    "김혜정 입력 09.26.2017"): read by what their pieces are (widgets.py), taken out whole. A line of
    bare names may lean on a date, read-time or address line right below or above it (blank lines
    between them are a widget's layout), or stand in a column of names on a publication stamp; that
    line goes too, and so does a read-time line ("·6 min read") of a paragraph that has credits."""
    lines = rest.split("\n")
    # an untouched paragraph comes back as written; a list's bullet opens no piece ("• A\n• 승인 2018.04.20 13:26")
    readable = [_BULLET.sub("", line.replace(*PROTECTED_EMAIL)) for line in lines]
    kind_of = {line: evidence_kind(line) for line in set(readable)}  # a paragraph repeating its lines judges each once
    kinds = [kind_of[line] for line in readable]
    column = name_column(readable, kinds)
    unread: set[tuple[str, frozenset[str]]] = set()
    taken: set[int] = set()
    cut: set[int] = set()
    found: list[Credit] = []
    above, below = _nearest_filled(readable)
    for k, line in enumerate(readable):
        near = [j for j in (above[k], below[k]) if j is not None and kinds[j]]
        backing = {kinds[j] for j in near}
        if len(lines) == 1 and alone:
            backing.add("alone")  # the paragraph is this one line (not what a caption's credit left of its line)
        if k in column:
            backing.add("column")  # a bare name in a column of names standing on a publication stamp
            near.append(column[k])
        if _listing_item(readable, kinds, above[k], below[k]):
            backing.add("headed")  # "Headline\nA\nMarch 3, 2024": a listing's item, the name between its title and date
        if k == len(lines) - 1 and k > 0 and line.startswith(_SIGNATURE_DASHES) \
                and not lines[k - 1].rstrip().endswith(CLOSING_QUOTES):
            backing.add("signed")  # "…\n— Mara Ellison": a signature closing the text (not a quote's source)
        key = (line, frozenset(backing))
        read = None if key in unread else parse_widget_line(line, backing)
        if read is None and (glued := _glued_widget(line)) is not None:
            lines[k], read = glued  # the headline stays, its widget goes
            found += read
            cut.add(k)
        elif read is None:
            unread.add(key)
        else:
            found += read
            taken.add(k)
            taken.update(near)
    if credits or found:
        taken.update(k for k, kind in enumerate(kinds) if kind == "read")
    if not taken and not cut:
        return rest, credits
    return "\n".join(line for k, line in enumerate(lines) if k not in taken).strip(), credits + found


# a byline widget's date stamp ("2021-07-26", "2022.08.03"): the sign that a headline ran into the widget under it
_WIDGET_DATE = re.compile(r"(?<![\d.-])(?:19|20)\d\d([-.])\d{1,2}\1\d{1,2}(?![\d-])")
_WORD_START = re.compile(r"(?<= )\S")
_GLUED_WIDGET_CHARS = 120  # how far before the line's end a widget may start
_WIDGET_TITLES = ("기자", "특파원", "에디터", "위원", "작가")  # the job titles a glued widget was seen with, and kin
_GLUED_STAMP_WORD = re.compile(r"(\d:\d\d)(?=업데이트|수정|입력|승인|등록)")
_SENTENCE_END = re.compile(r"[.!?][\"”’']?$")  # a headline closes on no stop ("… 손본다”"), a story's sentence does
_LINK_MARKS = ("▶", "▷", "►", "☞")  # "▶ 헤드라인 2023-05-02 A 기자": a link to another story, with that story's widget


def _glued_widget(line: str) -> tuple[str, list[Credit]] | None:
    """"장마 끝나자 … 잇따라 2021-07-26 윤서준 기자": a headline and the byline widget under it, run into one
    line by a copy: (the headline, the widget's credits). The widget is the longest tail of the line that
    reads whole as a widget line (parse_widget_line), holds its date stamp and names no one the shortest
    such tail does not; what is before it is a headline, not a sentence ("…기자가 맡아 진행했다." reads as no widget; "…알렸다. 2021-07-26 A 기자" ends a story)."""
    start = max(0, len(line) - _GLUED_WIDGET_CHARS)
    if not any(title in line for title in _WIDGET_TITLES) or line.startswith(_LINK_MARKS):
        return None  # (most lines: one scan each for the titles a widget's byline carries)
    date = _WIDGET_DATE.search(line, start)
    if date is None or not has_syllable(line[date.end():]):
        return None  # (a stamp after the name reads alone as the widget's too: "A 에디터 입력 2022.08.03")
    readings: list[tuple[str, list[Credit]]] = []  # longest tail first
    for cut in _WORD_START.finditer(line, start, date.start() + 1):
        head = line[:cut.start()].strip()
        if not head or _SENTENCE_END.search(head):
            continue
        tail = _GLUED_STAMP_WORD.sub(r"\1 ", line[cut.start():])  # "… 11:14업데이트 …": two stamps run together
        if any(korean.title_role(w) for w in tail.split()) and (read := parse_widget_line(tail)) is not None:
            readings.append((head, read))  # (a titled name: "… 접수 마감 2024.6.30 / 서울시" ends a story on a source)
    if not readings:
        return None
    # the longest tail that names no one the shortest does not: a headline's last word before the stamp
    # may have a name's shape ("… 집값 하락 2023-05-02 A 기자": 하 is a surname), an outlet's name adds no one
    names = [c.name for c in readings[-1][1]]
    return next(r for r in readings if [c.name for c in r[1]] == names)


def _listing_item(lines: list[str], kinds: list[str | None], above: int | None, below: int | None) -> bool:
    """A line between a headline (no evidence, no closing full stop: a title, not a story's sentence) and a
    date or publication stamp, as a listing page prints each item."""
    return above is not None and below is not None and kinds[above] is None and kinds[below] in _ITEM_DATES \
        and not lines[above].rstrip().endswith((".", ":", ";", ",")) and len(lines[above].split()) >= _HEADLINE_WORDS


_ITEM_DATES = {"date", "stamp", "posted"}
_HEADLINE_WORDS = 4  # shorter, the line above may be another name of a column ("A\nB\nUpdated: …"), no headline


def _nearest_filled(lines: list[str]) -> tuple[list[int | None], list[int | None]]:
    """For each line, the nearest line above and below it that is not blank: a widget's layout puts
    blank lines between the name and its date ("John Yoon\n\nReporting from Seoul"). Both lists in
    one pass each way, so a paragraph of many blank lines is not walked again from every line."""
    above: list[int | None] = []
    last: int | None = None
    for k, line in enumerate(lines):
        above.append(last)
        if line.strip():
            last = k
    below: list[int | None] = [None] * len(lines)
    last = None
    for k in range(len(lines) - 1, -1, -1):
        below[k] = last
        if lines[k].strip():
            last = k
    return above, below


def _extract(paragraph: str, text: str) -> tuple[str, list[Credit]]:
    """extract_credits on the cleaned `text`, the lines above a dateline already dealt with."""
    credits: list[Credit] = []
    changed = False
    dateline = split_dateline(text)
    if dateline is not None:
        text, credits = dateline[0], list(dateline[1])
        changed = True
    spans = sentence_spans(text)
    pieces: list[tuple[int, int, str | None]] = []  # (start, end, replacement or None: as written)
    org_context: str | None = None
    after_note = False
    mentions: set[int] = set()
    readings: list[tuple[int, str, bool, str, list[Credit]]] = []  # (start, sentence, alone, kept, credits)
    for i, (a, b) in enumerate(spans):
        sentence = text[a:b].strip()
        alone = (a == 0 or text[a - 1] == "\n") and (b == len(text) or text[a:b].endswith("\n"))
        closing_by = b == len(text) and sentence.startswith("(by ") and sentence.endswith(")")  # "…. (by A, tr. B)"
        single = alone or closing_by or _heads_translation(sentence, text, spans, i)
        alone_read = _read_kept(sentence, org_context, single, after_note)  # (where it stands: _placed)
        read = None if alone_read is None else _placed(sentence, (alone_read[0], [replace(c) for c in alone_read[1]],
                                                                  alone_read[2], alone_read[3]), text, a)
        line_end = b == len(text) or text[a:b].endswith("\n")  # "… on March 28. Yonhap\nFarmers expect …"
        if read is None and b == len(text) and (a == 0 or text[a - 1] == "\n"
                                                or (len(sentence) <= _MAX_DESK_CHARS and _after_full_stop(text, a))) \
                and (desk := korean.parse_desk_line(sentence)):
            read = ("", desk, False)  # "… 물놀이를 하고 있다.\n\n온라인뉴스팀", "…고 전했다. 취재팀"
        elif read is None and b == len(text) and a > 0 and (signed := korean.teaser_signature(text[max(0, a - 20):a], sentence)):
            read = ("", signed, False)  # a listing's cut lede signed "... [이소연]"
        elif read is None and b == len(text) and a > 0 and (signed := korean.closing_lone_byline(text[max(0, a - 20):a], sentence)):
            read = ("", signed, False)  # "… 늘리기로 했다. [이소연 기자]"
        elif read is None and b == len(text) and a > 0 and (signed := parse_dash_signature(sentence)) \
                and not text[max(0, a - _QUOTE_REACH):a].rstrip().endswith(CLOSING_QUOTES):
            read = ("", signed, False)  # "… the question of translation. — Christopher Green, Co-editor"
        elif read is None and line_end and a > 0 and not _story_above(text, a) \
                and not text[max(0, a - _QUOTE_REACH):a].rstrip().endswith(CLOSING_QUOTES) \
                and (signed := photos.parse_caps_signature(sentence)):
            read = ("", signed, False)  # "… is illegal. —MARA L. ELLISON": the caption's photographer
        elif read is None and b == len(text) and a > 0 and (named := _named_under_caption(text, a, sentence)):
            read = ("", [Credit("photographer", named)], False)  # "… from Kampot. Mara Ellison", "… 있다. 속초/최 훈"
        elif read is None and line_end and a > 0 and (pictures := photos.parse_picture_agency_tail(sentence)):
            read = ("", pictures, False)  # "… on June 25, 2026. — PPI Images"
        elif read is None and line_end and a > 0 and (tail := photos.parse_agency_tail(sentence)):
            if _story_above(text, a):
                tail[0].role = "writer"  # "… said on Monday. AFP": after a story the agency wrote it
            read = ("", tail, False)
        elif read is None and b == len(text) and len(text) <= _CAPTION_CHARS \
                and (a > 0 or korean.is_credit_mark(sentence) or photos.is_agency_copyright(sentence)) \
                and (tail := korean.parse_copyright_tail(sentence) or photos.parse_copyright_sentence(sentence)):
            # "ⓒ 배성민" alone under a picture, as a page prints its photo's credit line
            # the holder after a caption, not under a story: "… 청사건물. ©브레이크뉴스",
            # "Ships leave port. © Tomas Weller"; after a story the holder wrote it ("…, according to officials. © Kyodo")
            if context.is_story(text[:a]):
                tail[0].role = "writer"
            read = ("", tail, False)
        if read is None:
            pieces.append((a, b, None))
            after_note = False
            continue
        kept, found, after_note = read
        readings.append((a, sentence, alone, kept, found))
        if kept == sentence:  # named in prose that stays ("… in this photo taken by Kyodo"): a mention
            mentions.update(id(c) for c in found)
        changed = True
        for credit in found:
            if credit.organization and credit.service:
                org_context = credit.organization
        credits += found
        if kept:
            pieces.append((a, b, kept))
    # a closing e-mail sign-off with its time stamps ("2021.01.03. dahora83@newsis.com"): trailing
    # sentences of stamps and e-mail blocks, removed together when one carries an address
    k, signed = len(pieces), False
    while k and pieces[k - 1][2] is None:
        closing = text[pieces[k - 1][0]:pieces[k - 1][1]]
        if korean.is_signed_block(closing):
            signed = True
            credits += parse_widget_line(closing) or []  # "A / Managing Editor / a@b.example"
        elif not korean.is_stamp_line(closing):
            break
        k -= 1
    if signed:
        pieces, changed = pieces[:k], True
    if not changed:
        return paragraph.strip(), []
    _recast_under_caption(text, pieces, readings)
    # a mention in prose adds nobody the paragraph's credit lines already name ("… in this photo taken
    # by Kyodo …. Kyodo/via REUTERS" is one credit)
    printed = {(c.role, c.name) for c in credits if id(c) not in mentions}
    shot = any(role == "photographer" for role, _ in printed)  # "In this image released by Fox, … (Fox via AP/A B)":
    credits = [c for c in credits if id(c) not in mentions  # the printed photo credit names whose picture it is
               or (c.role, c.name) not in printed and not (shot and c.role == "photographer")]
    return _join(text, pieces), credits


# a letter's or a column's voice: a name closing it signs it, it took no picture
_FIRST_PERSON = re.compile(r"\b(?:I|me|we|We|us|you|You|my|My|our|Our)\b")


_MAX_DESK_CHARS = 20  # "온라인이슈팀", "MBN 뉴스센터": a desk closing a story's line is a few words


def _after_full_stop(text: str, at: int) -> bool:
    """A Korean sentence ends right before `at` ("…고 전했다. 취재팀"): what follows it on the line is no part of it."""
    return text[max(0, at - 4):at].rstrip().endswith(("다.", "요."))


def _named_under_caption(text: str, at: int, sentence: str) -> str | None:
    """A caption closed by its photographer's name alone, no label ("A bowl of crab soup, a delicacy
    from Kampot. Mara Ellison"): the name (strict test) is the last sentence, after a full stop, under
    a caption's length of text that neither attributes (a story) nor speaks in the first person (a
    letter's signature), nor ends on a quotation (whose source the name would be), nor names the person
    already ("A (left) and B talk … B": the name labels one who is pictured, it does not credit B).
    A Korean name ("… 웃고 있다. 최유진", "… 있다. 속초/최 훈") needs instead a text that reads as a Korean
    caption. Returns the name credited, or None."""
    if len(text) > _CAPTION_CHARS or text[at - 1:at] not in (" ", "\n"):
        return None  # (checked first: a long text is never copied here)
    before, name = text[:at].rstrip(), sentence.strip()
    korean_name = name if korean.is_caption_name(name) else korean.placed_caption_name(name)
    if korean_name:  # a Korean caption's, read as Korean captions are
        return korean_name if before.endswith(".") and context.is_korean_caption(before) \
            and korean_name.replace(" ", "") not in before else None
    return name if before.endswith(".") and is_byline_name(name) and not context.is_story(before) \
        and not _FIRST_PERSON.search(before) and name not in before else None


def _heads_translation(sentence: str, text: str, spans: list[tuple[int, int]], i: int) -> bool:
    """"The Guest. By A. Translated by B.": a "By" sentence right before a translator's sentence is
    a work's byline (a bibliography's entry, a translated poem's header), even inside a paragraph; so is one
    before a wire's "With files from B" (a Canadian paper's byline and its wire material on one line)."""
    if not sentence.startswith("By ") or i + 1 >= len(spans):
        return False
    return text[spans[i + 1][0]:spans[i + 1][1]].lstrip().startswith(("Translated by ", "Translated from ", "With files from "))


_KO_BYLINE_TITLE = re.compile("기자|특파원|통신원")  # "김하늘 기자", "/워싱턴=김은중 특파원" under a caption took the picture
_CREDIT_SLOT = re.compile(r"\b[A-Z][A-Za-z]+ ?/ ?[A-Z][^\s/]*(?:[ /][^\s/]+)*$")
_SLOT_CHARS = 120


def _recast_under_caption(text: str, pieces: list[tuple[int, int, str | None]],
                          read: list[tuple[int, str, bool, str, list[Credit]]]) -> None:
    """A byline closing a photo caption names the photographer: "… 연을 날리고 있다.\n김하늘 기자",
    "… at dawn on Nov. 3.\nby Mara Ellison" (context.py). Only a closing credit (no body text
    after it) of a plain byline (a reporter title, or "by" and a name alone on its line) is recast,
    and only under a caption that has no photo credit yet."""
    last_body = max((a for a, _, kept in pieces if kept != ""), default=-1)
    closing = [(a, sentence, alone, found[0]) for a, sentence, alone, _, found in read
               if a >= last_body and len(found) == 1 and found[0].role in ("reporter", "writer")]
    if not closing:
        return
    # every closing credit follows all the body there is: one body, judged once (linear in the paragraph)
    body = _join(text, pieces)
    if _CREDIT_SLOT.search(body[-_SLOT_CHARS:]):
        return  # "… May 16, 2013. REUTERS/Mara Ellison/Pool": a photo credit the readers left, a story byline after it
    korean_caption, english_caption = context.is_korean_caption(body), context.is_english_caption(body)
    pictured = min((a for a, _, _, _, found in read if any(c.role == "photographer" for c in found)), default=len(text))
    for a, sentence, alone, credit in closing:
        if pictured < a:
            return  # a caption that has its photo credit ("… REUTERS/Tomas Weller\nBy A"): A wrote the story
        if credit.role == "reporter" and korean_caption and has_syllable(credit.name) and _KO_BYLINE_TITLE.search(sentence) \
                and not sentence.startswith("[") and not sentence.rstrip(".!").endswith("니다"):  # not "A 기자가 소개하겠습니다"
            credit.role = "photographer"
        elif credit.role == "writer" and english_caption and alone and sentence[:3].lower() == "by ":
            credit.role = "photographer"


def _lines_above_dateline(text: str) -> tuple[str, list[Credit]] | None:
    """A wire dateline opening a line inside the paragraph, under a block of credits, starts the
    story: "By A and B\nWASHINGTON (Reuters) – lead", a caption with its photo credit and a byline ("… REUTERS/Tomas
    Weller\n\nBy Mara Ellison\n\nMOKPO (Reuters) – lead"). The lines above are read as a paragraph
    of their own, the dateline line and what follows as another. Each line is tested once (the
    dateline readers are anchored and bounded); the two blocks are read once, no recursion."""
    lines = text.split("\n")
    for k in range(1, len(lines)):
        if split_dateline(lines[k]) is None:
            continue
        above_text = "\n".join(lines[:k])
        above, credits = _extract(above_text, above_text)
        if not credits:
            return None  # "By 2030\nINCHEON (Reuters) - …": no credit block above, no story start trusted
        below = "\n".join(lines[k:])
        rest, found = _extract(below, below)
        return "\n".join(part for part in (above, rest) if part), credits + found
    return None


# "By A (汉字), translated by B (1/7/2019) Last week, …": a byline closed by its date in brackets, the
# lede glued on after it (a blog's excerpt of a translated post)
_DATED_BYLINE = re.compile(r"(?:By|Translated) [^\n]{3,160}? \(\d{1,2}/\d{1,2}/(?:\d{2}|\d{4})\)(?= [A-Z“\"‘])")


def _byline_before_lede(text: str) -> tuple[str, list[Credit]] | None:
    """The byline up to its bracketed date, read as a paragraph of its own; only when all of it is
    credits does the lede after it stay as the paragraph's text. The byline may open the paragraph
    or the line under its headline ("Headline\nBy A & B A TAXPAYER-FUNDED scheme …")."""
    m = _DATED_BYLINE.match(text)
    span = (m.end(), m.end()) if m else _labelled_byline_end(text)
    top = 0
    if span is None and 0 < (top := text.find("\n") + 1) <= _MAX_HEADLINE_CHARS:
        span = _labelled_byline_end(text[top:])
        span = None if span is None else (top + span[0], top + span[1])
    if span is None:
        return None
    end, lede = span
    head, credits = _extract(text[top:end], text[top:end])
    if head or not credits:
        return None
    rest, found = _extract(text[lede:], text[lede:].strip())
    return "\n".join(part for part in (text[:top].strip(), rest) if part), credits + found


_MAX_HEADLINE_CHARS = 200  # a headline line above a glued byline; longer is a paragraph of story


# "Written and photographed by Lea Moreau What is the first thing …", "Photos by A The officer …", "Translated
# by B He draws …": a feature's byline (its words, pictures or translation; a bare "By") run into the lede.
# Not "Reported by": a wire's chain ("Reported by A for …") opens that way, and no lede follows it glued.
_GLUED_ROLES = sorted({*BYLINE_LABEL_WORDS} | {w.capitalize() for w, role in ROLE_WORDS.items()
                                               if role in ("photographer", "translator")}, key=len, reverse=True)
_LABELLED_BYLINE = re.compile(rf"(?:(?:{'|'.join(_GLUED_ROLES)})(?: and (?:photographed|photos|photographs|pictures))? by"
                              r"|By) ")
# a student writer's class year after the name: "By A B ’19 After thirty years …"
_CLASS_YEAR = re.compile(r"[’'‘]\d\d,?")
_MAX_GLUED_NAME_WORDS = 3
_MAX_GLUED_NAMES = 3  # "By A, B & C THE lede …"
# words that open a lede's first sentence (a name's next word is never one): where the byline stops
_LEDE_OPENERS = {"The", "A", "An", "What", "When", "Where", "Why", "How", "Who", "In", "On", "At", "As", "After",
                 "Before", "For", "From", "It", "This", "These", "Those", "There", "Many", "Most", "Some", "If",
                 "Last", "Every", "I", "We", "Our", "My", "Since", "While", "Although", "Despite", "During",
                 "With", "Back", "Over", "Across", "Nearly", "Almost", "More", "Once", "Two", "Three", "Today",
                 "He", "She", "They", "You", "His", "Her", "Their"}
_LIST_JOINS = {"&", "and"}


def _opens_lede(word: str, after: list[str]) -> bool:
    """A lede's first word: an opener ("The", "In"), a word in capitals ("THE government …", "NEARLY a
    month after …"), as newspapers set a story's first words, or a capitalised common word before three
    lower-case ones ("Rain fell all night …": a sentence starts; "Sok Ry Sum and Vuthy Tha" is a list)."""
    letters = word.strip("“\"‘'-,")
    return word in _LEDE_OPENERS or (len(letters) > 1 and letters.isupper() and letters.replace("-", "").isalpha()) \
        or (word.isalpha() and word[:1].isupper() and len(after) == _LEDE_LOWER_WORDS
            and all(w[:1].islower() for w in after) and is_common_word(word))


_LEDE_LOWER_WORDS = 3


def _capitals(name: list[str]) -> bool:
    """A name with a word in capitals ("SMITH") or ending on a bare letter ("Lea Moreau A"): a capitals
    lede's first words may have been taken in, so where the name ends cannot be told."""
    return any(len(w.strip(".")) > 1 and w.isupper() for w in name) or len(name[-1]) == 1


def _labelled_byline_end(text: str) -> tuple[int, int] | None:
    """(where the names of a byline glued to its lede end, where the lede starts): one to three names
    of two or three words each, joined by "&", "and" or commas ("By A & B"), each a byline name,
    perhaps a class year ("’19", dropped), then a word that opens a lede ("The", "What", a word in
    capitals …). The longest name that fits is tried first."""
    m = _LABELLED_BYLINE.match(text)
    if m is None:
        return None
    words = text[m.end():m.end() + 300].split(" ")
    at = 0
    for _ in range(_MAX_GLUED_NAMES):
        for n in range(_MAX_GLUED_NAME_WORDS, 1, -1):
            name = [w.rstrip(",") for w in words[at:at + n]]
            if len(words) <= at + n + 3 or not is_byline_name(" ".join(name)) or _capitals(name) \
                    or any(w.endswith(",") for w in words[at:at + n - 1]):
                continue
            if words[at + n - 1].endswith(",") or words[at + n] in _LIST_JOINS:
                at += n + (words[at + n] in _LIST_JOINS)  # another name follows
                break
            year = bool(_CLASS_YEAR.fullmatch(words[at + n]))
            start = at + n + year
            if len(words) > start + 3 and _opens_lede(words[start], words[start + 1:start + 1 + _LEDE_LOWER_WORDS]):
                return m.end() + len(" ".join(words[:at + n])), m.end() + len(" ".join(words[:start]))
        else:
            return None
    return None


def _join(text: str, pieces: list[tuple[int, int, str | None]]) -> str:
    """The kept sentences as written (adjacent spans join exactly as they stood), one space elsewhere;
    a line whose credit tail was cut ("Jae Moon © Tomas Weller\n…") keeps its line break, so that
    it never runs on into the next line (which a widget reader could take as one line with it).
    The parts are joined once at the end: 40,000 kept sentences are not copied whole at each."""
    out: list[str] = []
    written = False  # whether the text so far holds a character
    previous_end, cut_line_end = -1, -1
    for a, b, replacement in pieces:
        piece = text[a:b] if replacement is None else replacement
        if written and previous_end != a:
            while out and not out[-1].rstrip():  # what `rstrip` of the text so far would drop
                out.pop()
            if out:
                out[-1] = out[-1].rstrip()
            out.append("\n" if cut_line_end == a else " ")
            piece = piece.lstrip()
        out.append(piece)
        written = written or bool(piece)
        previous_end = b if replacement is None else -1
        cut_line_end = b if replacement is not None and text[a:b].endswith("\n") else -1
    return "".join(out).strip()
