"""Korean personal and place names: Hangul <-> romanized spellings, with a match score.

Why: an English credit says "Kim Joon-Ho", the Korean byline says "김준호"; the aligner
needs "평양" to anchor on "Pyongyang". Romanization of Korean names is not one system
but several (Revised Romanization, McCune-Reischauer, passport and newspaper habits), so
each syllable is expanded from jamo tables into the set of spellings people actually use,
and a romanized name is scored against a Hangul one by a small dynamic programme over
syllables, tolerant to hyphens, spacing, capitalisation and given-name order.

Data: toolkit/data/korean_surnames.tsv (surname spellings), toolkit/data/name_syllables.tsv
(newspaper spellings of given-name syllables); toolkit/data/transliterations.tsv (foreign and
place names, written by the lexicon helper) is read lazily when present.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from itertools import product

from toolkit.datafiles import DATA_DIR, read_pairs
from toolkit.hangul import decompose, is_syllable, is_syllable_word

TRANSLITERATIONS = DATA_DIR / "transliterations.tsv"

# --- jamo tables: index order of Unicode Hangul syllable composition -----------------------
# Initial consonants: ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ
_INITIAL_RR = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"]
_INITIAL_VARIANTS = [
    ["g", "k", "gh"], ["kk", "gg", "k", "g"], ["n"], ["d", "t"], ["tt", "dd", "t", "d"],
    ["r", "l", "n", ""], ["m"], ["b", "p"], ["pp", "bb", "p", "b"], ["s", "sh"], ["ss", "s"],
    [""], ["j", "ch", "z"], ["jj", "tch", "ch", "j"], ["ch", "chh", "c"], ["k", "kh"], ["t", "th"],
    ["p", "ph"], ["h"],
]
# Medial vowels: ㅏ ㅐ ㅑ ㅒ ㅓ ㅔ ㅕ ㅖ ㅗ ㅘ ㅙ ㅚ ㅛ ㅜ ㅝ ㅞ ㅟ ㅠ ㅡ ㅢ ㅣ
_MEDIAL_RR = ["a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu", "eu", "ui", "i"]
_MEDIAL_MR = ["a", "ae", "ya", "yae", "o", "e", "yo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu", "u", "ui", "i"]
_MEDIAL_VARIANTS = [
    ["a", "ah"], ["ae", "ai", "e", "ay"], ["ya"], ["yae", "yai", "ye"],
    ["eo", "o", "u", "uh", "eu", "oh"], ["e", "ae", "eh"], ["yeo", "yo", "yu", "you", "ye", "yeu", "yoe"],
    ["ye", "yeh", "ae", "e"], ["o", "oh", "oo"], ["wa", "oa"], ["wae", "wai", "we"],
    ["oe", "oi", "we", "wi", "oy", "e"], ["yo", "yoh", "io"], ["u", "oo", "ou", "uu"],
    ["wo", "weo", "wu", "uo", "wuh"], ["we", "wae"], ["wi", "wee", "ui", "ee"],
    ["yu", "yoo", "you", "yeu", "iu"], ["eu", "u", "ue", "ui", "e"],
    ["ui", "eui", "i", "ee", "ey", "e"], ["i", "ee", "e", "y", "ie"],
]
# Final consonants: (none) ㄱ ㄲ ㄳ ㄴ ㄵ ㄶ ㄷ ㄹ ㄺ ㄻ ㄼ ㄽ ㄾ ㄿ ㅀ ㅁ ㅂ ㅄ ㅅ ㅆ ㅇ ㅈ ㅊ ㅋ ㅌ ㅍ ㅎ
_FINAL_RR = ["", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t"]
_FINAL_VARIANTS = [
    [""], ["k", "g", "ck", "kh"], ["k", "kk"], ["k"], ["n", "nn"], ["n"], ["n"], ["t", "d"],
    ["l", "r", "ll"], ["k", "l"], ["m"], ["l"], ["l"], ["l"], ["p"], ["l"], ["m", "mm"],
    ["p", "b"], ["p"], ["t", "s"], ["t", "ss"], ["ng", "n"], ["t", "j"], ["t"], ["k"], ["t"],
    ["p"], ["t", "h"],
]
_I_Y_MEDIALS = {2, 3, 6, 7, 12, 17, 20}  # ㅑ ㅒ ㅕ ㅖ ㅛ ㅠ ㅣ: where ㄴ/ㄹ drop word-initially
_VOICED_FINALS = {"", "n", "m", "ng", "l"}


# --- data files ------------------------------------------------------------------------------
@cache
def surnames() -> dict[str, list[str]]:
    """Hangul surname -> spellings, most usual first (toolkit/data/korean_surnames.tsv)."""
    return {key: list(dict.fromkeys(value.split())) for key, value in read_pairs(DATA_DIR / "korean_surnames.tsv")}


@cache
def syllable_spellings() -> dict[str, list[str]]:
    """Given-name syllable -> its spellings, lower case, most usual first (toolkit/data/name_syllables.tsv)."""
    return {key: [v.lower() for v in dict.fromkeys(value.split())] for key, value in read_pairs(DATA_DIR / "name_syllables.tsv")}


COMPOUND_SURNAMES = frozenset({"남궁", "선우", "황보", "제갈", "독고", "사공", "서문", "동방", "어금", "망절"})


# --- romanization of one syllable -------------------------------------------------------------
def rr_syllable(ch: str) -> str:
    """Revised Romanization of one syllable read on its own (김 -> gim, 준 -> jun)."""
    i, m, f = decompose(ch)
    return _INITIAL_RR[i] + _MEDIAL_RR[m] + _FINAL_RR[f]


@lru_cache(maxsize=8192)
def syllable_variants(ch: str) -> frozenset[str]:
    """Every plausible lower-case spelling of one Hangul syllable in a personal name.

    Built from the jamo tables (RR, McCune-Reischauer without diacritics, common
    alternatives) plus the newspaper spellings of name_syllables.tsv.
    """
    if not is_syllable(ch):
        return frozenset({ch.lower()})
    i, m, f = decompose(ch)
    initials = list(_INITIAL_VARIANTS[i])
    if i == 2 and m in _I_Y_MEDIALS:  # 녀 -> yeo (initial-sound rule)
        initials.append("")
    medials = list(_MEDIAL_VARIANTS[m])
    out = {a + b + c for a in initials for b in medials for c in _FINAL_VARIANTS[f]}
    if i == 11 and m == 13:  # 우 woo / wu
        out |= {"w" + v for v in ("oo", "u")} | {"woo" + c for c in _FINAL_VARIANTS[f]} | {"wu" + c for c in _FINAL_VARIANTS[f]}
    if i == 11 and m == 20:  # 이 yi
        out |= {"yi" + c for c in _FINAL_VARIANTS[f]}
    out |= set(syllable_spellings().get(ch, ()))
    return frozenset(out)


def _preferred_syllable(ch: str, k: int = 2) -> list[str]:
    """The `k` most usual spellings of a given-name syllable (newspaper table, then RR)."""
    table = syllable_spellings().get(ch, [])
    out = list(dict.fromkeys([*table, rr_syllable(ch)] if is_syllable(ch) else [ch.lower()]))
    return out[:k]


# --- splitting and normalising ----------------------------------------------------------------
def split_name(hangul: str) -> tuple[str, str]:
    """(surname, given name) of a Hangul personal name; two-syllable surnames first."""
    hangul = hangul.strip()
    if len(hangul) >= 3 and hangul[:2] in COMPOUND_SURNAMES:
        return hangul[:2], hangul[2:]
    return hangul[:1], hangul[1:]


_ROMAN_SPLIT = re.compile(r"[\s\-\u2010\u2011\u2012\u2013\u00b7.,/_]+")


def _roman_tokens(roman: str) -> list[str]:
    """Lower-case ASCII tokens of a romanized name: diacritics and apostrophes dropped."""
    text = unicodedata.normalize("NFKD", roman)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"['\u2019\u2018\u02bc`]", "", text).lower()
    return [t for t in (re.sub(r"[^a-z]", "", tok) for tok in _ROMAN_SPLIT.split(text)) if t]


_COST_CAP = 3  # a syllable spelled this badly is simply wrong; no need to measure how wrong


def _lev(a: str, b: str, cap: int = _COST_CAP) -> int:
    """Levenshtein distance, stopping at `cap` (returns `cap` when the distance is at least that).

    Bit-parallel (Myers 1999, Hyyrö 2001): one pass over `b` with `a`'s letters as bit masks,
    twice as fast as the cell-by-cell table on the short pieces a name score compares."""
    if a == b:
        return 0
    if abs(len(a) - len(b)) >= cap:
        return cap
    if not a or not b:
        return min(cap, len(a) + len(b))
    masks: dict[str, int] = {}  # letter -> the positions of `a` it stands at
    bit = 1
    for ch in a:
        masks[ch] = masks.get(ch, 0) | bit
        bit <<= 1
    last, full = bit >> 1, bit - 1
    up, down, distance = full, 0, len(a)  # vertical deltas +1 / -1 of the table's current column
    for ch in b:
        eq = masks.get(ch, 0)
        xv = eq | down
        xh = (((eq & up) + up) ^ up) | eq
        hup = down | ~(xh | up)
        hdown = up & xh
        if hup & last:
            distance += 1
        elif hdown & last:
            distance -= 1
        hup = (hup << 1) | 1
        hdown = (hdown << 1) & full
        up = (hdown | ~(xv | hup)) & full
        down = hup & xv & full
    return min(distance, cap)


@lru_cache(maxsize=65536)
def _syllable_cost(ch: str, piece: str) -> float:
    """Edit distance from `piece` to the nearest spelling of syllable `ch` (at most _COST_CAP)."""
    if piece in syllable_variants(ch):
        return 0.0
    size = len(piece)
    best = _COST_CAP
    for v in _core_variants(ch):  # near misses are measured against the main spellings only
        if abs(len(v) - size) < best:
            best = min(best, _lev(piece, v, best))
    if best >= _COST_CAP:  # far from every spelling: about as costly as the piece is long
        return float(max(_COST_CAP, size))
    return float(best)


@cache
def _main_spellings() -> frozenset[str]:
    """Every main spelling (_core_variants) of every Hangul syllable, built once (about 0.3 s)."""
    return frozenset(v for code in range(0xAC00, 0xD7A4) for v in _core_variants(chr(code)))


def spells_other_syllable(ch: str, piece: str) -> bool:
    """The letters `piece` are a main spelling of some syllable but no spelling of `ch`: written
    where `ch` stands in a name ('yong' where 이재명 has 명), they name another person; a spelling no
    table gives any syllable ('wha' for 화) may still be `ch`'s."""
    piece = piece.lower()
    return piece in _main_spellings() and piece not in syllable_variants(ch)


