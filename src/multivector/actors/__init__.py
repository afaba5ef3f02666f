"""Actor resolution: mentions in news text to coded, dated actors (country, sector, alignment).

Importing this package does no work; the dictionaries and the spaCy model load on first use. The
resolver module itself is imported on first use of its names, so a submodule that needs none of it
(``actors.blocs``, read by every analysis at CLI start-up) does not pull in the word lists and models.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from multivector.actors.resolver import ActorResolver, default_resolver, resolve

__all__ = ["ActorResolver", "default_resolver", "resolve"]


def __getattr__(name: str) -> Any:
    import importlib

    if name in __all__:
        return getattr(importlib.import_module(f"{__name__}.resolver"), name)
    try:  # a submodule asked for as an attribute ("multivector.actors.resolver") once it is needed
        return importlib.import_module(f"{__name__}.{name}")
    except ModuleNotFoundError as exc:
        if exc.name != f"{__name__}.{name}":
            raise  # the submodule exists but needs something that is not installed
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
