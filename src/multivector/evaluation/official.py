"""The coder on official text: the hand-labelled dev set, the confidence fit and the aggregate check.

Gold labels live in ``multivector/evaluation/data/official_*.jsonl`` as references (corpus, document id,
character offsets into the record's ``text``) plus labels; the text is read from ``../shared/corpora`` at
run time. The labelling rules and the scoring are in ``docs/annotation_guide.md``. Documents are split
once by a hash of their id (``split`` in each line); rules are tuned on ``dev`` and ``test`` is gated.

Whole documents are coded, as a user's run would code them (so speakers, turns and article context
work as they do in production); an event belongs to the labelled sentence that holds its trigger.

``python -m multivector.evaluation.official fit`` refits the confidence weights on the dev half and prints
the reliability table of both halves.
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from multivector.analysis import MIN_CONFIDENCE
from multivector.evaluation.corpora import PRESS_RELEASES, UNGA_SPEECHES, default_corpora
from multivector.records import Article, Event

CORPUS_FILES = {
    "kremlin-zelenskyy-press-2021-22": PRESS_RELEASES,
    "un-general-debates": UNGA_SPEECHES,
}
#: gold code -> the codes a predicted actor may carry for it (the EU's country code is EUR)
EQUIVALENT = {"EU": {"EU", "EUR"}, "EUR": {"EU", "EUR"}, "UN": {"UN", "UNO"}}
#: the reserved months of the press releases: never read for tuning, only run for the held-out check
RESERVED = ("2021-11-01", "2022-06-03")
#: windows of the press releases for the aggregate check: (first day, last day), inclusive
SHOWN = MIN_CONFIDENCE  # the confidence under which analyses leave events out
WINDOWS = {
    "after": ("2022-06-04", "9999-12-31"),
    "reserved": RESERVED,
    "reserved-war": ("2022-02-24", RESERVED[1]),  # the invasion's first months, inside the reserved span
}


# ---------------------------------------------------------------------------------------------- gold
@dataclass(slots=True)
class GoldSentence:
    corpus: str
    doc: str
    start: int
    end: int
    split: str
    events: list[dict[str, Any]]


def load_gold(names: Iterable[str] | None = None, prefix: str = "official_") -> list[GoldSentence]:
    """Every labelled sentence of the packaged dev set (all files, or the named ones); ``prefix`` picks
    the set ("russian_" for the Russian one)."""
    base = resources.files("multivector.evaluation").joinpath("data")
    out = []
    taken: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for entry in sorted(base.iterdir(), key=lambda p: p.name):
        if not entry.name.startswith(prefix) or not entry.name.endswith(".jsonl"):
            continue
        if names is not None and entry.name not in set(names):
            continue
        for n, line in enumerate(entry.read_text("utf-8").splitlines(), 1):
            if not line.strip():
                continue
            d = json.loads(line)
            try:
                span = int(d["start"]), int(d["end"])
                if any(a < span[1] and span[0] < b for a, b in taken[d["doc"]]):
                    continue  # two labellers took the same sentence: the first file's label is kept
                taken[d["doc"]].append(span)
                out.append(GoldSentence(d["corpus"], d["doc"], *span, d["split"], d["events"]))
            except (KeyError, TypeError, ValueError) as exc:
                raise ValueError(f"{entry.name}:{n}: bad gold line ({exc})") from None
    return out


def records(corpora: Path, corpus: str, ids: set[str]) -> dict[str, dict[str, Any]]:
    """The corpus records with these ids (one pass over the gzip file)."""
    path = corpora / CORPUS_FILES[corpus]
    found: dict[str, dict[str, Any]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if not any(f'"{i}"' in line[:200] for i in ids):
                continue
            d = json.loads(line)
            if d.get("id") in ids:
                found[d["id"]] = d
    return found


def to_articles(record: dict[str, Any]) -> list[Article]:
    """A corpus record through the JSONL reader and the cleaner, exactly as `multivector run` reads it."""
    from multivector.clean import clean_document
    from multivector.records import RawDocument
    from multivector.sources.readers import read_jsonl

    rec = dict(record)
    if "country_iso3" in rec and "speaker_country" not in rec:
        rec["speaker_country"] = rec["country_iso3"]  # a UN speech is its country's statement
    line = json.dumps(rec).encode("utf-8") + b"\n"
    items = read_jsonl("gold.jsonl", io.BytesIO(line), max_bytes=10**8)
    docs = [d for d in items if isinstance(d, RawDocument)]
    return [a for d in docs for a in clean_document(d)]


# ---------------------------------------------------------------------------------------------- scoring
def _codes(code: str | None) -> set[str]:
    return EQUIVALENT.get(code or "", {code or ""})


def _side(pred: Any, gold: str | None) -> bool:
    if pred is None:
        return False
    return bool({pred.country, pred.actor_id or ""} & _codes(gold))


def polarity(e: Event) -> str:
    return "coop" if e.quad_class in (1, 2) else "conflict"


def matches(e: Event, g: dict[str, Any]) -> bool:
    """Source, target (either way for a mutual act; any when the gold has none) and polarity agree."""
    if polarity(e) != g["polarity"]:
        return False
    if g.get("target") is None:
        return _side(e.source, g["source"])
    if _side(e.source, g["source"]) and _side(e.target, g["target"]):
        return True
    return bool(g.get("mutual")) and _side(e.source, g["target"]) and _side(e.target, g["source"])


def trigger_pos(e: Event) -> int:
    at = e.sentence.find(e.trigger) if e.trigger else -1
    return e.span[0] + max(at, 0)


def counted(e: Event) -> bool:
    """Roots 02-20 count; a bare statement (01) is neither found nor wrong (see the annotation guide)."""
    return e.root != "01"


@dataclass(slots=True)
class Scored:
    """Per split: gold/predicted counts and, per predicted event, whether it was right."""

    sentences: int = 0
    no_event_sentences: int = 0
    gold: int = 0
    found: int = 0
    predicted: int = 0
    right: int = 0
    spurious_on_empty: int = 0
    unlocated: int = 0
    #: the same counts over the events analyses use by default (confidence >= SHOWN, or unscored)
    found_shown: int = 0
    predicted_shown: int = 0
    right_shown: int = 0
    judged: list[tuple[Event, bool, int]] = field(default_factory=list)  # (event, right, events in sentence)

    def metrics(self) -> dict[str, Any]:
        p = self.right / self.predicted if self.predicted else 0.0
        r = self.found / self.gold if self.gold else 0.0
        return {
            "sentences": self.sentences,
            "gold_events": self.gold,
            "predicted": self.predicted,
            "recall": round(r, 3),
            "precision": round(p, 3),
            "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
            "spurious_per_empty_sentence": round(self.spurious_on_empty / self.no_event_sentences, 3)
            if self.no_event_sentences
            else 0.0,
            "no_event_sentences": self.no_event_sentences,
            "unlocated_sentences": self.unlocated,
            "recall_shown": round(self.found_shown / self.gold, 3) if self.gold else 0.0,
            "precision_shown": round(self.right_shown / self.predicted_shown, 3)
            if self.predicted_shown
            else 0.0,
        }


@dataclass(slots=True)
class CodedDoc:
    raw: str
    parts: list[tuple[str, list[Event]]]  # (cleaned article text, its events) per article of the record


def code_gold(corpora: Path, gold: list[GoldSentence], coder: Any = None) -> dict[str, CodedDoc]:
    """Every labelled document coded as a whole, keyed by document id."""
    from multivector.coding.api import code_article

    code = coder or (lambda art: code_article(art)[0])
    by_corpus: dict[str, set[str]] = defaultdict(set)
    for g in gold:
        by_corpus[g.corpus].add(g.doc)
    out: dict[str, CodedDoc] = {}
    for corpus, ids in by_corpus.items():
        for doc_id, rec in records(corpora, corpus, ids).items():
            out[doc_id] = CodedDoc(rec["text"], [(a.text, list(code(a))) for a in to_articles(rec)])
    return out


def score(gold: list[GoldSentence], coded: dict[str, CodedDoc]) -> dict[str, Scored]:
    """Recall, precision and spurious output per split (see :func:`matches`)."""
    result = {"dev": Scored(), "test": Scored()}
    for g in gold:
        s = result.setdefault(g.split, Scored())
        s.sentences += 1
        gold_events = [e for e in g.events if not e.get("unsure")]
        optional = [e for e in g.events if e.get("unsure")]
        s.gold += len(gold_events)
        if not g.events:
            s.no_event_sentences += 1
        doc = coded.get(g.doc)
        piece = doc.raw[g.start : g.end].strip() if doc else ""
        # the cleaned article may differ from the raw record (boilerplate, markup): find the sentence
        where = next(((t, evs) for t, evs in (doc.parts if doc else []) if piece and piece in t), None)
        if where is None:
            s.unlocated += 1
            continue
        lo = where[0].find(piece)
        hi = lo + len(piece)
        preds = [e for e in where[1] if counted(e) and lo <= trigger_pos(e) < hi]
        s.found += sum(1 for ge in gold_events if any(matches(e, ge) for e in preds))
        shown = [e for e in preds if e.confidence is None or e.confidence >= SHOWN]
        s.found_shown += sum(1 for ge in gold_events if any(matches(e, ge) for e in shown))
        for e in preds:
            if any(matches(e, oe) for oe in optional) and not any(matches(e, ge) for ge in gold_events):
                continue  # an act the labeller was unsure of is neither right nor wrong
            ok = any(matches(e, ge) for ge in gold_events)
            s.predicted += 1
            s.right += ok
            if e.confidence is None or e.confidence >= SHOWN:
                s.predicted_shown += 1
                s.right_shown += ok
            s.judged.append((e, ok, len(preds)))
            if not g.events:
                s.spurious_on_empty += 1
    return result


def evaluate_official(corpora: Path, coder: Any = None) -> dict[str, dict[str, Any]]:
    """Metrics of the dev and test halves, with their reliability tables."""
    from multivector.coding.confidence import reliability

    gold = load_gold()
    scored = score(gold, code_gold(corpora, gold, coder))
    out = {}
    for split, s in scored.items():
        m = s.metrics()
        conf = [e.confidence or 0.0 for e, _, _ in s.judged]  # every emitted event is scored
        m["reliability"] = reliability(conf, [ok for _, ok, _ in s.judged])
        high = [ok for (_, ok, _), c in zip(s.judged, conf, strict=True) if c >= 0.8]
        m["right_at_0.8"] = round(sum(high) / len(high), 3) if high else None
        m["n_at_0.8"] = len(high)
        out[split] = m
    return out


# ---------------------------------------------------------------------------------------------- aggregates
def _day(rec: dict[str, Any]) -> str:
    return str(rec.get("date") or "")[:10]


def press_window(corpora: Path, window: str, every: int = 1) -> Iterator[dict[str, Any]]:
    """Press releases of a :data:`WINDOWS` entry: after the reserved months, or inside them (run only for
    the held-out check, never read for tuning); ``every`` thins the window for a quicker test."""
    first, last = WINDOWS[window]
    path = corpora / CORPUS_FILES["kremlin-zelenskyy-press-2021-22"]
    k = 0
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if first <= _day(rec) <= last:
                if k % every == 0:
                    yield rec
                k += 1


def aggregate_validity(corpora: Path, window: str = "after", every: int = 1) -> dict[str, Any]:
    """RUS<->UKR in a window of the war's press releases: conflict share and mean Goldstein, and the
    events whose actor is a bare surname of someone out of office on the article's day."""
    from multivector.coding.api import code_article, default_resolver

    people = default_resolver().data.people
    quads: Counter[int] = Counter()
    gold: list[float] = []
    stale: list[str] = []
    docs = 0
    for rec in press_window(corpora, window, every):
        docs += 1
        for art in to_articles(rec):
            for e in code_article(art)[0]:
                if e.negated:
                    continue
                pair = {e.source.country, e.target.country if e.target else None}
                if pair == {"RUS", "UKR"}:
                    quads[e.quad_class] += 1
                    gold.append(e.goldstein)
                stale += _out_of_office(e, art, people)
    n = sum(quads.values())
    return {
        "documents": docs,
        "rus_ukr_events": n,
        "conflict_share": round((quads[3] + quads[4]) / n, 3) if n else None,
        "mean_goldstein": round(sum(gold) / n, 2) if n else None,
        "quad_counts": dict(sorted(quads.items())),
        "stale_surnames": stale,
    }


