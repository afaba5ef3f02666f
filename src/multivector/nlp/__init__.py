"""nlp stage: shared spaCy pipeline, cheap sentence selection before parsing, and a per-article cache."""

from multivector.nlp.cache import ResultCache, content_key
from multivector.nlp.pipeline import SPACY_MODEL, get_nlp, parse_many
from multivector.nlp.sentences import Prefilter, Sentence, split_sentences

__all__ = [
    "SPACY_MODEL",
    "Prefilter",
    "ResultCache",
    "Sentence",
    "content_key",
    "get_nlp",
    "parse_many",
    "split_sentences",
]
