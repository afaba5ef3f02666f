"""multivector: foreign-policy news in, auditable East/West event data out."""

from __future__ import annotations

__version__ = "0.1.0"
