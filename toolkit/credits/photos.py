"""Photo and video credits in captions and credit lines: "(AP Photo/A B)", "REUTERS/A B",
"Photo: Reuters/A B", "A/Getty Images", "Photo by A", "Courtesy of X", "(Yonhap)", "[YONHAP]".

Role photographer; the agency is the organization, or the agent itself when no person is
named. A caption keeps its text; only the credit at its end is taken out.
"""

from __future__ import annotations

import re
from dataclasses import replace

from toolkit.credits.agents import (
    APOSTROPHES, ORG_WORDS, OUTLET_POSSESSIVE, agent_kind, is_capitalized_phrase, is_news_subject, is_person_name,
    looks_like_organization, organization_of, service_language, short_org,
)
from toolkit.credits.lists import slashed_service
from toolkit.credits.text import tokens, trailing_date_start
from toolkit.credits.widgets import (is_byline_name, is_common_word, is_news_outlet, is_romanized_name_word,
                                     names_no_photo_source)
from toolkit.credits.vocabulary import CREDIT_VERBS, DISTINCTIVE_AGENCIES, NOT_PHOTO_SOURCES, PHOTO_AGENCIES
from toolkit.hangul import has_syllable
from toolkit.model import Credit
from toolkit.names import is_korean_name

# Labels that open a credit; bounded, anchored patterns (constant work per call)
_AGENCY_LABEL = re.compile(r"(?:File\s+)?(?P<agency>AP|AFP|EPA|Reuters|REUTERS|Yonhap|UPI|Xinhua|KCNA)\s+(?:Photos?|PHOTOS?|Pictures?)\s*/\s*")
_LABEL = re.compile(
    r"(?:File\s+)?(?:Photos?|PHOTOS?|Photographs?|Pictures?|Images?|Fotos?|Videos?|Footage|Illustrations?|Credits?"
    r"|Supplied(?=\s*:)|\U0001F4F7|\U0001F4F8)"  # "(Supplied: A)" as ABC prints a lent picture; a camera's sign "📷: A"
    r"(?:\s+credits?)?(?:\s*©)?(?:\s+(?:provided\s+)?(?:by|BY))?(?:\s*[:/=]\s*|\s+(?=(?-i:[A-Z]))|(?<=y)\s+)",
    re.IGNORECASE,
)  # "Photo credits: A", "[Photo/IC]", "Photo by A"
# the art a label's credit names, printed before the name: "Image: Photography A B / AFP"
_ART_WORD = re.compile(r"(?:Photography|PHOTOGRAPHY|Photograph|PHOTOGRAPH)\s+(?=[A-Z])")
# a paper's initials and its photo label, in capitals: "ST PHOTO: A B" (the paper's own picture)
_INITIALS_LABEL = re.compile(r"(?P<agency>[A-Z]{2,5})\s+(?:PHOTOS?|PICTURES?)\s*:\s*")
_COURTESY = re.compile(r"(?:(?:File\s+)?(?:Photos?|Images?|Pictures?)\s+)?(?:[Cc]ourtesy(?:\s+of|\s*:)|[Pp]rovided\s+by)\s*")
# "(Courtesy A)": without "of" or a colon only inside a caption's brackets, where nothing but a credit
# stands; on a line of its own "Courtesy Calls Between Leaders Resume" is a headline
_BARE_COURTESY = re.compile(r"[Cc]ourtesy\s+(?!Of\b)(?=[A-Z])")
_GLUED_CREDIT = re.compile(r"Credit(?:\.\.\.|…)?(?=[A-Z][a-z])")  # "CreditAhn Young-Joon/Associated Press" (a scraped NYT caption)
_WIRE_CAPS = re.compile(r"(?P<agency>REUTERS|AFP|AP|EPA|XINHUA|KCNA)\s*/\s*")
_QUALIFIERS = {"file", "pool", "handout", "files", "via", "dpa", "tv", "reuters tv", "file photo", "pool photo"}
_NOT_CAPS_PAPERS = NOT_PHOTO_SOURCES | _QUALIFIERS  # "[FILE PHOTO]", "[HANDOUT]": no paper's name
_DIGIT_SLASH_NAME = re.compile(r"\d/(?P<name>[A-Z][\w'.\-]*(?: [A-Z][\w'.\-]*){0,3})\)?$")
_MAX_CREDIT_CHARS = 160
# "RFA photo", "RFA PHOTO/Lee Hyun-ki": a known outlet's own photo, or its photographer after the slash
_OUTLET_PHOTO = re.compile(r"(?P<agency>[A-Za-z][\w.&\-]{1,20}(?: (?!(?:file|File|FILE)\b)[A-Za-z][\w.&\-]{1,20}){0,2})\s+(?:(?:file|File|FILE)\s+)?"
                           r"(?:photos?|PHOTOS?|Photos?|images?|file|File|FILE)"
                           r"(?:\s*/\s*(?P<name>[^/]{2,60}))?")
# "KBS screenshot", "(Harbor TV screen grab)": a picture taken off a broadcaster's or a site's screen, credited to it
_SCREEN_GRAB = re.compile(r"(?P<agency>[A-Za-z][\w.&\-]{1,20}(?: [A-Za-z][\w.&\-]{1,20}){0,2})\s+"
                          r"(?:[Vv]ideo |TV )?(?:[Ss]creen ?(?:shot|grab|capture)s?|SCREEN ?(?:SHOT|GRAB|CAPTURE)S?|[Vv]ideo grab)")
# an owner's words before "Photo by": "Official White House Photo by A", "U.S. Navy photo by B"
_OWNER_PHOTO_BY = re.compile(r"(?:[A-Z][\w.'\-]*\s+){1,4}(?:[Pp]hotos?|[Pp]hotograph|[Pp]icture|[Ii]mage)\s+by:?\s+")
_AGENCY_PHOTO = re.compile(r"(?P<agency>[A-Za-z][\w.\-]{1,20}(?: [A-Za-z][\w.\-]{1,20})?) (?:Photos?|PHOTOS?)")
# "(Jean Chung for The Washington Post)": a freelancer's picture for a paper (the outlet named in full)
_FOR_OUTLET = re.compile(r"(?P<name>[^()]{3,40}?) for (?P<outlet>(?:The )?[A-Z][\w.&'\-]*(?: [A-Z][\w.&'\-]*){0,4})")
_DOMAIN = re.compile(r"[a-z0-9\-]{2,30}(?:\.[a-z0-9\-]{2,10}){1,3}")  # "chinadaily.com.cn" after "Photo by A/"
_STAFF_PHOTOGRAPHER = re.compile(r"by (?P<name>[^,()]{2,40}), (?:staff |freelance |senior |chief )?photo(?:grapher|journalist)")
# a platform before the slash hosts the picture; the account after it is the source: "Facebook/Mtavari Arkhi"
_PLATFORMS = {"facebook", "twitter", "x", "youtube", "instagram", "weibo", "telegram", "tiktok", "vk", "wechat", "flickr"}


