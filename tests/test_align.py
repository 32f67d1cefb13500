"""The aligner: lexicon loading, a rewritten article with a background block, nulls,
determinism, corpus learning, and a small run of the benchmark when ../shared is there."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import repo_root, shared_dir

from toolkit.align import LexiconLearner, Params, align, load_lexicon
from toolkit.errors import InputError
from toolkit.model import Alignment, Sentence

KOREAN = [
    "북한이 지난 15일 동해상으로 단거리 탄도미사일 두 발을 발사했다고 합동참모본부가 밝혔다.",
    "합참에 따르면 미사일은 약 450km를 비행한 뒤 바다에 떨어졌다.",
    "북한의 미사일 발사는 올해 들어 세 번째다.",
    "정부는 국가안전보장회의를 열고 북한의 도발을 강하게 규탄했다.",
    '한 군 관계자는 "북한이 추가 도발에 나설 가능성이 있다"며 "감시를 강화하고 있다"고 말했다.',
    "미국 국무부도 성명을 내고 북한에 대화 복귀를 촉구했다.",
]
ENGLISH = [
    "North Korea fired two short-range ballistic missiles into the East Sea on the 15th, "
    "South Korea's Joint Chiefs of Staff said.",
    "The missiles flew about 450 kilometers before falling into the sea, according to the JCS.",
    "It was the North's third missile launch this year.",
    # background block added by the English writer
    "Pyongyang has stepped up its weapons tests since its nuclear talks with Washington collapsed in 2019.",
    "United Nations Security Council resolutions ban the North from any use of ballistic missile technology.",
    "Analysts say the launches are meant to pressure Seoul ahead of joint military drills.",
    # back to the report
    "The government convened the National Security Council and strongly condemned the provocation.",
    '"North Korea may carry out further provocations," a military official said, '
    "adding that surveillance had been stepped up.",
]
GOLD = [((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((3,), ()), ((4,), ()), ((5,), ()), ((6,), (3,)), ((7,), (4,)), ((), (5,))]


def _sents(texts: list[str], lang: str) -> list[Sentence]:
    return [Sentence(f"{lang}-s{i + 1}", t, lang, i) for i, t in enumerate(texts)]


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon()


def test_background_block_does_not_drag_the_rest(lexicon) -> None:
    alignment = align(_sents(ENGLISH, "en"), _sents(KOREAN, "ko"), lexicon)
    assert [(b.en, b.ko) for b in alignment.beads] == GOLD
    for b in alignment.beads:
        assert 0.0 <= b.cert <= 1.0
        if b.en and b.ko:
            assert b.cert > 0.9


def test_beads_cover_every_sentence_once_in_order(lexicon) -> None:
    en, ko = _sents(ENGLISH[::-1], "en"), _sents(KOREAN, "ko")  # scrambled: still a valid chain
    beads = align(en, ko, lexicon).beads
    assert [i for b in beads for i in b.en] == list(range(len(en)))
    assert sorted(j for b in beads for j in b.ko) == list(range(len(ko)))  # crossing links allowed
    assert all(b.type in {"1-1", "1-0", "0-1", "1-2", "2-1", "1-3", "3-1", "2-2", "1-4", "4-1", "2-3", "3-2"} for b in beads)
    monotone = align(en, ko, lexicon, Params(cross=None)).beads  # without crossing links: one chain
    assert [j for b in monotone for j in b.ko] == list(range(len(ko)))


def test_moved_sentence_is_linked_across(lexicon) -> None:
    """A writer who moves a sentence far from its place leaves a null on each side that the
    monotone chain cannot link; the crossing pass links them when they clearly translate each other."""
    # the English tells the State Department's call right after the lede
    en = _sents([ENGLISH[0], "The U.S. State Department also issued a statement urging the North to return to dialogue.",
                 ENGLISH[1], ENGLISH[2], ENGLISH[6], ENGLISH[7]], "en")
    ko = _sents(KOREAN, "ko")
    beads = {(b.en, b.ko) for b in align(en, ko, lexicon).beads}
    assert ((1,), (5,)) in beads and ((0,), (0,)) in beads and ((4,), (3,)) in beads
    monotone = {(b.en, b.ko) for b in align(en, ko, lexicon, Params(cross=None)).beads}
    assert ((1,), (5,)) not in monotone


def test_moved_sentence_takes_its_korean_from_a_weak_link(lexicon) -> None:
    """The chain, unable to cross, pairs the moved sentence's Korean with the background sentence
    closing the English on one shared word; the crossing pass gives that Korean to the sentence
    that translates it and leaves the background sentence unaligned."""
    en = _sents([ENGLISH[0], "The U.S. State Department also issued a statement urging the North to return to dialogue.",
                 ENGLISH[1], ENGLISH[2], ENGLISH[6], ENGLISH[7], "American officials gave no further details."], "en")
    ko = _sents(KOREAN, "ko")
    beads = [(b.en, b.ko) for b in align(en, ko, lexicon).beads]
    assert ((1,), (5,)) in beads and ((6,), ()) in beads
    assert sorted(j for _, k in beads for j in k) == list(range(len(ko)))  # every Korean sentence once
    held = {(b.en, b.ko) for b in align(en, ko, lexicon, Params(cross_weak=None)).beads}
    assert ((6,), (5,)) in held and ((1,), ()) in held


def test_sentence_without_evidence_becomes_null(lexicon) -> None:
    en = _sents([ENGLISH[0], "The weather in Lisbon was mild and sunny all week.", ENGLISH[1]], "en")
    ko = _sents(KOREAN[:2], "ko")
    beads = [(b.en, b.ko) for b in align(en, ko, lexicon).beads]
    assert beads == [((0,), (0,)), ((1,), ()), ((2,), (1,))]


def test_split_sentence_gives_two_to_one(lexicon) -> None:
    ko = _sents(["북한 당국은 탈북자 가족 31명을 오지로 추방하고 5년 동안 감시하기로 했다."], "ko")
    en = _sents(
        ["North Korean authorities banished 31 members of defectors' families to remote areas.",
         "They will be watched for five years."],
        "en",
    )
    assert [(b.en, b.ko) for b in align(en, ko, lexicon).beads] == [((0, 1), (0,))]


def test_empty_sides(lexicon) -> None:
    assert align([], [], lexicon).beads == []
    assert [(b.en, b.ko) for b in align(_sents(ENGLISH[:2], "en"), [], lexicon).beads] == [((0,), ()), ((1,), ())]
    assert [(b.en, b.ko) for b in align([], _sents(KOREAN[:1], "ko"), lexicon).beads] == [((), (0,))]


def test_deterministic(lexicon) -> None:
    en, ko = _sents(ENGLISH, "en"), _sents(KOREAN, "ko")
    assert align(en, ko, lexicon) == align(en, ko, lexicon)


def test_user_lexicon(tmp_path: Path) -> None:
    user = tmp_path / "mine.tsv"
    user.write_text("# my words\n뿅망치\ttoy hammer\n\n", encoding="utf-8")
    lex = load_lexicon(user)
    assert ("toy", "hammer") in lex.get("뿅망치")
    assert len(lex) >= len(load_lexicon())


@pytest.mark.parametrize("content", ["뿅망치 toy hammer\n", "뿅망치\t\n", "\tword\n"])
def test_bad_user_lexicon_names_file_and_line(tmp_path: Path, content: str) -> None:
    user = tmp_path / "bad.tsv"
    user.write_text("좋다\tgood\n" + content, encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_lexicon(user)
    assert "bad.tsv" in str(err.value) and "line 2" in str(err.value)


def test_unreadable_user_lexicon(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        load_lexicon(tmp_path / "missing.tsv")
    binary = tmp_path / "bin.tsv"
    binary.write_bytes(b"\xff\xfe\x00garbage\x80")
    with pytest.raises(InputError):
        load_lexicon(binary)


def test_corpus_learning_finds_repeated_pairs() -> None:
    from toolkit.align import Lexicon
    from toolkit.model import Alignment, Bead

    learner = LexiconLearner()
    articles = [
        ("주말 나들이 인파로 도로가 꽉 막혔다.", "Crowds on a weekend outing clogged the roads."),
        ("가족 나들이에 나선 시민들이 공원을 가득 메웠다.", "Families on an outing filled the parks."),
        ("비 소식에 나들이 계획을 접는 사람이 많았다.", "Rain forecasts made many people cancel an outing."),
        ("봄 나들이 철을 맞아 열차 표가 동났다.", "Train tickets sold out as the spring outing season began."),
        ("나들이 차량이 몰리면서 휴게소가 붐볐다.", "Rest stops were crowded with cars heading out on an outing."),
        ("시장은 버스 노선을 늘리겠다고 밝혔다.", "The mayor said he would add bus routes."),
        ("환율이 이틀째 올랐다.", "The exchange rate rose for a second day."),
    ]
    for ko_text, en_text in articles:  # one confident 1-1 bead per article
        en, ko = _sents([en_text], "en"), _sents([ko_text], "ko")
        learner.observe(en, ko, Alignment([Bead((0,), (0,), 0.99)]))
    learned = learner.pairs(min_llr=3.0)
    assert ("나들이", "outing") in learned
    assert all(ko != "나들이" or en == "outing" for ko, en in learned)
    assert not any(ko == "환율" for ko, _ in learned)  # seen once: not learned
    lex2 = Lexicon().extended(learned)
    assert lex2.get("나들이") == {("out",)}  # stored as the stem the sentences are matched with


def test_small_benchmark_beats_floor() -> None:
    """30 dev pseudo-articles (353 gold line beads) measure F1 0.95 against Gale-Church 0.53,
    the whole dev split 0.90 against 0.48. The floor sits under the weaker whole-split
    figure by more than four standard errors of a 350-bead sample (about 0.02 each):
    F1 >= 0.80 and >= 1.5x the baseline catch a real regression (a broken feature or
    segmenter costs 5-20 points) without flaking."""
    shared_dir()
    sys.path.insert(0, str(repo_root() / "benchmarks"))
    import align_quality

    result = align_quality.evaluate("dev", limit=30, learn=False, quiet=True)
    ours, base = result["pass1"], result["gc"]
    assert ours.f1 >= 0.80
    assert ours.f1 >= 1.5 * base.f1


# ------------------------------------------------------------------ fixes from error analysis
def test_short_plurals_and_irregulars_meet_their_lexicon_entry() -> None:
    """Four-letter plurals were left unstemmed (bags never met 봉지 'bag', days never met 'day'),
    'daily' never met 하루 'day', and 'halved' never met 절반 'half'."""
    from toolkit.align.english import stem

    assert stem("bags") == stem("bag") and stem("days") == stem("day") and stem("wars") == stem("war")
    assert stem("daily") == stem("day")
    assert stem("halved") == stem("half") == stem("halves")
    for word in ("this", "thus", "less", "news", "bus", "gas"):  # not plurals
        assert stem(word) == word
    # an irregular form is stemmed like its base: 'Italian' never met 'Italy' (itali), nor
    # 'Turkish' 'Turkey'; past forms and comparatives meet their lemma (먹다 eat, 어렵다 hard)
    assert stem("Italian") == stem("Italy") and stem("Turkish") == stem("Turkey")
    assert stem("ate") == stem("eat") and stem("worn") == stem("wear") and stem("forcibly") == stem("forced")
    assert stem("harder") == stem("hard") and stem("easier") == stem("easy") and stem("larger") == stem("large")


def test_dotted_acronyms_are_words() -> None:
    """'U.S.' fell apart into the one-letter non-words U and S, so 미국 never met it; a
    capitalised acronym is content even when it spells a stopword (US)."""
    from toolkit.align.english import content_words

    assert content_words("The U.S. and the U.N. said") == ["us", "un"]
    assert content_words("U.S.-led forces and US troops") == ["us", "lead", "forc", "us", "troop"]
    assert "us" not in content_words("He told us nothing")
    assert ("us",) in load_lexicon().get("미국")


def test_now_still_again_are_content_words() -> None:
    """지금 'now', 아직/여전히 'still', 다시 'again' are real lexicon entries; as stopwords they
    could never match (and 절반 'half' was dropped as a number word, though no number feature
    reads it)."""
    from toolkit.align.english import content_words

    assert content_words("She cannot sleep even now, and the women are still there again") == [
        "cannot", "sleep", "now", "woman", "still", "again"
    ]
    assert content_words("the bags were cut by half") == ["bag", "cut", "half"]


def test_one_sentence_translating_three(lexicon) -> None:
    """A rewrite often folds three short Korean sentences into one English sentence: the
    1-3 bead must win over 1-2 + an untranslated Korean sentence when each Korean sentence
    brings its own words (dprk-holiday-rations en-s4)."""
    ko = _sents([
        "해마다 명절이면 아이들에게 나눠 주던 당과류 선물도 줄었습니다.",
        "소식통에 따르면 지난해 1킬로그램이던 선물 봉지가 올해는 절반으로 줄었습니다.",
        "과자의 질도 나빠져 아이들이 잘 먹지 않는다고 합니다.",
    ], "ko")
    en = _sents([
        "The bags of candy and biscuits given to children every holiday have also been halved from a "
        "kilogram last year, and the biscuits are of such poor quality that many children will not eat them."
    ], "en")
    assert [(b.en, b.ko) for b in align(en, ko, lexicon).beads] == [((0,), (0, 1, 2))]


def test_weak_pair_in_a_background_gap_stays_null(lexicon) -> None:
    """Between two anchors, four English background sentences face one untranslated Korean
    sentence: a single shared word ('clothing' ~ 옷) is not enough to pair one of them
    (dprk-hyesan-market-raids en-s8 / ko-s6); the more candidate pairs a gap offers, the
    more evidence a rescued pair needs."""
    from toolkit.ingest import read_article
    from toolkit.segment import segment_article

    d = repo_root() / "fixtures" / "rewrites" / "dprk-hyesan-market-raids"
    en = segment_article(read_article(d / "en.txt")).sentences
    ko = segment_article(read_article(d / "ko.txt")).sentences
    beads = {(tuple(en[i].id for i in b.en), tuple(ko[j].id for j in b.ko)) for b in align(en, ko, lexicon).beads}
    assert (("en-s8",), ()) in beads and ((), ("ko-s6",)) in beads
    assert (("en-s4",), ("ko-s5",)) in beads and (("en-s9",), ("ko-s7",)) in beads


def test_nulls_facing_each_other_are_less_confident_than_a_background_block(lexicon) -> None:
    """An English and a Korean sentence left over between the same two anchors may translate
    each other with evidence the features miss (on dev such nulls were right about a quarter
    of the time): the calibrated confidence of such nulls stays below that of a background
    block with nothing facing it. (Lone pairing is off here: it would pair this one-by-one
    gap on order and length, see test_a_lone_sentence_facing_a_lone_sentence_...)"""
    from toolkit.align import Params

    en = _sents([ENGLISH[0], "The weather in Lisbon was mild and sunny all week.", ENGLISH[1]], "en")
    ko = _sents([KOREAN[0], "어제 도심의 카페는 하루 종일 손님으로 붐볐다.", KOREAN[1]], "ko")
    nulls = [b for b in align(en, ko, lexicon, Params(lone=None)).beads if not (b.en and b.ko)]
    assert sorted((b.en, b.ko) for b in nulls) == [((), (1,)), ((1,), ())]
    en, ko = _sents(ENGLISH, "en"), _sents(KOREAN[:5], "ko")
    block = [b for b in align(en, ko, lexicon).beads if not b.ko]
    assert [b.en for b in block] == [(3,), (4,), (5,)]
    assert max(b.cert for b in nulls) + 0.2 < min(b.cert for b in block)


def test_name_index_keeps_every_transliteration(lexicon) -> None:
    """name_matches looks only at English words whose consonant skeleton shares a first or
    last class with the Korean one (speed); it must find exactly what comparing every
    capitalised word with phonetic.similar finds."""
    from toolkit.align import phonetic
    from toolkit.align.english import stem
    from toolkit.align.scoring import en_features, ko_features, name_matches

    en = ["Kepler and Gordon met Condoleezza Rice and Sergei Lavrov in Vladivostok.",
          "The computer maker Hewlett-Packard and Microsoft sent Steve Ballmer to Kabul."]
    ko = ["케플러와 고든은 블라디보스토크에서 콘돌리자 라이스, 세르게이 라브로프를 만났다.",
          "컴퓨터 업체 휴렛팩커드와 마이크로소프트는 스티브 발머를 카불에 보냈다."]
    ef = [en_features(t) for t in en]
    kf = [ko_features(t, lexicon) for t in ko]
    got = name_matches(ef, kf)
    caps = {c for e in ef for c in e.caps if " " not in c}
    checked = 0
    for k in kf:
        for unit in k.units:
            if unit.kind == "name" and len(unit.lemma) >= 2:
                brute = {(stem(c),) for c in caps if phonetic.similar(unit.lemma, c)}
                assert brute <= got[unit.lemma], unit.lemma
                checked += bool(brute)
    assert checked >= 3


def test_kept_name_matches_are_a_fresh_copy_and_follow_the_korean_kinds(lexicon) -> None:
    """name_matches is kept per article: a caller changing its answer does not change the next
    one, and the same names read as unknown nouns ("foreign") are matched again, not taken from
    the answer for names."""
    from toolkit.align.scoring import KoFeatures, KoUnit, en_features, ko_features, name_matches

    ef = [en_features("Kepler met Gordon and the hackers in Vladivostok.")]
    kf = [ko_features("케플러는 블라디보스토크에서 고든과 해커들을 만났다.", lexicon)]
    first = name_matches(ef, kf)
    assert first and any(first.values())
    expected = dict(first)
    first.clear()
    assert name_matches(ef, kf) == expected
    as_foreign = [KoFeatures(k.length, [KoUnit(u.lemma, u.phrases, "foreign") for u in k.units], k.numbers, k.quote)
                  for k in kf]
    lemmas = {u.lemma for k in kf for u in k.units}
    assert set(name_matches(ef, as_foreign)) == lemmas  # every unit is read, not only the names


def test_names_asked_again_of_the_same_english_are_answered_as_anew(lexicon, monkeypatch) -> None:
    """name_matches keeps each Korean word's answer against an article's English: a second
    alignment of the article (another lexicon: some words read as names, some as unknown nouns,
    some gone) must get what a first reading of its units would, and reads only the new ones."""
    import toolkit.align.scoring as scoring
    from toolkit.align.scoring import KoFeatures, KoUnit, en_features, ko_features, name_matches

    ef = [en_features("Kepler met Gordon and the hackers in Vladivostok."),
          en_features("Condoleezza Rice sent the computers to Kabul.")]
    kf = [ko_features("케플러는 블라디보스토크에서 고든과 해커들을 만났다.", lexicon),
          ko_features("콘돌리자 라이스는 컴퓨터를 카불에 보냈다.", lexicon)]
    scoring._kept_english.cache_clear()
    first = name_matches(ef, kf)
    # the second reading: the first sentence's units as unknown nouns, the second's first unit dropped
    second_kf = [KoFeatures(kf[0].length, [KoUnit(u.lemma, u.phrases, "foreign") for u in kf[0].units],
                            kf[0].numbers, kf[0].quote),
                 KoFeatures(kf[1].length, kf[1].units[1:], kf[1].numbers, kf[1].quote)]
    units = tuple((u.lemma, u.kind) for k in second_kf for u in k.units if u.kind in ("name", "foreign"))
    fresh = {lemma: found for (lemma, _), found in scoring._name_matches(
        tuple(tuple(e.caps) for e in ef), tuple(e.lower_words for e in ef), units).items()}
    fresh = {lemma: fresh[lemma] for lemma in dict.fromkeys(lemma for lemma, _ in units)}
    read: list[tuple] = []
    real = scoring._name_matches
    monkeypatch.setattr(scoring, "_name_matches", lambda c, lw, u: read.append(u) or real(c, lw, u))
    again = name_matches(ef, second_kf)
    assert again == fresh and list(again) == list(fresh)  # the same answers, in article order
    assert any(found for found in again.values())
    new = {unit for unit in units if unit[1] == "foreign"} - {(u.lemma, u.kind) for k in kf for u in k.units}
    assert new and [set(u) for u in read] == [new]  # only the words read otherwise are read again
    assert name_matches(ef, kf) == first and len(read) == 1  # the first reading: all kept


def test_length_gain_is_kept_per_bead(lexicon) -> None:
    """BeadScorer.length_gain keeps its answer per bead (a split's coverage test and its score
    both ask): each bead gets its own fit gain, whatever was asked before."""
    import math

    from toolkit.align.beads import BeadScorer
    from toolkit.align.scoring import en_features, ko_features, length_logprob

    en = ["The ministry said prices rose.", "Rice cost more in March than a year earlier.", "Fuel did too."]
    ko = ["당국은 3월 쌀값과 연료값이 1년 전보다 올랐다고 밝혔다.", "주민들은 걱정하고 있다."]
    p = Params()
    scorer = BeadScorer([en_features(t) for t in en], [ko_features(t, lexicon) for t in ko], p)
    ef, kf = scorer.ef, scorer.kf

    def by_hand(i0: int, i1: int, j0: int, j1: int) -> float:
        len_en, len_ko = sum(ef[i].length for i in range(i0, i1)), sum(kf[j].length for j in range(j0, j1))
        if i1 - i0 == 1:
            part = max(length_logprob(len_en, kf[j].length, p) for j in range(j0, j1))
        else:
            part = max(length_logprob(ef[i].length, len_ko, p) for i in range(i0, i1))
        return length_logprob(len_en, len_ko, p) - part

    beads = [(0, 2, 0, 1), (0, 3, 0, 1), (1, 3, 0, 1), (0, 1, 0, 2), (2, 3, 0, 2), (0, 2, 0, 1)]
    got = [scorer.length_gain(*b) for b in beads]
    assert got == [by_hand(*b) for b in beads]
    assert len({round(g, 12) for g in got}) >= 4 and not any(math.isnan(g) for g in got)


def _numbered_article(n: int) -> tuple[list[Sentence], list[Sentence]]:
    """A long synthetic pair: sentence k names a distinct quantity on both sides."""
    en = _sents([f"Warehouse {k} received {1000 + 7 * k} tonnes of rice." for k in range(n)], "en")
    ko = _sents([f"{k}번 창고에 쌀 {1000 + 7 * k}톤이 들어왔다." for k in range(n)], "ko")
    return en, ko


def test_long_article_is_searched_in_a_band_with_lazy_evidence(lexicon) -> None:
    from toolkit.align import Params
    from toolkit.align.dp import FULL_GRID, Aligner
    from toolkit.align.scoring import en_features, ko_features

    en, ko = _numbered_article(400)
    del ko[100:110]  # ten Korean sentences left out: the English ones become additions
    assert len(en) * len(ko) > FULL_GRID
    aligner = Aligner([en_features(s.text) for s in en], [ko_features(s.text, lexicon) for s in ko], Params(), lazy=True)
    beads = aligner.run()
    # work done: pair evidence for a band around the path, not for the 400 x 390 grid
    assert len(aligner.ko_mask.grid.cells) < 0.1 * len(en) * len(ko)
    pairs = [(b.en, b.ko) for b in beads if b.en and b.ko]
    assert len(pairs) == 390 and all(en[i].text.split()[1] == ko[j].text.split("번")[0] for (i,), (j,) in pairs)
    assert [b.en for b in beads if not b.ko] == [(k,) for k in range(100, 110)]


def test_anchor_band_always_connects_the_corners() -> None:
    from toolkit.align.anchors import band

    for anchors in ([], [(5, 90)], [(3, 4), (50, 10)], [(10, 10), (11, 80), (90, 81)]):
        lo, hi = band(100, 100, anchors)
        assert lo[0] == 0 and hi[100] == 100
        assert all(lo[i] <= hi[i] and lo[i] <= hi[i - 1] and hi[i] >= lo[i - 1] for i in range(1, 101))


def test_anchor_band_without_anchors_is_bounded_not_the_whole_grid() -> None:
    """2,000 English sentences against 16,000 Korean ones with no rare anchor: the band was
    widened by the whole difference of lengths, so the search covered all n x m cells (over 10 GB
    and 900 s, killed). Now a band over MAX_CELLS is narrowed, and still connects the corners."""
    from toolkit.align import anchors

    for n, m in ((20_000, 4_000), (2_000, 16_000), (300, 200)):
        lo, hi = anchors.band(n, m, [])
        cells = sum(b - a + 1 for a, b in zip(lo, hi))
        assert cells <= max(anchors.MAX_CELLS, (n + 1) * (2 * anchors.MARGIN + 1)), (n, m, cells)
        assert lo[0] == 0 and hi[n] == m
        assert all(lo[i] <= hi[i] and lo[i] <= hi[i - 1] and hi[i] >= lo[i - 1] for i in range(1, n + 1))
    assert anchors.band(300, 200, []) == anchors.band(300, 200, [], max_cells=10**9)  # under the bound: as before


def test_crossed_lede_is_paired_out_of_order(lexicon) -> None:
    """Params.reorder (on by default since round 3): the English opens with the Korean second
    sentence; the crossed pairing replaces the chain's lede beads, and the TEI holds crossing links."""
    from toolkit.align import Params
    from toolkit.model import Article, Paragraph
    from toolkit.tei import read_tei, write_tei

    en_texts = ["The ministry said on Tuesday that 4,712 families had applied for the program.",
                "The unification ministry proposed talks with North Korea on separated families.",
                "Warehouse 3 received 1,250 tonnes of rice."]
    ko_texts = ["통일부가 이산가족 문제를 논의할 남북 회담을 북한에 제안했다.",
                "통일부는 12일 모두 4,712가구가 이 사업에 신청했다고 밝혔다.",
                "3번 창고에 쌀 1,250톤이 들어왔다."]
    en, ko = _sents(en_texts, "en"), _sents(ko_texts, "ko")
    crossed = align(en, ko, lexicon, Params(cross=None)).beads
    assert {(b.en, b.ko) for b in crossed} == {((0,), (1,)), ((1,), (0,)), ((2,), (2,))}
    chain = align(en, ko, lexicon, Params(reorder=None, reorder_moved=None, cross=None)).beads
    assert [(b.en, b.ko) for b in chain] != [(b.en, b.ko) for b in crossed]
    articles = [Article(f"{lang}.txt", lang, paragraphs=[Paragraph(" ".join(s.text for s in sents), lang, sents)])
                for lang, sents in (("en", en), ("ko", ko))]
    for s in articles[0].sentences + articles[1].sentences:
        s.paragraph = 0
    data = write_tei(articles[0], articles[1], Alignment(crossed))
    assert b'target="#en-s1 #ko-s2"' in data and b'target="#en-s2 #ko-s1"' in data
    assert write_tei(*read_tei(data)) == data


