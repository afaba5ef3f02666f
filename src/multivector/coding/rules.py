"""Word lists and code mappings the coder applies around a fired pattern.

The words and maps themselves are data (``data/lexicon.yaml``, validated on load); this module gives
them the names the rules use, so the linguistic decisions (which verbs mark intent, which reject code a
negated act becomes) can be read and changed in one place without touching code.
"""

from __future__ import annotations

from multivector.wordlists import load_lexicon

_LEX = load_lexicon("multivector.coding")

REFUSE = _LEX.words("refuse_verbs")
INTENT = _LEX.words("intent_words")
INTENT_NOUNS = _LEX.words("intent_nouns")
APPEAL = _LEX.words("appeal_verbs")
DEMAND = _LEX.words("demand_verbs")
SPEECH = _LEX.words("speech_verbs")
REPORTING = SPEECH | _LEX.words("vouching_verbs")
DENIAL = _LEX.words("denial_verbs")
CLAIM_NOUNS = _LEX.words("claim_nouns")
ABSTAIN = _LEX.words("abstain_verbs")
CONJECTURE = _LEX.words("conjecture_verbs")
ALLEGE = _LEX.words("allege_verbs")
HYPO_ADJ = _LEX.words("hypothetical_adjectives")
STATIVE_PASSIVE = _LEX.words("stative_passives")
HYPO_AUX = _LEX.words("hypothetical_aux")
FUTURE_AUX = _LEX.words("future_aux")
STATE_AGENTS = _LEX.words("state_agents")
CHALLENGERS = _LEX.words("challenger_agents")
LIGHT_VERBS = _LEX.words("light_verbs")
LIGHT_FORMS = _LEX.words("light_forms")
DEFAULT_NOUN_SOURCE = _LEX.ordered("noun_source_deps")
NOUN_SOURCE_PREPS = _LEX.words("noun_source_preps")
RELATIONAL_NOUNS = _LEX.words("relational_nouns")
COMMON_VERBS = _LEX.words("common_verbs")
THANKS = _LEX.words("thanks_words")
COURTESY_REASONS = _LEX.words("courtesy_reasons")
COURTESY_OBJECTS = _LEX.words("courtesy_objects")
FOR_OBJECTS = _LEX.words("for_objects")
APPEAL_ADJECTIVES = _LEX.words("appeal_adjectives")
FIGURE_VERBS = _LEX.words("figure_verbs")
PLURAL_ANAPHORS = _LEX.phrase_tuples("plural_anaphors")
THWART_VERBS = _LEX.words("thwart_verbs")
OWN_ACT_VERBS = _LEX.words("own_act_verbs")
WARNING_VERBS = _LEX.words("warning_verbs")
FRAME_NOUNS = _LEX.words("frame_nouns")
LISTING_VERBS = _LEX.words("listing_verbs")

REJECT_OF = _LEX.code_map("reject_of")
INTENT_OF = _LEX.code_map("intent_of")
CEASE_OF = _LEX.code_map("cease_of")
APPEAL_OF = _LEX.code_map("appeal_of")
DEMAND_OF = _LEX.code_map("demand_of")


def map_code(table: dict[str, str], code: str) -> str | None:
    """The code ``table`` gives the longest matching prefix (3, then 2 digits) of ``code``."""
    for key in (code[:3], code[:2]):
        if key in table:
            return table[key]
    return None
