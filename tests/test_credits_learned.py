"""The learned recall pass over credit lines (toolkit/credits/learned): what it may learn from, what
it may add, and that it never undoes the rules."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import repo_root
from toolkit.credits import extract_credits, rule_credits
from toolkit.credits.learned import (
    CLASSES, MODEL_PATH, _best_span, add_learned, candidate_features, learned_credits, load_model, removable_text,
)
from toolkit.credits.learned.candidates import Candidate, find_candidates
from toolkit.credits.learned.features import is_project_feature, is_work_noun, name_kind
from toolkit.credits.learned.vocabulary import FEATURE_WORDS
from toolkit.credits.vocabulary import CHAINED_AGENCIES
from toolkit.credits.learned.softmax import averaged, dumps, probabilities, rounded, train

DATA = repo_root() / "tests" / "data"
FIXTURES = [DATA / "credit_forms.jsonl", DATA / "credit_paragraphs.jsonl", DATA / "credit_paragraphs_blind.jsonl"]


def _records() -> list[dict]:
    return [json.loads(line) for path in FIXTURES for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def test_shipped_model_names_only_project_vocabulary_and_shapes() -> None:
    model = load_model()
    assert model is not None and model["classes"] == list(CLASSES)
    # the shipped pass is on (benchmarks/README.md, "The pass kept on"): a retrain that finds no safe
    # threshold writes 1.01, which switches it off, and must be a decision, not a side effect
    assert 0.5 <= model["threshold"] <= 1.0
    outside = [feature for feature in model["weights"] if not is_project_feature(feature)]
    assert outside == []
    assert all(len(row) == len(CLASSES) for row in model["weights"].values())


@pytest.mark.parametrize("feature", [
    "L1=w:ellison",  # a word no project list holds
    "span=Ellison",  # a page's word as a value
    "R1=Cap&w:weller",  # inside a conjunction
    "surname=김",  # a syllable is no shape class
    "nickname=Cap",  # an unknown template
])
def test_feature_check_refuses_words_of_pages(feature: str) -> None:
    assert not is_project_feature(feature)


@pytest.mark.parametrize("feature", ["L1=w:by", "R1R2=p:/&w:afp", "glued=w:기자", "roleL=role:photographer", "n=two"])
def test_feature_check_accepts_vocabulary_and_shapes(feature: str) -> None:
    assert is_project_feature(feature)


def test_the_model_file_has_no_name_of_the_committed_fixtures() -> None:
    text = MODEL_PATH.read_text(encoding="utf-8")
    names = {c["name"] if isinstance(c, dict) else c[1] for r in _records() for c in r["credits"]}
    vocabulary = FEATURE_WORDS | set(CHAINED_AGENCIES)  # ("신화", no feature word, is in "w:신화사")
    leaked = sorted(name for name in names if name in text and name not in vocabulary and name.lower() not in vocabulary)
    assert leaked == []  # (a name that is a vocabulary word, "연합뉴스", may be a feature's value)


@pytest.mark.parametrize(("text", "name", "glued", "variant"), [
    ("Ferries wait out the storm in the harbour. (AP: Tomas Weller)", "Tomas Weller", "", ""),
    ("행사가 다채롭게 마련된다.\n〈부산〓김하늘기자〉", "김하늘", "기자", ""),
    ("Wrestling on the steppe\n\nDr. Mara Ellison September 25, 2020", "Mara Ellison", "", ""),
    ("By Salomé Verdier With ferries docked, the port fell silent.", "Salomé Verdier", "", ""),
    ("Will the Harbour Reopen?Han Seo-yeon", "Han Seo-yeon", "", ""),
    ("By JEAN H. PARK and MIN-SU KIM Associated Press", "MIN-SU KIM", "", ""),
    # a run also goes on past a change of case and takes its "The" (the cut alone lost these)
    ("Video: HNB Coastal\nThe ferries stayed in port.", "HNB Coastal", "", "cased"),  # an acronym, then a word
    ("Photo by Tomas WELLER", "Tomas WELLER", "", "cased"),  # a surname in capitals
    ("Ferries wait out the storm. (The Harbour Gazette)", "The Harbour Gazette", "", "the"),
])
def test_candidates_cut_names_at_cue_words_separators_and_titles(text: str, name: str, glued: str, variant: str) -> None:
    _, cands = find_candidates(text)
    assert (name, glued, variant) in [(c.name, c.glued, c.variant) for c in cands]
    assert all(text[c.start:c.end] == c.name for c in cands)


def test_a_run_of_capitalised_words_offers_its_heads_for_the_model_to_choose_where_the_name_ends() -> None:
    text = "Photo credit: Harbor Evening Gazette Since March the ferries have stayed in port."
    _, cands = find_candidates(text)
    spans = [(c.name, c.cut) for c in cands if c.start == text.index("Harbor")]
    assert spans == [("Harbor Evening Gazette Since", False), ("Harbor Evening Gazette", True), ("Harbor Evening", True)]
    _, short = find_candidates("Photo: Tomas Weller")
    assert [c.cut for c in short] == [False]  # a two-word name offers no head of one word


def test_the_cut_at_a_change_of_case_stays_the_plain_reading() -> None:
    _, cands = find_candidates("Mara Ellison SEOUL (Harbor) - Ferries stayed in port.")
    assert [(c.name, c.variant) for c in cands if c.start == 0] == [("Mara Ellison", ""), ("Mara Ellison SEOUL", "cased")]


@pytest.mark.parametrize(("name", "kind"), [
    ("Tomas Weller", "person"), ("김하늘", "person"), ("Getty Images", "org"), ("Kim Jong Un", "subject"),
    ("Three Years Each", "common"),
])
def test_name_kind_reads_the_span_by_the_projects_name_models(name: str, kind: str) -> None:
    assert name_kind(name) == kind


@pytest.mark.parametrize(("text", "name", "expected"), [
    # a work's noun in the name's sentence, before or after it: the name made that work, not the page
    ("The memoir, translated by Ilse Brandt, reached the shops in May.", "Ilse Brandt", {"work=before", "appos=no&one"}),
    ("Harbor Nights by Tomas Weller, a novel about the ferrymen", "Tomas Weller", {"work=after", "quoted=none"}),
    ("영화 '먼 바다' 각본은 Tomas Weller 작가가 썼다.", "Tomas Weller", {"work=before", "quoted=before"}),
    ('"Salt Winds" by Mara Ellison opens on Friday.', "Mara Ellison", {"work=none", "quoted=before"}),
    # ", written by A" after a title: with prose before it a review's aside; alone, a page's own chain
    ("This piece reviews Salt Winds, written by Mara Ellison.", "Mara Ellison", {"appos=yes&two"}),
    # American style puts the comma inside the closing quote: still a title before ", written by"
    ('This piece reviews "Salt Winds," written by Mara Ellison.', "Mara Ellison", {"appos=yes&two"}),
    ("This piece reviews “Salt Winds,” written by Mara Ellison.", "Mara Ellison", {"appos=yes&two"}),
    ('The sign read, "written by Mara Ellison" in chalk.', "Mara Ellison", {"appos=no&two"}),
    ("Mara Ellison, translated by Tomas Weller, March 3, 2015", "Tomas Weller", {"appos=yes&none", "work=none"}),
    ("Translated by Tomas Weller", "Tomas Weller", {"work=none", "quoted=none", "appos=no&none"}),
])
def test_features_read_a_work_or_a_title_beside_the_name(text: str, name: str, expected: set[str]) -> None:
    feats = {f for cand, fs in candidate_features(text, []) if cand.name == name for f in fs}
    assert expected <= feats
    assert all(is_project_feature(f) for f in feats if f.partition("=")[0] in ("work", "workrole", "quoted", "appos"))


@pytest.mark.parametrize(("text", "name"), [
    # 소설가 and 수필가 are people (KO_WRITER_TITLES: they sign the columns they write), not 소설 or 수필
    # with the subject particle 가, which never follows a syllable ending in a consonant
    ("글 소설가 한지민", "한지민"),
    ("칼럼은 봄 바다 이야기로 이어진다.\n수필가 한지민", "한지민"),
    # Song is a Korean surname as often as a work: "By Song Ho-kyun and Bong Jun-ho" is a byline
    ("By Song Ho-kyun and Bong Jun-ho", "Bong Jun-ho"),
])
def test_a_persons_title_or_surname_is_no_work_beside_the_name(text: str, name: str) -> None:
    feats = {f for cand, fs in candidate_features(text, []) if cand.name == name for f in fs}
    assert "work=none" in feats


@pytest.mark.parametrize("word", ["소설을", "영화가", "책이다", "song", "songs", "Novels"])
def test_a_works_noun_still_reads_as_one(word: str) -> None:
    assert is_work_noun(word)


@pytest.mark.parametrize("text", [
    "By Mara Ellison's Harbor Desk Since March the ferries have stayed in port.",
    "By Tomas Weller’s Harbor Desk Since March the ferries have stayed in port.",
    "By MARA ELLISON'S HARBOR DESK Since March",
    "By Ines Morales' Harbor Desk Since March the ferries have stayed in port.",
    "By Seo Ji-an서지안 Harbor Desk Since March the ferries have stayed in port.",  # a scraped byline glued to its Hangul
    "By Mara Ellison기자 Harbor Since March the ferries have stayed in port.",
])
def test_a_head_stops_before_a_possessive_or_a_word_glued_to_hangul(text: str) -> None:
    # the heads scored "Mara Ellison's" (0.99) and "Mara Ellison기자" (0.99) as bylines and the pass credited them
    _, cands = find_candidates(text)
    heads = [c.name for c in cands if c.cut]
    assert not [h for h in heads if "'" in h or "’" in h or any("가" <= ch <= "힣" for ch in h)]
    assert not [c for _, c in learned_credits(text, rule_credits(text)[1]) if "'" in c.name or "’" in c.name
                or any("가" <= ch <= "힣" for ch in c.name)]


def test_a_head_may_end_right_before_a_possessive() -> None:
    _, cands = find_candidates("By Mara Ellison Harbor's Desk Since March the ferries have stayed in port.")
    assert [c.name for c in cands if c.cut] == ["Mara Ellison"]


def test_a_head_is_near_its_line_edge_as_every_candidate_is() -> None:
    # the run ends 44 characters from the line's end; its two-word head 91, mid-sentence
    text = ("The ferries stayed in port for a third week as the storm kept the fishing fleet tied up along the quay, "
            "and the council met with Mara Ellison Internationalisation Correspondence Department staff from the "
            "provincial office on Friday.")
    _, cands = find_candidates(text)
    assert [c.name for c in cands if c.cut] == ["Mara Ellison Internationalisation Correspondence",
                                                "Mara Ellison Internationalisation"]


def test_of_a_run_and_its_heads_the_surest_span_is_kept() -> None:
    run = Candidate("Mara Ellison Since", 0, 18, 0, 2)
    head = Candidate("Mara Ellison", 0, 12, 0, 1, cut=True)
    other = Candidate("Tomas Weller", 30, 42, 5, 6)
    kept = _best_span([(run, "writer", 0.6), (head, "writer", 0.9), (other, "photographer", 0.5)])
    assert [c.name for c, _, _ in kept] == ["Mara Ellison", "Tomas Weller"]


def test_a_long_line_gives_candidates_only_near_its_edges() -> None:
    line = " ".join(["Tomas Weller said so."] * 2_000)
    _, cands = find_candidates(line)
    assert 0 < len(cands) < 20  # bounded by the edge zones, not by the paragraph's length


def test_training_is_deterministic_and_learns_a_separable_rule() -> None:
    examples = [(["bias=yes", "L1=w:by"], 1), (["bias=yes", "L1=p:("], 3), (["bias=yes", "L1=w:the"], 0)] * 20
    first = dumps({"classes": list(CLASSES), "threshold": 0.9, "weights": rounded(train(examples, len(CLASSES)))})
    second = dumps({"classes": list(CLASSES), "threshold": 0.9, "weights": rounded(train(examples, len(CLASSES)))})
    assert first == second
    weights = json.loads(first)["weights"]
    probs = probabilities(weights, ["bias=yes", "L1=w:by"], len(CLASSES))
    assert max(range(len(CLASSES)), key=probs.__getitem__) == CLASSES.index("writer")


def test_the_learned_pass_keeps_every_rule_credit_and_the_fixtures_exact() -> None:
    for record in _records():
        rules = rule_credits(record["text"])
        rest, found = extract_credits(record["text"])
        assert [(c.role, c.name) for c in found[:len(rules[1])]] == [(c.role, c.name) for c in rules[1]]
        added = found[len(rules[1]):]
        assert all(c.name in record["text"] for c in added)


@pytest.mark.parametrize(("text", "role", "name", "rest"), [
    ("Ferry traffic returns to the islands\n\nMara Ellison in Mokpo November 16, 2020", "writer", "Mara Ellison",
     "Ferry traffic returns to the islands\n\nMara Ellison in Mokpo November 16, 2020"),  # a place: the line stays
    ("Night Ferries of the South Coast (Photos)Tomas Weller (Photographer)", "photographer", "Tomas Weller",
     "Night Ferries of the South Coast"),  # the brackets and the name between them hold nothing else
])
def test_forms_the_rules_never_saw_are_credited_by_the_model(text: str, role: str, name: str, rest: str) -> None:
    """The model's own reading at a threshold of 0.9 (below the shipped one, so that these forms
    test the model and not where its threshold happens to stand); a model written with a threshold
    above 1.0 (`credit_model.py` where no threshold qualifies) leaves the rules' answer unchanged."""
    rule_rest, rules = rule_credits(text)
    assert rules == []
    got_rest, found = add_learned(text, rule_rest, rules, threshold=0.9)
    assert [(c.role, c.name) for c in found] == [(role, name)]
    assert got_rest == rest
    assert add_learned(text, rule_rest, rules, threshold=1.01) == (rule_rest, [])  # the pass off


