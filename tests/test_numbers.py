"""Numbers as alignment anchors: Korean numerals and counters meet English digits and words."""

from __future__ import annotations

import pytest

from toolkit.align.numbers import numbers_in_english, numbers_in_korean


@pytest.mark.parametrize(
    ("korean", "english"),
    [
        ("5년 동안 복역했다", "served five years"),
        ("3만 명이 모였다", "30,000 people gathered"),
        ("31명을 강제 북송했다", "repatriated 31 refugees"),
        ("1억 2천만 달러", "$120 million"),
        ("12조3천억 번의 계산", "12.3 trillion calculations"),
        ("세 명이 숨졌다", "three people died"),
        ("두 번째 발사", "the second launch"),
        ("8,192개의 프로세서", "8,192 processors"),
        ("지난 2월 21일", "on Feb. 21"),
        ("12.5% 늘었다", "rose 12.5 percent"),
        ("천만 명이 넘는다", "more than 10 million"),
        ("수출액은 42억8000만달러였다", "exports came to $4.28 billion"),
        ("응답자 1637만 명", "16.37 million respondents"),
        ("하루 일의 30분의 1도 안 된다", "It is not even 1/30 of a day's work."),
        ("유권자의 4분의 3", "3/4 of voters"),
        ("5060 세대가 편의점의 주요 고객이 됐다", "people in their 50s and 60s became the main customers"),
    ],
)
def test_korean_and_english_numbers_meet(korean: str, english: str) -> None:
    ko, en = numbers_in_korean(korean), numbers_in_english(english)
    assert ko and ko <= en, (ko, en)


def test_dates_give_month_and_day() -> None:
    assert numbers_in_korean("2월 21일") == {"2", "21"}
    assert numbers_in_english("Feb. 21, 2012") == {"2", "21", "2012"}


def test_words_that_are_not_numbers() -> None:
    assert numbers_in_korean("만약 그가 이 사실을 안다면") == set()
    assert numbers_in_english("May I ask a question?") == set()
    assert numbers_in_english("12 calculations a second") == {"12"}  # "a second" is time


def test_distinct_values_stay_distinct() -> None:
    assert numbers_in_korean("3만") != numbers_in_english("3,000")
    assert numbers_in_english("five") != numbers_in_english("fifteen")


def test_decades_are_tens_of_years() -> None:
    """'more than five decades' is 50년 이상: 'decade' scales like 'thousand' did not."""
    assert numbers_in_english("after more than five decades of tension") == {"50"} <= numbers_in_korean("50년 이상의 긴장")
    assert numbers_in_english("a decade ago") == {"10"}
    assert numbers_in_english("two decades") == {"20"}
    assert numbers_in_english("for decades") == set()
    assert numbers_in_english("the 1990s decade") == {"1990"}  # a decade name is not scaled


@pytest.mark.parametrize(
    ("english", "value"),
    [
        ("one hundred and five", "105"),
        ("two thousand and twelve", "2012"),
        ("one hundred five", "105"),
        ("three hundred and twenty-one", "321"),
        ("a hundred and five days", "105"),
        ("two thousand five hundred and sixty people", "2560"),
        ("one million two hundred thousand", "1200000"),
    ],
)
def test_spelled_compound_numbers_are_one_value(english: str, value: str) -> None:
    """'one hundred and five' is 105 (105명), not 100 and 5: the parts join across 'and'."""
    assert numbers_in_english(english) == {value}


def test_and_between_plain_numbers_keeps_them_apart() -> None:
    assert numbers_in_english("five and six") == {"5", "6"}
    assert numbers_in_english("a hundred and the rest") == {"100"}
    assert numbers_in_english("twenty and one") == {"20", "1"}


