"""Number and name checks per bead: what a translator does is no mismatch; a change is."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from toolkit.metrics.checks import check_names, check_numbers


@pytest.mark.parametrize(
    ("english", "korean"),
    [
        ("On Tuesday, 300 traders were fined.", "12일 상인 300명이 벌금을 물었다."),  # weekday vs day of month
        ("She was arrested on March 4 with 2 others.", "그는 지난달 4일 2명과 함께 체포됐다."),  # date resolved
        ("They ranked second and third.", "이들은 각각 2, 3위를 차지했다."),  # ordinals, a list
        ("It was the fifth plenary meeting since 2021.", "2021년 이후 제5차 전원회의다."),
        ("Planting ends in early May.", "모내기는 5월 상순에 끝난다."),
        ("Each family got a kilogram of rice.", "세대마다 쌀 1kg을 받았다."),
        ("He paid CNY 2,000 (about USD 310).", "그는 중국돈 2천 원(약 37만 원)을 냈다."),  # conversion, 원 for yuan
        ("The fine was RMB 50,000 (around USD 7,882).", "벌금은 중국돈 5만 원(한화 약 940만 원)이었다."),
        ("About 20 people were caught.", "20여 명이 붙잡혔다."),
        ("More than half of them left.", "절반 이상이 떠났다."),
        ("Around the fourth of last month, 2 brothers were arrested, a source said on July 1.",
         "지난달 4일경 형제 2명이 체포됐다."),
        # the month of the report added to a bare day, beside the Korean's other month
        ("“The couple was caught,” a source told Daily NK on Apr. 14.",
         "소식통은 14일 데일리NK에 “이 부부가 3월 초순 붙잡혔다”고 전했다."),
        # a measure converted in parentheses, a duration converted outside them
        ("The missile flew 7,560 seconds and hit a target 1,500 kilometers (932 miles) away.",
         "미사일은 126분 동안 1500㎞를 날아가 표적에 명중했다."),
        ("The talks lasted 180 minutes.", "회담은 3시간 동안 이어졌다."),
        # clock hours are times, not amounts: 2 p.m. says nothing against 20mm an hour
        ("A typhoon advisory has been in effect since 2 p.m.", "곳곳에 시간당 20에서 50mm의 비가 쏟아지겠다."),
        ("Cars are searched from eight in the morning to five in the evening.",
         "아침 8시부터 오후 5시까지 오가는 차량을 모두 검문한다."),
        ("The drill began at 10:30 a.m.", "훈련은 오전 10시 30분에 시작됐다."),
        ("The curfew starts at 12 a.m.", "통행금지는 밤 12시부터다."),
        ("The missile drew a figure eight for two hours.", "미사일은 ‘8자’를 그리며 2시간 동안 비행했다."),
    ],
)
def test_what_translators_do_is_no_mismatch(english: str, korean: str) -> None:
    check = check_numbers(english, korean)
    assert check.agree is not False, check.differences


@pytest.mark.parametrize(
    ("english", "korean", "flag"),
    [
        ("Prices rose to 4,700 won.", "값은 4,700원으로 올랐다.", None),
        ("Prices rose to 4,700 won.", "값은 4,200원으로 올랐다.", "number 4,700≠4,200"),
        ("He was jailed for five years in March.", "그는 3월에 징역 3년을 받았다.", "number 5≠3"),
        ("He was jailed in March.", "그는 4월에 수감됐다.", "month 3≠4"),
        ("31 refugees were sent back.", "탈북자 21명이 송환됐다.", "number 31≠21"),
        ("The law was passed in 2012.", "이 법은 2013년에 통과됐다.", "year 2012≠2013"),
        ("The missile flew for 7,580 seconds.", "미사일은 126분 동안 비행했다.", "number 7,580≠7,560"),
        ("The advisory took effect at 3 p.m.", "태풍주의보는 오후 2시에 발효됐다.", "time 15≠14"),
        ("The advisory took effect at 2 p.m.", "태풍주의보는 오후 2시에 발효됐다.", None),
        ("He was arrested on April 14.", "그는 3월 14일 체포됐다.", "month 4≠3"),
    ],
)
def test_a_changed_number_is_flagged_with_both_values(english: str, korean: str, flag: str | None) -> None:
    check = check_numbers(english, korean)
    assert check.checked
    assert check.differences == ((flag,) if flag else ())
    assert check.agree is (flag is None)


def test_a_number_on_one_side_only_is_not_checked() -> None:
    check = check_numbers("The court sentenced them last week.", "법원은 5년형을 선고했다.")
    assert check.agree is None and not check.checked


@pytest.mark.parametrize(
    ("english", "korean", "agree", "flag"),
    [
        ("“They use a clever method,” said the resident, identified only as Min.", "민 씨는 “지능적인 방법을 쓴다”고 말했다.", True, None),
        ("“They use a clever method,” said the resident, identified only as Min.", "박 씨는 “지능적인 방법을 쓴다”고 말했다.", False, "name Min≠박"),
        ("Han Ji-seok, who sponsored the bill, said so.", "법안을 발의한 한지석 의원은 이렇게 말했다.", True, None),
        ("Han Ji-seok, who sponsored the bill, said so.", "법안을 발의한 한지수 의원은 이렇게 말했다.", False, "name Han Ji-seok≠한지수"),
        # a given name whose second syllable is one letter (성아 -> Sung-a, 지아 -> Ji-a) is read whole, not cut to
        # "Yoon Sung"; a one-letter piece before an initialism's full stop is no name ("North Korea-U.S. talks")
        ("Yoon Sung-a, who led the study, said so.", "연구를 이끈 윤성아 교수는 이렇게 말했다.", True, None),
        ("Yoon Sung-a, who led the study, said so.", "연구를 이끈 윤성호 교수는 이렇게 말했다.", False, "name Yoon Sung-a≠윤성호"),
        ("Kim Ji-A joined the team this year.", "김지아 선수는 올해 팀에 합류했다.", True, None),
        ("Moon said North Korea-U.S. talks were stalled.", "문 씨는 북미 대화가 교착 상태라고 말했다.", True, None),
        ("Cho said the whole area was under investigation.", "조 모 씨는 지역 전체가 조사를 받고 있다고 말했다.", True, None),
        ("North Korea said so.", "김정은 위원장이 말했다.", None, None),
        ("A source said so.", "한 주민은 이렇게 말했다.", None, None),  # 한 is "a", not a surname here
        # a title before a surname named alone; Seoul is a city, not the surname 설
        ('"Talks must go through Seoul," Minister Kim stressed.', '"서울을 거쳐야 한다" 김 장관은 이렇게 강조했습니다.', True, None),
        ('"Talks must go through Seoul," Minister Kim stressed.', '"서울을 거쳐야 한다" 박 장관은 이렇게 강조했습니다.', False, "name Kim≠박"),
        ("The talks must go through Seoul, the minister said.", "회담은 서울을 거쳐야 한다고 김 장관은 말했습니다.", None, None),
    ],
)
def test_names_full_or_surname_alone(english: str, korean: str, agree, flag) -> None:
    check = check_names(english, korean)
    assert check.agree is agree
    assert check.differences == ((flag,) if flag else ())


@pytest.mark.parametrize("en, ko", [
    ("SEOUL, April 14 (Yonhap) -- The number dropped 77 percent to 31.", "3월 말 기준으로 31명이며, 77% 감소한 수준"),
    ("The official cited the closure as one of the reasons.", "제3국에서 체류하다가 코로나19 여파로 입국이 어려웠다"),
    ("He was caught with two officials, with Kim Jong Un himself weighing in.", "부소대장과 보위지도원이 붙잡혔고 1호 방침까지 내려졌다"),
    ("They entrusted it to two locals. The two men stayed in a local house.", "두 사람에게 위임했고, 이들은 한 주민 살림집에 은거했다"),
    # 대 counts vehicles, not the 대 of 대학: 한 대학 is "a university", no count of one
    ("She held two or three jobs while at a university in Seoul.", "서울의 한 대학에 다니며 아르바이트를 여러 개 했다."),
])
def test_numbers_that_are_names_datelines_or_mentioned_again_are_no_disagreement(en: str, ko: str) -> None:
    assert check_numbers(en, ko).agree is not False


@pytest.mark.parametrize("en, ko", [
    # a hedged figure rounded by one digit
    ("Food for the holiday table now costs 20% more than the approximately 250,000 won spent last year.",
     "지난해 24만 9천여 원보다 20%나 오른 가격입니다."),
    # a holiday's date written with a dot in parentheses
    ("The crackdown will continue until April 15, the Day of the Sun.", "가방 단속은 태양절(4.15)까지 이어진다."),
    # a day named by its month and day with a middle dot: a name, beside a count or another date
    ("Two border guards were punished ahead of July 27, which the North marks as Victory Day.",
     "7·27 전승절을 앞두고 국경경비대 군인 두 명이 처벌을 받았다."),
    ("Traders stocked up for Kim Il Sung's birthday, a source told Daily NK on Apr. 20.",
     "소식통은 20일 데일리NK에 “4·15 명절을 앞두고 상인들이 물건을 사들였다”고 말했다."),
    # a range of months is months; "a year earlier" is no count of one
    ("Arrivals fell sharply in the first quarter from a year earlier, to 31.",
     "올해 1분기(1∼3월) 입국자는 31명으로 지난해보다 크게 줄었다."),
    ("The market opens on the 5th.", "장마당은 5일부터 문을 연다."),
    # one fact written twice in Korean, once in English, beside an English addition
    ("The center marked its 23rd anniversary in Anseong, some 77 kilometers south of Seoul.",
     "하나원은 개원 23주년을 맞았다. 안성 하나원에서 개원 23주년 기념식이 열렸다."),
    # a share added in English beside a multiple in Korean: neither was changed
    ("The index beat the S&P 500, up 15.5 percent, and the Nasdaq, which gained 20.2 percent.",
     "미국 S&P500 지수(15.5%) 상승률의 4배에 이른다."),
    ("Exports rose 12 percent, three times the pace of imports.", "수출은 12% 늘어 수입 증가율의 3배였다."),
    # "first" renders 처음: it says nothing against a Korean count it does not render
    ("It was the index's first close above 4,000 since its launch in 1980.",
     "100포인트로 출발한 1980년 이후 처음으로 4,000을 넘어 마감했다."),
    # an hour said without its part of the day, or with it in a speaker's aside, resolved by the translator
    ("He told his wife at 10 p.m. the night before he left.", "떠나기 전날 (밤) 10시에 아내에게 말했다고 합니다."),
    ("He told his wife at 10 p.m. the night before he left.", "떠나기 전날 10시에 아내에게 말했다고 합니다."),
])
def test_a_checked_bead_with_a_translators_habit_agrees(en: str, ko: str) -> None:
    """Roundings, dotted dates, restated facts, a share beside a multiple, "first" for 처음."""
    check = check_numbers(en, ko)
    assert check.checked and check.agree is True, check.differences


@pytest.mark.parametrize(("en", "ko", "flag"), [
    ("About 20 people were caught.", "25여 명이 붙잡혔다.", "number 20≠25"),  # more than a rounding
    ("The won hovered around 1,400 to the dollar.", "1달러에 1,405원대를 유지했다.", "number 1,400≠1,405"),  # two digits
    ("The crackdown will continue until April 15.", "단속은 태양절(4.16)까지 이어진다.", "day 15≠16"),
    # a pair of ranks with a counter tight after it is a list, not a date
    ("The two teams finished second and fifth.", "두 팀은 2·3위를 차지했다.", "number 5≠3"),
    ("Prices peaked in mid-October and fell by the end of October.", "15월 중순 정점을 찍은 값은 10월 말 내렸다.",
     "month 10≠15"),  # an impossible month is a month; mid-October is one
    ("Arrivals fell sharply in the first quarter from a year earlier.",
     "올해 5분기(1∼3월) 입국자는 지난해보다 크게 줄었다.", "number 1≠5"),
    # the same number before different words is two facts, not one restated
    ("Three people were jailed for three months.", "3명이 5개월 동안 수감됐다.", "number 3≠5"),
    # a percent, a multiple and a count are each compared with their like
    ("Rice prices rose 30 percent in a month.", "쌀값이 한 달 새 40% 올랐다.", "number 30≠40"),
    ("Fares are now three times what they were.", "운임이 예전의 4배가 됐다.", "number 3≠4"),
    ("He flashed a torch three times.", "그는 손전등을 5번 깜빡였다.", "number 3≠5"),  # occasions, not a multiple
    ("He finished first among 12 runners, ahead of 11 others.", "그는 12명 가운데 1위를 했고 10명을 앞섰다.", "number 11≠10"),
    # a demonstrative before a time noun: "four times this year" counts visits, as 세 차례 does
    ("He has visited China four times this year.", "그는 올해 중국을 세 차례 방문했다.", "number 4≠3"),
    ("Missiles were fired five times that month.", "그달에만 미사일이 4차례 발사됐다.", "number 5≠4"),
    # a multiple before the copula or a particle other than the commonest is a multiple still
    ("Fares are now three times what they were.", "운임이 예전의 4배였다.", "number 3≠4"),
    ("Fares are now three times what they were.", "운임이 예전의 4배까지 올랐다.", "number 3≠4"),
    # an hour with its part of the day said is compared as said; a bare hour still by its number
    ("He told his wife at 10 a.m. the day before he left.", "떠나기 전날 (밤) 10시에 아내에게 말했다고 합니다.", "time 10≠22"),
    ("He told his wife at 11 p.m. the night before he left.", "떠나기 전날 10시에 아내에게 말했다고 합니다.", "time 23≠10"),
    ("One truck was seized.", "트럭 두 대가 압수됐다.", "number 1≠2"),
])
def test_a_change_beside_those_habits_is_still_flagged(en: str, ko: str, flag: str) -> None:
    assert check_numbers(en, ko).differences == (flag,)


@pytest.mark.parametrize("en, ko", [
    ("Exports came to $4.28 billion last month.", "수출액은 지난달 42억8000만달러였다."),
    ("Some 16.37 million people answered the survey.", "설문에는 1637만 명이 응답했다."),
])
def test_a_decimal_times_a_scale_meets_its_korean_units(en: str, ko: str) -> None:
    # 4.28 * 1e9 is not exactly 4,280,000,000 in binary
    assert check_numbers(en, ko).agree is True
    assert check_numbers(en.replace("4.28", "4.29").replace("16.37", "16.47"), ko).agree is False


def test_a_holiday_is_no_personal_name() -> None:
    check = check_names("The crackdown runs until the Day of the Sun, the birthday of Kim Il Sung.",
                        "단속은 태양절까지 이어진다.")
    assert not check.checked


@pytest.mark.parametrize("en, ko", [
    ("Applicants to Seoul National University fell for a third year.", "서울대 지원자는 3년 연속 줄었다."),
    ("Han Foundation grants went to 40 schools.", "한재단의 지원금은 40개 학교에 돌아갔다."),
])
def test_an_institution_that_opens_with_a_surname_is_no_personal_name(en: str, ko: str) -> None:
    # "National", "University", "Foundation" cannot be spelled with Korean syllables: no given name
    assert not check_names(en, ko).differences


def test_given_names_in_any_newspaper_spelling_are_still_compared() -> None:
    assert check_names("Jang Song-thaek was executed.", "장성택이 처형됐다.").agree is True
    assert check_names("Jang Song-thaek was executed.", "최룡해가 처형됐다.").agree is False


@pytest.mark.parametrize("en, ko_same, ko_other", [
    ("Prime Minister Han Duck-soo met the envoy.", "한덕수 총리가 특사를 만났다.", "한명수 총리가 특사를 만났다."),
    ("Kwon Jae-seob was elected.", "권재섭이 당선됐다.", "권재민이 당선됐다."),
    ("NCSoft founder Kim Taeck-jin spoke.", "김택진 창업자가 말했다.", "김성호 창업자가 말했다."),
    ("Chairman Bang Si-hyuck spoke.", "방시혁 의장이 말했다.", "최경민 의장이 말했다."),
])
def test_given_names_spelled_with_ck_b_finals_are_still_compared(en: str, ko_same: str, ko_other: str) -> None:
    # finals newspapers print as "ck" (Duck, Taeck, Hyuck) and "b" (Seob) are Korean syllables too
    assert check_names(en, ko_same).agree is True
    assert check_names(en, ko_other).agree is False


def test_a_long_word_after_a_surname_is_read_at_once() -> None:
    # "ae" is one vowel or "a" then "e": a long word of them that fails at its end was tried every way
    # (minutes for 50 letters) before the length of a given name's part was bounded
    script = ("from toolkit.metrics.checks import english_name_candidates as f; "
              "print(sorted(f('Kim Jae-' + 'ae' * 40 + 'x said. The ' + 'Aeae' * 30 + 'x went.')))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60,
                          cwd=Path(__file__).resolve().parents[1])
    assert done.returncode == 0 and done.stdout.strip() == "[]"


@pytest.mark.parametrize("en, ko", [
    # a gap between two prices is no price: the English gives the gap, the Korean the prices
    ("Pork sells for about 300 won more than its state price.", "돼지고기는 시장에서 1000원에 거래되고 있다."),
    ("Rice sells for 350 won while the state price is 240 won.", "쌀값은 350원이고 국정가격과의 차액은 100원이다."),
    # the nights of a stay beside its days, and a count of days that is no date
    ("The prime minister will visit South Korea for two days on Sunday.", "총리가 오는 7일부터 1박 2일간 방한합니다."),
    ("The delegation booked a three-night stay in Tokyo.", "대표단은 도쿄에서 3박 4일 일정을 보낸다."),
    ("The envoy stayed in Pyongyang for three days.", "특사는 사흘 동안 평양에 머물렀다. 3일간의 일정이었다."),
    ("The envoy stayed in Pyongyang for three days.", "특사는 평양에서 3일 간의 일정을 마쳤다."),
])
def test_a_gap_or_the_nights_of_a_stay_are_no_disagreement(en: str, ko: str) -> None:
    assert check_numbers(en, ko).agree is not False, check_numbers(en, ko).differences


@pytest.mark.parametrize(("en", "ko", "flag"), [
    ("Pork costs 300 won more than its state price.", "돼지고기는 국정가격보다 500원 더 비싸다.", "difference 300≠500"),
    ("He will stay two nights in Tokyo.", "그는 도쿄에서 3박 4일 일정을 보낸다.", "night 2≠3"),
    ("The envoy stayed in Pyongyang for three days.", "특사는 5일간 평양에 머물렀다.", "number 3≠5"),
    # 간 written apart before more Hangul is a word of its own (간담회): 7일 stays the date
    ("The minister met reporters on May 8.", "장관은 5월 7일 간담회를 열었다.", "day 8≠7"),
    ("Rice sells for 350 won while the state price is 240 won.", "쌀값은 350원이고 국정가격은 290원이다.", "number 240≠290"),
])
def test_a_changed_gap_night_or_day_count_is_flagged(en: str, ko: str, flag: str) -> None:
    assert check_numbers(en, ko).differences == (flag,)


@pytest.mark.parametrize(("english", "korean", "agree", "flag"), [
    # Kiwi reads 손서영 as 손 + 서영: the name is taken whole
    ("The main points follow, presented by reporter Son Seo-young.", "주요 내용을 손서영 기자가 보도합니다.", True, None),
    ("The main points follow, presented by reporter Son Seo-young.", "주요 내용을 박서영 기자가 보도합니다.", False,
     "name Son Seo-young≠박서영"),
    # a changed surname Kiwi does not tag as a name is found through the English given name
    ("The remarks of Kim Jong Un were cited again.", "김정은 국무위원장의 발언을 재차 언급했다.", True, None),
    ("The remarks of Kim Jong Un were cited again.", "박정은 국무위원장의 발언을 재차 언급했다.", False, "name Kim Jong Un≠박정은"),
    ("Anchor Choi Moon-jong opened the news.", "오늘부터 뉴스를 진행할 최문종입니다.", True, None),
    ("Anchor Choi Moon-jong opened the news.", "오늘부터 뉴스를 진행할 박문종입니다.", False, "name Choi Moon-jong≠박문종"),
    # an ethnic Korean from China (조선족) is a people, not a person named 조
    ("An ethnic Korean from China surnamed Cho told a similar story. Cho confirmed it.",
     "중국 조선족 박 모 씨도 비슷한 이야기를 전했습니다. 박 씨는 사실이라고 확인했습니다.", False, "name Cho≠박"),
])
def test_names_kiwi_cuts_or_misses_are_compared(english: str, korean: str, agree, flag) -> None:
    check = check_names(english, korean)
    assert check.agree is agree
    assert check.differences == ((flag,) if flag else ())


def test_a_dotted_pair_before_a_number_is_a_list_not_a_named_day() -> None:
    from toolkit.align.numbers import quantities_in_korean

    assert [q.value for q in quantities_in_korean("1·2  3명이 다쳤다.")] == [1.0, 2.0, 3.0]
    assert quantities_in_korean("6·25 전쟁 때 피란했다.") == []


def test_a_native_numeral_before_a_noun_may_match_but_never_disagrees() -> None:
    """두 before a noun is read as 2 only to meet a "two" in the English: "the two leaders" is not
    counted in English, so against "the first stage" it must not make 1≠2."""
    assert check_numbers("Analysts say the congress could codify its “two hostile states” doctrine.",
                         "9차 당대회를 통해 ‘적대적 두 국가론’을 명문화하는 수순으로 해석된다.").agree is not False
    assert check_numbers("The first stage took place today (Aug. 23), with the two leaders sitting down in Tokyo.",
                         "오늘(23일) 그 첫 무대로 두 정상이 일본 도쿄에서 마주 앉았습니다.").agree is not False
    assert check_numbers("Sales reached 5,000 units.", "판매량은 두 달 만에 3천 개에 이르렀다.").agree is False


def test_first_half_and_first_lieutenant_hold_no_digit_in_korean() -> None:
    # 상반기, 중위: the English "first" may match a 1 but says nothing against another number
    assert check_numbers("Exports rose in the first half of this year.", "올해 상반기 수출은 2년 만에 늘었다.").agree is not False
    assert check_numbers("He became a first lieutenant two years later.",
                         "그는 2년 뒤 중위가 돼 소대원 30명을 맡았다.").agree is not False


@pytest.mark.parametrize(("en", "ko"), [
    # an exact Korean figure rounded to the English one's last digit, within a tenth of it
    ("Exports reached $15.2 billion in the first 20 days of the month.", "이달 1∼20일 수출액은 152억3천만 달러로 집계됐다."),
    ("The trade deficit came to $700 million.", "무역수지는 6억8천200만 달러 적자를 기록했다."),
    ("Output was estimated at 512.3 trillion won.", "실질 국내총생산은 512조3,118억 원으로 추산됐다."),
    ("The number of employed people stood at 29.1 million.", "지난달 취업자 수는 2,912만4천 명으로 집계됐다."),
    ("Shipments to China came to $3 billion.", "대중 수출액은 29억7천100만 달러였다."),
    ("Exports came to $1.6 billion.", "수출액은 16억3천만 달러였다."),
])
def test_a_translators_rounding_of_an_exact_figure_is_no_change(en: str, ko: str) -> None:
    check = check_numbers(en, ko)
    assert check.checked and check.agree, check.differences


@pytest.mark.parametrize(("en", "ko", "flag"), [
    ("Exports reached $15.2 billion.", "수출액은 162억3천만 달러였다.", "number 15,200,000,000≠16,230,000,000"),
    ("Exports reached $15.23 billion.", "수출액은 152억 달러였다.", "number 15,230,000,000≠15,200,000,000"),  # more exact than its original
    ("She sent 2 million won to her mother.", "그는 어머니에게 240만 원을 보냈다.", "number 2,000,000≠2,400,000"),  # 17% off
    ("She sent 2 million won to her mother.", "그는 어머니에게 205만 원을 보냈다.", "number 2,000,000≠2,050,000"),  # a round figure's last digit
    ("The trade deficit came to $700 million.", "무역수지는 6억2천만 달러 적자였다.", "number 700,000,000≠620,000,000"),
    ("The deficit came to $1 billion.", "적자는 13억4천만 달러였다.", "number 1,000,000,000≠1,340,000,000"),  # a third off
    ("The fine was 24,000 won.", "벌금은 2만 4천500원이었다.", "number 24,000≠24,500"),  # below the millions: no tolerance
    # the last written digit changed, two places or more below the English figure's: 21억3000만 altered
    ("Per-day exports came to $2.13 billion.", "일평균 수출액은 21억3005만 달러였다.", "number 2,130,000,000≠2,130,050,000"),
    ("Employment stood at 28,801,000.", "취업자는 2880만1005명이었다.", "number 28,801,000≠28,801,005"),
    # two significant digits are a round figure however they are written (as 11억, 19억): a planted 1억 -> 1억1천만
    ("Aid came to $100 million.", "지원액은 1억1천만 달러였다.", "number 100,000,000≠110,000,000"),
    ("Aid came to $200 million.", "지원액은 1억9000만 달러였다.", "number 200,000,000≠190,000,000"),
    ("Aid came to $300 million.", "지원액은 3억1천만 달러였다.", "number 300,000,000≠310,000,000"),
])
def test_a_change_is_no_rounding(en: str, ko: str, flag: str) -> None:
    assert check_numbers(en, ko).differences == (flag,)


@pytest.mark.parametrize(("en", "ko", "agree", "flag"), [
    # the translator names the month of the Korean's 지난달; the Korean's other month is left out
    ("In April, exports rose for the seventh straight month.", "수출은 작년 10월부터 지난달까지 7개월 연속 늘었다.", True, None),
    ("Prices fell in June after rising in March.", "물가는 3월에 올랐다가 이달 들어 내렸다.", True, None),
    # one month for each such word; without one, a month is a month
    ("Exports rose in March and April.", "수출은 작년 10월과 지난달 늘었다.", False, "month 4≠10"),
    ("In April, exports rose.", "수출은 지난 3월 늘었다.", False, "month 4≠3"),
    ("The source passed on the news in April.", "소식통은 3월 소식을 전달했다.", False, "month 4≠3"),  # 전달: delivered
    # and the year of the Korean's 지난해 or 올해
    ("Arrivals rebounded to 196 in 2023 and 236 in 2024.", "입국 인원은 2023년 196명으로 회복됐고 지난해에는 236명이었다.", True, None),
    ("Exports hit a record in 2024.", "수출은 2023년 사상 최대를 기록했다.", False, "year 2024≠2023"),
    ("Prices rose in 2022 and 2024.", "물가는 2021년과 지난해 올랐다.", False, "year 2022≠2021"),
    # but not a year or month one last digit away from one the Korean names: that is the figure changed
    ("Exports this year were the highest since 2023.", "올해 수출은 2021년 이후 가장 많았다.", False, "year 2023≠2021"),
    ("Prices fell in March, the source said last month.", "소식통은 지난달 물가가 5월에 내렸다고 전했다.", False, "month 3≠5"),
])
def test_a_month_or_year_named_for_last_month_or_year(en: str, ko: str, agree: bool, flag: str | None) -> None:
    check = check_numbers(en, ko)
    assert check.agree is agree and check.differences == ((flag,) if flag else ())


@pytest.mark.parametrize(("en", "ko", "agree", "flag"), [
    # a surname with 모 written tight or an age in parentheses (김모(35) 씨), or before more titles
    ("Kim, 35, was arrested last week.", "김모(35) 씨가 지난주 체포됐다.", True, None),
    ("A resident surnamed Lee said prices rose.", "주민 이모 씨는 물가가 올랐다고 말했다.", True, None),
    ("A resident surnamed Lee said prices rose.", "주민 박모 씨는 물가가 올랐다고 말했다.", False, "name Lee≠박"),
    ("Choi said the government would respond.", "최 부총리는 정부가 대응하겠다고 말했다.", True, None),
    ("Choi said the government would respond.", "한 부총리는 정부가 대응하겠다고 말했다.", None, None),  # 한: also "a"
    ("General Secretary Kim Jong Un visited the site.", "김 총비서가 현장을 찾았다.", True, None),
    ("Coach Hong said the team was ready.", "홍 감독은 팀이 준비됐다고 말했다.", True, None),
    ("Coach Hong said the team was ready.", "박 감독은 팀이 준비됐다고 말했다.", False, "name Hong≠박"),
    # 모 standing alone is "a certain" (某), the name withheld: no surname against the English one
    ("Kim said the money was gone.", "모 씨는 돈이 사라졌다고 말했다.", None, None),
    ("Lawmaker Kim met party leader Park.", "모 의원은 박 대표를 만났다.", True, None),
    ("Kim, a player, said the team was ready.", "모 선수는 팀이 준비됐다고 말했다.", None, None),
])
def test_surnames_with_mo_an_age_or_a_title_are_compared(en: str, ko: str, agree, flag) -> None:
    check = check_names(en, ko)
    assert check.agree is agree and check.differences == ((flag,) if flag else ())


def test_a_party_or_province_before_a_title_is_no_surname() -> None:
    from toolkit.metrics.checks import korean_surname_mentions

    assert korean_surname_mentions("김여정 당 부부장과 도 위원장이 참석했다.") == set()


@pytest.mark.parametrize(("en", "ko", "flag"), [
    # a half after a span of time, and the decade of an age spelled out
    ("He had lived in China for about a year and a half.", "그는 중국에서 1년 반 정도 머물렀다.", None),
    ("The talks lasted two and a half hours.", "회담은 2시간 반 동안 이어졌다.", None),
    ("The suspect is a man in his mid-forties.", "주동자로 지목된 주민은 40대 중반이다.", None),
    ("Most of them are in their thirties.", "이들 대부분은 30대다.", None),
    ("He had lived in China for over a year.", "그는 중국에서 1년 반 정도 머물렀다.", None),  # the whole part, loose
    ("He had lived in China for 18 months.", "그는 중국에서 1년 반 정도 머물렀다.", None),
    ("He had lived in China for two and a half years.", "그는 중국에서 1년 반 정도 머물렀다.", "number 2.5≠1.5"),
    ("The suspect is a man in his fifties.", "주동자로 지목된 주민은 40대 중반이다.", "number 50≠40"),
    # years and months given in months alone, or as a year and a half
    ("He was sentenced to 18 months in prison.", "그는 징역 1년 6개월을 선고받았다.", None),
    ("He was sentenced to a year and a half in prison.", "그는 징역 1년 6개월을 선고받았다.", None),
    ("He served 20 months in a labor camp.", "그는 교화소에서 1년 8개월 동안 복역했다.", None),
    ("He was sentenced to 17 months in prison.", "그는 징역 1년 6개월을 선고받았다.", "number 17≠6"),
    ("He was sentenced to 18 months in prison.", "그는 징역 1년 8개월을 선고받았다.", "number 18≠8"),
    # the end of a day range is a day ("Jan. 1 to 10" ~ 1∼10일), a number of working days a count
    ("Exports reached $15.5 billion in the Jan. 1 to 10 period, compared with $15.9 billion a year earlier.",
     "이달 1∼10일 수출액은 155억 달러로 1년 전(159억 달러)보다 줄었다.", None),
    ("Exports reached $15.5 billion in the Jan. 1-20 period.", "이달 1∼10일 수출액은 155억 달러였다.", "day 20≠10"),
    ("There were 7 working days, compared with 7.5 a year earlier.", "조업일수는 7일로 작년(7.5일)보다 반나절 적었다.", None),
    ("There were 7 working days, compared with 6.5 a year earlier.", "조업일수는 7일로 작년(7.5일)보다 반나절 적었다.", "number 6.5≠7.5"),
])
def test_spans_of_time_ages_and_day_ranges_as_translators_give_them(en: str, ko: str, flag: str | None) -> None:
    check = check_numbers(en, ko)
    assert check.checked and check.differences == ((flag,) if flag else ())


def test_a_word_that_is_also_a_surname_before_a_place_or_month_is_no_name() -> None:
    from toolkit.metrics.checks import english_name_candidates, korean_name_candidates

    assert english_name_candidates("In September, Kim Jong Un visited Hyesan. In Hyesan, prices rose.") == {"Kim Jong Un"}
    assert english_name_candidates("Do Hee-yun and An Chang-ho met Ban Ki-moon.") == {"Do Hee-yun", "An Chang-ho", "Ban Ki-moon"}
    assert korean_name_candidates("그는 형기를 마치고 판문점을 거쳐 돌아왔다.") == set()


@pytest.mark.parametrize(("en", "ko", "flag"), [
    # "more than 2 million won" for 200여만 원: the 여 stands inside the figure, before its 만
    ("Her hospital bills came to more than 3 million won.", "입원비만 300여만 원이 나왔다.", None),
    ("Her hospital bills came to more than 3 million won.", "입원비만 500여만 원이 나왔다.", "number 3,000,000≠5,000,000"),
    ("Some 15 million won was collected.", "모두 1천5백여만 원이 모였다.", None),
    # a conversion said in words, not in parentheses, on either side, is an addition
    ("The trader lost 250,000 yuan, or about $35,000.", "이 상인은 중국돈 25만 위안, 한화로 약 4천6백만 원을 떼였다.", None),
    ("She still owes 4,000 yuan, or roughly 750,000 won.", "그는 아직 4천 위안, 우리 돈으로 75만 원가량을 갚지 못했다.", None),
    ("The trader lost 250,000 yuan, or about $35,000.", "이 상인은 중국돈 28만 위안, 한화로 약 4천6백만 원을 떼였다.", "number 250,000≠280,000"),
    # a weight is compared with weights: 한 척 and 한 번 are no "a kilogram"
    ("Petrol sells for 15,000 won a kilogram. Each boat burns 80 kilograms a trip.",
     "휘발유는 1킬로그램에 1만 5천 원이고, 배 한 척이 한 번 나가는 데 80킬로그램이 든다.", None),
    ("Petrol sells for 15,000 won a kilogram. Each boat burns 80 kilograms a trip.",
     "휘발유는 3킬로그램에 1만 5천 원이고, 배 한 척이 한 번 나가는 데 80킬로그램이 든다.", "number 1≠3"),
    # "per kg" against 1kg당: the 1 is the rate's, no count beside a stray footnote mark
    ("Maize sold for 2,900 won per kg (3) on Monday, up 400 won.", "옥수수는 1kg당 2,900원으로 400원 올랐다.", None),
    # the same figures written as Korean papers often write them: 300여 만 원 spaced, 20만t for tons
    ("Her hospital bills came to more than 3 million won.", "입원비만 300여 만 원이 나왔다.", None),
    ("North Korea brought in 100,000 tons of rice from China.", "북한은 중국에서 쌀 10만t을 들여왔다.", None),
    ("North Korea brought in 100,000 tons of rice from China.", "북한은 중국에서 쌀 20만t을 들여왔다.",
     "number 100,000≠200,000"),
    # a figure only given in won or dollars (한화로, 미화로 with no other figure before it) is the figure
    # itself, not an added conversion; nor is a second sum in the same currency ("or 45,000 yuan with interest")
    ("The fire caused about 500 million won in damage.", "불이 나 한화로 약 7억 원의 재산 피해가 났다.",
     "number 500,000,000≠700,000,000"),
    ("He was paid $10,000 in cash for the job.", "그는 그 일의 대가로 미화로 2만 달러를 현금으로 받았다.", "number 10,000≠20,000"),
    ("The debt was 40,000 yuan, or 45,000 yuan with interest.", "빚은 4만 위안, 이자를 합치면 5만 위안이다.",
     "number 45,000≠50,000"),
])
def test_figures_with_yeo_conversions_in_words_and_weights(en: str, ko: str, flag: str | None) -> None:
    result = check_numbers(en, ko)
    assert result.agree is (flag is None)
    assert (flag is None) or flag in result.differences


@pytest.mark.parametrize(("en", "ko", "agree", "flag"), [
    # a full name on one side, the surname alone with a title on the other, for two people at once
    ("Officials are watching what Choi will do next, and President Yoon Seo-jin has called a meeting.",
     "정부는 최태성이 앞으로 어떻게 나올지 지켜보고 있으며 윤 대통령은 회의를 소집했다.", True, None),
    ("Officials are watching what Choi will do next, and President Yoon Seo-jin has called a meeting.",
     "정부는 최태성이 앞으로 어떻게 나올지 지켜보고 있으며 정 대통령은 회의를 소집했다.", False, "name Yoon≠정"),
    # a person named in one language as another's relative ("the sister of ... Kim Jong Un" for 김여정)
    ("The minister spoke of remarks by the younger sister of North Korean leader Kim Jong Un.",
     "장관은 북한 김여정 부부장의 발언에 대해 언급했다.", True, None),
    ("Minister Ahn Do-yun spoke of remarks by Kim Jong Un's powerful sister.",
     "안도윤 장관은 김여정 부부장의 발언에 대해 언급했다.", True, None),
    ("Minister Ahn Do-yun spoke of remarks by Kim Jong Un's powerful sister.",
     "조도윤 장관은 김여정 부부장의 발언에 대해 언급했다.", False, "name Ahn Do-yun≠"),
    # a place with an apostrophe is no surname: nothing to compare with 지안
    ("A resident of Ji'an said the boats were full.", "지안의 한 주민은 배가 꽉 찼다고 말했다.", None, None),
    # more titles after a surname named alone (외무상, 실장, 대변인, 할머니)
    ("Choe told reporters the talks were over.", "최 외무상은 기자들에게 회담이 끝났다고 말했다.", True, None),
    ("Choe told reporters the talks were over.", "박 외무상은 기자들에게 회담이 끝났다고 말했다.", False, "name Choe≠박"),
    ("Song Min-ji said Ahn would handle it.", "송민지 원장은 황 실장이 처리할 것이라고 말했다.", False, "name Ahn≠황"),
    ("Grandmother Kang, 81, lives alone.", "강 할머니(81)는 혼자 산다.", True, None),
    # a surname changed to a near one in a full name is as much a change as in a surname alone
    ("Defector Jang Hyun-soo, 41, spoke to RFA.", "탈북민 장현수(41) 씨는 자유아시아방송에 말했다.", True, None),
    ("Defector Jang Hyun-soo, 41, spoke to RFA.", "탈북민 정현수(41) 씨는 자유아시아방송에 말했다.", False, "name Jang Hyun-soo≠정현수"),
    ("Defector Hyun-soo Jang, 41, spoke to RFA.", "탈북민 장현수(41) 씨는 자유아시아방송에 말했다.", True, None),
    # whose relative someone is, named on both sides: those names are compared like any other
    ("The minister spoke of remarks by Kim Kyong-hui, the younger sister of former leader Kim Jong Il.",
     "장관은 김정일 국방위원장의 여동생인 김경희 당 비서의 발언을 언급했다.", True, None),
    ("The minister spoke of remarks by Kim Kyong-hui, the younger sister of former leader Kim Jong Il.",
     "장관은 박정일 국방위원장의 여동생인 김경희 당 비서의 발언을 언급했다.", False, "name Kim Jong Il≠박정일"),
    # the surname alone ("Kim said") is the full name's own later mention
    ("Kim Chol-su, a trader in Hyesan, said prices had risen. Kim said he now sells less.",
     "혜산의 상인 김철수 씨는 값이 올라 요즘은 덜 판다고 말했다.", True, None),
    ("Trader Kim Chol-su said prices had risen.", "상인 김철수 씨는 값이 올랐다며 김 씨 가게도 손님이 줄었다고 말했다.", True, None),
])
def test_surnames_alone_relatives_places_and_near_surnames(en: str, ko: str, agree, flag) -> None:
    result = check_names(en, ko)
    assert result.agree is agree
    assert flag is None or any(d.startswith(flag) for d in result.differences)


@pytest.mark.parametrize(("en", "ko", "flag"), [
    # the month a change is measured against, named in Korean only, "on-month" in English
    ("Coal exports fell 15 percent on-month in September.", "지난달 석탄 수출은 8월보다 15% 줄었다.", None),
    ("Coal exports fell 15 percent from the previous month in September.", "지난달 석탄 수출은 8월에 비해 15% 줄었다.", None),
    ("Rice imports rose 8 percent on-year in 2025.", "지난해 쌀 수입은 2024년보다 8% 늘었다.", None),
    # a month that is no neighbour, or no 지난달 for the English month: still a change
    ("Coal exports fell 15 percent on-month in September.", "지난달 석탄 수출은 5월보다 15% 줄었다.", "month 9≠5"),
    ("Coal exports fell 15 percent on-month in September.", "석탄 수출은 8월보다 15% 줄었다.", "month 9≠8"),
    # "first" before a meeting Korean numbers with a digit
    ("The talks follow the first inter-Korean summit of the year.", "이번 회담은 올해 제1차 남북정상회담에 이은 것이다.", None),
    ("The talks follow the first inter-Korean summit of the year.", "이번 회담은 올해 제3차 남북정상회담에 이은 것이다.", "number 1≠3"),
    ("He spoke at the first Party Congress meeting in Pyongyang.", "그는 평양에서 열린 제2차 당대회 회의에서 연설했다.", "number 1≠2"),
    # "first" before a meeting the Korean calls 첫 or 처음 (no digit): no disagreement with a figure the English left out
    ("The first summit in three years drew 4,000 journalists.", "3년 만에 처음 열린 이번 정상회담에는 기자 4천 명과 경호원 500명이 몰렸다.", None),
    ("The first inter-Korean talks in three years drew 40 officials.", "3년 만의 첫 남북회담에는 당국자 40명과 기자 200명이 참석했다.", None),
    # "first" for 처음 stays a reading that never disagrees
    ("It was the first time the summit drew 40 delegates.", "정상회의에 대표단 40명이 모인 것은 처음이며 2차 회의도 잡혔다.", None),
    # a span in two units is their sum ("an hour" alone is a reading that never disagrees)
    ("The two sides talked for 80 minutes.", "양측은 1시간 20분 동안 대화했다.", None),
    ("The two sides talked for an hour and 20 minutes.", "양측은 80분 동안 대화했다.", None),
    ("The two sides talked for 80 minutes.", "양측은 1시간 40분 동안 대화했다.", "number 4,800≠6,000"),
    ("The two sides talked for an hour and 20 minutes.", "양측은 85분 동안 대화했다.", "number 4,800≠5,100"),
    ("Cleaners earn 9,000 won an hour.", "청소 노동자는 시간당 9천 원을 번다고 3명이 말했다.", None),
    # a half hour said in words, and hours with a half, against the minutes of the Korean
    ("The two sides talked for an hour and a half.", "양측은 1시간 30분 동안 대화했다.", None),
    ("They waited for half an hour at the checkpoint.", "이들은 검문소에서 30분을 기다렸다.", None),
    ("The bus from Hyesan takes two and a half hours.", "혜산에서 버스로 2시간 30분이 걸린다.", None),
    ("They waited for half an hour at the checkpoint.", "이들은 검문소에서 40분을 기다렸다.", "number 1,800≠2,400"),
    ("The bus from Hyesan takes two and a half hours.", "혜산에서 버스로 3시간 30분이 걸린다.", "number 9,000≠12,600"),
    # two neighbouring native numerals in one word, both read
    ("Water runs only two or three hours a day.", "물은 하루 두세 시간밖에 나오지 않는다.", None),
    ("Five or six families share one tap.", "대여섯 가구가 수도 하나를 같이 쓴다.", None),
    ("Water runs only two or three hours a day.", "물은 하루 서너 시간밖에 나오지 않는다.", "number 2≠4"),
    ("Three or four families share one tap.", "대여섯 가구가 수도 하나를 같이 쓴다.", "number 3≠6"),
])
def test_numbers_as_translators_give_them_and_changes_beside_them(en: str, ko: str, flag: str | None) -> None:
    result = check_numbers(en, ko)
    assert result.agree is not False if flag is None else flag in result.differences


@pytest.mark.parametrize(("en", "ko", "agree"), [
    # a fraction in English, "M of N" in Korean (5명 중 1명): the same share, no change
    ("A fifth of the soldiers suffer from malnutrition.", "병사 5명 중 1명이 영양실조에 시달린다.", True),
    ("A fifth of the soldiers suffer from malnutrition.", "병사 다섯 명 가운데 한 명이 영양실조에 시달린다.", True),
    ("Two-thirds of the households have no power.", "가구 3곳 중 2곳에 전기가 들어오지 않는다.", True),
    ("A third of the soldiers suffer from malnutrition.", "병사 5명 중 1명이 영양실조에 시달린다.", False),
    ("One in five soldiers suffers from malnutrition.", "병사 4명 중 1명이 영양실조에 시달린다.", False),
])
def test_a_fraction_against_so_many_of_so_many(en: str, ko: str, agree: bool) -> None:
    assert check_numbers(en, ko).agree is agree


@pytest.mark.parametrize(("en", "ko", "flag"), [
    # 제로 is zero: the duration the English leaves out is an omission, not a change of it
    ("Contacts fell to zero over the past six years.", "그는 40분간 이어진 연설에서 지난 6년간 민간 접촉이 ‘제로’가 됐다고 말했다.", None),
    # a bare 천 before money is 1,000 (천원대, the thousand-won range)
    ("The price of corn has dropped by nearly 1,000 won.", "옥수수 가격이 3년 만에 천원대로 떨어졌다.", None),
    ("Bus fares went up by 2,000 won.", "버스 요금이 천 원 올랐다.", "number 2,000≠1,000"),
    # a range with one scale word: 1-1.5 million is no 1 against the 3 the English leaves out
    ("Some 1-1.5 million people use the markets each day.", "하루 장마당 이용객은 100만~150만 명으로 추산되며, 3곳은 문을 닫았다.", None),
    ("Some 1-1.5 million people use the markets each day.", "하루 장마당 이용객은 100~150만 명으로 추산되며, 3곳은 문을 닫았다.", None),
    ("Between 3 and 4 thousand workers were sent.", "노동자 3~4천 명이 파견됐다.", None),
    ("Some 1-1.5 million people use the markets each day.", "하루 장마당 이용객은 200만~250만 명으로 추산되며, 3곳은 문을 닫았다.",
     "number 1,000,000≠2,500,000"),
    # one "first" for each 첫 or 처음: the plain "first" takes it, a numbering "first" stays compared
    ("Most drop out in their first year, and the school will tutor first-year students.",
     "중도 탈락자 대부분은 입학 첫해에 그만두며, 학교는 1학년에게 보충 수업을 하기로 했다.", None),
    ("Most drop out in their first year, and the school will tutor first-year students.",
     "중도 탈락자 대부분은 입학 첫해에 그만두며, 학교는 2학년에게 보충 수업을 하기로 했다.", "number 1≠2"),
    ("Leaders hoped the pledges of the first inter-Korean summit would be kept. It was the first such lunch since 2019.",
     "지도자들은 제1차 남북정상회담 합의가 지켜지기를 바랐다. 이런 오찬은 2019년 이후 처음이다.", None),
    ("Leaders hoped the pledges of the first inter-Korean summit would be kept. It was the first such lunch since 2019.",
     "지도자들은 제3차 남북정상회담 합의가 지켜지기를 바랐다. 이런 오찬은 2019년 이후 처음이다.", "number 1≠3"),
    # a length, speed or area converted to metric outside parentheses is the same figure
    ("The village lies about 150 miles north of Pyongyang.", "이 마을은 평양에서 북쪽으로 약 240km 떨어져 있다.", None),
    ("The typhoon brought winds of 75 mph and dropped 12 inches of rain.", "태풍은 시속 120km의 강풍을 몰고 왔다.", None),
    ("Climbers reached the 9,700-foot summit on the third day.", "등반대는 사흘째 해발 2956m 정상에 올랐다.", None),
    ("The plant covers 10,500 square feet.", "공장 면적은 975㎡다.", None),
    # a figure that converts to no figure of the other side stays a change; the same unit is compared as it is
    ("The village lies about 110 miles north of Pyongyang.", "이 마을은 평양에서 북쪽으로 약 117km 떨어져 있다.", "number 110≠117"),
    ("The village lies about 150 km north of Pyongyang.", "이 마을은 평양에서 북쪽으로 약 240km 떨어져 있다.", "number 150≠240"),
    ("The wall is 15 meters (49 feet) high and 4 meters thick.", "담장은 높이 15m, 두께 5m다.", "number 4≠5"),
    # "nearly" a round figure for one a little below it; above it, or far below, is a change
    ("Nearly 2,000 people attended the rally.", "집회에는 1천980명이 참석했다.", None),
    ("About 1,980 people attended the rally.", "집회에는 2천 명 가까이 참석했다.", None),
    ("Nearly 2,000 people attended the rally.", "집회에는 2,005명이 참석했다.", "number 2,000≠2,005"),
    ("Nearly 2,000 people attended the rally.", "집회에는 1천850명이 참석했다.", "number 2,000≠1,850"),
    # the hedge must sit on the rounder figure: "nearly 2,100" hides a changed 2천
    ("Nearly 2,100 people attended the rally.", "집회에는 2천 명이 참석했다.", "number 2,100≠2,000"),
    ("About 2,100 people attended the rally.", "집회에는 2천여 명이 참석했다.", None),
    ("About 2,000 people attended the rally.", "집회에는 2천100명이 참석했다.", None),
    ("Some 2,100 people attended the rally.", "집회에는 약 2천 명이 참석했다.", None),
    ("Some 2,100 people attended the rally.", "집회에는 2천 명이 참석했다.", "number 2,100≠2,000"),
    ("About 250,000 people were displaced.", "24만 9천여 명이 집을 잃었다.", None),
])
def test_zero_thousands_ranges_firsts_converted_units_and_nearly(en: str, ko: str, flag: str | None) -> None:
    result = check_numbers(en, ko)
    assert result.agree is (flag is None)
    assert flag is None or flag in result.differences


@pytest.mark.parametrize(("en", "ko", "agree", "flag"), [
    # two full names that share neither surname nor given name are two people, one named on each side
    ("The minister cited Kim Jong Un's declaration that the two Koreas are hostile states.",
     "장관은 원효 대사의 가르침처럼 남북도 두 나라일 수 없다고 했다.", None, None),
    ("Kim Jong Un met Chung at the border.", "정 장관은 국경에서 김 위원장을 만나 원효 대사의 화쟁 사상을 언급했다.", True, None),
    # one that shares either is the other changed
    ("The minister cited Kim Jong Un's declaration.", "장관은 김정일 위원장의 선언을 언급했다.", False, "name Kim Jong Un≠김정일"),
    ("The minister cited Kim Jong Un's declaration.", "장관은 박정은 위원장의 선언을 언급했다.", False, "name Kim Jong Un≠박정은"),
    # a full name before its title is read though Kiwi does not know it, and compared with the surname alone
    ("Seo made the remarks in a video speech.", "서동철 통일장관은 영상 연설에서 이같이 말했다.", True, None),
    ("Seo made the remarks in a video speech.", "박동철 통일장관은 영상 연설에서 이같이 말했다.", False, "name Seo≠박"),
    # a whole name swapped for another of the same shape is a change, not two people
    ("Kim Yong-chol met the envoy at the border.", "박정수 부장은 국경에서 특사를 만났다.", False, "name Kim Yong-chol≠박정수"),
    ("Min Ji-yeon said she crossed the river in 2019.", "박서윤 씨는 2019년 강을 건넜다고 말했다.", False,
     "name Min Ji-yeon≠박서윤"),
    ("President Yoon Suk Yeol spoke on Monday.", "이재명 대통령은 월요일 연설했다.", False, "name Yoon Suk Yeol≠이재명"),
    ("Kim Yong-chol met the envoy at the border.", "김영철 부장은 국경에서 특사를 만났다.", True, None),
])
def test_unrelated_full_names_and_names_before_titles(en: str, ko: str, agree, flag) -> None:
    result = check_names(en, ko)
    assert result.agree is agree
    assert flag is None or flag in result.differences




def test_conversions_are_not_tried_past_a_sentences_worth_of_units() -> None:
    # every English length is tried against every Korean one: past MOST_UNIT_FIGURES on a side
    # (a hostile line, not a sentence) they are compared as written, which flags rather than hides
    from toolkit.metrics.checks import MOST_UNIT_FIGURES

    def bead(count: int) -> tuple[str, str]:
        miles = [100 * i + 7 for i in range(1, count + 1)]
        return " ".join(f"{m} miles," for m in miles), " ".join(f"{round(1.609344 * m)}km," for m in miles)

    assert check_numbers(*bead(MOST_UNIT_FIGURES)).agree is True
    assert check_numbers(*bead(MOST_UNIT_FIGURES + 1)).agree is False


@pytest.mark.parametrize(("en", "ko"), [
    # a common noun before a title is no name, so no swap of the English one
    ("Kim Yong-chol said sales had risen.", "백화점 사장은 매출이 늘었다고 말했다."),
    ("Kim Yong-chol said the delegates agreed.", "조선인 대표는 합의했다고 말했다."),
    ("Ri Son-gwon said the believers met.", "천주교 신부는 신자들이 모였다고 말했다."),
])
def test_a_common_noun_before_a_title_is_not_a_name(en: str, ko: str) -> None:
    assert check_names(en, ko).agree is None



@pytest.mark.parametrize(("en", "ko", "flag"), [
    # a range said for an exact figure inside it, either way round
    ("Cucumber prices rose sharply in the 40-percent range.", "오이 가격도 43.8% 뛰었다.", None),
    ("Cucumber prices rose 43.8 percent.", "오이 가격은 40%대 상승률을 보였다.", None),
    ("Corn sold in the 2,000-won range in Hyesan.", "혜산에서 옥수수는 2천400원에 팔렸다.", None),
    ("A woman in her 50s was detained.", "57세 여성이 구금됐다.", None),
    ("Most of the workers were men in their 30s and 40s.", "노동자 대부분은 30~40대 남성이었다.", None),
    # ... and a figure outside it, or a range changed against a range, is a change
    ("Cucumber prices rose sharply in the 40-percent range.", "오이 가격도 53.8% 뛰었다.", "number 40≠53.8"),
    ("Cucumber prices rose in the 40-percent range.", "오이 가격은 45%대 상승률을 보였다.", "number 40≠45"),
    ("A woman in her 50s was detained.", "55대 여성이 구금됐다.", "number 50≠55"),
    ("Most of the workers were men in their 30s and 40s.", "노동자 대부분은 35~40대 남성이었다.", "number 30≠35"),
    ("Corn sold at 2,400 won.", "옥수수는 2천 원에 팔렸다.", "number 2,400≠2,000"),  # no range said
    ("He sat in the 21st National Assembly.", "그는 제20대 국회의원을 지냈다.", "number 21≠20"),  # a numbered term
    ("Applicants faced odds of 23 to 1.", "경쟁률은 20대 1이었다.", "number 23≠20"),  # a ratio
    # a fraction in words for a percent rounded at the percent's last digit
    ("Nearly a third of the recruits quit within a year.", "신병의 30%가 1년 안에 그만뒀다.", None),
    ("Two-thirds of the farms missed the quota.", "농장의 67%가 계획을 채우지 못했다.", None),
    ("Half of the stalls were shut.", "매대의 50%가 문을 닫았다.", None),
    ("Nearly a third of the recruits quit within a year.", "신병의 35%가 1년 안에 그만뒀다.", "number 33.3333≠35"),
    ("A quarter of the stalls were shut.", "매대의 30%가 문을 닫았다.", "number 25≠30"),
    ("Exports fell 4 percent in the first half.", "상반기 수출은 5% 줄었다.", "number 4≠5"),
    # a fraction in words is a round figure; "half a percentage point" is 0.5%p, no 50%
    ("About half of the traders agreed.", "상인의 48.7%가 동의했다.", None),
    ("The bank cut its rate by half a percentage point to 2.5 percent.", "은행은 금리를 0.5%p 내린 2.5%로 정했다.", None),
    ("About half of the traders agreed.", "상인의 44%가 동의했다.", "number 50≠44"),
    ("Grain prices in the flooded county have doubled, the broadcaster said.", "수해 지역 곡물 가격이 두 배로 뛰었다.", None),
    ("Fuel now costs nearly triple what it did in spring.", "연료값은 봄보다 3배 가까이 올랐다.", None),
    ("Twice as many soldiers deserted this year.", "올해 탈영병은 2배로 늘었다.", None),
    ("Rent has doubled since the crackdown.", "단속 이후 집세가 곱절로 뛰었다.", None),
    ("The checkpoint was moved twice in May.", "검문소는 5월에 2차례 옮겨졌다.", None),
    ("Inspectors came twice a week.", "검열원들이 일주일에 두 번 나왔다.", None),
    ("Grain prices in the flooded county have tripled.", "수해 지역 곡물 가격이 두 배로 뛰었다.", "number 3≠2"),
    ("Twice as many soldiers deserted this year.", "올해 탈영병은 5배로 늘었다.", "number 2≠5"),
    ("Inspectors came twice a week.", "검열원들이 일주일에 세 번 나왔다.", "number 2≠3"),
    ("Growth stayed in the double digits.", "성장률은 두 자릿수를 유지했다.", "not compared"),  # no multiple
    ("The cold snap brought lows of minus 4 degrees Fahrenheit to Samjiyon.", "삼지연의 최저기온은 영하 20도까지 내려갔다.", None),
    ("Pyongyang sweltered at 95 F on Sunday.", "평양은 일요일 낮 기온이 섭씨 35도에 달했다.", None),
    ("Pyongyang sweltered at 91 degrees Fahrenheit (33 C).", "평양의 낮 기온은 33도까지 올랐다.", None),
    ("The cold snap brought lows of minus 13 degrees Fahrenheit to Samjiyon.", "삼지연의 최저기온은 영하 20도까지 내려갔다.",
     "number 13≠20"),
    ("Pyongyang sweltered at 97 F on Sunday.", "평양은 일요일 낮 기온이 섭씨 35도에 달했다.", "number 97≠35"),
    ("Pork cost 2.1 percent more than a year earlier.", "돼지고기값은 1년 전보다 2.1% 올랐다.", None),
    ("The smugglers were caught a month ago.", "밀수꾼들은 한 달 전 붙잡혔다.", None),
    ("Pork cost 2.1 percent more than a year earlier.", "돼지고기값은 3년 전보다 2.1% 올랐다.", "number 1≠3"),
    ("The smugglers were caught a month ago.", "밀수꾼들은 2개월 전 붙잡혔다.", "number 1≠2"),
    # against a Korean word that counts nothing, "a year earlier" is no figure
    ("Pork cost 2.1 percent more than a year earlier in 4 cities.", "돼지고기값은 지난해보다 2.1% 올랐다.", None),
    ("The attacker carried an 8-inch knife.", "범인은 길이 20㎝의 흉기를 들고 있었다.", None),
    ("Up to 4 inches of rain fell on the coast.", "해안에는 최대 100mm의 비가 내렸다.", None),
    ("The attacker carried a 10-inch knife.", "범인은 길이 20㎝의 흉기를 들고 있었다.", "number 10≠20"),
    # 127 mm rounds to 100 at its hundreds, but a fourth more is no conversion
    ("Up to 5 inches of rain fell on the coast.", "해안에는 최대 100mm의 비가 내렸다.", "number 5≠100"),
    ("Choi and three others were arrested at the border.", "국경에서 최 씨 등 4명이 체포됐다.", None),
    ("Choi and three other smugglers were arrested.", "밀수꾼 최 씨 등 4명이 체포됐다.", None),
    ("Four traders, Choi among them, were arrested.", "상인 최 씨 외 3명이 체포됐다.", None),
    ("Choi and three others were arrested at the border.", "국경에서 최 씨 등 3명이 체포됐다.", None),  # counted without him
    ("Choi and three others were arrested at the border.", "국경에서 최 씨 등 6명이 체포됐다.", "number 3≠6"),
])
def test_figures_read_by_what_they_stand_for(en: str, ko: str, flag: str | None) -> None:
    """Ranges, fractions, multiples and spans said in words, converted temperatures and lengths, and
    counts of "others": what a translator writes is no change; a change beside it still is."""
    result = check_numbers(en, ko)
    assert result.agree is (None if flag == "not compared" else flag is None)
    assert result.differences == ((flag,) if flag and flag != "not compared" else ())


def test_trillions_and_quadrillions_in_english_scale_words() -> None:
    assert check_numbers("National debt passed 1.2 quadrillion won.", "국가채무가 1천200조 원을 넘었다.").agree is True
    assert check_numbers("The budget is KRW 2.3tn this year.", "올해 예산은 2조3천억 원이다.").agree is True
    assert check_numbers("National debt passed 1.2 quadrillion won.", "국가채무가 1천500조 원을 넘었다.").agree is False


@pytest.mark.parametrize(("en", "ko", "agree", "flag"), [
    ("President Lee told the cabinet to act quickly.", "이 대통령은 국무회의에서 신속한 대응을 주문했다.", True, None),
    ("Prime Minister Han visited the site on Monday.", "한 총리는 월요일 현장을 찾았다.", True, None),
    ("President Lee told the cabinet to act quickly.", "윤 대통령은 국무회의에서 신속한 대응을 주문했다.", False, "name Lee≠윤"),
    # without the surname in the English, 이 before a title is "this", 한 is "a"
    ("The president told the cabinet to act quickly.", "이 대통령은 국무회의에서 신속한 대응을 주문했다.", None, None),
    ("Prime Minister Han visited the site on Monday.", "이 총리는 월요일 현장을 찾았다.", None, None),
])
def test_a_surname_that_is_also_a_word_is_read_when_the_english_names_it(en: str, ko: str, agree, flag) -> None:
    result = check_names(en, ko)
    assert result.agree is agree
    assert result.differences == ((flag,) if flag else ())


def test_temperatures_are_not_tried_past_a_sentences_worth() -> None:
    # every Fahrenheit figure is tried against every Korean one: past MOST_TEMPERATURES (a hostile
    # line, not a sentence) they are compared as written
    from toolkit.metrics.temperatures import MOST_TEMPERATURES

    def bead(count: int) -> tuple[str, str]:
        celsius = range(1, count + 1)
        return " ".join(f"{round(c * 9 / 5 + 32)} F," for c in celsius), " ".join(f"{c}도," for c in celsius)

    assert check_numbers(*bead(MOST_TEMPERATURES)).agree is True
    assert check_numbers(*bead(MOST_TEMPERATURES + 1)).agree is False


@pytest.mark.parametrize(("en", "ko", "flag"), [
    # 전 before a title is "former": a changed surname beside it is still a change
    ("Jeon Hae-sung, a former minister, said the talks had failed.", "박해성 전 장관은 회담이 실패했다고 말했다.",
     "name Jeon Hae-sung≠박해성"),
    ("Former lawmaker Jeon said the talks had failed.", "박 전 의원은 회담이 실패했다고 말했다.", None),
    ("Mayor Hyun said Yoon would resign.", "현 시장은 박 씨가 사퇴할 것이라고 말했다.", "name Hyun≠박"),
])
def test_former_and_current_before_a_title_are_no_surname(en: str, ko: str, flag: str | None) -> None:
    result = check_names(en, ko)
    assert result.agree is (False if flag else None)
    assert result.differences == ((flag,) if flag else ())


@pytest.mark.parametrize(("en", "ko", "flag"), [
    # a bare 대 counts trucks, jets and companies: no range of ages holds the English figure
    ("Police seized 47 trucks loaded with coal.", "경찰은 석탄을 실은 트럭 40대를 압수했다.", "number 47≠40"),
    ("Some 1,800 vehicles crossed the bridge.", "차량 1천대가 다리를 건넜다.", "number 1,800≠1,000"),
    ("The 150 largest companies were surveyed.", "국내 100대 기업을 조사했다.", "number 150≠100"),
    # ... and before the person it describes it is an age
    ("A 47-year-old man was arrested.", "40대 남성이 체포됐다.", None),
    ("A 17-year-old was detained.", "10대 청소년이 구금됐다.", None),
    ("Jung, 47, arrived in Seoul late last month.", "40대 탈북 여성 정 모 씨가 지난달 말 한국에 도착했다.", None),
    # written as a range on both sides, it is compared as written, whatever follows it
    ("Jung, who is in her 40s, arrived in Seoul late last month.", "45대 탈북 여성 정 모 씨가 지난달 말 한국에 도착했다.",
     "number 40≠45"),
    # both sides count the others: 3 others against 4 others is a change, whoever is named beside them
    ("Choi and 3 others were arrested at the border.", "국경에서 최 씨 외 4명이 체포됐다.", "number 3≠4"),
    ("Choi and three other smugglers were arrested.", "밀수꾼 최 씨 외 세 명이 체포됐다.", None),
    # one side counts everyone: the one named is added to the other's count
    ("Choi and three others were arrested at the border.", "국경에서 최 씨 등 4명이 체포됐다.", None),
    # a fraction said as a bound holds no figure on its wrong side
    ("More than half of the defectors said they sent money home.", "탈북민의 45%가 북한에 송금했다고 답했다.", "number 50≠45"),
    ("Less than a third of the farms met the quota.", "농장의 35%가 계획을 채웠다.", "number 33.3333≠35"),
    ("45 percent of the traders agreed.", "상인의 절반 이상이 동의했다.", "number 45≠50"),
    ("55 percent of the traders agreed.", "상인의 절반에 못 미치는 인원만 동의했다.", "number 55≠50"),
    # ... and any on its right side
    ("More than half of the defectors said they sent money home.", "탈북민의 53%가 북한에 송금했다고 답했다.", None),
    ("55 percent of the traders agreed.", "상인의 절반을 넘는 인원이 동의했다.", None),
    ("Fewer than a third of the farms met the quota.", "농장의 31%가 계획을 채웠다.", None),
    # a plain fraction stands for its share rounded, not for anything within a tenth of it
    ("Three-quarters of the farms missed the quota.", "농장의 68%가 계획을 채우지 못했다.", "number 75≠68"),
    ("Half of the defectors sent money home.", "탈북민의 45%가 북한에 송금했다.", "number 50≠45"),
    ("55 percent of the traders agreed.", "상인의 절반이 동의했다.", "number 55≠50"),
    # ... while a hedged one is a round figure
    ("Roughly three-quarters of the farms missed the quota.", "농장의 72%가 계획을 채우지 못했다.", None),
    ("Nearly half of the defectors sent money home.", "탈북민의 46%가 북한에 송금했다.", None),
    ("46 percent of the traders agreed.", "상인의 절반가량이 동의했다.", None),
])
def test_readings_that_excused_a_change(en: str, ko: str, flag: str | None) -> None:
    """Counters, counts of others and fractions read too loosely hid a planted change."""
    result = check_numbers(en, ko)
    assert result.agree is (flag is None)
    assert result.differences == ((flag,) if flag else ())


def test_a_fraction_looks_for_its_period_word_only_just_before_it(monkeypatch) -> None:
    # each fraction of a long roll once searched the whole text before it ("the first half"),
    # quadratic: a 50 kB roll of 3분의 1 took 14 s; the search now spans the few characters before it
    from toolkit.metrics import spans

    windows = []
    real = spans._PERIOD_HALF

    class Recording:
        def search(self, text: str, pos: int, endpos: int):
            windows.append(endpos - pos)
            return real.search(text, pos, endpos)

    monkeypatch.setattr(spans, "_PERIOD_HALF", Recording())
    roll = "".join(f"농장의 {n}분의 1이 " for n in range(2, 202))  # distinct: a restated figure is read once
    check_numbers("Prices rose 45 percent in the first half.", roll)
    assert len(windows) == 200 and max(windows) < 40
    windows.clear()
    assert check_numbers("Exports rose 5 percent in the second half.", "하반기 수출은 5% 늘었다.").agree is True


@pytest.mark.parametrize(("en", "ko", "agree"), [
    # 50년 전통 ("a 50-year tradition") counts no span before: "a year earlier" stays no figure, and the
    # staff count the English leaves out is an omission, not 1≠12
    ("Sales rose 20 percent from a year earlier, the noodle house said.",
     "50년 전통의 이 냉면집은 매출이 지난해보다 20% 늘었고 직원도 12명으로 늘렸다고 밝혔다.", True),
    ("The tenants moved out a year later, police said.", "세입자 3명은 2년 전세 계약이 끝나자 집을 비웠다고 경찰은 밝혔다.", None),
    # a span counted before or after, with its particle, still is one
    ("He was arrested a year ago.", "그는 3년 전에 체포됐다.", False),
    ("Prices were 20 percent higher than a month earlier.", "가격은 2개월 전보다 20% 높았다.", False),
])
def test_a_year_earlier_against_a_span_korean_counts(en: str, ko: str, agree: bool | None) -> None:
    assert check_numbers(en, ko).agree is agree


def test_a_multiple_that_ends_the_sentence_is_one() -> None:
    # "two-fold." read with its full stop was an amount, compared with nothing against 3배
    assert check_numbers("Rice prices in Hyesan rose two-fold.", "혜산의 쌀값이 3배 올랐다.").differences == ("number 2≠3",)
    assert check_numbers("Rice prices in Hyesan rose three-fold.", "혜산의 쌀값이 3배 올랐다.").agree is True


def test_a_multiple_before_the_copula_is_one() -> None:
    # 3배인 was an amount, so "doubled" (a multiple) had nothing to be compared with
    assert check_numbers("Rice prices doubled to 4,000 won.", "쌀값은 3배인 4천 원으로 뛰었다.").differences == ("number 2≠3",)
    assert check_numbers("Rice prices doubled to 4,000 won.", "쌀값은 2배인 4천 원으로 뛰었다.").agree is True


def test_a_jets_name_is_no_fahrenheit() -> None:
    # "16 F-16 jets" read 16 as degrees Fahrenheit, which 영하 9도 converts to: the planted 20 jets passed
    assert check_numbers("The air force scrambled 16 F-16 jets as temperatures fell.",
                         "기온이 영하 9도로 떨어진 가운데 공군은 F-16 전투기 20대를 긴급 출격시켰다.").differences == ("number 16≠20",)
    assert check_numbers("Lows fell to minus 4 F.", "최저기온이 영하 20도까지 떨어졌다.").agree is True


@pytest.mark.parametrize(("en", "ko"), [
    # a press release's item number joined to its item, and a reposting site's tag in the Korean
    ("1. Foreign Minister Ahn held a call with her Japanese counterpart on June 12.",
     "[한빛뉴스24]안 외교부 장관은 12일 일본 외무상과 전화 통화를 했다."),
    ("2. The two ministers also discussed the summit in May.", "양측은 5월 정상회의도 논의했다."),
])
def test_item_numbers_and_opening_tags_are_no_numbers_of_the_text(en: str, ko: str) -> None:
    assert check_numbers(en, ko).agree is not False


def test_a_number_ending_a_sentence_is_still_compared() -> None:
    assert check_numbers("The home side won by 3. Fans cheered.", "홈팀이 4골 차로 이겼다.").agree is False