@lru_cache(maxsize=8192)
def _core_variants(ch: str) -> tuple[str, ...]:
    """The main spellings of a syllable: RR, McCune-Reischauer, North Korean usage, newspaper table."""
    if not is_syllable(ch):
        return (ch.lower(),)
    i, m, f = decompose(ch)
    mr_initial = {0: "k", 3: "t", 7: "p", 12: "ch"}.get(i, _INITIAL_RR[i])
    forms = [rr_syllable(ch), mr_initial + _MEDIAL_MR[m] + _FINAL_RR[f], _nk_syllable(ch)]
    forms += syllable_spellings().get(ch, [])
    forms += [s.lower() for s in surnames().get(ch, [])[:3]]
    return tuple(dict.fromkeys(forms))


@lru_cache(maxsize=65536)
def _sequence_score(syllables: str, roman: str) -> float:
    """How well the letters `roman` spell the Hangul `syllables` in order, in [0, 1]."""
    if not syllables:
        return 1.0 if not roman else 0.0
    if not roman:
        return 0.0
    n, length = len(syllables), len(roman)
    if length > 7 * n + 2:  # far too many letters: no need for the full programme
        return max(0.0, 1.0 - (length - 5 * n) / length) * 0.5
    inf = float("inf")
    dp = [[inf] * (length + 1) for _ in range(n + 1)]
    dp[0][0] = 0.0
    for k, ch in enumerate(syllables):
        row, nxt = dp[k], dp[k + 1]
        # the syllables after this one take 7 letters each at most: a cut before `first` can
        # never reach the end of `roman`, and its cost is not worth asking for
        first = length - 7 * (n - k - 1)
        for p in range(length + 1):
            if row[p] == inf:
                continue
            for q in range(max(p, first), min(length, p + 7) + 1):
                if q == p and k < n:
                    cost = 3.0  # a syllable with no letters at all
                else:
                    cost = _syllable_cost(ch, roman[p:q])
                if row[p] + cost < nxt[q]:
                    nxt[q] = row[p] + cost
    cost = dp[n][length]
    # a wrong letter inside a syllable usually means another name (영 yong / 정 jong): weigh it double
    return max(0.0, 1.0 - 2.0 * cost / max(length, 2 * n))


