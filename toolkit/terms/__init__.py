"""Terminology: which Korean terms the archive's articles use, how each is rendered in English,
and how consistently.

- `korean`: content units of a Korean sentence and the term occurrences among them (stop list);
- `renderings`: the English words a word-alignment model ties to a term in one bead;
- `sound`: renderings by sound, for names and loanwords the model has barely met;
- `respell`: lexicon renderings respelled as a bead romanizes a name (Ryanggang ~ Yangkang);
- `grouping`: renderings grouped by lemma, acronyms with the expansions their article gives;
- `beads`: one article's linked beads as the terms step sees them (from its rows or the tables);
- `model`: the archive-wide part (the reduce): recurring words, training data, the model;
- `rows`: one article's term rows with that model, and the labels over all rows;
- `build`: the terms step over an archive's tables, in one process (`write_term_tables`; a
  build runs the same pieces as a map and a reduce: toolkit.archive.terms);
- `glossary`: the glossary table; `consistency`: consistency per term and per translator;
- `report`: what `transprov terms` prints.

Submodules import polars and Kiwi lazily, inside their functions.
"""

from toolkit.terms.build import write_term_tables
from toolkit.terms.consistency import consistency_by_group, terminology_consistency
from toolkit.terms.report import glossary, term_renderings

__all__ = ["consistency_by_group", "glossary", "term_renderings", "terminology_consistency",
           "write_term_tables"]
