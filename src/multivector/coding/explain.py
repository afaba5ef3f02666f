"""Why was this event coded? The sentence, the pattern that fired and the parse path to each actor.

Events are stored without their parse, so ``explain`` re-parses the event's sentence (cheap: one sentence)
and walks the dependency tree from the trigger to the source and target spans.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from multivector.coding.tables import load_patterns
from multivector.nlp.russian import cyrillic_share
from multivector.records import Event, Mention


def _pattern(pid: str | None, russian: bool = False) -> dict[str, Any] | None:
    if not pid:
        return None
    if russian:
        from multivector.coding.russian import russian_patterns

        pats = [p for group in russian_patterns().values() for p in group]
    else:
        pats = load_patterns()
    for p in pats:
        if p.id == pid:
            return {
                "id": p.id,
                "code": p.code,
                "pos": p.pos,
                "lemma": p.lemma,
                "obj": sorted(p.obj),
                "prep": sorted(p.prep),
                "prt": sorted(p.prt),
                "targets": list(p.tgt),
                "sym": p.sym,
            }
    return {"id": pid}


def _chain(a: Any, b: Any, up: Callable[[Any], list[Any]]) -> list[Any]:
    """Tokens from ``a`` up to the lowest common head and down to ``b`` (``up`` lists a token and its
    heads, nearest first)."""
    ua, ub = up(a), up(b)
    common = next((t for t in ua if t in ub), None)
    if common is None:
        return []
    return ua[: ua.index(common) + 1] + ub[: ub.index(common)][::-1]


def _token_at(doc: Any, m: Mention | None, sent_start: int) -> Any:
    if m is None:
        return None
    span = doc.char_span(m.start - sent_start, m.end - sent_start, alignment_mode="expand")
    if span is None:
        return None
    return span.root


def _account(
    event: Event,
    pattern: dict[str, Any] | None,
    toks: list[Any],
    row: Callable[[Any], dict[str, Any]],
    trig: Any,
    token_of: Callable[[Mention | None], Any],
    up: Callable[[Any], list[Any]],
) -> dict[str, Any]:
    """The account both parsers give: ``row`` turns a token into its table row, ``token_of`` finds an
    actor's head token, ``up`` lists a token and its heads."""
    out: dict[str, Any] = {
        "event_id": event.event_id,
        "sentence": event.sentence,
        "span": list(event.span),
        "trigger": event.trigger,
        "cameo": event.cameo,
        "quad_class": event.quad_class,
        "goldstein": event.goldstein,
        "plover": event.plover,
        "modality": event.modality,
        "pattern": pattern,
        "source": event.source.to_dict(),
        "target": event.target.to_dict() if event.target else None,
        "tokens": [row(t) for t in toks],
    }
    for role, m in (("source", event.source), ("target", event.target)):
        out[f"{role}_found"] = describe_via(m.via) if m is not None else None
        tok = token_of(m)
        chain = _chain(trig, tok, up) if trig is not None and tok is not None else []
        out[f"{role}_path"] = [{k: row(t)[k] for k in ("text", "lemma", "dep", "pos")} for t in chain]
    return out


def explain(event: Event) -> dict[str, Any]:
    """A JSON-ready account of one event: sentence, trigger, pattern, and parse paths to the actors."""
    if cyrillic_share(event.sentence) > 0.5:
        return _explain_ru(event)
    from multivector.nlp.pipeline import get_nlp

    doc = get_nlp()(event.sentence)
    trig = next((t for t in doc if t.text == event.trigger), None)

    def row(t: Any) -> dict[str, Any]:
        return {"i": t.i, "text": t.text, "lemma": t.lemma_, "pos": t.pos_, "dep": t.dep_, "head": t.head.i}

    return _account(
        event,
        _pattern(event.pattern_id),
        list(doc),
        row,
        trig,
        lambda m: _token_at(doc, m, event.span[0]),
        lambda t: [t, *t.ancestors],
    )


def _explain_ru(event: Event) -> dict[str, Any]:
    """The same account for a Russian event, over the natasha/slovnet parse the Russian coder reads."""
    from multivector.nlp.russian import parse

    toks = [t for sent in parse(event.sentence) for t in sent.toks]
    trig = next((t for t in toks if t.text == event.trigger), None)

    def at(m: Mention | None) -> Any:
        if m is None:
            return None
        lo, hi = m.start - event.span[0], m.end - event.span[0]
        inside = [t for t in toks if t.start >= lo and t.end <= hi]
        # the span's head word: the one whose head lies outside the span
        return next((t for t in inside if toks[t.head] not in inside or t.head < 0), None) if inside else None

    def up(t: Any) -> list[Any]:
        chain = [t]
        while chain[-1].head >= 0 and len(chain) < 50:
            chain.append(toks[chain[-1].head])
        return chain

    def row(t: Any) -> dict[str, Any]:
        return {"i": t.i, "text": t.text, "lemma": t.lemma, "pos": t.pos, "dep": t.rel, "head": t.head}

    out = _account(event, _pattern(event.pattern_id, russian=True), toks, row, trig, at, up)
    out["language"], out["parser"] = "ru", "natasha/slovnet"
    return out


_VIA = {
    "anaphor": "pronoun «{0}», standing for an actor named before it",
    "relative": "relative pronoun «{0}», standing for the phrase it follows",
    "member": "one of a group named in the sentence",
    "house": "the voice of the publishing institution (its site or the document's speaker)",
    "addressee": "the one addressed as «you» in a two-sided encounter",
    "counterpart": "the other side of the encounter named in the title ({0})",
    "speaker": "first person, standing for the current speaker ({0})",
    "voice": "whoever speaks in the passage, charging the doer or demanding of it",
}


def describe_via(via: str | None) -> str:
    """In words, how an actor was found when the sentence does not name it ("" = it is named there).

    ``via`` chains steps with " > " (a pronoun that stands for a speaker): each step is described.
    """
    if not via:
        return "named in the sentence"
    steps = []
    for step in via.split(" > "):
        kind, _, detail = step.partition(":")
        template = _VIA.get(kind.strip())
        steps.append(template.format(detail.strip()) if template else step)
    return "; then ".join(steps)
