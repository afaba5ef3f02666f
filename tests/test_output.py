import io
import json

from multivector.output import write_records

ROWS = [{"id": "a", "text": "one\ttwo\nthree", "n": 1, "tags": ["x", "y"]}, {"id": "b", "text": None, "n": 2}]


def test_jsonl_one_object_per_line():
    out = io.StringIO()
    assert write_records(ROWS, "jsonl", ["id", "text", "n"], out=out) == 2
    lines = out.getvalue().splitlines()
    assert [json.loads(x)["id"] for x in lines] == ["a", "b"]
    assert json.loads(lines[1])["text"] is None


def test_tsv_keeps_one_row_per_record():
    out = io.StringIO()
    write_records(ROWS, "tsv", ["id", "text", "tags"], out=out)
    lines = out.getvalue().splitlines()
    assert lines[0] == "id\ttext\ttags"
    assert lines[1].split("\t") == ["a", "one two three", '["x","y"]']
    assert len(lines) == 3


def test_csv_quotes_embedded_newlines():
    import csv

    out = io.StringIO()
    write_records(ROWS, "csv", ["id", "text"], out=out)
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert rows[1] == ["a", "one\ttwo\nthree"]


def test_table_renders_all_rows():
    out = io.StringIO()
    assert write_records(ROWS, "table", ["id", "n"], out=out) == 2
    assert "a" in out.getvalue() and "2" in out.getvalue()
