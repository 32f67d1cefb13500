"""The words credit lines are made of: language services, news organizations, role words.

Kept apart from the grammars so that a new outlet or role word is one line here, and so
that the English, Korean, photo and dateline readers agree on what a word means.
"""

from __future__ import annotations

# The endings of a Korean news outlet's name (KBS뉴스, 자유아시아방송, 연합통신, 경향신문, 조선일보): each
# reader adds the endings its own context allows (a desk's 팀, a journal's 저널)
KO_NEWS_ENDINGS: tuple[str, ...] = ("방송", "뉴스", "통신", "신문", "일보")

# Language services -> BCP 47 code (RFA's services, and a few other broadcasters' ones)
SERVICE_LANGUAGES: dict[str, str] = {
    "korean": "ko",
    "mandarin": "zh",
    "chinese": "zh",
    "cantonese": "yue",
    "tibetan": "bo",
    "uyghur": "ug",
    "uighur": "ug",
    "khmer": "km",
    "cambodian": "km",
    "lao": "lo",
    "laotian": "lo",
    "vietnamese": "vi",
    "burmese": "my",
    "myanmar": "my",
    "english": "en",
    "thai": "th",
    "japanese": "ja",
    "russian": "ru",
    "indonesian": "id",
    "malay": "ms",
    "bengali": "bn",
    "urdu": "ur",
    "pashto": "ps",
    "dari": "prs",
    "farsi": "fa",
    "persian": "fa",
}

# Languages a text is translated from or written in ("Translated from the Russian by")
LANGUAGE_NAMES = frozenset(SERVICE_LANGUAGES) | {
    "ukrainian", "french", "german", "spanish", "portuguese", "italian", "arabic", "turkish",
    "hindi", "tagalog", "filipino", "mongolian", "kazakh", "uzbek", "polish", "dutch", "hebrew",
}

# Organizations named as agents, owners of a service, photo agencies or wire services;
# key: the name lower-cased as written, value: the short name stored in `organization`
ORGANIZATIONS: dict[str, str] = {
    "rfa": "RFA",
    "radio free asia": "RFA",
    "자유아시아방송": "RFA",
    "알에프에이": "RFA",
    "voa": "VOA",
    "voice of america": "VOA",
    "미국의소리": "VOA",
    "benarnews": "BenarNews",
    "reuters": "Reuters",
    "로이터": "Reuters",
    "afp": "AFP",
    "agence france-presse": "AFP",
    "agence france presse": "AFP",
    "ap": "AP",
    "associated press": "AP",
    "the associated press": "AP",
    "yonhap": "Yonhap",
    "yonhap news": "Yonhap",
    "yonhap news agency": "Yonhap",
    "연합뉴스": "Yonhap",
    "연합": "Yonhap",
    "聯合ニュース": "Yonhap",
    "kyodo": "Kyodo",
    "kyodo news": "Kyodo",
    "교도통신": "Kyodo",
    "共同通信": "Kyodo",
    "jiji": "Jiji",
    "jiji press": "Jiji",
    "xinhua": "Xinhua",
    "신화통신": "Xinhua",
    "신화사": "Xinhua",  # Xinhua's Korean service names itself so: "[신화사 평양 8월 22일]"
    "교도": "Kyodo",
    "스푸트니크": "Sputnik",
    "타스": "TASS",
    "bloomberg": "Bloomberg",
    "upi": "UPI",
    "epa": "EPA",
    "epa-efe": "EPA-EFE",
    "efe": "EFE",
    "dpa": "dpa",  # Deutsche Presse-Agentur writes its name in lower case: "Seoul (dpa) - …"
    "deutsche presse-agentur": "dpa",
    "getty images": "Getty Images",
    "kcna": "KCNA",
    "korean central news agency": "KCNA",
    "조선중앙통신": "KCNA",
    "노동신문": "Rodong Sinmun",
    "nk news": "NK News",
    "daily nk": "Daily NK",
    "데일리nk": "Daily NK",
    "rfe/rl": "RFE/RL",
    "radio free europe/radio liberty": "RFE/RL",
    "bbc": "BBC",
    "nhk": "NHK",
    "cnn": "CNN",
    "npr": "NPR",
    "ajp": "AJP",
    "뉴시스": "Newsis",
    "newsis": "Newsis",
    "뉴스1": "News1",
    "news1": "News1",
    "kbs": "KBS",
    "mbc": "MBC",
    "sbs": "SBS",
    "ytn": "YTN",
    "jtbc": "JTBC",
    "mbn": "MBN",
    "사진공동취재단": "pool",
    "공동취재단": "pool",
    "사진공동취재": "pool",
    # the national agencies of the region's English-language papers (Taiwan, Malaysia, Vietnam, the
    # Philippines, India), which credit them as Korean papers credit Yonhap
    "cna": "CNA",
    "central news agency": "CNA",
    "bernama": "Bernama",
    "vna": "VNA",
    "vietnam news agency": "VNA",
    "philippine news agency": "PNA",
    "pti": "PTI",
    "press trust of india": "PTI",
}

