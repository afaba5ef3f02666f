"""Actor resolution: mentions in news text to coded, dated actors (country, sector, alignment).

Importing this package does no work; the dictionaries and the spaCy model load on first use.
"""

from multivector.actors.resolver import ActorResolver, default_resolver, resolve

__all__ = ["ActorResolver", "default_resolver", "resolve"]
