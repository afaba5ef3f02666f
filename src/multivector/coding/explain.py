"""Why was this event coded? The sentence, the pattern that fired and the parse path to each actor.

Events are stored without their parse, so ``explain`` re-parses the event's sentence (cheap: one sentence)
and walks the dependency tree from the trigger to the source and target spans.
"""

from __future__ import annotations

from typing import Any

from multivector.coding.tables import load_patterns
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


def _path(a: Any, b: Any) -> list[dict[str, str]]:
    up_a = [a, *a.ancestors]
    up_b = [b, *b.ancestors]
    common = next((t for t in up_a if t in up_b), None)
    if common is None:
        return []
    left = up_a[: up_a.index(common) + 1]
    right = up_b[: up_b.index(common)][::-1]
    return [{"text": t.text, "lemma": t.lemma_, "dep": t.dep_, "pos": t.pos_} for t in left + right]


def _token_at(doc: Any, m: Mention | None, sent_start: int) -> Any:
    if m is None:
        return None
    span = doc.char_span(m.start - sent_start, m.end - sent_start, alignment_mode="expand")
    if span is None:
        return None
    return span.root


def _cyrillic(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum("\u0400" <= c <= "\u04ff" for c in letters) > len(letters) / 2


def explain(event: Event) -> dict[str, Any]:
    """A JSON-ready account of one event: sentence, trigger, pattern, and parse paths to the actors."""
    if _cyrillic(event.sentence):
        return _explain_ru(event)
    from multivector.nlp.pipeline import get_nlp

    doc = get_nlp()(event.sentence)
    trig = next((t for t in doc if t.text == event.trigger), None)
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
        "pattern": _pattern(event.pattern_id),
        "source": event.source.to_dict(),
        "target": event.target.to_dict() if event.target else None,
        "tokens": [
            {"i": t.i, "text": t.text, "lemma": t.lemma_, "pos": t.pos_, "dep": t.dep_, "head": t.head.i}
            for t in doc
        ],
    }
    for role, m in (("source", event.source), ("target", event.target)):
        tok = _token_at(doc, m, event.span[0])
        out[f"{role}_path"] = _path(trig, tok) if trig is not None and tok is not None else []
    return out


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

    def path(a: Any, b: Any) -> list[dict[str, str]]:
        ua, ub = up(a), up(b)
        common = next((t for t in ua if t in ub), None)
        if common is None:
            return []
        chain = ua[: ua.index(common) + 1] + ub[: ub.index(common)][::-1]
        return [{"text": t.text, "lemma": t.lemma, "dep": t.rel, "pos": t.pos} for t in chain]

    out: dict[str, Any] = {
        "event_id": event.event_id,
        "sentence": event.sentence,
        "span": list(event.span),
        "language": "ru",
        "parser": "natasha/slovnet",
        "trigger": event.trigger,
        "cameo": event.cameo,
        "quad_class": event.quad_class,
        "goldstein": event.goldstein,
        "plover": event.plover,
        "modality": event.modality,
        "pattern": _pattern(event.pattern_id, russian=True),
        "source": event.source.to_dict(),
        "target": event.target.to_dict() if event.target else None,
        "tokens": [
            {"i": t.i, "text": t.text, "lemma": t.lemma, "pos": t.pos, "dep": t.rel, "head": t.head}
            for t in toks
        ],
    }
    for role, m in (("source", event.source), ("target", event.target)):
        tok = at(m)
        out[f"{role}_path"] = path(trig, tok) if trig is not None and tok is not None else []
    return out