# Agencies by their full names, and the stock libraries Korean pages credit in Hangul: both a credit
# slot's agency and one whose name alone closes a caption (PHOTO_AGENCIES, DISTINCTIVE_AGENCIES)
_FULL_NAMES_AND_HANGUL = ("yonhap news agency", "yonhap news", "kyodo news agency", "xinhua news agency",
                          "게티이미지뱅크", "게티이미지", "셔터스톡", "클립아트코리아", "이미지투데이")
# Agencies whose name alone, in a caption's credit slot, credits the photo: "(Yonhap)", "[YONHAP]", "/ AP"
PHOTO_AGENCIES = frozenset({
    "ap", "afp", "reuters", "epa", "epa-efe", "efe", "getty images", "yonhap", "kyodo", "jiji", "xinhua",
    "upi", "kcna", "bloomberg", "news1", "newsis", "연합뉴스", "뉴시스", "뉴스1", "로이터", "사진공동취재단",
    "공동취재단", "노동신문", "조선중앙통신", "associated press", "the associated press", "korean central news agency", "pool",
    "shutterstock", "adobe stock", "istock", "unsplash", "pixabay", "wikimedia commons", "imaginechina",
    "gettyimagesbank", "gettyimages", "dpa", "zuma", "zuma press", "zuma wire", "sipa", "sipa press", "sipa usa", "abaca",
    "anadolu", "anadolu agency", "nurphoto", "sopa images", "lightrocket", "vcg", "visual china group", "cfp",
    "tass", "sputnik", "ria novosti", "afp via getty images", "jiji press", "kyodo news",
    *_FULL_NAMES_AND_HANGUL, "픽사베이", "123rf", "cna", "central news agency", "bernama", "vna", "pti",
    "antara", "antara foto", "pexels",  # Indonesia's national agency; a stock library
    # the world's wires as Korean captions print them, alone or chained ("타스 연합뉴스", "AP연합")
    "연합", "신화통신", "신화사", "교도", "교도통신", "지지통신", "타스", "스푸트니크", "블룸버그", "조선중앙tv",
    "scanpix", "leta", "ntb", "ritzau", "anp", "belga", "keystone", "ansa", "pap", "ctk", "lusa",  # Europe's wires
})
# A wire's short name that is also a common word ("신화", a myth: "[그리스 신화] 제우스는 …", "살아있는 신화"):
# an agency only beside another agency ("신화 연합뉴스", "신화로이터연합"), never alone; its organization
CHAINED_AGENCIES: dict[str, str] = {"신화": "Xinhua"}
# Agencies whose name alone on a caption's last line (or glued to its last word on a scraped page,
# "… Kim Jong-unGetty Images") credits the picture: names no sentence ends with
DISTINCTIVE_AGENCIES = ("afp via getty images", "getty images", "gettyimagesbank", "shutterstock", "epa-efe",
                        "imaginechina", "adobe stock", "wikimedia commons", "zuma press", "sopa images",
                        *_FULL_NAMES_AND_HANGUL)
# What a photo label may be followed by that names nobody: "(Photo: Courtesy)", "Photo: Media File"
NOT_PHOTO_SOURCES = frozenset({"courtesy", "file", "files", "file photo", "media file", "handout", "supplied",
                               "archive", "archives", "stock", "screenshot", "screengrab", "provided", "unknown",
                               "anonymous", "internet", "online", "courtesy photo", "pool", "illustration", "graphic",
                               "graphics", "info", "information", "details"})  # "CREDIT INFO": a block's heading

# A credit's own verb, never the agent it credits ("By a@b.example Translated", "© Translated")
CREDIT_VERBS = frozenset({"translated", "written", "edited", "reported", "photographed", "produced", "compiled",
                          "interpreted", "illustrated", "contributed", "reporting", "writing", "editing"})