def test_native_day_counts_and_counter_look_alikes() -> None:
    """이틀 연속 is "two days in a row"; 첫 before 살포 (scattering) or 세 before 살인 is no count
    of years of age, while 세 살 is."""
    assert numbers_in_korean("이틀 연속 전단을 날려보냈다") == {"2"} <= numbers_in_english("for two days in a row")
    assert numbers_in_korean("나흘 만에 풀려났다") == {"4"}
    assert numbers_in_korean("첫 살포 이후 여섯 번째") == {"6"}
    assert numbers_in_korean("세 살 아이") == {"3"}
    assert numbers_in_korean("하루빨리 돌아오라") == set()


@pytest.mark.parametrize(
    ("english", "value"),
    [
        ("to ten-thousand won an hour", "10000"),
        ("to eight-thousand-590 won next year", "8590"),
        ("by two-point-nine percent", "2.9"),
        ("a five-thousand-strong force", "5000"),
        ("twenty-five-thousand-won notes", "25000"),
        ("a one-hundred-year-old house", "100"),
    ],
)
def test_hyphen_spelled_numbers_are_one_value(english: str, value: str) -> None:
    """Broadcast scripts spell numbers with hyphens to be read aloud: "eight-thousand-590" is
    8,590 (8천590원), not an 8 and a 590."""
    assert numbers_in_english(english) == {value}


def test_hyphens_without_a_scale_read_as_before() -> None:
    assert numbers_in_english("a nine-year-old girl") == {"9"}
    assert numbers_in_english("two-thirds of them") == {"0.666667"}  # a fraction since round 18 (was its 2)
    assert numbers_in_english("point-blank") == set()


def test_a_leading_man_is_ten_thousand_before_thousands() -> None:
    """만 2천여 개 is 12,000 (1만 2천, its 1 unwritten); 만 18세, full age, is no 10,000."""
    assert numbers_in_korean("만 2천여 개가 팔려 나갔습니다") == {"12000"} <= numbers_in_english("more than 12,000")
    assert numbers_in_korean("만 18세 이상") == {"18"}
    assert numbers_in_korean("사흘 만에 2천 명이") == {"3", "2000"}


def test_native_numerals_before_a_noun_count_it() -> None:
    assert numbers_in_korean("‘적대적 두 국가론’을 명문화") == {"2"} <= numbers_in_english("its “two hostile states” doctrine")
    assert numbers_in_korean("세 나라 정상이") == {"3"}
    assert numbers_in_korean("만 18세 이상") == {"18"}  # 세 after a number is years of age
    assert numbers_in_korean("한 관계자는") == set()
    assert numbers_in_korean("공장을 열 계획이다") == set()
    assert numbers_in_korean("네, 그렇습니다") == set()


def test_a_man_after_a_span_of_time_is_since_not_ten_thousand() -> None:
    """Headlines drop the 에 of 만에: 한 달 만 2천 명 is 2,000 in a month, not 12,000; and 만 before a
    number that reaches 만 itself (10년 만 1천억 원) is no unwritten 1."""
    assert numbers_in_korean("개장 한 달 만 2천 명이 다녀갔다") == {"1", "2000"}
    assert numbers_in_korean("출시 3개월 만 5천 대 팔려") == {"3", "5000"}
    assert numbers_in_korean("10년 만 1천억 원 흑자") == {"10", "100000000000"}
    assert numbers_in_korean("무려 만 2천 명이 몰렸다") == {"12000"}


@pytest.mark.parametrize(
    ("english", "value"),
    [
        ("one-hundred-and-twenty people", {"120"}),  # read 100 before
        ("one-point-five million won", {"1500000"}),  # 1.5 against 150만 was a false alarm
        ("one-hundred thousand", {"100000"}),
        ("a ninety-nine-point-nine percent rate", {"99.9"}),  # "a percent" was left over: a 1
        ("a two-thousand-ton ship", {"2000"}),
        ("twenty-five thousand three hundred", {"25300"}),  # no scale in the hyphens: read as before
    ],
)
def test_a_hyphen_spelled_number_is_read_with_its_and_and_the_scale_after_it(english: str, value: set[str]) -> None:
    assert numbers_in_english(english) == value