def test_a_name_in_a_sentence_is_credited_only_with_the_sentence_left_alone() -> None:
    text = "Tomas Weller wrote the letter that the mayor read out on Monday."
    cand = Candidate("Tomas Weller", 0, 12, 0, 1)
    assert removable_text(text, cand) is None
    line = "Photo: Tomas Weller"
    assert removable_text(line, Candidate("Tomas Weller", 7, 19, 2, 3)) == line


def test_without_a_model_file_the_pass_adds_nothing(tmp_path: Path) -> None:
    assert load_model(tmp_path / "missing.json") is None
    assert learned_credits("Ferries wait. (AP: Tomas Weller)", [], model={"classes": list(CLASSES), "threshold": 0.5,
                                                                           "weights": {}}) == []


def test_the_pass_never_credits_a_list_item_a_credit_word_or_the_outlet_of_a_credited_reporter() -> None:
    """Whatever the threshold: the people a sentence lists as taking part, a Hangul word of the credit
    vocabulary or an unnamed source, and the outlet of a person the rules credited are no credits."""
    model = load_model()
    listed = ("Busan Ilbo reporter Lena Ortiz, Kookje reporter Mara Ellison, Yonhap reporter Jae Moon and "
              "Tomas Weller, and Newsis reporter Han Seo-yeon took part.")
    names = {c.name for _, c in learned_credits(listed, [], model=model, threshold=0.0)}
    assert not names & {"Lena Ortiz", "Mara Ellison", "Jae Moon", "Tomas Weller"}
    unnamed = "▲통영항에 들어온 어선. /사진=현지 소식통 제공\n기자 정보"
    assert {c.name for _, c in learned_credits(unnamed, [], model=model, threshold=0.0)} & {"소식통", "기자"} == set()
    wire = "[통영=뉴시스]Reporter Yoon Da-som = Ferry services resumed on the 14th."
    rules = rule_credits(wire)[1]
    assert [(c.name, c.organization) for c in rules] == [("Yoon Da-som", "Newsis")]
    assert "뉴시스" not in {c.name for _, c in learned_credits(wire, rules, model=model, threshold=0.0)}


