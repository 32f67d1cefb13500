"""Whether a sentence reports someone's words: (Korean) a quotation closed by a quotative
particle; (English) a quotation or a verb of saying.

A translator keeps the attribution of a report ("..., the source said"), so a Korean sentence
that reports a source's words is rendered by an English sentence that reports them too. A
rewrite's background sentence (a law, a figure from the UN, the region's history) reports
no one; facing an untranslated quote in the same gap, the two are not partners by order alone.
"""

from __future__ import annotations

import re

__all__ = ["english_reports", "korean_reports"]

# a closing quotation mark: double or single (news sets indirect and partial quotes in single marks),
# corner brackets (North Korean texts); a straight mark closes only after a non-space (an opening one
# before 고(故) is no quote)
_KO_CLOSE = r"(?:[”’」』]|(?<=\S)[\"'])"
# ... followed by a quotative particle (-고, -라고, -라며, -며, -라면서, -면서, -하고, then -도 / -만:
# …라고도 전했다); -라는 only after a sentence's end (“…하겠다”라는), since “비핵화”라는 names a term
# (a space is allowed before -라고 / -라며 / -라면서 only: "” 고 김대중" is 故, the late, before a name)
_KO_QUOTED = re.compile(_KO_CLOSE + r"(?:\s?(?:이?라고|이?라며|이?라면서)|고|며|면서|하고)(?:도|만)?(?![가-힣])"
                        r"|(?<=[다요까죠.!?])" + _KO_CLOSE + r"\s?라는(?![가-힣])")
# English also quotes in single marks (British style, headlines): the opening one (’ and ' are apostrophes too)
_EN_QUOTE = re.compile(r"[\"“”‘]")
# English verbs (and the preposition) of attribution, in the forms a news report uses; the renderings of
# 약속했다, 다짐했다, 비판했다, 답했다, 지적했다 among them. Not "state(s)" nor "note(s)": in news they are
# mostly nouns (the United States, member states, bank notes)
_EN_SAYING = frozenset("""
say says said saying tell tells told add adds added according explain explains explained noted
stated claim claims claimed ask asks asked warn warns warned recall recalls recalled complain
complains complained insist insists insisted stress stresses stressed emphasize emphasizes emphasized
emphasise emphasises emphasised report reports reported announce announces announced describe describes
described quote quotes quoted testify testifies testified urge urges urged confirm confirms confirmed
reveal reveals revealed argue argues argued admit admits admitted deny denies denied lament laments lamented
vow vows vowed pledge pledges pledged promise promises promised criticize criticizes criticized criticise
criticises criticised reply replies replied respond responds responded answered wrote writes accuse accuses
accused pointed predicted
""".split())


def korean_reports(text: str) -> bool:
    """A Korean sentence quoting someone's words: a quotation closed by a quotative particle
    (“…”고 말했다, “…”라며, “…”며). Quotation marks alone are not enough: Korean news also
    sets off terms and titles in them (“비핵화” 문제). Nor is an indirect quotation (-다고): it
    also closes what someone thinks or what is heard (~다고 본다, ~다고 한다), which English
    renders with no verb of saying ("is believed", "reportedly")."""
    return bool(_KO_QUOTED.search(text))


def english_reports(lower_words: frozenset[str], text: str) -> bool:
    """An English sentence quoting someone or naming a verb of saying (`lower_words`: its words, lower-cased)."""
    return bool(_EN_QUOTE.search(text)) or not _EN_SAYING.isdisjoint(lower_words)