@pytest.mark.parametrize(
    ("english", "korean", "value"),
    [
        ("for about a year and a half", "1년 반 정도", {"1.5"}),  # read 1 and 0.5 against 1: a false alarm with 40대
        ("two and a half hours", "두 시간 반 동안", {"2.5"}),
        ("a man in his mid-forties", "40대 중반의 남성", {"40"}),  # the decade of an age, as "in his 40s"
        ("women in their sixties", "60대 여성들", {"60"}),
    ],
)
def test_a_half_after_a_count_and_the_decade_of_an_age_read_alike(english: str, korean: str, value: set[str]) -> None:
    """The Korean may carry loose readings besides (1년 반 is also "over a year"), never without the exact one."""
    assert numbers_in_english(english) == value
    assert value <= numbers_in_korean(korean)


def test_a_half_joins_only_a_count_of_time() -> None:
    """반 after a time counter is "and a half"; 반면 ("whereas"), a class (3반) and 반 after another
    counter are not."""
    assert numbers_in_korean("3년 반면 수입은 줄었다") == {"3"}
    assert numbers_in_korean("2학년 3반 학생들") == {"2", "3"}
    assert numbers_in_korean("5명 반 정도") == {"5"}
    assert numbers_in_english("half of the residents") == {"0.5"}


@pytest.mark.parametrize(
    ("english", "value"),
    [
        ("The number stood at 28 million-410-thousand last month.", "28410000"),  # a broadcast script's spelling
        ("two million-500-thousand people", "2500000"),
        ("He paid a 5 million-won fine.", "5000000"),  # the scale joined to its noun
        ("a five million-won fine", "5000000"),
        ("a 10 million-dollar deal", "10000000"),
        ("About three dozen soldiers died.", "36"),  # a dozen is a scale of twelve
        ("a dozen people", "12"),
    ],
)
def test_a_scale_written_with_hyphens_keeps_its_number(english: str, value: str) -> None:
    assert numbers_in_english(english) == {value}


def test_a_half_joins_the_number_before_it() -> None:
    assert numbers_in_english("one and a half million people") == {"1500000"}
    assert numbers_in_english("a year and a half") == {"1.5"}
    from toolkit.align.numbers import quantities_in_korean

    assert {q.value for q in quantities_in_korean("1년 반 동안") if not q.loose} == {1.5}
    assert numbers_in_korean("1년 반대 의견") == {"1"}  # 반대 is "opposition", no half


@pytest.mark.parametrize(
    ("english", "value"),
    [
        ("He has two sons and a half brother.", {"2", "0.5"}),  # a half brother: no 2.5 sons
        ("Five men were freed and a half dozen others were held.", {"5", "0.5", "12"}),
        ("The 3 workers and a half of the managers quit.", {"3", "0.5"}),
        ("He spent three years and a half in prison.", {"3.5"}),  # a count of time and a half
        ("a week and a half", {"1.5"}),
        ("two and a half hours", {"2.5"}),
    ],
)
def test_and_a_half_joins_a_count_only_across_its_unit(english: str, value: set[str]) -> None:
    assert numbers_in_english(english) == value


@pytest.mark.parametrize(
    ("english", "value"),
    [
        ("the Roaring Twenties", set()),  # an era (1920년대), no age
        ("Pop songs of the sixties are back.", set()),
        ("people in their forties and fifties", {"40", "50"}),
        ("a woman in her late thirties", {"30"}),
        ("a man in his mid-forties", {"40"}),
    ],
)
def test_a_decade_is_an_age_only_when_it_is_someones(english: str, value: set[str]) -> None:
    assert numbers_in_english(english) == value