def _out_of_office(e: Event, art: Article, people: dict[str, Any]) -> list[str]:
    from multivector.clean.dates import stored_day

    day = stored_day(art.date)[0]
    out = []
    for m in (e.source, e.target):
        if m is None or not m.actor_id or m.actor_id not in people or len(m.text.split()) != 1 or m.via:
            continue  # only a name of one word counts; a speaker's "we" is not a surname
        roles = people[m.actor_id].roles
        if day is not None and not any(r.active(day) for r in roles):
            out.append(f"{m.text} -> {m.actor_id} on {day}")
    return out


# ---------------------------------------------------------------------------------------------- fit
def fit_confidence(corpora: Path, write: bool = True) -> dict[str, Any]:
    """Refit the confidence weights on the dev half; print both halves' reliability afterwards."""
    import yaml

    from multivector.coding import confidence
    from multivector.coding.confidence import features, fit, model

    gold = load_gold()
    scored = score(gold, code_gold(corpora, gold))
    dev = scored["dev"]
    rows = [
        features(
            e.source,
            e.target,
            pattern_id=e.pattern_id,
            modality=e.modality,
            root=e.root,
            n_events=n,
            n_tokens=len(e.sentence.split()),
        )
        for e, _, n in dev.judged
    ]
    prior = model().prior
    weights = fit(rows, [ok for _, ok, _ in dev.judged], prior=prior)
    if write:
        path = Path(confidence.__file__).parent / "data" / "confidence.yaml"
        head = [ln for ln in path.read_text("utf-8").splitlines() if ln.startswith("#")]
        body = {
            "fitted_on": f"official dev half, {len(rows)} events, {dt.date.today().isoformat()}",
            "weights": weights,
            "prior": prior,
        }
        path.write_text("\n".join(head) + "\n" + yaml.safe_dump(body, sort_keys=False), "utf-8")
    return {"events": len(rows), "weights": weights}


def main(argv: list[str]) -> int:
    root = default_corpora()
    if root is None:
        print("../shared/corpora not found", file=sys.stderr)
        return 1
    if argv[:1] == ["fit"]:
        print(json.dumps(fit_confidence(root), indent=1))
        from multivector.coding.confidence import model

        model.cache_clear()
    if argv[:1] == ["validity"]:
        print(json.dumps(aggregate_validity(root, argv[1] if len(argv) > 1 else "after"), indent=1))
        return 0
    print(json.dumps(evaluate_official(root), indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
