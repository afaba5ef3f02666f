"""analysis stage: dyads, the East/West balance index, story dedup, trends and similar articles.

Every function takes a DuckDB connection to the store (``Store(path).con``) and aggregates in SQL;
heavy libraries (numpy, scipy, scikit-learn) load only inside the functions that need them.
"""

from multivector.analysis._sql import MIN_CONFIDENCE
from multivector.analysis.balance import balance, balance_value, diversification, partner_periods, partners
from multivector.analysis.dyads import dyad_matrix, dyad_series, quad_mix
from multivector.analysis.similar import similar_articles
from multivector.analysis.stories import stories, story_assignments
from multivector.analysis.trends import trends

__all__ = [
    "MIN_CONFIDENCE",
    "balance",
    "balance_value",
    "diversification",
    "dyad_matrix",
    "dyad_series",
    "partner_periods",
    "partners",
    "quad_mix",
    "similar_articles",
    "stories",
    "story_assignments",
    "trends",
]