def test_a_name_a_relative_clause_goes_on_to_describe_is_no_credit() -> None:
    story = "The weekly is translated by Ilse Varga, who moved to Busan in 2019 to teach."
    assert "Ilse Varga" not in [c.name for _, c in learned_credits(story, [], threshold=0.0)]
    line = "The weekly is translated by Ilse Varga."  # the same words with no clause after the name
    assert "Ilse Varga" in [c.name for _, c in learned_credits(line, [], threshold=0.0)]


@pytest.mark.parametrize("line", [
    "Reported by Ilse Varga, who reported from Lima, and Tom Ng.",
    "By Ilse Varga, who reported from Lima, and Tom Ng",
    "Written in English by Ilse Varga, who is the desk's Korea editor.",
    "Reporting by Tom Ng; Editing by Ilse Varga, who is based in Seoul",
])
def test_a_credit_line_that_opens_with_its_by_keeps_a_name_a_clause_describes(line: str) -> None:
    # the line is a credit from its first word; the clause says where or who the credited person is
    assert "Ilse Varga" in [c.name for _, c in learned_credits(line, [], threshold=0.0)]


@pytest.mark.parametrize(("line", "listed"), [
    ("The crew, the cast, the band, and Mara Ellison took part.", True),
    ("The crew, the cast, the band, Mara Ellison took part.", True),
    # a word that ends in "and" is no "and": the name after it is no list's item
    ("Shot in Seoul, Busan, Incheon, Daegu and Jeju. Photo: Thailand Mara Ellison.", False),
])
def test_a_list_item_is_told_by_a_comma_or_the_word_and(line: str, listed: bool) -> None:
    from toolkit.credits.learned import _in_prose_list

    start = line.index("Mara Ellison")
    assert _in_prose_list(line, Candidate("Mara Ellison", start, start + len("Mara Ellison"), 0, 0)) is listed


