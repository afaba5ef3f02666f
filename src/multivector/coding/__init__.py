"""coding stage: CAMEO/PLOVER events, with evidence, from article text and actor mentions.

Import is cheap; spaCy and the dictionaries load on first use.
"""

from multivector.coding.api import code_article, code_text, select_sentences
from multivector.coding.coder import EventCoder
from multivector.coding.corpus import code_articles
from multivector.coding.explain import explain
from multivector.coding.gdelt import GDELT_COLUMNS, to_gdelt_line, to_gdelt_row
from multivector.coding.tables import cameo, cameo_table, load_patterns, pattern_counts

__all__ = [
    "GDELT_COLUMNS",
    "EventCoder",
    "cameo",
    "cameo_table",
    "code_article",
    "code_articles",
    "code_text",
    "explain",
    "load_patterns",
    "pattern_counts",
    "select_sentences",
    "to_gdelt_line",
    "to_gdelt_row",
]