# a stock library's or a platform's attribution line: who made the picture, then where it is hosted
_BY_ON_LIBRARY = re.compile(r"(?:Photos?|Images?|Pictures?|Videos?|Footage) by (?P<name>[^/()]{2,60}?) (?:on|from|via)"
                            r" (?P<library>[A-Z][\w .\-]{1,30})")
_VIDEO_HOSTS = {"vimeo", "youtube"}
# a video host's embed line: the video's title, "from", its maker, "on Vimeo"
_EMBED_LINE = re.compile(r"(?P<title>[^\n]{3,200}?) from (?P<name>[A-Z][^\n.]{1,60}?) on Vimeo\.?")


def _is_library(text: str) -> bool:
    low = text.strip().lower()
    return low in PHOTO_AGENCIES or low in _PLATFORMS or low in _VIDEO_HOSTS


def split_embed_credit(sentence: str) -> tuple[str, list[Credit]] | None:
    """"Half a year after the flood from A on Vimeo.": an embedded video's line names its maker; the
    title stays as text."""
    m = _EMBED_LINE.fullmatch(sentence.strip())
    if m is None or not is_byline_name(m["name"]):
        return None  # "… spread from Seoul on Vimeo": a place is no maker
    return m["title"].strip(), [_credit(m["name"], None)]


def _known_agency(text: str) -> bool:
    return text.strip().lower() in PHOTO_AGENCIES or bool(organization_of(text) and text.strip().isupper())


def _org_like(text: str) -> bool:
    text = text.strip()
    return bool(text) and (_known_agency(text) or organization_of(text) is not None
                           or (text.replace("-", "").isalpha() and text.isupper() and len(text) <= 8))


# the wire's name in a bracket of its own right after a bracketed photo credit of that wire
# ("(Seoul/Busan) (AP)" is a caption's aside, then the credit: the first bracket must name the wire too)
_AGENCY_AGAIN = re.compile(r"\((?P<first>[^()]{1,80})/[^()]{1,80}\)(?P<again>\s*\((?P<wire>ASSOCIATED PRESS"
                           r"|The Associated Press|Associated Press|AP|REUTERS|Reuters|AFP)\))$")
# the world wires and picture agencies that move other agencies' pictures: in "A/B" of two agencies,
# the one that is not among these made the picture ("Reuters/KCNA" and "YONHAP/REUTERS" both credit the source)
_DISTRIBUTORS = {"reuters", "afp", "ap", "associated press", "epa", "epa-efe", "getty images", "afp photo", "ap photo"}


def _credit(name: str, org: str | None, courtesy: bool = False) -> Credit:
    # a separator between a label and the name is no part of it ("Photo/ ㅣ A", its ㅣ read as "|")
    name = " ".join(name.split()).strip(" ,|")
    if courtesy and name[:4] == "the " and len(name) > 4:
        name = name[4:]  # "(Provided by the Ministry of Unification)"
    organization = short_org(org) if org else None
    if organization is None and organization_of(name):
        organization = organization_of(name)
    kind = agent_kind(name, organization)
    if name.lower() in PHOTO_AGENCIES or name.lower() in _PLATFORMS:  # "Shutterstock", "Yonhap", "YouTube"
        kind = "organization"
    if (courtesy and len(name.split()) == 1) or _FIRM_SUFFIX.search(name):
        kind = "organization"  # "Photo courtesy of Altapress": a lender, not a photographer; "A Films, Inc.": a firm
    return Credit("photographer", name, organization=organization, agent=kind)


def parse_credit(text: str, bracketed: bool = False) -> Credit | None:
    """The credit in a caption's credit slot ("AP Photo/Ahn Young-joon, File", "Reuters/KCNA",
    "Rick Cruz/PDN", "Tassanee Vejpongsa, AP", "Photo by: Lee Jin-man", "Yonhap"), or None."""
    credit = _read_slot(text, bracketed)
    return credit if credit is None or _is_one_name(credit.name) else None


def _screen_owner(name: str) -> bool:
    """Whose screen a capture was taken from: an outlet or agency, or a capitalized name of one to three
    words not all common ("KCTV", "Harbor TV"; not "Phone screenshot", "Our screenshot")."""
    return bool(organization_of(name)) or name.lower() in PHOTO_AGENCIES or is_news_outlet(name) \
        or (is_capitalized_phrase(name, 3) and not any(is_common_word(w) for w in name.split()))


def _is_one_name(name: str) -> bool:
    """What a slot credits is one name: never an address, a separator bar or a comma list
    ("Photo Team a@b.example", "Photo: post | Official", "Images Press, credits"), nor an
    outlet's possessive before a name ("Credit: CNN’s Mara": the outlet's reporter, not a
    photographer named so; "The UK’s Crown Prosecution Service" is one name)."""
    if any(ch in _FIRM_SUFFIX.sub("", name) for ch in "@|,") or name.split(" ", 1)[0].lower() in CREDIT_VERBS:
        return False  # "© Translated": the credit's verb, no holder
    return not any(_known_agency(m[1]) or organization_of(m[1]) for m in OUTLET_POSSESSIVE.finditer(name))


