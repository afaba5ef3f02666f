"""Commands for the actor layer: resolve short phrases, list the actor mentions of articles."""

from __future__ import annotations

from typing import Annotated

import typer

from multivector.cli._common import ColumnsOption, FormatOption, PathsArg, app, fail, report_error
from multivector.errors import InputError, MultivectorError
from multivector.output import Format, write_records

MENTION_COLUMNS = ["text", "start", "end", "actor_id", "name", "country", "agent", "alignment", "confidence"]
ActorsOption = Annotated[
    list[str] | None,
    typer.Option("--actors", help="Extra actor YAML file that adds or overrides actors (repeatable)."),
]


def make_resolver(actor_files: list[str] | None):
    """Build the resolver once per command; a bad user actor file is a one-line usage error."""
    from multivector.actors import ActorResolver

    try:
        return ActorResolver(extra_files=actor_files or ())
    except MultivectorError as exc:
        fail(exc)


@app.command()
def resolve(
    texts: Annotated[list[str], typer.Argument(help="Actor phrases, e.g. 'the Kremlin' 'Lukashenko'.")],
    date: Annotated[str | None, typer.Option(help="Date the phrase refers to (YYYY-MM-DD).")] = None,
    actors: ActorsOption = None,
    fmt: FormatOption = Format.table,
    columns: ColumnsOption = None,
) -> None:
    """Resolve short actor phrases, one record each; an unknown phrase gets empty codes, never a guess."""
    resolver = make_resolver(actors)
    try:
        rows = [resolver.resolve_phrase(t, date=date).to_dict() for t in texts]
    except MultivectorError as exc:
        fail(exc)
    write_records(rows, fmt, MENTION_COLUMNS, title="actors", only=columns)


@app.command()
def mentions(
    paths: PathsArg,
    actors: ActorsOption = None,
    fmt: FormatOption = Format.jsonl,
    columns: ColumnsOption = None,
) -> None:
    """List every actor mention in the articles of PATHS (character offsets into the article text)."""
    from multivector.pipeline import extract_articles

    resolver = make_resolver(actors)
    failed = 0

    def rows():
        nonlocal failed
        for item in extract_articles(paths):
            if isinstance(item, InputError):
                failed += 1
                report_error(item)
                continue
            for m in resolver.find_mentions(item.text, date=item.date, lang=item.lang):
                row = m.to_dict()
                row["article_id"] = item.id
                yield row

    write_records(rows(), fmt, ["article_id", *MENTION_COLUMNS], title="mentions", only=columns)
    if failed:
        raise typer.Exit(1)