def test_a_crossed_lede_needs_evidence_for_each_crossing_link(lexicon) -> None:
    """A better sum is not enough: a crossed lede is taken only when each crossing pair
    scores `reorder_link` alone, so a pair carried by its partner's evidence keeps the chain's order."""
    from toolkit.align import Params

    en = _sents(["Moon Jae-in met Xi Jinping in Beijing on Monday to discuss the nuclear talks.",
                 "Moon said he also raised the issue of fine dust drifting from China."], "en")
    ko = _sents(["문재인 대통령은 미세먼지 문제도 함께 제기했다고 밝혔다.",
                 "문재인 대통령은 23일 베이징에서 시진핑 국가주석과 만나 비핵화 협상을 논의했다."], "ko")
    scorer = _scorer_for(en, ko, lexicon)
    weak = min(scorer.bead_score(0, 1, 1, 2), scorer.bead_score(1, 2, 0, 1))
    strict = align(en, ko, lexicon, Params(cross=None, reorder=0.0, reorder_link=weak + 0.01)).beads
    loose = align(en, ko, lexicon, Params(cross=None, reorder=0.0, reorder_link=0.0)).beads
    assert {(b.en, b.ko) for b in loose} == {((0,), (1,)), ((1,), (0,))}
    assert {(b.en, b.ko) for b in strict} != {(b.en, b.ko) for b in loose}


