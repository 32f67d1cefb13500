"""The only words the learned credit model may see: the project's own credit vocabulary.

A feature of the model is a word from these lists or a shape class (features.py), never a word of
a page: a name, an outlet no list knows, a headline word are all just "Cap", "low", "hangul3".
So the shipped weights carry no text of the pages they were fitted on (tests check it).
"""

from __future__ import annotations

from toolkit.credits.agents import NOT_NAME_WORDS, ORG_WORDS, PARTICLES
from toolkit.credits.text import MONTHS
from toolkit.credits.vocabulary import (
    CONTRIBUTION_WORDS, EN_GIVEN_NAMES_THAT_ARE_WORDS, EN_JOB_WORDS, KO_LABELS, KO_SUBJECT_POSITIONS, KO_TITLES,
    LABEL_NOUNS, LANGUAGE_NAMES, ORGANIZATIONS, PHOTO_AGENCIES, ROLE_WORDS,
)

# Function words of credit lines and prose, written for this model ("By A with B", "A in Seoul",
# "photo courtesy of", "according to", "said"): prose words tell a story's name from a byline's.
FUNCTION_WORDS = frozenset("""
a an the of to in on at for from with by as and or but not no is are was were be been has have had
do does did will would can could should may might must that this these those which who whom whose
what when where why how it its he she they them their his her we our you your i said says told
there than then also after before about into over under between during while if so via courtesy
according reports reported writes wrote special staff more read all rights reserved copyright
updated published posted last min minutes hours ago follow share email e-mail contact twitter
header cover featured top lead main
""".split())

WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
TITLES = frozenset({"dr", "dr.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "prof", "prof.", "rev", "sir"})

# Korean words around a credit: labels, titles after a name, sign-off endings, particles
KO_ENDINGS = ("입니다", "인턴기자", "객원기자", "수습기자", "기자입니다", "기자가", "기자는", "기자의", "씨는", "씨가", "씨")
KO_PARTICLES = frozenset("이 가 은 는 을 를 의 에 와 과 도 로 으로 에서 에게 께서 이다 라고".split())
KO_WORDS = frozenset(KO_LABELS) | frozenset(KO_TITLES) | KO_SUBJECT_POSITIONS | frozenset(
    "보도합니다 전합니다 전해왔습니다 입니다 기잡니다 특파원입니다 앵커 기자 특파원 제공 출처 사진 촬영 연합뉴스 뉴스 서울 평양 워싱턴".split())
# what a Korean credit line holds somewhere: a title or a sign-off (labels come with ":" or "=", cues of their own)
KO_CUES = tuple(sorted({*KO_TITLES, "보도합니다", "전합니다", "전해왔습니다", "기잡니다", "〓"}))
# endings glued to a Korean name ("정용균기자", "홍길동입니다"): longest first
KO_GLUED_ENDINGS = tuple(sorted({*KO_TITLES, *KO_ENDINGS}, key=lambda e: (-len(e), e)))

ROLE_OF = {**{w: r for w, r in ROLE_WORDS.items()}, **{w: r for w, r in LABEL_NOUNS.items() if " " not in w}}
ORGANIZATION_WORDS = frozenset(k for k in ORGANIZATIONS if " " not in k) | frozenset(
    k for k in PHOTO_AGENCIES if " " not in k)
ORGANIZATION_NAMES = frozenset(ORGANIZATIONS) | PHOTO_AGENCIES

# Every word a feature may name (lower-cased)
FEATURE_WORDS = frozenset(
    FUNCTION_WORDS | MONTHS | WEEKDAYS | TITLES | frozenset(ROLE_OF) | CONTRIBUTION_WORDS | EN_JOB_WORDS
    | ORGANIZATION_WORDS | LANGUAGE_NAMES | frozenset(ORG_WORDS) | frozenset(NOT_NAME_WORDS) | frozenset(PARTICLES)
    | KO_WORDS | KO_PARTICLES | frozenset(KO_ENDINGS)
)
# Words that end a run of capitalised words: a name never holds them ("By", "Photo", "With", "November")
CUT_WORDS = frozenset(FUNCTION_WORDS | MONTHS | WEEKDAYS | frozenset(ROLE_OF) | CONTRIBUTION_WORDS)
GIVEN_WORDS = frozenset(EN_GIVEN_NAMES_THAT_ARE_WORDS)

# Nouns of a work that is not the page: "a novel by A", "the play, written by B", "소설 … 옮긴 C".
# A name in the same sentence as one made or translated that work, not this page ("article", "story"
# and "report" stay out: "This article was translated by A" is the page's own note). Read by features.py
# as a shape ("work=before"), never as the word, so no page's word enters the model.
WORK_NOUNS = frozenset("""
novel novels novella book books memoir memoirs diary diaries poem poems poetry collection anthology
essay essays play plays comedy tragedy drama musical opera film films movie movies documentary
album albums song songs series sitcom exhibition painting paintings biography autobiography
edition translation translations screenplay script libretto manga comic comics
""".split())
KO_WORK_NOUNS = frozenset("소설 장편 단편 시집 책 저서 회고록 수필 에세이 영화 연극 드라마 다큐멘터리 앨범 작품 번역서 원작 희곡 "
                          "뮤지컬".split())  # a token is one of them, bare or with its particle ("소설을")