def _credit_model():
    import sys

    sys.path.insert(0, str(repo_root() / "benchmarks"))
    import credit_model

    return credit_model


def test_a_wrong_credit_no_threshold_stops_switches_the_pass_off(monkeypatch) -> None:
    """credit_model.py raises the threshold past the fixtures' wrong credits; one at probability
    1.0 exactly (a saturated softmax) left it at 1.0 and looped forever: it now writes OFF."""
    from collections import Counter

    credit_model = _credit_model()
    record = credit_model.Record("Ferries wait. (AP: Tomas Weller)", Counter())
    for p, expected in ((0.96, 0.975), (0.9995, 1.0), (1.0, credit_model.OFF)):
        monkeypatch.setattr(credit_model, "additions", lambda model, records, p=p: [[(p, ("writer", "A", None))]])
        assert credit_model.clean_threshold({}, [record], 0.9) == expected
    assert credit_model.OFF > 1.0  # sure_credits adds nothing above 1.0


def test_training_weights_count_the_candidates_the_rules_left_open(monkeypatch) -> None:
    """credit_model.fit with caught 0 learns from what the pass will see alone; open N repeats those."""
    from collections import Counter

    credit_model = _credit_model()
    seen: list[int] = []
    record = credit_model.Record("x", Counter(), examples=[(["bias=yes"], 0), (["bias=yes"], 1)], open=[True, False])
    monkeypatch.setattr(credit_model, "train", lambda examples, n: seen.append(len(examples)) or {})
    credit_model.fit([record], credit_model.Weights(open=3, caught=0))
    credit_model.fit([record])
    assert seen == [3, 2]