@pytest.mark.parametrize(
    ("korean", "english", "values"),
    [
        ("장터에는 하루에 두세 명의 상인만 나왔다", "only two or three traders came to the market each day", {"2", "3"}),
        ("마을 서너 곳에서 우물이 말랐다", "wells ran dry in three or four villages", {"3", "4"}),
        ("대여섯 집은 하루 한 끼로 버틴다", "five or six families live on one meal a day", {"5", "6"}),
        ("예닐곱 명이 한꺼번에 붙잡혔다", "six or seven people were caught at once", {"6", "7"}),
    ],
)
def test_paired_native_numerals_give_both_ends(korean: str, english: str, values: set[str]) -> None:
    """두세, 서너, 대여섯: a native range a translator writes "two or three", "five or six";
    read as both numbers they meet the English one's, as hedged readings: a rounder figure beside
    them is no change, another range is (tests/test_checks.py)."""
    from toolkit.align.numbers import quantities_in_korean

    assert values <= numbers_in_korean(korean)
    assert values <= numbers_in_english(english)
    assert all(q.approx for q in quantities_in_korean(korean) if str(int(q.value)) in values)


def test_paired_native_look_alikes_are_not_numbers() -> None:
    """A verb ending (두세요 'put it down') and a country (세네갈) are no range."""
    assert numbers_in_korean("짐은 문 앞에 두세요") == set()
    assert numbers_in_korean("세네갈 대표단이 도착했다") == set()


@pytest.mark.parametrize(
    ("korean", "english", "value"),
    [
        ("노동자 손에 들어가는 돈은 이 가운데 5분의 1도 안 된다", "less than a fifth of it reaches the workers", "0.2"),
        ("주민의 3분의 2가 장사로 먹고산다", "two-thirds of the residents live on trade", "0.666667"),
        ("배급량이 4분의 1로 줄었다", "rations have been cut to one quarter of what they were", "0.25"),
        ("공장 3분의 1이 멈춰 섰다", "a third of the factories have stopped", "0.333333"),
    ],
)
def test_fractions_read_as_their_value(korean: str, english: str, value: str) -> None:
    """5분의 1 is a fifth, not 5 and 1; "two-thirds" is 2/3, not 2: both sides give one value."""
    assert numbers_in_korean(korean) == {value}
    assert numbers_in_english(english) == {value}


def test_ordinals_after_a_are_not_fractions() -> None:
    """"a third day" and "the first quarter" stay what they were (no fraction)."""
    assert "0.333333" not in numbers_in_english("protests went on for a third day")
    assert "0.25" not in numbers_in_english("exports fell in the first quarter")


@pytest.mark.parametrize(
    ("korean", "english", "values"),
    [
        # a range whose scale word is written once, after its second end, scales both ends
        ("하루 장마당 이용객은 100만~150만 명으로 추산된다", "some 1-1.5 million people use the markets a day", {"1000000", "1500000"}),
        ("하루 장마당 이용객은 100~150만 명으로 추산된다", "some 1 to 1.5 million people use the markets a day", {"1000000", "1500000"}),
        ("노동자 3~4천 명이 러시아로 파견됐다", "between 3 and 4 thousand workers were sent to Russia", {"3000", "4000"}),
    ],
)
def test_a_range_shares_the_scale_written_after_it(korean: str, english: str, values: set[str]) -> None:
    assert numbers_in_korean(korean) == values
    assert numbers_in_english(english) == values


def test_a_shared_scale_needs_a_rising_range_of_plain_figures() -> None:
    """A change and a level ("by 5 to 1.8 million"), "and" without "between", or a range that falls
    is no range with one scale."""
    assert numbers_in_english("the number rose by 5 to 1.8 million") == {"5", "1800000"}
    assert numbers_in_english("in 2019 3 and 4 million tons were shipped") >= {"3", "4000000"}
    assert numbers_in_english("it fell from 12-1.8 million") == {"12", "1800000"}


@pytest.mark.parametrize(
    ("korean", "value"),
    [("옥수수 가격이 2년 만에 천원대로 떨어졌다", "1000"), ("버스 요금이 천 원 올랐다", "1000"),
     ("하루 품삯은 백 달러였다", "100"), ("민간 접촉이 ‘제로’가 됐다", "0")],
)
def test_a_bare_thousand_before_money_and_zero_are_numbers(korean: str, value: str) -> None:
    assert value in numbers_in_korean(korean)