def test_a_crossed_lede_never_trades_a_sentence_for_a_worse_partner(lexicon, monkeypatch) -> None:
    """Two lede sentences that share a name (the G-20) may sum better crossed, but the
    crossing pair of the fourth sentence is weaker than its own in-order partner: the
    chain's order is kept (a reworked lede moves a sentence to a better partner)."""
    from toolkit.align.dp import Aligner

    en = _sents(["We talked about the G-20.",
                 "We also agreed to keep working together on Iran.",
                 "Bush told Merkel he valued her friendship and called her a constructive force for good.",
                 "The two met just before G-20 members plunged into the major problems on the agenda."], "en")
    ko = _sents(["G-20의 역할에 대해서도 자유롭게 토론했다.",
                 "그리고 이란 문제에 함께 대처하기로 했다.",
                 "부시 대통령은 메르켈 총리의 우정과 조언을 높이 평가하며 그를 선을 위한 건설적인 힘이라고 불렀다.",
                 "이들 지도자들은 G-20 정상회의가 열리기 전 정상회담을 가졌다."], "ko")
    scorer = _scorer_for(en, ko, lexicon)
    assert scorer.bead_score(3, 4, 0, 1) < scorer.bead_score(3, 4, 3, 4)
    in_order = [((k,), (k,)) for k in range(4)]
    assert [(b.en, b.ko) for b in align(en, ko, lexicon).beads] == in_order
    monkeypatch.setattr(Aligner, "_worse_than_chain", lambda *args: False)
    crossed = {(b.en, b.ko) for b in align(en, ko, lexicon).beads}
    assert {((0,), (3,)), ((3,), (0,))} <= crossed