def test_the_curve_counts_the_additions_at_each_threshold_over_the_held_out_sets() -> None:
    from collections import Counter

    credit_model = _credit_model()
    record = credit_model.Record("x", Counter({("writer", "A", None): 1}))
    pooled = [([record], [[(0.8, ("writer", "A", None)), (0.6, ("writer", "B", None))]])]
    assert credit_model.pooled_counts(pooled, 0.7) == (1, 0, 0)
    assert credit_model.pooled_counts(pooled, 0.5) == (1, 1, 0)
    assert credit_model.pooled_counts(pooled, credit_model.OFF) == (0, 0, 1)  # the rules alone (none here)


def test_a_learned_photo_credit_takes_the_language_service_after_its_slash() -> None:
    # the rules give no credit here (credits=[]); the pass's credit names the service the photographer works for
    text = "Boats wait for the tide at the river mouth in Kep, July 10, 2017. (Chea Sothy/VOA Khmer)"
    found = {c.name: c for _, c in learned_credits(text, [], threshold=0.5)}
    assert "Chea Sothy" in found
    assert (found["Chea Sothy"].service, found["Chea Sothy"].organization, found["Chea Sothy"].language) == ("Khmer", "VOA", "km")


def test_a_learned_credit_before_a_slash_to_no_service_keeps_none() -> None:
    text = "Boats wait for the tide at the river mouth in Kep, July 10, 2017. (Chea Sothy/Harbor Visual)"
    found = {c.name: c for _, c in learned_credits(text, [], threshold=0.5)}
    assert "Chea Sothy" in found and found["Chea Sothy"].service is None


