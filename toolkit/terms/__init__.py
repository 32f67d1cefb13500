"""Terminology: which Korean terms the archive's articles use, how each is rendered in English,
and how consistently.

- `korean`: content units of a Korean sentence and the term occurrences among them (stop list);
- `renderings`: the English words a word-alignment model ties to a term in one bead;
- `grouping`: renderings grouped by lemma, acronyms with the expansions their article gives;
- `build`: the build's terms step (terms and glossary tables, over the whole archive);
- `glossary`: the glossary table; `consistency`: consistency per term and per translator;
- `report`: what `transprov terms` prints.

Submodules import polars and Kiwi lazily, inside their functions.
"""

from toolkit.terms.build import write_term_tables
from toolkit.terms.consistency import consistency_by_group, terminology_consistency
from toolkit.terms.report import glossary, term_renderings

__all__ = ["consistency_by_group", "glossary", "term_renderings", "terminology_consistency",
           "write_term_tables"]