_LONE_EN = ["Good evening.",
            "The Bank of Korea raised its benchmark interest rate to 3.5 percent on Thursday.",
            "That is all for now.",
            "Prices of processed foods such as ramen rose 4.1 percent in April."]
_LONE_KO = ["안녕하십니까.",
            "한국은행이 목요일 기준금리를 3.5%로 올렸습니다.",
            "오늘 소식은 여기까지입니다.",
            "라면 등 가공식품 가격은 4월에 4.1% 올랐습니다."]


def test_a_lone_sentence_facing_a_lone_sentence_between_anchors_is_its_translation(lexicon) -> None:
    """Params.lone: a greeting shares no word with its translation, but between two anchors
    it faces the one Korean sentence of its gap, and their lengths fit."""
    from toolkit.align import Params

    en, ko = _sents(_LONE_EN, "en"), _sents(_LONE_KO, "ko")
    scorer = _scorer_for(en, ko, lexicon)
    assert not scorer.has[0][0] and not scorer.has[2][2]  # no shared evidence at all
    paired = {(b.en, b.ko) for b in align(en, ko, lexicon).beads}
    assert {((0,), (0,)), ((2,), (2,))} <= paired
    alone = {(b.en, b.ko) for b in align(en, ko, lexicon, Params(lone=None)).beads}
    assert ((2,), (2,)) not in alone and ((2,), ()) in alone
    # the lengths must fit: a long Korean sentence facing "That is all for now." stays apart
    ko[2] = _sents(["오늘 소식은 여기까지이며 내일 아침에는 전국 곳곳에 비가 내리고 기온이 크게 떨어지겠으니 "
                    "출근길 교통안전과 건강관리에 각별히 유의하시기 바랍니다."], "ko")[0]
    assert ((2,), (2,)) not in {(b.en, b.ko) for b in align(en, ko, lexicon).beads}


