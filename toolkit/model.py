"""Plain dataclasses shared by every room.

Rooms exchange only these types, so each room can be used (and tested) on its own
and a notebook can build them by hand.
"""

from __future__ import annotations

from dataclasses import dataclass, field

ROLES: dict[str, str] = {
    # role -> MARC relator code; the order is the usual order of a credit chain
    "reporter": "rpt",
    "translator": "trl",
    "writer": "aut",
    "editor": "edt",
    "contributor": "ctb",
    "photographer": "pht",
    "producer": "pro",
}
RELATOR_URI = "http://id.loc.gov/vocabulary/relators/"
AGENTS = ("person", "organization", "software")  # what kind of agent a credit names


@dataclass
class Credit:
    """One link of the credit chain: a person (or organization) in one role."""

    role: str
    name: str
    service: str | None = None
    organization: str | None = None
    language: str | None = None
    order: int = 0
    name_ko: str | None = None  # the Hangul form, when a Korean byline names the same person
    agent: str = "person"  # what kind of agent the name is: person | organization | software

    def as_dict(self) -> dict:
        return {
            "role": self.role,
            "name": self.name,
            "service": self.service,
            "organization": self.organization,
            "language": self.language,
            "order": self.order,
            "agent": self.agent,
        }


@dataclass
class Sentence:
    """A sentence of one language; `id` is stable within its article (`en-s3`, `ko-s7`)."""

    id: str
    text: str
    lang: str
    paragraph: int  # index into Article.paragraphs
    speaker: str | None = None  # a speaker label written before it (앵커, 기자), kept out of `text`
    subhead: str | None = None  # the heading of a `◆ HEADING = body` paragraph it opens, kept out of `text`


@dataclass
class Paragraph:
    text: str
    lang: str
    sentences: list[Sentence] = field(default_factory=list)
    kind: str = "text"  # "rubric": a rubric line (<앵커>, 관련기사, a caption), never sentences


@dataclass
class Link:
    """A hyperlink kept from an HTML page (site navigation is dropped)."""

    text: str
    url: str


@dataclass
class Article:
    """One article in one language, as read from a scraped page, text file or TEI."""

    source: str
    language: str
    title: str | None = None
    dek: str | None = None
    captions: list[str] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)  # body only
    credit_paragraphs: list[str] = field(default_factory=list)
    credits: list[Credit] = field(default_factory=list)
    date: str | None = None  # ISO 8601 where the page states one
    links: list[Link] = field(default_factory=list)
    url: str | None = None  # where the article was published (page metadata or meta.json)
    outlet: str | None = None  # who published it (page metadata or meta.json)
    warnings: list[str] = field(default_factory=list)  # what reading left out that a person should hear of

    @property
    def sentences(self) -> list[Sentence]:
        return [s for p in self.paragraphs for s in p.sentences]


@dataclass
class Bead:
    """An alignment bead: English sentence indices with Korean sentence indices.

    Either side may be empty (a null bead): English added by the writer, or Korean
    left untranslated. Indices are positions in Article.sentences.
    """

    en: tuple[int, ...]
    ko: tuple[int, ...]
    cert: float = 1.0
    reviewer: str | None = None  # the person who confirmed or corrected this bead (None: as aligned)

    @property
    def type(self) -> str:
        return f"{len(self.en)}-{len(self.ko)}"


@dataclass
class Revision:
    """One correction of an alignment by a reviewer (TEI revisionDesc/change)."""

    when: str  # ISO 8601 date-time, UTC
    who: str  # the reviewer's name
    what: str


@dataclass
class Alignment:
    beads: list[Bead] = field(default_factory=list)
    revisions: list[Revision] = field(default_factory=list)  # review history, oldest first
