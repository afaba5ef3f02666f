"""Write record listings as table, JSONL, CSV or TSV, so every listing command pipes the same way.

Machine formats go to stdout with nothing else on it; the table format is for people and uses rich.
"""

from __future__ import annotations

import csv
import itertools
import json
import sys
from collections.abc import Iterable, Mapping, Sequence
from enum import StrEnum
from typing import Any, TextIO


class Format(StrEnum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"
    tsv = "tsv"


def _flat(value: Any) -> str:
    """Cell text for CSV/TSV/table: nested values as compact JSON, None as empty."""
    if value is None:
        return ""
    if isinstance(value, dict | list | tuple):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """A text cell a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@``) gets a leading ``'``;
    numbers such as ``-2.5`` stay numbers."""
    if not cell.startswith(_FORMULA_START):
        return cell
    try:
        float(cell)
        return cell
    except ValueError:
        return "'" + cell


def _cell_for_people(value: Any) -> str:
    """Table cells round floats to four significant digits; machine formats keep full precision."""
    if isinstance(value, float):
        return f"{value:.4g}"
    return _flat(value)


def _tsv_cell(value: Any) -> str:
    """TSV has no quoting, so tabs and newlines inside a value become spaces."""
    return neutralise(_flat(value).replace("\t", " ").replace("\r", " ").replace("\n", " "))


def _peek_columns(records: Iterable[Mapping[str, Any]]) -> tuple[Iterable[Mapping[str, Any]], list[str]]:
    """Columns of a listing whose shape the caller does not fix: the keys of its first record."""
    it = iter(records)
    first = next(it, None)
    if first is None:
        return [], []
    return itertools.chain([first], it), list(first.keys())


def pick_columns(columns: Sequence[str], only: Sequence[str]) -> list[str]:
    """The ``--columns`` choice (comma lists allowed), in the order asked; an unknown name is an error."""
    from multivector.errors import UsageError

    asked = [c.strip() for item in only for c in item.split(",") if c.strip()]
    unknown = [c for c in asked if c not in columns]
    if unknown:
        raise UsageError(f"unknown column(s) {', '.join(unknown)}; this listing has: {', '.join(columns)}")
    return asked


def _width() -> int:
    """Table width when stdout is not a terminal: ``$COLUMNS`` when set (as shells set it), else 200."""
    import os

    try:
        return max(40, int(os.environ.get("COLUMNS", "")))
    except ValueError:
        return 200


def write_records(
    records: Iterable[Mapping[str, Any]],
    fmt: Format | str,
    columns: Sequence[str] | None = None,
    *,
    out: TextIO | None = None,
    title: str | None = None,
    max_width: dict[str, int] | None = None,
    only: Sequence[str] | None = None,
) -> int:
    """Stream records in the chosen format and return how many were written.

    JSONL/CSV/TSV stream row by row (constant memory); the table is collected first because rich
    sizes columns from the whole content.
    """
    out = out or sys.stdout
    fmt = Format(fmt)
    count = 0
    if columns is None:
        records, columns = _peek_columns(records)
    if only:
        columns = pick_columns(columns, only)
    if fmt is Format.jsonl:
        for rec in records:
            out.write(json.dumps({c: rec.get(c) for c in columns}, ensure_ascii=False, default=str) + "\n")
            count += 1
    elif fmt in (Format.csv, Format.tsv):
        if fmt is Format.csv:
            writer = csv.writer(out, lineterminator="\n")
            writer.writerow(columns)
            for rec in records:
                writer.writerow([neutralise(_flat(rec.get(c))) for c in columns])
                count += 1
        else:
            out.write("\t".join(columns) + "\n")
            for rec in records:
                out.write("\t".join(_tsv_cell(rec.get(c)) for c in columns) + "\n")
                count += 1
    else:
        from rich.console import Console
        from rich.table import Table
        from rich.text import Text

        table = Table(title=title, show_lines=False)
        widths = max_width or {}
        for c in columns:
            # long prose columns are cut with an ellipsis; every other cell (ids, dates, codes) wraps
            # rather than lose characters, so what is printed can be copied back into a command
            if c in widths:
                table.add_column(c, overflow="ellipsis", max_width=widths[c], no_wrap=True)
            else:
                table.add_column(c, overflow="fold")
        for rec in records:
            # Text, not str: a title or path holding "[bold]" or "[/]" is data, never rich markup
            table.add_row(*[Text(_cell_for_people(rec.get(c))) for c in columns])
            count += 1
        Console(file=out, width=None if out.isatty() else _width()).print(table)
    out.flush()
    return count