# English credit words that open a clause "<words> by <agents>": word -> role.
# (A bare noun such as "photo" or "text" is a role word only in that clause position.)
ROLE_WORDS: dict[str, str] = {
    "reported": "reporter", "reporting": "reporter", "report": "reporter",
    "translated": "translator", "translation": "translator", "translations": "translator",
    "translating": "translator", "interpreted": "translator", "interpretation": "translator",
    "posted": "writer",  # a blog's "Posted by A on March 3, 2020"
    "written": "writer", "writing": "writer", "text": "writer", "words": "writer", "story": "writer",
    "fiction": "writer", "nonfiction": "writer", "non-fiction": "writer", "poetry": "writer", "poem": "writer",
    "poems": "writer", "stories": "writer", "essays": "writer", "articles": "writer", "columns": "writer",
    "article": "writer", "essay": "writer", "column": "writer", "analysis": "writer", "commentary": "writer",
    "research": "contributor", "researched": "contributor", "news-gathering": "contributor",  # "research by A"
    "newsgathering": "contributor", "fact-checking": "contributor", "fact-checked": "contributor",
    "edited": "editor", "editing": "editor", "copyedited": "editor", "copy-edited": "editor",
    "copyediting": "editor", "copy-editing": "editor", "compiled": "editor", "reviewed": "editor",
    "proofread": "editor", "proofreading": "editor", "proof-read": "editor",  # a translation's "Proofread by A"
    "produced": "producer", "production": "producer", "producing": "producer", "graphics": "producer",
    "graphic": "producer", "design": "producer", "designed": "producer", "illustration": "producer",
    "illustrations": "producer", "illustrated": "producer", "animation": "producer",
    "infographic": "producer", "infographics": "producer", "artwork": "producer", "drawings": "producer",
    "cartoon": "producer", "cartoons": "producer", "videography": "photographer", "cinematography": "photographer",
    "photographed": "photographer", "photograph": "photographer", "photographs": "photographer",
    "photography": "photographer", "photo": "photographer", "photos": "photographer",
    "picture": "photographer", "pictures": "photographer", "image": "photographer",
    "images": "photographer", "video": "photographer", "videos": "photographer",
    "footage": "photographer", "filmed": "photographer", "camera": "photographer",
}
# Role words read only where they open a credit line ("Shot by A", "Originally by A", "Interview by A"):
# inside a sentence they are story ("shot by police", "originally by design", "in an interview by A, the poet …")
OPENING_ROLE_WORDS: dict[str, str] = {
    "shot": "photographer", "original": "writer", "originally": "writer",
    "interview": "reporter", "interviews": "reporter",  # who asked the questions
}
# Words that turn the next role word into a contribution ("additional reporting by")
CONTRIBUTION_WORDS = frozenset({"additional", "further", "extra", "contributing"})

# English label nouns of a block "Author: A" / "Reporter : A": noun -> role
# the words a writer's byline label opens with before "by": "Written by A", "Words by A", "Story by A"
BYLINE_LABEL_WORDS = ("Written", "Words", "Text", "Story")

LABEL_NOUNS: dict[str, str] = {
    "author": "writer", "authors": "writer", "writer": "writer", "writers": "writer", "byline": "writer",
    "reporter": "reporter", "reporters": "reporter", "correspondent": "reporter",
    "translator": "translator", "translators": "translator", "translation": "translator",
    "editor": "editor", "editors": "editor", "sub-editor": "editor", "sub-editors": "editor", "subeditor": "editor",
    "photographer": "photographer", "photographers": "photographer", "photo": "photographer",
    "photos": "photographer", "image": "photographer", "images": "photographer", "credit": "photographer",
    "video": "photographer", "foto": "photographer", "fotos": "photographer",
    "producer": "producer", "producers": "producer", "graphics": "producer",
    "contributor": "contributor", "contributors": "contributor", "contributing": "contributor",
    # more label nouns of the same jobs, as credit blocks and captions print them
    "journalist": "reporter", "journalists": "reporter", "columnist": "writer", "text": "writer", "words": "writer",
    "story": "writer", "pic": "photographer", "pics": "photographer", "picture": "photographer",
    "pictures": "photographer", "photograph": "photographer", "photographs": "photographer",
    "photography": "photographer", "photojournalist": "photographer", "videographer": "photographer",
    "cameraman": "photographer", "camera": "photographer", "footage": "photographer",
    "illustration": "producer", "illustrations": "producer", "illustrator": "producer", "designer": "producer",
    "design": "producer", "infographic": "producer", "interpreter": "translator", "translated": "translator",
    "screenshot": "photographer", "screengrab": "photographer", "screen grab": "photographer",
    "interviewer": "reporter", "interviewers": "reporter",  # an oral history's "Interviewer: A"
}

