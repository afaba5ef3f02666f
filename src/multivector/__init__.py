"""multivector: foreign-policy news in, auditable East/West event data out.

``multivector.code(text, date=None)`` and ``multivector.resolve(text, date=None)`` are the two one-call
entry points; importing the package stays cheap (spaCy loads on first use).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from multivector.records import Event, Mention

__all__ = ["__version__", "code", "resolve"]


def code(text: str, date: str | None = None, **kwargs: Any) -> list[Event]:
    """Events in ``text`` (an article date moves with "in 2013", "last week" …; None stays None).

    Keyword arguments go to :func:`multivector.coding.code_text` (``article_id``, ``speaker``, …)."""
    from multivector.coding import code_text

    return code_text(text, date, **kwargs)


def resolve(text: str, date: str | None = None) -> Mention:
    """The coded actor of a short phrase ("the Kremlin", "Лукашенко"), as of ``date`` for offices."""
    from multivector.actors import resolve as resolve_phrase

    return resolve_phrase(text, date=date)
