"""Renderings by sound: names and loanwords that the English writes as they sound in Korean.

The word-alignment model has barely met a name written once or twice in an archive, and ties
it to whatever name stands beside it (삼지연 'Kim Jong Un'); the English words that sound like
the Korean (`renderings.sounds_like`, on toolkit.align.phonetic's consonant skeletons) are
better evidence there. `once_named` serves a name written once (a term only as a name),
`heard` a word of the archive the lexicon lacks that Kiwi reads as one morpheme;
`by_romanization` a term shaped like a Korean name, which the English writes romanized whole.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache

from toolkit.hangul import decompose, is_syllable
from toolkit.terms.korean import Unit
from toolkit.terms.renderings import _POSSESSIVE, LEXICON_ONLY, English, Rendering, render_by_sound, sounds_like


def once_named(name: str, result, english: English, posteriors, own, top, kin) -> Rendering:
    """A name written once in the archive, which the model has barely met: the words that
    sound like it, where the model's rendering does not (`_by_sound`); never omitted (the
    model's silence on a word it met once proves no omission)."""
    result = _by_sound(name, result, english, posteriors, own, top, kin)
    return Rendering("not_found", None, result.confidence) if result.status == "omitted" else result


HEARD_SYLLABLES = 3  # the shortest word the lexicon lacks whose sound may overrule the model


def one_morpheme(unit: Unit) -> bool:
    """Kiwi read the word as one morpheme: neither joined from its pieces nor derived by a
    suffix (a name or a loanword is; 현지시간 and 유럽위원회, half translated, are not)."""
    return not unit.parts and not unit.base


def heard(term: str, result, english: English, posteriors, own, top, kin) -> Rendering:
    """A word of the archive the lexicon lacks, of `HEARD_SYLLABLES` or more, that the English
    writes by its sound (a name; a loanword: 콴타스 'Qantas', 배트맨 'Batman' for 'superhero'): those
    words (beginning alike: `begins_alike`), where no word of the model's rendering sounds like it
    at all (국가올림픽위원회 'National Olympic Committee' stands)."""
    if len(term) < HEARD_SYLLABLES or (result.text is not None and any(
            sounds_like(term, text) for text in (result.text, *result.text.split()))):
        return result
    return render_by_sound(term, english, posteriors, own, top, kin, begins_alike) or result


def _by_sound(name: str, result, english: English, posteriors, own, top, kin) -> Rendering:
    """The result, where it or a word of it sounds like the name beginning alike
    (`begins_alike`); else the words of the bead that do, if any; else the result where it
    sounds like the name at all, or the words that do: the model ties a name it has barely met
    to the name beside it as readily as to its own (삼지연 'Kim Jong Un', which ends alike)."""
    texts = () if result.text is None else (result.text, *result.text.split())
    if any(begins_alike(name, text) for text in texts):
        return result
    found = render_by_sound(name, english, posteriors, own, top, kin, begins_alike)
    if found is not None or any(sounds_like(name, text) for text in texts[:1]):
        return found or result
    return render_by_sound(name, english, posteriors, own, top, kin) or result


# initials Korean writes where the English may begin otherwise (노 'Roh', 이 'Lee' or 'Rhee', 류 'Yoo',
# 예루살렘 'Jerusalem', 호르헤 'Jorge', 호날두 'Ronaldo'), and the letters the English may begin with
# instead: loose towards those only (현대인 'modern people' is no 'London', though the skeletons NTN
# and RNTN end alike)
_VOWELS = "AEIOUY"
_LOOSE_INITIALS = {2: "NLR", 5: "LRNY" + _VOWELS, 11: "JLRWY" + _VOWELS, 18: "HJRW"}  # ㄴ, ㄹ, ㅇ, ㅎ


def begins_alike(name: str, text: str) -> bool:
    """`sounds_like`, and beginning with the same consonant, or, where the Korean begins with
    ㄴ, ㄹ, ㅇ or ㅎ, with a letter that initial is written in: sounds_like alone lets two names
    that only end alike pass (삼지연 ~ 'Kim Jong Un')."""
    from toolkit.align.phonetic import skeleton_en, skeleton_ko

    if not sounds_like(name, text):
        return False
    loose = _LOOSE_INITIALS.get(decompose(name[0])[0], "") if name and is_syllable(name[0]) else ""
    return text[:1].upper() in loose or skeleton_ko(name)[:1] == skeleton_en(text)[:1]


def begins_as_written(name: str, text: str) -> bool:
    """`begins_alike`, and where the Korean begins with ㄴ, ㄹ, ㅇ or ㅎ, the English with a letter
    that initial is written in: for a name of two syllables, whose two consonants of sound many
    words share, the same first sound is too little (the skeleton of 'Walter' is the RT of 리드, its
    W unheard: the first name of 월터 리드 would take the row of the second)."""
    if not begins_alike(name, text):
        return False
    loose = _LOOSE_INITIALS.get(decompose(name[0])[0]) if is_syllable(name[0]) else None
    return loose is None or text[:1].upper() in loose


