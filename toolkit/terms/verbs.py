"""English verb forms that are never the noun a modifier is written before.

A rendering that is only a modifier of the lexicon's phrases ('North Korean' of "North Korean
won") takes the noun written after it as its head; the word after a modifier that can stand as a
subject ('the North Korean') may instead be that subject's verb ('the North Korean sold dollars',
'the North Korean gets paid'). Regular past forms end in -ed and are told by their ending; the
irregular verbs are a closed class of English, so their past forms and the -s forms of those whose
forms are not also common nouns are listed here ('sold', 'paid', 'gets'; not 'cut', 'set', 'hit',
'wins', 'runs', 'strikes', which news writes as nouns), with the -s forms of the commonest regular
verbs that are no nouns ('earns', 'seems'). A verb in -s that is also a noun ('plans', 'works') stays
a head: without a tagger the plural noun is the likelier reading after a modifier. Kept apart from
the aligner's stemmer (toolkit.align.english), whose stems must not change.
"""

from __future__ import annotations

__all__ = ["is_verb_form"]

# past forms (simple past and participle) of irregular verbs that are not also nouns, beyond those the
# stemmer already lists (irregular_base: 'made', 'took', 'bought')
_PASTS = frozenset("""
    sold paid got gotten heard meant laid sat slept stole stolen threw thrown drove driven rode ridden
    rose risen drew drawn flew flown broke broken forgot forgotten hid hidden froze frozen shook shaken
    swore sworn tore torn woke woken dealt dug fed hung lent sank sunk sped spun stuck swept swung
    withdrew withdrawn undertook undertaken overcame upheld withheld forbade forbidden forgave forgiven
    bore borne bent bred bitten blew blown sang sung sprang sprung swam arose arisen awoke shone shrank
    slid strove wept misled mistook mistaken overtook oversaw overseen rebuilt repaid underwent
    undergone""".split())

# bases whose -s form is a verb only: irregular verbs (not 'wins', 'runs', 'leads', 'falls', 'shows')
_S_BASES = ("get go make take give come become sell pay buy bring send spend keep know think tell say seek "
            "teach lose grow see write speak choose flee eat put let hear sit sleep steal throw begin lend "
            "withdraw undergo undertake overcome forget forgive hide arise swim sing understand mislead "
            # and common regular verbs that are no nouns (not 'works', 'needs', 'uses', 'plans', 'remains')
            "seem appear stay want try earn own receive believe allow expect refuse manage happen agree "
            "decide").split()


def _s_form(base: str) -> str:
    """The third person singular of a base: go -> goes, fly -> flies, get -> gets."""
    if base.endswith(("s", "sh", "ch", "x", "o")):
        return base + "es"
    if base.endswith("y") and base[-2:-1] not in "aeiou":
        return base[:-1] + "ies"
    return base + "s"


_S_FORMS = frozenset(_s_form(b) for b in _S_BASES)


def is_verb_form(word: str) -> bool:
    """`word` (lower case) is an irregular verb's past form, or the -s form of one that news never
    writes as a plural noun: a verb, never a noun head."""
    return word in _PASTS or word in _S_FORMS
