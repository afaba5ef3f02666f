"""Why was this event coded? The sentence, the pattern that fired and the parse path to each actor.

Events are stored without their parse, so ``explain`` re-parses the event's sentence (cheap: one sentence)
and walks the dependency tree from the trigger to the source and target spans.
"""

from __future__ import annotations

from typing import Any

from multivector.coding.tables import load_patterns
from multivector.records import Event, Mention


def _pattern(pid: str | None) -> dict[str, Any] | None:
    if not pid:
        return None
    for p in load_patterns():
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


def explain(event: Event) -> dict[str, Any]:
    """A JSON-ready account of one event: sentence, trigger, pattern, and parse paths to the actors."""
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
