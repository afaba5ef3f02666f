"""The coder identity (cache key and ``coded`` mark) covers every input that can change a result."""

from __future__ import annotations

from pathlib import Path

from multivector.actors import ActorResolver
from multivector.coding import code_articles
from multivector.coding.api import coder_id
from multivector.nlp.cache import ResultCache
from multivector.records import Article

TEXT = "Zorblat Quux met the Estonian foreign minister in Tallinn on Monday to sign a trade agreement."


def _article() -> Article:
    return Article("idx1", None, "2024-05-06", "day", "en", None, "t.txt", 0, TEXT)


def _actors(tmp_path: Path, country: str) -> Path:
    path = tmp_path / f"actors-{country}.yaml"
    path.write_text(
        f"orgs:\n  - {{name: Zorblat Quux, country: {country}, agent: BUS, names: [Zorblat Quux]}}\n",
        encoding="utf-8",
    )
    return path


def _sources(cache: ResultCache, resolver: ActorResolver | None) -> set[str]:
    ((_, (events, _m, _f)),) = list(code_articles([_article()], resolver=resolver, cache=cache))
    return {e.source.country for e in events}


def test_user_actor_files_change_the_identity_and_the_cached_result(tmp_path: Path):
    cache = ResultCache(tmp_path / "cache")
    plain = _sources(cache, None)
    assert "LVA" not in plain and "FIN" not in plain
    latvia = ActorResolver(extra_files=[_actors(tmp_path, "LVA")])
    assert "LVA" in _sources(cache, latvia)  # not the cached result of the run without the file
    finland = ActorResolver(extra_files=[_actors(tmp_path, "FIN")])
    assert "FIN" in _sources(cache, finland)  # same file name, other content: other identity
    ids = {coder_id(), coder_id(latvia), coder_id(finland)}
    assert len(ids) == 3
    assert coder_id(ActorResolver()) == coder_id()  # no user file: the packaged coder's identity


def test_model_version_is_part_of_the_identity(monkeypatch):
    from importlib import metadata

    from multivector.coding import api

    before = api._data_fingerprint()
    real = metadata.version
    monkeypatch.setattr(metadata, "version", lambda d: "0.0.0-other" if "core" in d else real(d))
    api._data_fingerprint.cache_clear()
    try:
        assert api._data_fingerprint() != before
    finally:
        monkeypatch.undo()
        api._data_fingerprint.cache_clear()
    assert api._data_fingerprint() == before