def _read_slot(text: str, bracketed: bool) -> Credit | None:
    """The slot read by its many forms, kept apart from `parse_credit` so that whichever form
    answers, the one-name check there runs on its credit."""
    t = " ".join(text.split()).strip().rstrip(".").strip()
    for opener, closer in (("(", ")"), ("[", "]")):
        if t.endswith(closer) and opener not in t:
            t = t[:-1].rstrip()  # "(Photo: A in Seoul. Credit: BBC)": the caption's bracket closes after the credit
    if not t or len(t) > _MAX_CREDIT_CHARS:
        return None
    if t.endswith(" |") and t[:-2].strip().lower() in PHOTO_AGENCIES:  # "gettyimagesbank |": the credit slot of a caption
        return _credit(t[:-2].strip(), None)
    if (m := _OUTLET_PHOTO.fullmatch(t)) and (organization_of(m["agency"]) or m["agency"].lower() in PHOTO_AGENCIES
                                              or (looks_like_organization(m["agency"])  # "Korea Herald photo"
                                                  and is_capitalized_phrase(m["agency"], 3)
                                                  and len(m["agency"].split()) >= 2)):  # not "Group photo"
        if m["name"] is None:
            return _credit(m["agency"], None)
        if has_syllable(m["name"]) and is_korean_name(m["name"].strip()):
            return _credit(m["name"].strip(), m["agency"])  # "RFA PHOTO/이현기"
    elif bracketed and m and m["name"] is None and m["agency"].isupper() \
            and m["agency"].lower() not in _NOT_CAPS_PAPERS and m["agency"].replace(" ", "").isalpha() \
            and not any(is_common_word(w) for w in m["agency"].split()):  # not "(GROUP PHOTO)"
        return _credit(m["agency"], None)  # "[JOONGANG PHOTO]": a caps credit slot names the paper
    if (m := _SCREEN_GRAB.fullmatch(t)) and _screen_owner(m["agency"]):
        grab = _credit(m["agency"], None)
        if len(m["agency"].split()) == 1:
            grab.agent = "organization"  # "Slack screenshot", "Weibo screenshot": a site's or an app's screen, no person
        return grab
    if bracketed and (m := _STAFF_PHOTOGRAPHER.fullmatch(t)) and is_person_name(m["name"]):
        return _credit(m["name"], None)  # "(by Kim Bong-gyu, staff photographer)"
    if bracketed and (m := _AGENCY_COLON.fullmatch(t)) and _known_agency(m["agency"]) \
            and (is_person_name(m["name"]) or is_capitalized_phrase(m["name"], 4)):
        return _credit(m["name"], m["agency"])  # "(AP: Noel Celis)", "(Reuters: Mara Ellison)"
    if (m := _BY_ON_LIBRARY.fullmatch(t)) and _is_library(m["library"]) \
            and (is_person_name(m["name"]) or is_capitalized_phrase(m["name"], 4)):
        return _credit(m["name"], None)  # "Photo by A on Unsplash", "Photo by Startup Stock Photos on Pexels"
    if t.lower() in DISTINCTIVE_AGENCIES:  # "Getty Images" alone on a caption's last line
        return _credit(t, None)
    org: str | None = None
    labelled = courtesy = False
    if (m := _SOURCE_LABEL.match(t)) and m.end() < len(t) and (m["picture"] or _wire_and_shooter(t[m.end():])):
        # "Image source: A B" is a label; "Source: Mara Ellison / AP" reads as its slot would alone
        labelled, t = bool(m["picture"]), t[m.end():].strip()
    if (m := _OWNER_PHOTO_BY.match(t)) and m.end() < len(t):  # "Official White House Photo by Pete Souza"
        labelled, t = True, t[m.end():].strip()
    labels = (_AGENCY_LABEL, _INITIALS_LABEL, _COURTESY, *((_BARE_COURTESY,) if bracketed else ()), _LABEL,
              _GLUED_CREDIT, _WIRE_CAPS)
    for pattern in (() if labelled else labels):
        m = pattern.match(t)
        if m and m.end() < len(t):
            labelled, courtesy = True, pattern in (_COURTESY, _BARE_COURTESY)
            org = m.groupdict().get("agency") or org
            t = t[m.end():].strip()
            if (inner := _AGENCY_LABEL.match(t)) and inner.end() < len(t):  # "Photo Credit: AP Photo/Kyodo"
                org, t = inner["agency"], t[inner.end():].strip()
            elif (inner := _ART_WORD.match(t)) and inner.end() < len(t):  # "Image: Photography A B / AFP"
                t = t[inner.end():].strip()
            elif pattern is not _COURTESY and (inner := _COURTESY.match(t)) and inner.end() < len(t):
                courtesy, t = True, t[inner.end():].strip()  # "Photograph: Courtesy of A B"
            break
    if not labelled and (m := _PHOTO_FROM.fullmatch(t)) and (_known_agency(m["source"]) or m["source"].lower() in _PLATFORMS):
        return _credit(m["source"], None)  # "Photo from Pexels", "Image via Facebook"
    if labelled and org is None and " from " in t:  # "Image by A from The Independent:"
        name, _, source = t.partition(" from ")
        source = source.rstrip(" :")
        outlet = looks_like_organization(source) or (source.startswith("The ") and is_capitalized_phrase(source, 5))
        if is_person_name(name.strip()) and outlet:  # a place ("A from Seoul") is no outlet
            return _credit(name, source)
    if (bracketed or labelled) and (m := _FOR_OUTLET.fullmatch(t)) and len(m["name"].split()) >= 2 \
            and is_person_name(m["name"]) and (m["outlet"].startswith("The ") or looks_like_organization(m["outlet"])):
        # an outlet without "The" must look like one: "(Dana Cole for President)" is a placard, no credit
        return _credit(m["name"], m["outlet"])  # "(Jean Chung for The Washington Post)", "Photo: A for The Times"
    if labelled and ", by " in t:  # "Photo: Park Life – Shanghai, by A (CC BY 2.0)": a picture's title, then its maker
        name = re.sub(r"\s*\([^()]{0,40}\)$", "", t.rsplit(", by ", 1)[1]).strip()
        if is_person_name(name):
            return _credit(name, org)
    # qualifiers: ", Pool, File", "(CC BY-NC-SA 3.0)"
    t = re.sub(r"\s*\([^()]{0,60}\)$", "", t)
    parts = [p.strip() for p in t.split(",")]
    while len(parts) > 1 and parts[-1].lower() in _QUALIFIERS:
        parts.pop()
    t = ", ".join(parts)
    kind, slash, maker = t.partition("/")
    if labelled and slash and kind.strip().lower() in _PICTURE_KINDS and "/" not in maker:
        t = maker.strip()  # "Photo: Illustration/Tom Leung": what the picture is, then who made it
    if " via " in t:  # "Korean Central News Agency/Korea News Service via AP"
        source, _, distributor = t.partition(" via ")
        if (relay := _VIA_RELAY.search(distributor)) and _known_agency(relay["wire"]) \
                and _known_agency(_BROADCAST_ARM.sub("", distributor[:relay.start()])):
            distributor = relay["wire"]  # "KCNA via REUTERS TV/via REUTERS": the wire's TV arm, then the wire
        source = source.removesuffix(" handout").removesuffix(" Handout")  # "KCNA handout via Reuters"
        wire, _, shooter = distributor.partition("/")
        if shooter and "/" not in shooter and _known_agency(wire) and _is_full_name(shooter.strip()):
            return _credit(shooter.strip(), wire.strip())  # "(FOX via AP/A B)": the source, the wire, then who shot it
        if not (labelled or _known_agency(distributor)):
            return None
        t, org, labelled = source.split("/")[0].strip(), distributor.split("/")[0].strip(), True
        first, _, second = source.partition("/")
        if second and "/" not in second and looks_like_organization(first) and is_person_name(second.strip()) \
                and not looks_like_organization(second):
            t = second.strip()  # "Antara Foto/Ardiansyah via REUTERS": the agency's photographer
    if "/" in t:
        a, b = (p.strip() for p in t.split("/", 1))
        for person, owner in ((a, b), (b, a)) if "/" not in b else ():  # "(Sun Narin/VOA Khmer)", "(RFA Khmer/Sun Narin)"
            if len(person.split()) >= 2 and is_person_name(person) and (service := slashed_service(owner)) is not None:
                return replace(_credit(person, service[1]), service=service[0], language=service_language(service[0]))
        if b.lower() in _PICTURE_HOSTS and 1 <= len(a.split()) <= 3 and not _SENTENCE_MARKS.search(a) \
                and not all(is_common_word(w) for w in a.split()):
            return _credit(a, None)  # "Simple loquat/Wikimedia": the uploader's name on the host, whatever its shape
        if "/" in b:  # "Guillermo Granja/Reuters/ZUMA": the photographer, then the agencies that moved it
            owners = [p.strip() for p in b.split("/")]
            moved = all(_known_agency(o) or o.lower() in _QUALIFIERS or _names_paper(o) for o in owners[1:])
            if len(owners) <= 4 and moved and not _known_agency(owners[0]) and _is_full_name(a) \
                    and is_capitalized_phrase(owners[0], 3) and _known_agency(owners[1]):
                # "Mara Ellison/Project Dawn/AFP/Getty Images": the photographer, the project or body that
                # handed the picture out, then the wires that moved it
                return _credit(a, owners[1])
            if len(owners) > 4 or not (moved and (_known_agency(owners[0]) or owners[0].lower() in _QUALIFIERS
                                                  or _names_paper(owners[0]))):
                return None
            b = owners[0]
        if b.lower() in _QUALIFIERS and not _known_agency(b) and a:
            b, t = "", a  # "TPI/File"
        elif (owner := _AGENCY_PHOTO.fullmatch(b)) and _known_agency(owner["agency"]):
            b = owner["agency"]  # "Ahn Young-joon/AP Photo"
        if not b:
            pass
        elif b.lower().startswith("via ") and _known_agency(b[4:]):
            t, org = a, b[4:]  # "Kyodo/via REUTERS": the source, then the agency that moved it
        elif _known_agency(a) and org is None and b.lower() in _DISTRIBUTORS and a.lower() not in _DISTRIBUTORS:
            t, org = a, b  # "YONHAP NEWS AGENCY/REUTERS", "YONHAP/AFP/Getty Images": the source, then the wire
        elif _known_agency(a) and org is None:
            org, t = a, b  # "Reuters/Damir Sagolj", "Reuters/KCNA": agency first, then the source
        elif labelled and a.lower() in _PLATFORMS and is_capitalized_phrase(b, 5):
            t, org = b, a  # "Photo: Facebook/Mtavari Arkhi"
        elif org is None and is_news_outlet(a) and not is_news_outlet(b) and _is_full_name(b) and not is_news_subject(b):
            t, org = b, a  # "Korea Herald/Han Ji-woo", "(The Harbor Times/A B)": the paper, then its photographer
        elif org is None and (_is_caps_initials(a) or (labelled or bracketed and is_byline_name(b)) and " " not in a
                              and a[:1].isupper() and not is_common_word(a)) and _is_full_name(b):
            # "(Mainichi/Mara Ellison)": a caption's bracket, one word of the paper's name and its photographer
            # (by the strict test of a name: "(Hyundai/Kia Motors)", "(Seoul/New York)" pair firms or places)
            # "JP/Mara Ellison", "(ST/Owen Trask)": a paper's initials, then its photographer; "(Courtesy
            # of HarbourImages/Owen Trask)": one word before the slash under a label is the agency
            t, org = b, a
        elif _org_like(b) or (labelled and (is_capitalized_phrase(b, 5) or _DOMAIN.fullmatch(b))) \
                or (len(a.split()) >= 2 and is_person_name(a) and looks_like_organization(b)
                    and is_capitalized_phrase(b, 4)) \
                or (len(a.split()) >= 2 and is_person_name(a) and b.startswith("The ")
                    and is_capitalized_phrase(b, 5)) \
                or (is_byline_name(a) and is_capitalized_phrase(b, _MAX_OWNER_WORDS) and not b.isupper()
                    and not is_byline_name(b) and not is_news_subject(b)
                    and not all(is_common_word(w) for w in b.split())):
            # "Kim Min-ji/Busan Ilbo", "A B/The Guardian", "A B/Harbor Visual"
            t, org = a, org or b  # "Adam Dean/Reuters", "Rick Cruz/PDN", "Zou Hong/chinadaily.com.cn"
        else:
            return None
    elif "," in t and (firm := _FIRM_SUFFIX.search(t)) and "," not in t[:firm.start()]:
        # "Courtesy Bluebird Films, Inc.": the firm's legal form is part of its name, not an owner after a comma
        t = t + "." if not firm[0].endswith(".") and f"{t}." in " ".join(text.split()) else t
    elif "," in t:
        a, b = (p.strip() for p in t.rsplit(",", 1))
        if not labelled and not (_known_agency(a) or len(a.split()) >= 2 and is_person_name(a)):
            return None  # "TOKYO, JAPAN": a place and its country; "Tassanee Vejpongsa, AP" names its photographer
        if _org_like(b) or (labelled and is_capitalized_phrase(b, 4)):
            t, org = a, (org or b)
        elif not labelled:
            return None
    elif "-" in t and t.strip().lower() in PHOTO_AGENCIES:
        pass  # "EPA-EFE": one agency's name, hyphen and all
    elif "-" in t and all(_known_agency(p) for p in t.split("-", 1)):  # "KCNA-Yonhap"
        t, org = t.split("-", 1)
    elif "-" in t and _known_agency(t.rsplit("-", 1)[1]) and _org_like(t.rsplit("-", 1)[0]):
        t, org = t.rsplit("-", 1)  # "The Korean Central News Agency-News1": the source, then the agency
    name = t.strip()
    if not name or names_no_photo_source(name):
        return None  # "Photo: Courtesy", "Photo: Collected"
    if courtesy and name[:4] == "the " and name[4:5].isupper():
        name = name[4:]  # "Photo courtesy of the MOHW": the lender's acronym, read as "MOHW" is
    if labelled:
        if is_person_name(name) or _org_like(name) or _names_a_desk(name) or is_capitalized_phrase(name, 6):
            return _credit(name, org, courtesy)
        return None
    if org is None:  # an agency alone: only in brackets "(Yonhap)" or at a marked tail
        if bracketed and (name.lower() in PHOTO_AGENCIES or _caps_slot(name)):
            return _credit(name, None)
        if bracketed and len(name.split()) >= 2 and is_byline_name(name):
            return _credit(name, None)  # "(Mara Ellison)": whether it closes a caption, the caller judges
        return None
    if is_person_name(name) or _known_agency(name) or _org_like(name):
        return _credit(name, org)
    return None


