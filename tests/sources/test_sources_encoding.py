"""Legacy and Unicode encodings are decoded to the right characters, never rejected."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest
from sources_util import run

from multivector.sources.encoding import decode_bytes

RU = "Министр иностранных дел России заявил, что Москва готова продолжить переговоры с Ташкентом."
FR = "Le ministre a déclaré à Paris que la réunion avec ses homologues était reportée à l'été."
DE = "Der Außenminister traf in München Vertreter aus Österreich und äußerte sich zurückhaltend."
PL = "Minister spraw zagranicznych spotkał się z delegacją z Łotwy w Warszawie."
UK = "Україна і Польща підписали угоду про співпрацю у сфері енергетики."


@pytest.mark.parametrize(
    ("text", "data"),
    [
        (RU, RU.encode("utf-8")),
        (RU, codecs.BOM_UTF8 + RU.encode("utf-8")),
        (RU, codecs.BOM_UTF16_LE + RU.encode("utf-16-le")),
        (RU, codecs.BOM_UTF16_BE + RU.encode("utf-16-be")),
        (RU, RU.encode("cp1251")),
        (UK, UK.encode("cp1251")),
        (RU, RU.encode("koi8_r")),
        (FR, FR.encode("latin-1")),
        (DE, DE.encode("latin-1")),
        (PL, PL.encode("cp1250")),
        ("Министр", "Министр".encode("cp1251")),
    ],
    ids=[
        "utf8",
        "utf8-bom",
        "utf16le",
        "utf16be",
        "cp1251",
        "cp1251-uk",
        "koi8r",
        "latin1-fr",
        "latin1-de",
        "cp1250-pl",
        "cp1251-short",
    ],
)
def test_text_files_decode_to_the_original(tmp_path: Path, text: str, data: bytes) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(data)
    docs, errors = run([path])
    assert errors == []
    assert docs[0].content == text


def test_declared_html_charset_is_used_when_consistent() -> None:
    page = f"<html><head><meta charset='windows-1251'></head><body><p>{RU}</p></body></html>"
    text, enc = decode_bytes(page.encode("cp1251"), markup=True)
    assert RU in text and enc == "cp1251"


def test_wrong_declared_charset_is_not_trusted() -> None:
    page = f"<html><head><meta charset='utf-8'></head><body><p>{RU}</p></body></html>"
    text, _ = decode_bytes(page.encode("cp1251"), markup=True)
    assert RU in text


def test_utf8_with_a_stray_byte_stays_utf8() -> None:
    data = RU.encode("utf-8") + b" \xff " + RU.encode("utf-8")
    text, enc = decode_bytes(data)
    assert enc == "utf-8" and text.count(RU) == 2


def test_cp1251_html_file_and_jsonl(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_bytes(f"<html><body><p>{RU}</p></body></html>".encode("cp1251"))
    line = json.dumps({"text": RU, "id": "r1"}, ensure_ascii=False)
    (tmp_path / "b.jsonl").write_bytes((line + "\n").encode("cp1251") + (line + "\n").encode("utf-8"))
    (tmp_path / "c.jsonl").write_bytes(codecs.BOM_UTF16_LE + (line + "\n" + line + "\n").encode("utf-16-le"))
    docs, errors = run([tmp_path])
    assert errors == []
    assert RU in docs[0].content and docs[0].kind == "html"
    assert [d.content for d in docs[1:]] == [RU] * 4


@pytest.mark.parametrize("declared", [True, False])
def test_cp1251_feed_with_and_without_declaration(tmp_path: Path, declared: bool) -> None:
    prolog = '<?xml version="1.0" encoding="windows-1251"?>' if declared else ""
    feed = (
        f'{prolog}<rss version="2.0"><channel><title>Лента</title>'
        f"<item><title>Заявление</title><description>{RU}</description></item></channel></rss>"
    )
    (tmp_path / "feed.xml").write_bytes(feed.encode("cp1251"))
    [doc], errors = run([tmp_path / "feed.xml"])
    assert errors == []
    assert doc.content == RU and doc.title == "Заявление" and doc.extra["feed_title"] == "Лента"


def test_utf16_html(tmp_path: Path) -> None:
    page = f"<!DOCTYPE html><html><body><p>{RU}</p></body></html>"
    (tmp_path / "p.htm").write_bytes(codecs.BOM_UTF16_LE + page.encode("utf-16-le"))
    [doc], errors = run([tmp_path / "p.htm"])
    assert errors == [] and doc.kind == "html" and doc.content == page