# Korean labels of a credit block ("에디터 양성원", "영상취재: 홍길동·김철수"): label -> role
KO_LABELS: dict[str, str] = {
    "에디터": "editor",
    "편집": "editor",
    "영상편집": "editor",
    "편집기자": "editor",
    "감수": "editor",
    "번역감수": "editor",
    "웹팀": "producer",
    "프로듀서": "producer",
    "도움": "contributor",
    "웹편집": "producer",
    "제작": "producer",
    "그래픽": "producer",
    "디자인": "producer",
    "인턴": "contributor",
    "자막뉴스": "producer",
    "기획": "producer",
    "연출": "producer",
    "구성": "writer",
    "글": "writer",
    "작성자": "writer",
    "정리": "writer",
    "작가": "writer",
    "번역": "translator",
    "영문번역": "translator",
    "통역": "translator",
    "옮김": "translator",  # a translated book's or column's "옮김 홍길동" / "홍길동 옮김"
    "옮긴이": "translator",
    "취재": "reporter",
    "기자": "reporter",
    "취재기자": "reporter",
    "이음말": "reporter",  # "(이음말=홍길동)": the reporter's stand-up between two shots
    "스탠딩": "reporter",  # "▶ 스탠딩 : 홍길동 / 기자": the same stand-up, as another broadcaster labels it
    "사진": "photographer",
    "사진기자": "photographer",
    "촬영": "photographer",
    "촬영기자": "photographer",
    "카메라기자": "photographer",
    "포토그래퍼": "photographer",  # a magazine's label block ("에디터 A 포토그래퍼 B")
    "영상취재": "photographer",
    "영상기자": "photographer",
    "출처": "photographer",
    "사진제공": "photographer",
    "이미지": "photographer",  # "[이미지=utoimage]": a stock agency's picture
    "VJ": "photographer",
    # book and magazine credits: who wrote, translated, compiled, drew
    "지은이": "writer",
    "글쓴이": "writer",
    "저자": "writer",
    "옮긴이": "translator",
    "역자": "translator",
    "번역가": "translator",
    "번역자": "translator",
    "엮은이": "editor",
    "교정": "editor",
    "일러스트": "producer",
    "삽화": "producer",
    "그림": "producer",
    "사진작가": "photographer",
    "영상": "photographer",
    "카메라": "photographer",
    # production credits of broadcast and web video
    "촬영감독": "photographer",
    "드론촬영": "photographer",
    "영상제공": "photographer",
    "사진출처": "photographer",
    "화면캡처": "photographer",  # "화면캡처 MBC": the screen the picture was taken from, label first
    "화면캡쳐": "photographer",
    "인포그래픽": "producer",
    "CG": "producer",
    "편집디자인": "producer",
    "영상디자인": "producer",
    "교열": "editor",
    # a masthead's ranks printed before the name ("편집장 | A", "• 편집국장 A a@b.example"): the label of
    # the one who edits; after a name ("A 편집장 a@b.example") the same word is a signing writer's title
    "편집장": "editor",
    "부편집장": "editor",
    "편집국장": "editor",
    "편집인": "editor",
    "편집주간": "editor",
    "자료조사": "contributor",
    "내레이션": "contributor",  # the voice of a video report, credited beside its makers
    "나레이션": "contributor",
    "취재지원": "contributor",
}

# a picture's supplier, labelled by the medium then the word for supplying it ("사진협조=", "화면제공=",
# "이미지출처:", "영상 출처 :"): every such pair is a photo credit's label, whichever a page chose
_MEDIA = ("사진", "화면", "영상", "동영상", "이미지")
_SUPPLY_WORDS = ("제공", "출처", "협조", "캡처", "캡쳐")
KO_LABELS.update({m + s: "photographer" for m in _MEDIA for s in _SUPPLY_WORDS if m + s not in KO_LABELS})