# "A B/Harbor Visual": the picture's owner after a photographer's full name, unknown to the lists (a place or a
# subject the news names is none: "An Se-young/South Korea" is an athlete and her country closing a result; nor
# are words of the common lexicon alone: "Kim Soo-hyun / Actor" is a broadcast's caption naming who speaks)
_MAX_OWNER_WORDS = 3
# sites that host pictures under their uploaders' names ("A/Wikimedia", "harborcat/Flickr")
_PICTURE_HOSTS = {"wikimedia", "wikimedia commons", "wikipedia", "flickr", "unsplash", "pexels", "pixabay"}
_SENTENCE_MARKS = re.compile(r"[.,;:!?\"“”()]")
# a firm's legal form closing its name ("Bluebird Films, Inc.", "Harbor Pictures, Ltd")
_FIRM_SUFFIX = re.compile(r", (?:Inc|Ltd|LLC|Corp|Co|GmbH|Pty Ltd)\.?$")
# a caption's bracket naming the agency, a colon, then who took the picture (as ABC News prints it)
_AGENCY_COLON = re.compile(r"(?P<agency>[A-Za-z][\w.&-]{1,24}(?: [A-Za-z][\w.&-]{1,24}){0,2}): (?P<name>[^:()]{2,60})")
_MAX_DESK_WORDS = 7  # "the Ministry of Oceans and Fisheries" is six: a longer run is a clause
# the small words a desk's name holds in lower case ("the Ministry of Oceans and Fisheries"); its
# organization word may be lower case too ("Chosun news")
_DESK_GLUE = {"of", "and", "the", "for", "&"}


