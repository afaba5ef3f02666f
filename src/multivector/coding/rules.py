"""Word lists and code mappings the coder applies around a fired pattern.

Kept apart from the matching code so the linguistic decisions (which verbs mark intent, which reject code a
negated act becomes) can be read and changed in one place.
"""

from __future__ import annotations

REFUSE = {"refuse", "decline", "reject", "fail", "resist", "oppose"}
INTENT = {
    "plan",
    "swear",
    "schedule",
    "intend",
    "want",
    "hope",
    "aim",
    "expect",
    "prepare",
    "promise",
    "pledge",
    "vow",
    "agree",
    "decide",
    "offer",
    "propose",
    "wish",
    "commit",
    "undertake",
    "ready",
    "willing",
    "prepared",
    "determined",
    "eager",
    "keen",
    "poised",
    "set",
    "going",
    "able",
    "interested",
    "threaten",
}
# nouns whose infinitive states the holder's intent ("a consensus to exchange data", "plans to build")
INTENT_NOUNS = {
    "agreement",
    "consensus",
    "decision",
    "plan",
    "promise",
    "pledge",
    "commitment",
    "readiness",
    "willingness",
    "offer",
    "proposal",
    "intention",
    "understanding",
}
APPEAL = {"urge", "call", "ask", "appeal", "invite", "encourage", "press", "request", "implore", "beg"}
DEMAND = {"demand", "insist", "order", "require", "force", "pressure"}
SPEECH = {
    "say",
    "state",
    "declare",
    "announce",
    "tell",
    "add",
    "note",
    "stress",
    "emphasize",
    "emphasise",
    "underscore",
    "underline",
    "claim",
    "report",
    "write",
    "believe",
    "think",
    "argue",
    "suggest",
    "predict",
}
# passives that describe the subject's own stance or activity ("X is committed to", "X is opposed to",
# "X were engaged in"): with no "by" phrase the grammatical subject is the actor
STATIVE_PASSIVE = {"commit", "oppose", "engage", "determine", "resolve", "dedicate", "devote", "involve"}
HYPO_AUX = {"may", "might", "could", "should"}
FUTURE_AUX = {"will", "would", "shall", "'ll"}
STATE_AGENTS = {"", "GOV", "MIL", "LEG", "JUD", "SPY", "COP", "PRE", "ELI", "IGO"}
LIGHT_VERBS = {
    "hold",
    "pay",
    "make",
    "conduct",
    "have",
    "begin",
    "start",
    "launch",
    "open",
    "resume",
    "continue",
    "carry",
    "stage",
    "give",
    "express",
    "impose",
    "introduce",
    "announce",
    "take",
    "undertake",
    "issue",
    "lodge",
    "level",
    "voice",
    "extend",
    "provide",
    "offer",
    "reach",
    "sign",
    "conclude",
    "wage",
    "mount",
}
# inflected light verbs the English lemmatizer gets wrong ("staged" → "stag")
LIGHT_FORMS = {"stage", "stages", "staged", "staging"}
CHALLENGERS = {"OPP", "REB", "INS", "PRO", "MED", "HRI", "NGO", "LAB", "SEP", "UAF", "PTY", "RAD"}
DEFAULT_NOUN_SOURCE = ("poss", "compound", "amod", "nmod")
NOUN_SOURCE_PREPS = {"of", "by", "from"}

REJECT_OF = {
    "057": "127",
    "036": "125",
    "046": "125",
    "04": "125",
    "05": "127",
    "06": "121",
    "0": "120",
    "07": "122",
    "08": "124",
    "03": "120",
    "02": "120",
    "01": "120",
    "09": "120",
}
INTENT_OF = {
    "04": "036",
    "05": "032",
    "050": "030",
    "051": "030",
    "057": "037",
    "06": "031",
    "061": "0311",
    "062": "0312",
    "07": "033",
    "071": "0331",
    "072": "0332",
    "073": "0333",
    "074": "0334",
    "08": "035",
    "084": "0353",
    "085": "0354",
    "087": "0356",
    "09": "030",
    "10": "130",
    "11": "130",
    "12": "130",
    "13": "130",
    "14": "133",
    "15": "138",
    "16": "131",
    "163": "1312",
    "166": "132",
    "17": "137",
    "172": "132",
    "173": "136",
    "18": "138",
    "19": "138",
    "20": "138",
}
APPEAL_OF = {
    "04": "026",
    "046": "026",
    "05": "022",
    "057": "027",
    "06": "021",
    "061": "0211",
    "062": "0212",
    "07": "023",
    "071": "0231",
    "08": "025",
    "084": "0253",
    "085": "0254",
    "087": "0256",
    "03": "020",
}
DEMAND_OF = {
    "04": "108",
    "05": "102",
    "06": "101",
    "07": "103",
    "08": "105",
    "084": "1053",
    "085": "1054",
    "087": "1056",
    "03": "100",
}

# nouns naming someone else by relation to the possessor: "its partners" are not "it"
RELATIONAL_NOUNS = {
    "partner",
    "ally",
    "neighbour",
    "neighbor",
    "rival",
    "enemy",
    "counterpart",
    "friend",
    "opponent",
    "adversary",
    "critic",
    "foe",
}
PLURAL_ANAPHORS = {
    ("the", "two", "countries"),
    ("both", "countries"),
    ("both", "sides"),
    ("the", "two", "sides"),
    ("both", "presidents"),
    ("the", "two", "presidents"),
    ("the", "two", "leaders"),
    ("both", "leaders"),
    ("the", "sides"),
    ("the", "parties"),
    ("both", "parties"),
    ("the", "two", "states"),
    ("both", "states"),
    ("the", "two", "governments"),
    ("both", "governments"),
    ("the", "two", "ministers"),
    ("our", "countries"),
    ("the", "leaders"),
    ("the", "presidents"),
    ("the", "interlocutors"),
    ("heads", "of", "state"),
    ("the", "prime", "ministers"),
    ("our", "two", "countries"),
}


def _mapped(table: dict[str, str], code: str) -> str | None:
    for key in (code[:3], code[:2]):
        if key in table:
            return table[key]
    return None
