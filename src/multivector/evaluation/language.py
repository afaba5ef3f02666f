"""Language identification against corpora whose records carry a gold ``lang``."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any


def evaluate_language(path: Path) -> dict[str, Any]:
    """Share of the JSONL records of ``path`` (gzip) whose text we identify as their gold language."""
    from multivector.clean import detect_language

    hits = total = 0
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            total += 1
            hits += detect_language(rec["text"]) == rec["lang"]
    return {"accuracy": hits / total if total else 0.0, "documents": total}