_MAX_INITIALS = 5


# a "Source:" label under a picture: a chart's or a quote's source too ("Source: Bank of Korea / Statistics
# Korea"), so bare it opens a photo credit only over a wire's slash credit of a person; "Photo source:" always
_SOURCE_LABEL = re.compile(r"(?P<picture>(?:Photo|Image|Picture|PHOTO|IMAGE|PICTURE)\s+)?(?:[Ss]ource|SOURCE)\s*:\s*")


def _wire_and_shooter(text: str) -> bool:
    """"Mara Ellison / AP", "Reuters/Mara Ellison", "AP Photo / A B": one slash between a known agency
    (or its photo label) and a person's full name, in either order."""
    parts = [p.strip() for p in text.split("/")]
    if len(parts) != 2:
        return False
    wires = [(m["agency"] if (m := _AGENCY_PHOTO.fullmatch(p)) else p) for p in parts]
    return any(_known_agency(wires[k]) and _is_full_name(parts[1 - k]) and not is_news_subject(parts[1 - k])
               for k in (0, 1))  # not "Source: Kim Jong-un / KCNA": who is pictured


def _names_paper(text: str) -> bool:
    """A paper that printed an agency's picture, named in full after it: "A/Getty Images/The Guardian"."""
    return text.startswith("The ") and is_capitalized_phrase(text, 5)


def _is_caps_initials(text: str) -> bool:
    """A paper's or an agency's initials before a credit's slash ("JP", "ST", "NYT"): capitals
    only, too short to be a word of the caption."""
    return 2 <= len(text) <= _MAX_INITIALS and text.isalpha() and text.isupper()


def _is_full_name(text: str) -> bool:
    """A person's full name (two words or more, no agency's): what may follow a paper's initials."""
    return len(text.split()) >= 2 and is_person_name(text) and not _org_like(text) and not looks_like_organization(text)


def _names_a_desk(name: str) -> bool:
    """A labelled slot naming a desk or an outlet by its head noun ("Photo: Hanbit Staff"), not a
    clause that happens to hold one ("Photo by Staff Sep 3 2024 in Asia 6 min read")."""
    words = name.split()
    return looks_like_organization(name) and len(words) <= _MAX_DESK_WORDS and not any(ch.isdigit() for ch in name) \
        and all(w[:1].isupper() or w.lower() in _DESK_GLUE or w.lower().strip(".,") in ORG_WORDS for w in words)


def _caps_slot(name: str) -> bool:
    """A caption's credit slot in capitals, as Korean English-language papers print it: a
    photographer ("[PARK SANG-MOON]") or an institution ("[MINISTRY OF UNIFICATION]"); never
    common words ("[SCREEN CAPTURE]") or an acronym alone ("[KTU]", which may spell out a name)."""
    words = name.split()
    if not (name.isupper() and 2 <= len(words) <= 6 and all(w.replace("-", "").replace(".", "").isalpha() for w in words)):
        return False
    if words[-1] in _PICTURE_WORDS:
        return False  # "[GROUP PHOTO]", "[SCREEN CAPTURE]": what the picture is, not whose
    if looks_like_organization(name.title()):
        return True  # "MINISTRY OF UNIFICATION", "KOREA HERALD"
    return len(words) <= 3 and is_person_name(name) and not any(is_common_word(w) for w in words) \
        and not is_news_subject(name.title())


_PHOTO_FROM = re.compile(r"(?:Photos?|Images?|Pictures?) (?:from|via) (?P<source>[\w .\-]{2,30})")
_PICTURE_KINDS = {"illustration", "graphic", "graphics", "photo illustration", "artwork"}
_PICTURE_WORDS = {"PHOTO", "PHOTOS", "IMAGE", "IMAGES", "PICTURE", "PICTURES", "CAPTURE", "SHOT", "GRAPHIC",
                  "ILLUSTRATION", "FILE", "SCREENSHOT", "VIDEO"}


def _defines_acronym(before: str, credit: Credit) -> bool:
    """"... Korean Central News Agency (KCNA)": the bracket spells out a name, it credits nobody."""
    if credit.agent != "organization" or credit.organization is None:
        return False
    words = before.translate(APOSTROPHES).split()[-6:]
    return any(organization_of(" ".join(words[k:])) == credit.organization for k in range(len(words)))




def _closing_group(s: str) -> int:
    """Index of the bracket opening the group that closes `s`, or -1 (scan bounded to the credit length)."""
    close = s[-1]
    opener = {")": "(", "]": "[", ">": "<"}[close]
    depth = 0
    floor = max(0, len(s) - _MAX_CREDIT_CHARS - 2)
    for k in range(len(s) - 1, floor - 1, -1):
        if s[k] == close:
            depth += 1
        elif s[k] == opener:
            depth -= 1
            if depth == 0:
                return k
    return -1