@lru_cache(maxsize=65536)
def given_name_score(given: str, roman: str) -> float:
    """How well the romanized letters `roman` ("Jong Un", "seo-young") spell the Hangul given
    name `given` (정은, 서영), in [0, 1], the surname left aside."""
    return _sequence_score(given, "".join(_roman_tokens(roman)))


@lru_cache(maxsize=65536)
def _surname_score(surname: str, token: str) -> float:
    """How well `token` spells the Hangul `surname` (its listed spellings first), below 1.0 unless
    listed; kept, since every name score weighs each arrangement's surname token again."""
    spellings = {s.lower() for s in surnames().get(surname, ())}
    if token in spellings:
        return 1.0
    seq = _sequence_score(surname, token)
    if spellings:
        best = min(_lev(token, s, cap=len(token) + len(s)) for s in spellings)
        seq = max(seq, 1.0 - best / max(len(token), 3))
    return min(seq, 0.97)


# --- public API -------------------------------------------------------------------------------
_NOT_NAMES = frozenset(
    """기자 기간 기관 기사 기업 이번 이날 이후 이제 이런 이미 이는 이를 이에 이상 이유 이들 이와 이전
    정부 정권 정도 정보 정치 정책 정상 정말 조선 조사 조치 조건 한국 한편 한미 한반도 김치 최근 최고 최대
    박사 강조 강화 강제 안보 안전 안에 신문 신고 신의주 장군 장마당 장사 주민 주장 주요 주변 주석 전국
    전쟁 전문 전날 전달 전화 문제 공산 공개 공식 고위 고향 고발 국가 국경 국제 남한 남쪽 남측 노동 노동당
    당국 도시 도강 방송 방문 배급 선거 성명 소식 송환 양국 오늘 우리 원래 유엔 인권 인민 임시 지역 지금
    지난 지원 진행 차량 채널 추가 하지만 함께 허가 현재 현지 홍보 황해 구역 나라 마을 명령 모두 민간 반대
    변화 부분 사람 사건 사회 서울 석방 설명 손님 시장 어제 여성 연합 예정 옥수수 왕래 우선 운영 위원장
    유지 은행 임금 제기 제도 차이 최종 태도 평양 표현 하루 한번 함경 해외 형제 호소 홍수 화폐 가족 간부
    경제 경찰 계속 편지 소원 이야기 주의 진짜 공포 조국 성과 노력 방법 전체 정확 구체 하나 여러 여기 저기
    지도자 위원회 전문가 관계자 소식통 주민들 정권이 당국이 지난해 올해 내년 작년 백악관 남아공 이끄는
    공화당 민주당 경찰청 국무부 국방부 시정부 차관급 장관급 이라크 이란 이집트 라이스 하우스 유럽 유대인
    미국인 한국인 중국인 일본인 북한군 국군 국회 국민 국내 국외 정당 정상회담 조직 주택 주변국 시민 시위
    신용 신속 신분 심각 안정 양측 양자 연구 연설 오전 오후 우주 원인 원유 위기 유럽연합 육군 인근
    인도 인터넷 임기 장기 장소 전력 전망 전원 전통 정착 제재 조약 주년 지원금 진출 차기 천연 최소 추진
    탁구 통신 하원 한중 한일 허용 현대 형식 호텔 홍콩 화학 황금 공군 공항 방위 배경 백만 변호사 보안
    남북 남북한 남조선 북조선 형기 여맹 판문점 강화도 한은
    자료 제보 문의 문의처 구독 주소 편집인 고충 전재 배포 금지 조간 석간""".split()  # a page footer's words
)