def test_a_lone_pair_needs_anchors_beside_it(lexicon) -> None:
    """Between weak links (an unrelated article's chance matches) nothing is paired on order alone."""
    from toolkit.align import Params

    en, ko = _sents(_LONE_EN[:3], "en"), _sents(_LONE_KO[:3], "ko")
    scorer = _scorer_for(en, ko, lexicon)
    anchor = scorer.bead_score(1, 2, 1, 2)
    assert ((2,), (2,)) in {(b.en, b.ko) for b in align(en, ko, lexicon, Params(lone_beside=anchor)).beads}
    assert ((2,), (2,)) not in {(b.en, b.ko) for b in align(en, ko, lexicon, Params(lone_beside=anchor + 0.01)).beads}


def _scorer_for(en, ko, lexicon):
    from toolkit.align import Params
    from toolkit.align.dp import Aligner
    from toolkit.align.scoring import en_features, ko_features

    return Aligner([en_features(s.text) for s in en], [ko_features(s.text, lexicon) for s in ko], Params())


def test_camel_case_brand_in_the_plural_matches_its_transliteration(lexicon) -> None:
    from toolkit.align.scoring import en_features, ko_features, name_matches

    ef = [en_features("People tell each other to use iPhones whenever they talk.")]
    kf = [ko_features("아이폰을 사용하자는 말이 오간다.", lexicon)]
    assert ("iphon",) in name_matches(ef, kf)["아이폰"]