def split_leading_credit(sentence: str) -> tuple[str, list[Credit]] | None:
    """"(AP Photo/Ahn Young-joon) SEOUL – North Korea on Saturday fired …": a caption's labelled
    credit glued to the lead that follows it on a scraped page -> (the lead, [credit])."""
    s = sentence.lstrip()
    if s[:1] not in "([":
        return None
    close = s.find(")" if s[0] == "(" else "]", 1, _MAX_CREDIT_CHARS)
    if close < 0 or not s[close + 1:].strip():
        return None
    inner = s[1:close].strip()
    if not any(p.match(inner) for p in (_AGENCY_LABEL, _WIRE_CAPS)) and not _LABEL.match(inner):
        return None  # only a labelled credit: "(Seoul) North Korea …" opens a sentence, it credits nobody
    credit = parse_credit(inner, bracketed=True)
    return None if credit is None else (s[close + 1:].strip(), [credit])


def split_photo_credit(sentence: str, whole_only: bool = False, above: str = "") -> tuple[str, list[Credit]] | None:
    """(the caption without its credit, [credit]) when `sentence` ends with a photo credit; `above`, the
    caption's text before the sentence, where a name in capitals may already stand (`_pictured`)."""
    s = sentence.strip()
    if not s:
        return None
    bare = _em_dash_credit(s.rstrip(".").strip())
    if (doubled := _AGENCY_AGAIN.search(bare)) is not None and doubled["first"].lower().split()[:1] \
            == [short_org(doubled["wire"]).lower()]:  # the wire's short name opens its photo credit
        bare = bare[:doubled.start("again")]  # "(AP Photo/A B, File) (ASSOCIATED PRESS)": the wire named again
    if bare.startswith(("/", "|")):  # "/ Yonhap", "/ (AFP Photo/Ed Jones)" left after "... April 26."
        bare = bare.lstrip("/| ").strip()
        credit = parse_credit(bare, bracketed=True)
        if credit is not None:
            return "", [credit]
        found = split_photo_credit(bare, whole_only=True) if bare.endswith((")", "]")) else None
        return found if found is not None and not found[0] else None
    if bare.endswith((")", "]", ">")):
        k = _closing_group(bare)
        if k >= 0:
            inner = bare[k + 1:-1]
            if inner.startswith("(") and inner.endswith(")"):
                inner = inner[1:-1]  # "((AP Photo/Lee Jin-man))": doubled on some reprints
            found = [parse_credit(part, bracketed=True) for part in inner.split(";")]  # "(A/RFA; Adobe Stock)"
            if len(found) == 1 and found[0] is not None and _known_agency(inner) \
                    and (shooter := _CAPS_NAME_BEFORE.search(bare[max(0, k - _MAX_CAPS_NAME):k])) \
                    and _caps_slot(shooter["name"]) and not looks_like_organization(shooter["name"].title()) \
                    and not _pictured(shooter["name"], above + " " + bare[:k - len(shooter.group())]):
                # "… in Havana.MARA ELLISON (REUTERS)": the photographer in capitals, then the agency in brackets
                return bare[:k - len(shooter.group())].rstrip(), [_credit(shooter["name"], inner.strip())]
            if all(found) and not (len(found) == 1 and _defines_acronym(bare[:k], found[0])):
                return bare[:k].rstrip(" /|"), found
            if bare[k] == "[" and (k == 0 or bare[:k].rstrip().endswith((".", "!", "\"", "”"))) \
                    and _bracket_outlet(inner.strip()):
                return bare[:k].rstrip(), [replace(_credit(inner.strip(), None), agent="organization")]
        elif bare.endswith(")") and (m := _DIGIT_SLASH_NAME.search(bare[-80:])) and is_person_name(m["name"]):
            cut = len(bare) - len(m.group()) + 1
            return bare[:cut].rstrip(" /") + ")", [_credit(m["name"], None)]  # "... July 4, 2011/Truth Leem)"
    if " & " in bare and (found := parse_combination(bare)) is not None:
        return "", found  # before the single reading: "REUTERS/A via Reuters & REUTERS/B" is two credits
    credit = parse_credit(bare)
    if credit is not None:
        return "", [credit]
    if (found := parse_combination(bare)) is not None:
        return "", found
    if (m := _DASH_PIC.search(bare)) and (_org_like(m["source"]) or (is_capitalized_phrase(m["source"], 3) and not any(
            is_common_word(w) for w in m["source"].split()))) \
            and not (whole_only and m.start() > 0):
        return bare[:m.start()].rstrip(), [_credit(m["source"], None)]  # "… the National Mosque today. — Bernama pic"
    if whole_only:
        return None
    if (found := _glued_agency(bare)) is not None or (found := _copyright_tail(bare)) is not None:
        return found
    if (m := _DASHED_TAIL.search(bare)) is not None:  # "… on March 3, 2014 Jung Yeon-Je—AFP/Getty Images"
        words = m["name"].split(" ")
        before = bare[:m.start("name")].split()[-1:]
        # the longest run of words that is a name ("Pyongyang Ed Jones" is not); a word right after a
        # preposition is its object, not the name's first word ("near Kaesong Tomas Vidal/Reuters")
        for j in range(1 if before and before[0] in _PLACE_PREPOSITIONS else 0, len(words) - 1):
            start = m.end("name") - len(" ".join(words[j:]))
            if is_person_name(bare[start:m.end("name")]) and (credit := parse_credit(bare[start:])) is not None:
                return bare[:start].rstrip(), [credit]
    for marker in ("Credit...", "Credit…"):  # "… in Seoul.Credit...Chang W. Lee/The New York Times"
        k = bare.rfind(marker, max(0, len(bare) - _MAX_CREDIT_CHARS - 10))
        if k > 0 and (credit := parse_credit(bare[k:])) is not None:
            return bare[:k].rstrip(), [credit]
    head, slash, agency = bare.rpartition(" / ")
    if slash and head and agency.lower() in PHOTO_AGENCIES and not head.endswith(("/", "|")):
        return head.rstrip(), [_credit(agency, None)]  # "… a money changer in Yangon / Reuters"
    for marker in ("./ ", "./", ". / "):  # "... Park Won-soon./ Courtesy of Ewha Womans University"
        k = bare.rfind(marker, max(0, len(bare) - _MAX_CREDIT_CHARS - 4))
        if k > 0:
            tail = bare[k + len(marker):].strip()
            credit = parse_credit(tail, bracketed=True)
            if credit is not None:
                return bare[: k + 1], [credit]
    return None