# syllables of loanwords and particles, which Korean given names (almost) never contain,
# and endings of institutions (공화당, 경찰청, 차관급) and inflected words (전하는, 국가의)
_NEVER_IN_GIVEN = frozenset("크스트드프브즈츠르쿠투푸퓨흐는를께랑며냐듯텐렛렉켓팅킹핑셔쳐져")
_NOT_NAME_ENDINGS = frozenset("당청급측부군의에")


@cache
def surname_spellings() -> frozenset[str]:
    """Every romanized spelling of a Korean surname, lower-case ("kim", "song", "lee")."""
    return frozenset(sp.lower() for spellings in surnames().values() for sp in spellings)


def _looks_like_person(hangul: str, roman: str) -> bool:
    """A romanized personal name of `hangul`: two to four parts, a surname first or last, spelled right."""
    tokens = _roman_tokens(roman)
    if not 2 <= len(tokens) <= 4 or not ({tokens[0], tokens[-1]} & surname_spellings()):
        return False
    return name_score(hangul, roman) >= 0.8


@lru_cache(maxsize=65536)
def is_korean_name(hangul: str) -> bool:
    """True when `hangul` has the shape of a Korean personal name (surname + given name).

    A shape test, not a dictionary: 2-3 syllables starting with a known surname (3-5 with a
    two-syllable surname), excluding common nouns that happen to start with a surname syllable,
    loanwords (이라크, 라이스) and words ending in a particle or an institution suffix.
    """
    name = hangul.strip()
    if not is_syllable_word(name) or name in _NOT_NAMES:
        return False
    listed = transliterations().get(name)
    # listed as a foreign word or place (이라크 Iraq, 부산 Busan): a person would be listed in
    # two or more parts that spell the Hangul (김정은 Kim Jong Un)
    if listed and not any(_looks_like_person(name, en) for en in listed):
        return False
    sur, given = split_name(name)
    if any(c in _NEVER_IN_GIVEN for c in given) or (len(name) >= 3 and name[-1] in _NOT_NAME_ENDINGS):
        return False
    if name.endswith(("부터", "까지", "에서", "에게", "으로", "처럼", "보다", "하고", "이라")):
        return False
    if len(sur) == 2:
        return 3 <= len(name) <= 5
    return 2 <= len(name) <= 3 and sur in surnames()