def test_pairs_benchmark_refuses_gold_written_for_another_segmentation(tmp_path) -> None:
    """A gold id the segmenter no longer produces would silently count as a miss; the
    benchmark stops with an error naming the gold file instead."""
    sys.path.insert(0, str(repo_root() / "benchmarks"))
    import align_quality

    pair = tmp_path / "one"
    pair.mkdir()
    (pair / "en.txt").write_text("Prices rose.\n\nRice prices rose in the city.\n", encoding="utf-8")
    (pair / "ko.txt").write_text("물가 올라\n\n도시의 쌀값이 올랐다.\n", encoding="utf-8")
    (pair / "gold.tsv").write_text("en-s1 en-s2\tko-s1\n", encoding="utf-8")
    with pytest.raises(SystemExit) as stop:
        align_quality.align_pairs(align_quality.find_pairs(tmp_path))
    assert "gold.tsv" in str(stop.value) and "en-s2" in str(stop.value)
    (pair / "gold.tsv").write_text("en-s1\tko-s1\n", encoding="utf-8")
    assert align_quality.align_pairs(align_quality.find_pairs(tmp_path))[0].gold == {(frozenset({"en-s1"}), frozenset({"ko-s1"}))}


def test_a_link_beside_a_null_it_already_covers_is_less_sure(lexicon) -> None:
    """A link next to an unaligned sentence whose content the link's Korean already says is
    often one half of a split the search refused (over the real pairs, none of the four links
    covering 0.3 or more of such a neighbour was right): its cert drops; beside an unrelated
    addition it does not."""
    ko = _sents(["북한 당국은 탈북자 가족 31명을 오지로 추방하고 5년 동안 감시하기로 했다.",
                 "이들은 함경북도 산간 마을로 보내졌다."], "ko")
    certs = []
    for second in ("The families will also be watched by the authorities.",
                   "The weather in Lisbon was mild and sunny all week."):
        en = _sents(["North Korean authorities banished 31 members of defectors' families to remote areas.",
                     second, "They were sent to mountain villages in North Hamgyong Province."], "en")
        # (by default the covered neighbour joins the link: Params.join_cover, tests/test_align_splits.py)
        beads = align(en, ko, lexicon, Params(join_cover=None)).beads
        assert [(b.en, b.ko) for b in beads] == [((0,), (0,)), ((1,), ()), ((2,), (1,))]
        certs.append(beads[0].cert)
    assert certs[0] < 0.8 < 0.95 < certs[1]


def test_a_null_never_reaches_the_top_cert_bin(lexicon) -> None:
    """No evidence proves that nothing translates a sentence: over the real pairs nulls given
    0.95 or more were right 7 times in 10, so a null's cert stays below 0.95, however clear
    the background block."""
    from toolkit.align.confidence import NULL_CEILING, bead_cert

    en, ko = _sents(ENGLISH, "en"), _sents(KOREAN[:5], "ko")
    block = [b for b in align(en, ko, lexicon).beads if not b.ko]
    assert [b.en for b in block] == [(3,), (4,), (5,)]
    assert all(0.5 < b.cert <= NULL_CEILING < 0.95 for b in block)
    sure = {"bias": 1.0, "own_run": 6.0, "log_chars": 8.0}
    assert bead_cert("null", sure) == NULL_CEILING
    strong = {"bias": 1.0, "score": 5.0, "en_linked": 1.0, "ko_linked": 1.0, "en_anchored": 1.0}
    assert bead_cert("link", strong) > 0.99  # a link keeps the top bin


def test_a_link_beside_a_null_that_barely_beats_its_rival_stays_below_the_top_bin() -> None:
    """The half of a split the search cut off leaves a link with a null beside it; when the link
    beats its nearest rival by little it is no top-bin link (round 17: such links were right
    92-97% of the time at 0.95 or more). With a clear margin, or no null beside, it keeps its cert."""
    from toolkit.align.confidence import BESIDE_NULL_CEILING, SPLIT_MARGIN, bead_cert

    strong = {"bias": 1.0, "score": 5.0, "en_linked": 1.0, "ko_linked": 1.0, "en_anchored": 1.0}
    close = {**strong, "margin": SPLIT_MARGIN - 0.1}
    assert bead_cert("link", close) > 0.99
    assert bead_cert("link", {**close, "null_beside": 1.0}) == BESIDE_NULL_CEILING < 0.95
    assert bead_cert("link", {**close, "margin": SPLIT_MARGIN + 0.5, "null_beside": 1.0}) > 0.99