# a further hand in the chain after the distributor: "… via REUTERS TV/via REUTERS"
_VIA_RELAY = re.compile(r"\s*/\s*via (?P<wire>[A-Za-z][\w.&\- ]{1,30})$")
_BROADCAST_ARM = re.compile(r"\s+(?:TV|Video|Television)$", re.IGNORECASE)

# a news site's address: "eastday.com", "news.harbor.example"
_SITE = re.compile(r"[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|cn|kr|jp|co\.uk|example)")


def _pictured(caps_name: str, caption: str) -> bool:
    """"Mayor Owen Trask waves …. OWEN TRASK (AFP)": a name in capitals the caption already gave labels
    who is pictured; it credits no photographer (the bracket's agency is the credit)."""
    return caps_name.lower() in caption.lower()


# a name in capitals right after a caption's last full stop (glued to it on a scraped page), before a bracket
_CAPS_NAME_BEFORE = re.compile(r"(?:(?<=[.!?\"”])|^)\s*(?P<name>[A-Z][A-Z.'\-]*(?: [A-Z][A-Z.'\-]*){1,3})\s*$")
_MAX_CAPS_NAME = 60


def _bracket_outlet(inner: str) -> bool:
    """"[Harbor Daily]", "[eastday.com]": the paper or site that supplied a picture, in square brackets
    after the caption's last full stop (as China Daily's galleries print "[Xinhua]"); a round bracket
    there is as often a story's source, so only the square one is read."""
    return bool(_SITE.fullmatch(inner)) or (is_news_outlet(inner) and not any(is_common_word(w) for w in inner.split()[:-1]))


# a caption closed by a dash and whose picture it is: "— Bernama pic", "— Reuters picture"
_DASH_PIC = re.compile(r"(?:(?<=[.!?\"”)])|^)\s*[—–-]\s*(?P<source>[A-Z][\w.&'\-]*(?: [A-Z][\w.&'\-]*){0,2})"
                       r" (?:pic|picture|photo)$")
_PLACE_PREPOSITIONS = {"in", "near", "at", "outside", "from", "of", "on", "to", "into", "across", "inside", "around"}
# the capitalized words right before a credit's em dash (turned into a slash), glued to the caption's date
_DASHED_TAIL = re.compile(r"(?<![\w.'\-])(?P<name>[A-Z][\w.'\-]*(?: [A-Z][\w.'\-]*){1,3})/[^/\s][^/]*(?:/[^/]+){0,2}$")


def _em_dash_credit(bare: str) -> str:
    """"… in Seoul on March 3, 2014 Jung Yeon-Je—AFP/Getty Images": a magazine's credit puts an em dash
    between the photographer and the agencies; read as the usual slash when all after it are agencies
    (the same length: what is kept of the caption is cut at the same place)."""
    k = bare.rfind("—")
    if k <= 0 or not bare[k - 1].isalpha() or not bare[k + 1:k + 2].isupper():
        return bare
    owners = bare[k + 1:].split("/")
    if len(owners) > 3 or not all(_known_agency(o) for o in owners):
        return bare
    return bare[:k] + "/" + bare[k + 1:]


def _glued_agency(bare: str) -> tuple[str, list[Credit]] | None:
    """"People walk past a screen showing Kim Jong-unGetty Images": a scraped caption whose credit
    line was glued to its last word (only agencies no sentence ends with)."""
    low = bare.lower()
    if not low.endswith(DISTINCTIVE_AGENCIES):
        return None  # the common case, one test: the loop below needs an agency at the end
    for agency in DISTINCTIVE_AGENCIES:
        k = len(bare) - len(agency)
        if k > 0 and low.endswith(agency) and bare[k - 1].isalnum() and bare[k - 1].islower():
            return bare[:k].rstrip(), [_credit(bare[k:], None)]
    return None


_COPYRIGHT_WORDS = {"copyright", "all", "rights", "reserved"}


def is_agency_copyright(sentence: str) -> bool:
    """"© Getty Images" on a line of its own: a picture agency's mark is a photo credit by itself (a
    publisher's own notice names a year or "All rights reserved", and no picture agency)."""
    s = sentence.strip()
    return s[:1] in "©ⓒ" and s[1:].strip().lower() in DISTINCTIVE_AGENCIES


def parse_copyright_sentence(sentence: str) -> list[Credit] | None:
    """"© Tomas Weller" as the last sentence of a caption (the caller checks that it is one): the
    holder of the picture, under the same conditions as a holder closing the caption's sentence."""
    s = sentence.strip()
    if s[:1] not in "©ⓒ":
        return None
    found = _copyright_tail("x " + s)
    return found[1] if found else None


def _copyright_tail(bare: str) -> tuple[str, list[Credit]] | None:
    """"… in June ⓒ Yonhap News", "Korea Monthly Update © Image Today": a caption closing with the
    holder of the picture. A year or "All rights reserved" makes it a publisher's notice instead."""
    k = max(bare.rfind("©"), bare.rfind("ⓒ"))
    if k <= 0 or len(bare) - k > _MAX_HOLDER_CHARS:
        return None
    head, holder = bare[:k].rstrip(), bare[k + 1:].strip().strip(" .")
    if not head or head.split()[-1].lower() in _COPYRIGHT_WORDS or any(ch.isdigit() for ch in holder):
        return None
    if {w.lower() for w in holder.split()} & _COPYRIGHT_WORDS or not is_capitalized_phrase(holder, 4):
        return None
    if holder.lower() in NOT_PHOTO_SOURCES or not _is_one_name(holder):
        return None
    return head, [_credit(holder, None)]


_MAX_HOLDER_CHARS = 40
_POSITIONS = {"l", "c", "r", "left", "center", "centre", "right", "top", "bottom", "middle", "front", "back"}
_MAX_COMBINED = 4


def _position(part: str) -> tuple[str, bool]:
    """("REUTERS/A", True) for "REUTERS/A (L)": a picture's place in a combination photo."""
    if part.endswith(")") and (k := part.rfind("(", max(0, len(part) - 10))) > 0 \
            and part[k + 1:-1].strip().lower() in _POSITIONS:
        return part[:k].strip(), True
    return part, False


def parse_combination(text: str) -> list[Credit] | None:
    """"REUTERS/A (L) & KCNA handout via Reuters & B (R)": the credits of a combination photo, one
    picture each, joined by "&" and placed by "(L)"/"(R)". The first names its agency; a bare
    name after it ("B (R)") is that agency's photographer."""
    parts = text.split(" & ")
    if len(parts) == 1:
        return _chained_pictures(text)
    if not 2 <= len(parts) <= _MAX_COMBINED:
        return None
    placed = [_position(p.strip()) for p in parts]
    if not any(marked for _, marked in placed) and not all(_WIRE_CAPS.match(p.strip()) for p in parts):
        return None  # unplaced pictures only when each part is a wire's own credit ("REUTERS/A & REUTERS/B")
    credits: list[Credit] = []
    for part, _ in placed:
        credit = parse_credit(part)
        if credit is None and credits and _known_agency(part):
            credit = _credit(part, None)  # "… & Yonhap (R)"
        elif credit is None and credits and credits[0].organization and is_person_name(part):
            credit = _credit(part, credits[0].organization)
        if credit is None:
            return None
        credits.append(credit)
    return credits