def romanizations(hangul_name: str, limit: int = 40) -> list[str]:
    """Usual romanized spellings of a Hangul personal name, most usual first.

    Forms: "Kim Jun-ho", "Kim Jun Ho", "Kim Junho" for the usual surname and given-name
    spellings. For matching use name_score, which accepts far more variants than are listed.
    """
    sur, given = split_name(hangul_name)
    if not sur:
        return []
    sur_forms = surnames().get(sur, [])[:3] or ["".join(_preferred_syllable(c, 1)[0] for c in sur).capitalize()]
    if not given:
        return list(dict.fromkeys(sur_forms))[:limit]
    per_syllable = [_preferred_syllable(c, 2) for c in given]
    out: list[str] = []
    for s in sur_forms:
        for combo in product(*per_syllable):
            parts = [p.capitalize() for p in combo]
            hyphen = "-".join([parts[0], *(p.lower() for p in parts[1:])])
            out += [f"{s} {hyphen}", f"{s} {' '.join(parts)}", f"{s} {''.join(combo).capitalize()}"]
    # North Korean names: McCune-Reischauer-like, syllables spaced (Kim Jong Un, Jang Song Thaek)
    nk = [_nk_syllable(c).capitalize() for c in given]
    out.insert(min(len(out), 3), f"{sur_forms[0]} {' '.join(nk)}")
    return list(dict.fromkeys(out))[:limit]


def _arrangements(tokens: list[str], given: str) -> list[tuple[str, str, float]]:
    """(surname token, given letters, order factor) of each way the tokens may write a name
    with this given name: the readings name_score weighs (and name_score_reaches bounds)."""
    if len(tokens) == 1:
        word = tokens[0]
        # "Kimjunho" written as one word: try every split point for the surname
        return [*((word[:cut], word[cut:], 0.95) for cut in range(1, len(word))),
                ("", word, 0.6)]  # given name alone ("Joonho")
    return [(tokens[0], "".join(tokens[1:]), 1.0),  # Kim Joon-Ho
            (tokens[-1], "".join(tokens[:-1]), 0.98)]  # Joon-Ho Kim