def test_the_null_beside_a_link_is_a_feature_of_the_ceiling_not_of_the_fit(lexicon) -> None:
    """A background sentence left unaligned after a link: the link knows a null is beside it."""
    en = _sents(["The students are getting by on corn they brought from home, the source said.",
                 "Taehongdan, on a high plateau, is the largest potato-growing area of the country."], "en")
    ko = _sents(["이 소식통은 \"식량도 제대로 나오지 않아 학생들이 집에서 가져간 강냉이로 끼니를 때운다\"고 말했습니다."], "ko")
    from toolkit.align.confidence import NOT_FITTED
    from toolkit.align.dp import Aligner
    from toolkit.align.scoring import en_features, ko_features

    aligner = Aligner([en_features(s.text) for s in en], [ko_features(s.text, lexicon) for s in ko], Params())
    path = aligner.path()
    kinds = {kind: feats for kind, feats in aligner.features(path)}
    assert "null_beside" in NOT_FITTED and set(kinds) == {"link", "null"} and kinds["link"]["null_beside"] == 1.0


def test_a_sign_in_line_beside_a_link_is_no_null_that_caps_it(lexicon) -> None:
    """The reporter's sign-in is never aligned: the null bead it makes is no half of a split nor a
    neighbour's sentence, so the link after it is not held under the top bin for it."""
    from toolkit.align.dp import Aligner
    from toolkit.align.scoring import en_features, ko_features

    ko = _sents(["북한 내부소식 김세원기자가 보도합니다.",
                 "북한 함경북도의 한 어선 선장이 외부 방송을 청취한 혐의로 총살된 것으로 알려졌습니다."], "ko")
    en = _sents(["A fishing boat captain in North Hamgyong was executed for listening to foreign broadcasts."], "en")
    aligner = Aligner([en_features(s.text) for s in en], [ko_features(s.text, lexicon) for s in ko], Params())
    path = aligner.path()
    assert (0, 0, 0, 1) in path  # the sign-in is a Korean null beside the link
    links = [feats for kind, feats in aligner.features(path) if kind == "link"]
    assert len(links) == 1 and links[0]["null_beside"] == 0.0


def test_a_reporters_sign_in_line_is_never_aligned(lexicon) -> None:
    """`북한 내부소식 김세원기자가 보도합니다.` hands the story to the reporter; the English drops
    it. Its 북한 met an English background sentence's "North Korea" and took a link (three of
    the four such lines left in the real pairs: the credit reader removes the spaced ones)."""
    ko = _sents(["북한 함경북도의 한 어선 선장이 외부 방송을 청취한 혐의로 총살된 것으로 알려졌습니다.",
                 "북한 내부소식 김세원기자가 보도합니다.",
                 "현지 소식통은 선장이 군 복무 시절부터 외부 방송을 들어왔다고 말했습니다."], "ko")
    en = _sents(["A fishing boat captain in North Hamgyong was executed for listening to foreign broadcasts.",
                 "North Korea has long punished those who listen to outside news.",
                 "A local source said the captain had listened to foreign broadcasts since his army service."], "en")
    beads = align(en, ko, lexicon).beads
    assert [(b.en, b.ko) for b in beads if b.en and b.ko] == [((0,), (0,)), ((2,), (2,))]
    assert ((), (1,)) in [(b.en, b.ko) for b in beads]
    # the same line with the story's words in it is a sentence like any other
    ko[1] = Sentence("ko-s2", "북한은 외부 방송을 듣는 주민들을 오랫동안 처벌해 왔습니다.", "ko", 1)
    assert ((1,), (1,)) in [(b.en, b.ko) for b in align(en, ko, lexicon).beads]