def _chained_pictures(text: str) -> list[Credit] | None:
    """"REUTERS/Mara Ellison/Pool/Tomas Weller/Pool/File Photo": one wire's credit slot for a
    combination of pictures, each photographer followed by the qualifiers of that picture."""
    m = _WIRE_CAPS.match(text)
    if m is None:
        return None
    segments = [p.strip() for p in text[m.end():].split("/")]
    if len(segments) > 2 * _MAX_COMBINED + 2:
        return None
    names: list[str] = []
    for segment in segments:
        if segment.lower() in _QUALIFIERS:
            continue
        if not is_person_name(segment) or (names and names[-1] == segment):
            return None
        names.append(segment)
    if not 2 <= len(names) <= _MAX_COMBINED or segments[1].lower() not in _QUALIFIERS:
        return None  # "REUTERS/A/B" without a qualifier between the two is a name and an agency (parse_credit)
    return [_credit(name, m["agency"]) for name in names]


# a caption closed by a dash and its photographer's name in capitals (as Manila's papers print it);
# a name in ordinary case after a dash is an epigraph's source, and stays
_DASH_CAPS_NAME = re.compile(r"[—–]\s*(?P<name>[A-Z][A-Z.'\-]*(?: [A-Z][A-Z.'\-]*){1,4})")


def parse_caps_signature(sentence: str) -> list[Credit] | None:
    """"—MARA L. ELLISON" closing a caption: its photographer (the caller checks that a caption, not a
    story, is above it)."""
    m = _DASH_CAPS_NAME.fullmatch(sentence.strip().rstrip("."))
    if m is None or all(is_common_word(w) for w in m["name"].split()):
        return None  # "—BREAKING NEWS", "—SPORTS DESK": a page's banner in capitals, words of no one's name
    return [_credit(m["name"], None)] if _caps_slot(m["name"]) else None


# a picture agency named by its head noun after a closing dash: "— PPI Images", "– Harbour Photos"
_DASH_PICTURE_AGENCY = re.compile(r"[—–]\s*(?P<name>[A-Z][\w.&'\-]*(?: [A-Z][\w.&'\-]*){0,2} (?:Images|Photos|Pictures))")


def parse_picture_agency_tail(sentence: str) -> list[Credit] | None:
    """"… on June 25. — PPI Images": the picture agency closing a caption (its head noun says pictures,
    so it is the photographer under a story too)."""
    m = _DASH_PICTURE_AGENCY.fullmatch(sentence.strip().rstrip("."))
    if m is None or any(is_common_word(w) for w in m["name"].split()[:-1]):
        return None  # "— Our Photos": common words name no agency
    return [Credit("photographer", m["name"], agent="organization")]


def parse_agency_tail(sentence: str) -> list[Credit] | None:
    """"… on December 7, 2020. AFP": an agency's name alone after the last sentence of a caption
    (or of a story, "… twice a day. — AFP": the caller decides which)."""
    name = sentence.strip().lstrip("—–-").strip().rstrip(".").strip()
    if name.lower() in _WIRES and (name.isupper() or name.istitle()):
        return [_credit(name, None)]
    if _is_caps_outlet(name):
        return [replace(_credit(name, None), agent="organization")]  # "… after arriving for the summit. NBC NEWS"
    return None


_WIRES = {"ap", "afp", "reuters", "epa", "yonhap", "kyodo", "jiji", "xinhua", "upi", "kcna", "news1", "newsis",
          "associated press", "the associated press"}  # "… in Seoul on Monday. THE ASSOCIATED PRESS"
_MAX_CAPS_OUTLET_WORDS = 4


def _is_caps_outlet(name: str) -> bool:
    """A news outlet's name in capitals, as a broadcaster or a paper prints its own credit under a picture or a
    clip ("NBC NEWS", "THE KOREA HERALD"): a newsroom's head noun last, and before it no common word ("WORLD
    NEWS", "DAILY NEWS" are a page's sections; "FOX NEWS", "THE HARBOR TIMES" are refused with them)."""
    words = name.split()
    if not (name.isupper() and 2 <= len(words) <= _MAX_CAPS_OUTLET_WORDS and all(w.isalpha() for w in words)):
        return False
    named = words[1:] if words[0] == "THE" else words
    if named[-1] == "NEWS" and not (len(named) == 2 and len(named[0]) <= _MAX_CALL_SIGN
                                    and not is_romanized_name_word(named[0])):
        return False  # "NBC NEWS", "KBS NEWS": a broadcaster's call sign; "KOREA NEWS", "HEADLINE NEWS" are sections
    return is_news_outlet(name) and bool(named[:-1]) and not any(is_common_word(w) for w in named[:-1])


_MAX_CALL_SIGN = 4  # "NBC", "JTBC"


_TAKEN_BY = (" in this photo taken by ", " in this handout photo taken by ", " in this photo released by ",
             " in this handout photo released by ", " in this photo provided by ", " in this photo obtained by ")


_IN_THIS_PHOTO_BY = re.compile(r"In this (?:file |handout |undated )?(?:photo|picture|image)(?: taken| released| provided)? by "
                               r"(?P<name>[^,]{2,60}), ")


def split_taken_by(sentence: str) -> tuple[str, list[Credit]] | None:
    """"… in the town of Kotoura, Japan in this photo taken by Kyodo": a wire caption naming the
    agency that took or released the picture (a known agency, perhaps a date after it), or the
    photographer opening it ("In this photo by Baek Ji-hoon, fishermen mend …"). The caption
    keeps its words: the clause is part of its sentence."""
    s = sentence.strip()
    if (m := _IN_THIS_PHOTO_BY.match(s)) and (is_person_name(m["name"]) or _known_agency(m["name"])):
        return s, [_credit(m["name"], None)]
    low = s.lower()
    for marker in _TAKEN_BY:
        k = low.rfind(marker, max(0, len(s) - 120))
        if k <= 0:
            continue
        rest = s[k + len(marker):].rstrip(" .")
        toks = tokens(rest)
        cut = trailing_date_start(toks)
        agency = rest[: toks[cut].start].strip(" ,") if cut < len(toks) else rest
        if _known_agency(agency):
            return s, [_credit(agency, None)]
    return None