def _weighed(factor: float, s: float, g: float, w_given: float, has_surname: bool) -> float:
    """One arrangement's score from its surname score `s` and given-name score `g`."""
    score = factor * (s + w_given * g) / (1.0 + w_given)
    # a wrong surname is strong evidence of a different person
    return score * 0.75 if has_surname and s < 0.6 else score


@lru_cache(maxsize=16384)
def name_score(hangul: str, roman: str) -> float:
    """Similarity in [0, 1] of a Hangul personal name and a romanized one.

    1.0 for a regular spelling in any order, hyphenation or capitalisation
    ("김준호" ~ "Kim Joon-Ho", "Joonho Kim"); below 0.5 for unrelated names.
    The given name weighs more than the surname (a handful of surnames cover most people).
    """
    hangul = "".join(c for c in hangul if is_syllable(c))
    tokens = _roman_tokens(roman)
    if not hangul or not tokens:
        return 0.0
    sur, given = split_name(hangul)
    if len(tokens) == 1 and not given:
        return _surname_score(sur, tokens[0])
    best = 0.0
    w_given = 1.5 * max(len(given), 1)
    initials = {}  # "K.J. Choi": the given name as initials, one letter per syllable
    if len(tokens) == len(given) + 1 and given:
        for sur_tok, rest in ((tokens[-1], tokens[:-1]), (tokens[0], tokens[1:])):
            if all(len(t) == 1 for t in rest):
                ok = all(any(v.startswith(t) for v in syllable_variants(c)) for t, c in zip(rest, given))
                initials["".join(rest)] = 0.9 if ok else 0.0
    for sur_tok, given_letters, factor in _arrangements(tokens, given):
        s = _surname_score(sur, sur_tok) if sur_tok else 0.0
        if given_letters in initials:
            g = initials[given_letters]
        else:
            g = _sequence_score(given, given_letters) if given else (1.0 if not given_letters else 0.0)
        best = max(best, _weighed(factor, s, g, w_given, bool(sur_tok)))
    return round(min(best, 1.0), 4)


_ROUNDING = 1e-4  # name_score rounds to four places: a score this far below a floor may round up to it


@lru_cache(maxsize=16384)
def name_score_reaches(hangul: str, roman: str, floor: float) -> bool:
    """name_score(hangul, roman) >= floor, exactly, but first bounded by the surname alone: with a
    perfect given name (1.0) no arrangement may reach `floor`, and then the given-name programme,
    most of the score's cost, is not run. Most strings asked (a word beside a name: 'politician')
    spell no surname, and their score is capped at 0.75 (0.6 for a given name alone)."""
    clean = "".join(c for c in hangul if is_syllable(c))
    tokens = _roman_tokens(roman)
    # one long word is cut at every letter, a surname score each: there the bound would cost what the
    # score does, and the programme it spares runs only on the few cuts that leave <= 7 letters a syllable
    if clean and tokens and (len(tokens) > 1 or len(tokens[0]) <= 7 * len(clean) + 2):
        sur, given = split_name(clean)
        if given:
            w_given = 1.5 * len(given)
            bound = max(_weighed(factor, _surname_score(sur, sur_tok) if sur_tok else 0.0, 1.0, w_given, bool(sur_tok))
                        for sur_tok, _, factor in _arrangements(tokens, given))
            if min(bound, 1.0) < floor - _ROUNDING:
                return False
    return name_score(hangul, roman) >= floor


# --- places and transliterated foreign names ---------------------------------------------------
def _mr_syllables(hangul: str) -> list[str]:
    """McCune-Reischauer per syllable, without diacritics or apostrophes, voiced by context."""
    out: list[str] = []
    prev_final = None  # RR final of the previous syllable, None at word start
    for ch in hangul:
        if not is_syllable(ch):
            out.append(ch.lower())
            prev_final = None
            continue
        i, m, f = decompose(ch)
        voiced = prev_final is not None and prev_final in _VOICED_FINALS
        plain = {0: ("k", "g"), 3: ("t", "d"), 7: ("p", "b"), 12: ("ch", "j")}
        if i in plain:
            ini = plain[i][1] if voiced else plain[i][0]
        elif i == 9:  # ㅅ
            ini = "sh" if m in (16, 20) else "s"
        elif i == 5:  # ㄹ
            ini = "l" if prev_final in ("n", "l") else "r"
        else:
            ini = {1: "kk", 4: "tt", 8: "pp", 10: "ss", 13: "tch", 14: "ch", 15: "k", 16: "t", 17: "p"}.get(i, _INITIAL_RR[i])
        out.append(ini + _MEDIAL_MR[m] + _FINAL_RR[f])
        prev_final = _FINAL_RR[f]
    return out