def test_pair_evidence_of_a_korean_sentence_against_every_english_one_is_that_of_each_pair() -> None:
    """The grid's column-at-a-time evidence (units that cannot start in a sentence passed
    over) and pair_evidence give the evidence read plainly, every phrase tried: words, a phrase of
    two stems, a Latin token found as written, a name spelled by the article, a unit without
    phrases, an empty phrase."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from toolkit.align.scoring import EnFeatures, KoFeatures, KoUnit, pair_evidence, pair_evidence_column

    vocab = ["north", "korea", "minist", "unif", "rfa", "kim", "seoul", "talk"]
    phrase = st.tuples(*[st.sampled_from(vocab)]) | st.tuples(st.sampled_from(vocab), st.sampled_from(vocab))
    unit = st.builds(KoUnit, st.sampled_from(["북한", "통일부", "김철", "서울", "RFA", "회담"]),
                     st.frozensets(phrase | st.just(()), max_size=3),
                     st.sampled_from(["word", "name", "latin", "foreign"]))
    english = st.builds(lambda stems, lower: EnFeatures(10, {s: b for b, s in enumerate(stems)}, [], frozenset(lower),
                                                        frozenset(), False),
                        st.lists(st.sampled_from(vocab), unique=True, max_size=6),
                        st.sets(st.sampled_from(vocab), max_size=3))

    @settings(max_examples=300, deadline=None)
    @given(st.lists(english, min_size=1, max_size=4), st.lists(unit, max_size=6),
           st.dictionaries(st.sampled_from(["김철", "서울", "RFA"]), st.frozensets(phrase, max_size=2), max_size=2))
    def check(ens, units, names) -> None:
        ko = KoFeatures(10, units, frozenset(), False)
        expected = [_evidence_read_plainly(en, ko, names) for en in ens]
        assert pair_evidence_column(ens, ko, names) == expected
        assert [pair_evidence(en, ko, names) for en in ens] == expected

    check()


def _evidence_read_plainly(en, ko, names) -> tuple[int, int, int]:
    """pair_evidence as its docstring says it, every phrase of every unit tried, nothing passed over:
    a phrase matches when each of its stems is an English stem (a Latin unit's word may also stand
    as written); a unit matches when one phrase does, and a unit that is no plain word is strong."""
    ko_mask = en_mask = strong = 0
    for index, unit in enumerate(ko.units):
        phrases = unit.phrases | (names.get(unit.lemma, frozenset()) if unit.kind in ("name", "foreign") else frozenset())
        hits = [phrase for phrase in phrases
                if all(s in en.stems or unit.kind == "latin" and s in en.lower_words for s in phrase)]
        for phrase in hits:
            en_mask |= sum(1 << en.stems[s] for s in set(phrase) if s in en.stems)
        if hits:
            ko_mask |= 1 << index
            strong += unit.kind != "word"
    return ko_mask, en_mask, strong


def test_a_long_run_of_unaligned_english_is_certified_in_linear_work(lexicon, monkeypatch) -> None:
    """Each null bead's gap was counted by walking its whole run of nulls: a story of n English
    sentences the Korean does not explain cost n² steps (8,000 sentences: 150 s in certify
    alone, a 5 MB one-line en.txt never finished). Counted in steps, not seconds."""
    import toolkit.align.confidence as confidence

    calls = []
    two_sided = confidence._two_sided
    monkeypatch.setattr(confidence, "_two_sided", lambda bead: calls.append(1) or two_sided(bead))
    en = _sents([f"Officials in district {k} met on the {k}th day of the drill." for k in range(1500)], "en")
    ko = _sents(["북한 당국이 주민들에게 식량을 나눠줬다."], "ko")
    alignment = align(en, ko, lexicon)
    assert sum(len(b.en) for b in alignment.beads) == 1500
    assert len(calls) < 20 * len(alignment.beads), len(calls)


def test_weak_links_never_cost_a_long_article_its_crossing_links(lexicon, monkeypatch) -> None:
    """The crossing pass compares every English null with every Korean null only up to
    `dp.FULL_GRID` pairs; the sentences of weak links it may also free must not push a long
    article over that cap and so cost it the crossing links among its nulls."""
    from toolkit.align import dp
    from toolkit.align.scoring import en_features, ko_features
    en = _sents([ENGLISH[0], "The U.S. State Department also issued a statement urging the North to return to dialogue.",
                 ENGLISH[1], ENGLISH[2], ENGLISH[6], ENGLISH[7], "American officials gave no further details."], "en")
    ko = _sents([*KOREAN, "한편 이날 서울은 대체로 맑은 날씨를 보였다."], "ko")
    aligner = dp.Aligner([en_features(s.text) for s in en], [ko_features(s.text, lexicon) for s in ko], Params(),
                         lazy=False, paragraphs=([0] * len(en), [0] * len(ko)))
    # the chain: the moved sentence (1) and its Korean (5) each null, a weak link closing the article
    path = [(0, 1, 0, 1), (1, 2, 1, 1), (2, 3, 1, 2), (3, 4, 2, 3), (4, 5, 3, 4), (5, 6, 4, 5), (6, 6, 5, 6), (6, 7, 6, 7)]
    assert aligner._held_weakly(path)  # the closing link is weak: its sentences are free for a crossing pair
    monkeypatch.setattr(dp, "FULL_GRID", 1)  # one null each side: the nulls alone are within the cap
    assert (1, 2, 5, 6) in aligner._cross(path)


# A writer's dated background facing an untranslated Korean sentence that shares one word with it
# (made up): the search paired them on "North Korea" alone.
DATED_KO = ["북한 매체는 연일 복구 현장의 성과를 선전하고 있습니다."]


@pytest.mark.parametrize("english, paired", [
    ("Typhoons destroyed thousands of homes across North Korea in 2020.", False),  # a year in the running text
    ("Typhoons destroyed thousands of homes across North Korea (2020).", True),  # an aside in parentheses
    ("Typhoons destroyed thousands of homes across North Korea.", True),  # no year: the weak pair stands
])
def test_a_weak_pair_is_refused_when_only_the_english_dates_its_fact(english: str, paired: bool) -> None:
    from toolkit.align.dp import Aligner
    from toolkit.align.scoring import en_features, ko_features

    lexicon = load_lexicon()

    def path(params: Params) -> list:
        return Aligner([en_features(english)], [ko_features(t, lexicon) for t in DATED_KO], params).path()

    assert path(Params(dated_link=None)) == [(0, 1, 0, 1)]  # the pair has evidence, a weak score
    assert (path(Params()) == [(0, 1, 0, 1)]) is paired


def test_a_year_the_korean_also_states_keeps_a_weak_pair() -> None:
    """The rule reads a Korean sentence stating no number: 2020년 there makes the year shared evidence."""
    from toolkit.align.dp import Aligner
    from toolkit.align.scoring import en_features, ko_features

    lexicon = load_lexicon()
    aligner = Aligner([en_features("Typhoons destroyed thousands of homes across North Korea in 2020.")],
                      [ko_features("북한 매체는 2020년 복구 현장의 성과를 선전했습니다.", lexicon)], Params())
    assert aligner.path() == [(0, 1, 0, 1)]


@pytest.mark.parametrize("english, korean, paired", [
    # 작년 is the English "2025": a translation, weakly scored
    ("Smuggling became riskier in 2025.", "작년부터는 밀수도 위험해졌다고 합니다.", True),
    ("Smuggling became riskier in 2025.", "지난해부터는 밀수도 위험해졌다고 합니다.", True),
    ("Smuggling became riskier in 2025.", "올해부터는 밀수도 위험해졌다고 합니다.", True),
    # no year in any form: the English dates a fact of its own
    ("Smuggling became riskier in 2025.", "요즘 들어 밀수도 위험해졌다고 합니다.", False),
    # a decade is no year 올해 can name
    ("Smuggling became riskier in the 2010s.", "올해부터는 밀수도 위험해졌다고 합니다.", False),
])
def test_a_korean_year_by_its_distance_keeps_a_weak_dated_pair(english: str, korean: str, paired: bool) -> None:
    """Korean names the year of a fact by its distance (지난해, 올해) where the English writes the
    number: such a pair is no dated background, however few words it shares (made up)."""
    from toolkit.align.dp import Aligner
    from toolkit.align.scoring import en_features, ko_features

    lexicon = load_lexicon()

    def aligner(params: Params) -> Aligner:
        return Aligner([en_features(english)], [ko_features(korean, lexicon)], params)

    assert aligner(Params(dated_link=None)).bead_score(0, 1, 0, 1) < Params().dated_link  # the rule's range
    assert aligner(Params(dated_link=None)).path() == [(0, 1, 0, 1)]
    assert (aligner(Params()).path() == [(0, 1, 0, 1)]) is paired