# Korean job titles after a name ("홍길동 기자", "김현진 특파원"): the longest matching ending wins
KO_TITLES: dict[str, str] = {
    "기자": "reporter",
    "특파원": "reporter",
    "통신원": "reporter",
    # a broadcast's weather presenter signs the forecast as a reporter signs a story ("김가영 캐스터")
    "캐스터": "reporter",
    "기상캐스터": "reporter",
    "사진기자": "photographer",
    "영상기자": "photographer",
    "촬영기자": "photographer",
    "카메라기자": "photographer",  # a broadcaster's camera journalist ("김영범 카메라기자가 취재했습니다")
    "작가": "writer",
    "에디터": "writer",  # "윤다솜 에디터" signs a magazine piece; as a label ("에디터 정유나") the role is editor
    "PD": "producer",
    "피디": "producer",
    # who signs a column or a commissioned piece with an e-mail: "정재권 한겨레21 편집장 jjk@…"
    "논설위원": "writer",
    "전문위원": "writer",
    "편집위원": "writer",
    "편집장": "writer",
    "사무국장": "writer",
    "연구위원": "writer",
    "칼럼니스트": "writer",
}

# Job titles of a byline widget and the role they give ("Choi Seon-U / Editor-in-Chief", "A, Staff
# Photographer"): a job title is not a role, so most give "writer" (widgets.py).
EN_JOB_ROLES: dict[str, str] = {
    "writer": "writer", "writers": "writer", "reporter": "writer", "reporters": "writer", "correspondent": "writer",
    "correspondents": "writer", "editor": "writer", "editors": "writer", "columnist": "writer",
    "contributor": "writer", "journalist": "writer", "author": "writer", "analyst": "writer", "fellow": "writer",
    "researcher": "writer", "intern": "writer", "photographer": "photographer", "photojournalist": "photographer",
}
EN_JOB_WORDS = frozenset(EN_JOB_ROLES) | {
    "staff", "senior", "chief", "in", "of", "at", "the", "large", "managing", "executive", "deputy", "associate",
    "assistant", "contributing", "special", "foreign", "diplomatic", "political", "economics", "economic",
    "freelance", "bureau", "news", "digital", "video", "photo", "desk", "affairs", "national", "international",
    "investigative", "sports", "culture", "business", "science", "technology", "health", "defense", "defence",
    "security", "north", "korea", "asia", "seoul", "tokyo", "beijing", "washington", "visiting", "resident",
}
# Korean job titles of people who sign a piece they wrote ("김민정 시인", "문일석 발행인"): writers
KO_WRITER_TITLES = frozenset({
    "시인", "소설가", "발행인", "교수", "기고가", "여행작가", "평론가", "주필", "칼럼니스트", "편집국장",
    "여행기고가", "수필가", "문학평론가", "대기자",
})
# the same people sign bylines: one vocabulary for both readers ("박하늘 대기자" alone on its line). A
# professor is left out: "홍길동 교수" is as often the subject of a caption as its author.
KO_TITLES.update({title: "writer" for title in KO_WRITER_TITLES if title not in KO_TITLES and title != "교수"})
# Positions of the people news is about: a name with one of these is a subject, never a byline
# ("윤석진 장관 2024.05.02" under a photo; widgets.py)
KO_SUBJECT_POSITIONS = frozenset({
    "대통령", "총리", "장관", "차관", "의원", "위원장", "대표", "회장", "총장", "시장", "지사", "청장", "처장", "원장",
    "국장", "부장", "차장", "실장", "과장", "팀장", "사장", "이사", "감독", "선수", "씨", "군", "양", "변호사", "박사", "대사",
    "국무위원장", "비서관", "수석", "대변인", "후보", "당선인", "여사", "주석", "총재", "의장", "판사", "검사",
})
# English given names that are also words: a widget byline may start with one ("Grace Odum")
# although the word test of widgets.py refuses common words elsewhere in a name
EN_GIVEN_NAMES_THAT_ARE_WORDS = frozenset({
    "grace", "hope", "faith", "rose", "mark", "bill", "will", "frank", "grant", "dean", "joy", "jay", "ray", "rich",
    "victor", "art", "earl", "guy", "jack", "pat", "sue", "summer", "dawn", "crystal", "iris", "ivy", "jade", "pearl",
    "ruby", "violet", "lily", "daisy", "holly", "heather", "robin", "jasmine", "amber", "sky", "river", "wade",
    "chase", "drew", "gene", "lance", "miles", "rod", "sandy", "wayne", "cliff", "max", "harry", "christian",
    "victoria", "sterling", "hunter", "carol", "angel", "destiny", "autumn", "skip", "buck", "bud", "don", "ken",
    "kim", "lee", "young", "sung", "han", "min", "jin", "chan", "moon", "song", "kang", "park", "hong",
})