def test_averaged_weights_average_the_two_models_logits() -> None:
    a = {"L1=w:by": [0.0, 2.0], "bias=yes": [1.0, 0.0]}
    b = {"L1=w:by": [0.0, 4.0], "R1=EOL": [0.0, 1.0]}  # a feature one model lacks counts 0 there
    mean = averaged(a, b)
    assert mean == {"L1=w:by": [0.0, 3.0], "R1=EOL": [0.0, 0.5], "bias=yes": [0.5, 0.0]}
    feats = ["L1=w:by", "R1=EOL", "bias=yes"]
    logit = [sum(mean[f][c] for f in feats) for c in range(2)]
    both = [(sum(a.get(f, [0, 0])[c] for f in feats) + sum(b.get(f, [0, 0])[c] for f in feats)) / 2 for c in range(2)]
    assert logit == both


def test_the_fit_takes_the_share_of_the_averaged_weights_that_is_asked() -> None:
    a = {"L1=w:by": [0.0, 2.0], "bias=yes": [1.0, 0.0]}
    b = {"L1=w:by": [0.0, 6.0], "R1=EOL": [0.0, 1.0]}
    mixed = averaged(a, b, share=0.75)
    assert mixed == {"L1=w:by": [0.0, 3.0], "R1=EOL": [0.0, 0.25], "bias=yes": [0.75, 0.0]}
    assert averaged(a, b, share=1.0) == {"L1=w:by": [0.0, 2.0], "R1=EOL": [0.0, 0.0], "bias=yes": [1.0, 0.0]}


@pytest.mark.parametrize("share", ["1.5", "-0.2"])
def test_the_trainer_refuses_a_share_outside_zero_to_one(share: str, tmp_path: Path) -> None:
    # a share past 1 extrapolates away from the partner instead of mixing: a typo, not a recipe
    script = repo_root() / "benchmarks" / "credit_model.py"
    run = subprocess.run([sys.executable, str(script), "cv", str(tmp_path / "none.jsonl"), "--share", share],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 2 and "--share" in run.stderr.splitlines()[-1]


def test_hangul_candidates_are_scored_by_the_hangul_weights_when_the_model_has_them() -> None:
    # a Korean sign-off and an English caption in one paragraph; the bias alone decides each script's answer
    text = "배들이 항구에 묶여 있다.\n〈부산〓김하늘기자〉\nFerries wait out the storm. (AP: Tomas Weller)"
    sure = [0.0, 0.0, 9.0, 9.0, 0.0, 0.0, 0.0, 0.0]  # reporter and photographer far above none
    unsure = [9.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]
    split = {"classes": list(CLASSES), "threshold": 0.4, "weights": {"bias=yes": unsure},
             "hangul_weights": {"bias=yes": sure}}
    names = [c.name for _, c in learned_credits(text, [], model=split)]
    assert "김하늘" in names and "Tomas Weller" not in names
    one = {"classes": list(CLASSES), "threshold": 0.4, "weights": {"bias=yes": unsure}}
    assert learned_credits(text, [], model=one) == []
