"""Researchers' tables and translation-consistency metrics over an archive.

- `tables`: the schemas of the Parquet tables and the rows of one aligned article;
- `checks`: per-bead checks (numbers, names, length ratio, stray Hangul);
- `summary`: per-article metrics and roll-ups per translator, writer or service (lazy polars);
- `consistency`: repeated-source consistency across articles (terminology: `toolkit.terms`);
- `compare`: BLEU / chrF++ / TER between two English versions of an article.

Submodules import polars and sacrebleu lazily, inside their functions.
"""

from toolkit.metrics.compare import Comparison, compare_files, compare_texts
from toolkit.metrics.consistency import repeated_sources
from toolkit.metrics.summary import GROUPS, article_metrics, summarize
from toolkit.metrics.tables import TABLES, article_rows, schemas, sentence_number
from toolkit.terms.consistency import terminology_consistency

__all__ = [
    "GROUPS", "TABLES", "Comparison", "article_metrics", "article_rows", "compare_files",
    "compare_texts", "repeated_sources", "schemas", "sentence_number", "summarize",
    "terminology_consistency",
]