# the name score (toolkit.names.name_score) from which English words are the romanized Korean name:
# a surname and a given name both spelled right ('Oh Sang-chul' for 오상철 scores 1.0; the given
# name alone, 'Sang-chul', 0.17; another person's, 'Chung Sang-geun', below 0.1)
ROMANIZED = 0.9


def romanized(term: str, english: English) -> Rendering | None:
    """The English words that spell a term shaped like a Korean personal name
    (toolkit.names.is_korean_name) as a romanized name, surname and given name ('Lee Jeong-ran',
    'Kimhyongjik' written as one word), the best scoring first; None without any."""
    from toolkit.names import is_korean_name, name_score

    if len(term) < 3 or not is_korean_name(term):
        return None
    spans, best, score = english.spans, None, ROMANIZED
    for window in english.name_windows:  # longest first: 'Lee Jeong-ran' before 'Lee Jeong'
        text = english.text[spans[window[0]][1]:spans[window[-1]][2]]
        if not _surname_written(term, spans[window[0]][0], spans[window[-1]][0], len(window)):
            continue
        found = name_score(term, text)
        if found > score or (best is None and found == score):
            best, score = text, found
    return None if best is None else Rendering("rendered", _POSSESSIVE.sub("", best), LEXICON_ONLY)


def by_romanization(term: str, result: Rendering, english: English, others: Iterable[str] = ()) -> Rendering:
    """A term shaped like a Korean personal name, rendered by the English romanized name that spells
    it whole where the model's rendering is not one: the model ties a name it has barely met to part
    of it ('Sang-chul': 'Oh' is no content word) or to the name beside it ('Chung Sang-geun' for
    이정란), which sounds alike as loosely. A rendering that spells another name of the bead (`others`)
    whole and this one not is that person's (김영수 'Kim Young-sook' beside 김영숙): not found."""
    from toolkit.names import is_korean_name, name_score_reaches

    if len(term) < 3 or not is_korean_name(term):
        return result
    words = (result.text or "").split()
    if words and _surname_written(term, words[0], words[-1], len(words)) and \
            name_score_reaches(term, result.text, ROMANIZED):
        return result
    found = romanized(term, english)
    if found is None and words:
        names = [o for o in others if o != term and len(o) >= 3 and is_korean_name(o)]
        whole = _hyphen_completed(term, result.text, english, names)
        found = None if whole is None else Rendering("rendered", whole, result.confidence)
        if found is None and any(name_score_reaches(o, result.text, ROMANIZED) for o in names):
            return Rendering("not_found", None, result.confidence)
    return found or result


def _hyphen_completed(term: str, cut: str, english: English, others: Sequence[str]) -> str | None:
    """The model's rendering `cut` of a Korean name, cut inside its hyphened given name ('Kang Kyung'
    of 'Kang Kyung-wha': the syllable after the hyphen is a word the model ties to nothing), completed
    to the name window it begins where that spells the name better and spells none of the bead's
    `others` (Korean names) whole ('Kim Jong-il' is 김정일's, not 김정은's) nor adds letters that spell
    another syllable than the name's last (names.spells_other_syllable: 'Kim Jong-il' is no 김정은
    even where 김정일 is not in the bead's Korean); None without one. A
    spelling the romanization table lacks ('wha' for 화) keeps the whole name under ROMANIZED, so
    `romanized` alone does not find it."""
    from toolkit.names import name_score, name_score_reaches, spells_other_syllable

    spans, text = english.spans, english.text
    longer = [whole for whole in (text[spans[w[0]][1]:spans[w[-1]][2]] for w in english.name_windows)
              if whole.startswith(cut + "-")]
    if not longer:
        return None  # the common case: no name window goes on from the rendering over a hyphen
    best, score = None, name_score(term, cut)
    for whole in longer:
        words = whole.split()
        # the letters the completion adds spell another syllable ('Lee Jae-yong' for 이재명): another person
        if _surname_written(term, words[0], words[-1], len(words)) and \
                not spells_other_syllable(term[-1], _POSSESSIVE.sub("", whole)[len(cut) + 1:]):
            found = name_score(term, whole)
            if found > score and not any(name_score_reaches(o, whole, ROMANIZED) for o in others):
                best, score = whole, found
    return None if best is None else _POSSESSIVE.sub("", best)


def _surname_written(term: str, first: str, last: str, words: int) -> bool:
    """English words may spell the Korean name `term` whole: its surname, as toolkit.names lists its
    spellings, is the first or the last word, or begins the one word (a cheap test before the name
    score, which weighs every spelling of every syllable)."""
    from toolkit.names import split_name

    spellings = _spellings(split_name(term)[0])
    if words == 1:
        return any(first.lower().startswith(s) for s in spellings)
    return first.lower() in spellings or _POSSESSIVE.sub("", last).lower() in spellings


@cache
def _spellings(surname: str) -> frozenset[str]:
    from toolkit.names import surnames

    return frozenset(s.lower() for s in surnames().get(surname, ()))

