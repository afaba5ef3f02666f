"""Every measured-quality number of the README, reproduced from the shared gold corpora.

One package so that no stage depends on its evaluation: :mod:`~multivector.evaluation.corpora` says
where each corpus lives, one module per stage scores it, and :mod:`~multivector.evaluation.suites`
registers the suites ``multivector evaluate`` runs (``--only NAME``; ``--list`` names them).
"""

from multivector.evaluation.corpora import default_corpora, shared_dir
from multivector.evaluation.suites import REGISTRY, evaluate_suites, suite, suite_names

__all__ = ["REGISTRY", "default_corpora", "evaluate_suites", "shared_dir", "suite", "suite_names"]