def test_a_bare_thousand_inside_a_word_or_before_a_title_and_zero_sum_are_not() -> None:
    assert numbers_in_korean("천 원장은 인천 원정 경기를 지켜봤다") == set()
    assert numbers_in_korean("남북 관계는 제로섬 게임이 아니다") == set()


@pytest.mark.parametrize(("korean", "values"), [
    ("그는 국가보안법 제7조 위반 혐의로 기소됐다.", {"7"}),
    ("공직선거법 250조 1항을 어긴 혐의다.", {"250", "1"}),
    ("헌법 제3조의2에 따라 처리됐다.", {"3", "2"}),
    ("예산 제1조 원칙을 따랐다.", {"1"}),
    # a sum keeps its trillions, law or no law before it
    ("세법 개정으로 세수가 5조 원 줄었다.", {"5000000000000"}),
    ("올해 예산은 656조6천억 원이다.", {"656600000000000"}),
])
def test_an_article_of_a_law_is_no_trillion(korean: str, values: set[str]) -> None:
    assert numbers_in_korean(korean) == values


def test_english_scale_words_past_a_trillion() -> None:
    assert numbers_in_english("Debt passed 1.2 quadrillion won.") == {"1200000000000000"}
    assert numbers_in_english("The budget is KRW 2.3tn.") == {"2300000000000"}


@pytest.mark.parametrize(("korean", "values"), [
    # after a word ending in 법 or 령 (불법, 대통령) a sum with its money word is still trillions
    ("불법 1조 원대 도박 사이트가 적발됐다.", {"1000000000000"}),
    ("트럼프 대통령 2조 원씩 내라고 요구했다.", {"2000000000000"}),
    ("방위비분담 특별협정 1조3천억 원 규모로 합의했다.", {"1300000000000"}),
    # ... and an article before its clause is still an article
    ("국가보안법 제7조 1항을 어긴 혐의다.", {"7", "1"}),
])
def test_a_sum_after_a_law_word_is_no_article(korean: str, values: set[str]) -> None:
    assert numbers_in_korean(korean) == values


def test_a_slash_between_numbers_is_a_fraction_only_where_it_reads_as_one() -> None:
    assert numbers_in_english("on 3/4 the talks began") == {"3", "4"}  # a date
    assert numbers_in_english("the 9/11 attacks") == {"9", "11"}
    assert numbers_in_english("open 24/7") == {"24", "7"}


def test_a_generation_is_no_count_of_three() -> None:
    # 세대 written as one word is a generation or a household; 세 대 written apart counts vehicles
    assert numbers_in_korean("젊은 세대가 등을 돌렸다") == set()
    assert numbers_in_korean("1인 세대가 늘었다") == {"1"}
    assert numbers_in_korean("차량 세 대가 부딪쳤다") == {"3"}


def test_a_count_of_households_is_no_pair_of_age_groups() -> None:
    assert numbers_in_korean("총 2030세대 규모의 아파트가 들어선다") == {"2030"}
    assert numbers_in_korean("2050세대가 입주한다") == {"2050"}  # no two neighbouring decades
    assert numbers_in_korean("2030세대의 지지율이 올랐다") == {"20", "30"}


@pytest.mark.parametrize("english, values", [
    ("The world changed after 9/11.", {"9", "11"}),  # the name closing a sentence, after a word of time
    ("Survivors marked the anniversary of 9/11.", {"9", "11"}),
    ("The discount runs through 6/30.", {"6", "30"}),  # a date
    ("Shares must be sold by 3/31.", {"3", "31"}),
    ("Applications open before 1/15.", {"1", "15"}),
    ("He was born on 3/4.", {"3", "4"}),  # (the guards 2719b39 wrote, whose own cases never reach them)
    ("Nothing has been the same since 9/11.", {"9", "11"}),
])
def test_a_date_closing_a_sentence_is_no_fraction(english: str, values: set[str]) -> None:
    assert numbers_in_english(english) == values