def _nk_syllable(ch: str) -> str:
    """A given-name syllable as North Korean media write it (정 -> jong, 택 -> thaek)."""
    if not is_syllable(ch):
        return ch.lower()
    i, m, f = decompose(ch)
    ini = {0: "k", 3: "t", 5: "r", 7: "p", 12: "j", 14: "ch", 16: "th", 17: "ph"}.get(i, _INITIAL_RR[i])
    return ini + _MEDIAL_MR[m] + _FINAL_RR[f]


def _mr_word(hangul: str) -> str:
    """McCune-Reischauer without diacritics (평양 -> pyongyang)."""
    return "".join(_mr_syllables(hangul))


def place_romanizations(hangul: str) -> list[str]:
    """Romanized spellings of a Korean place name: MR-like first (Pyongyang), then RR (Pyeongyang)."""
    word = hangul.strip()
    if not is_syllable_word(word):
        return []
    forms = [_mr_word(word), "".join(rr_syllable(c) for c in word)]
    # province / county / village suffixes are hyphenated in English (Ryanggang-do, Punggye-ri)
    if len(word) >= 3 and word[-1] in "도군리시구동":
        mr = _mr_syllables(word)
        stem_rr = "".join(rr_syllable(c) for c in word[:-1])
        forms += ["".join(mr[:-1]) + "-" + mr[-1], f"{stem_rr}-{rr_syllable(word[-1])}", "".join(mr[:-1]), stem_rr]
    return list(dict.fromkeys(f.capitalize() for f in forms))


@cache
def transliterations() -> dict[str, frozenset[str]]:
    """The ko -> en table of toolkit/data/transliterations.tsv (empty when the file is absent)."""
    table: dict[str, set[str]] = {}
    for ko, en in read_pairs(TRANSLITERATIONS):
        table.setdefault(ko, set()).add(en)
    return {k: frozenset(v) for k, v in table.items()}


# particles, endings and titles that follow a name in running Korean text, longest first
_PARTICLES = sorted(
    "은 는 이 가 을 를 의 에 에서 에게 에는 에도 으로 로 와 과 도 만 까지 부터 이나 나 이라는 라는 이란 란 측 쪽 으로는 로는 에서는 과의 와의 까지는 에서도 으로부터 로부터 처럼 보다 이며 이고 인 씨 대통령 위원장 장관 총리 국방위원장".split(),
    key=len,
    reverse=True,
)


def _stems(token: str) -> list[str]:
    token = token.strip().strip("\"'“”‘’()[]<>《》〈〉「」『』,.·")
    stems = [token]
    for particle in _PARTICLES:
        if token.endswith(particle) and len(token) > len(particle):
            stem = token[: -len(particle)].rstrip()
            if stem not in stems:
                stems.append(stem)
    return stems


@lru_cache(maxsize=32768)
def transliteration_candidates(ko_token: str) -> frozenset[str]:
    """English spellings a Korean token may stand for: 부시 -> {Bush}, 평양은 -> {Pyongyang, ...}.

    Looks the token (and the token without a trailing particle) up in transliterations.tsv;
    when nothing is listed, falls back to place-name romanization and, for personal names,
    to romanizations(). Returns a frozenset (hashable, cached); empty for non-Hangul input.
    """
    table = transliterations()
    stems = _stems(ko_token)
    for stem in stems:
        if stem in table:
            return table[stem]
    out: set[str] = set()
    for stem in stems:
        if len(stem) >= 2 and is_syllable_word(stem):
            out.update(place_romanizations(stem))
    person = next((stem for stem in stems if is_korean_name(stem)), None)
    if person:
        out.update(romanizations(person, limit=12))
    return frozenset(out)
