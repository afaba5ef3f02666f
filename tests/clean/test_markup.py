from __future__ import annotations

from multivector.clean import clean_document
from multivector.clean.markup import looks_like_markdown, markdown_to_text, strip_markdown
from multivector.records import RawDocument

MD = (
    "# Statement by the delegation\n\n"
    "**Mr President,**\n\n"
    "The **United States government** keeps its __blockade__ on us.\n"
    "We thank [the Secretary-General](https://un.org/sg) for his report.\n\n"
    "---\n\n"
    "> Peace is not a gift.\n"
)


def test_markdown_is_rendered_to_plain_lines():
    assert looks_like_markdown(MD)
    text = markdown_to_text(MD)
    assert "*" not in text and "_" not in text and "#" not in text and "https" not in text
    assert "The United States government keeps its blockade on us.\nWe thank the Secretary-General" in text
    assert text.splitlines()[0] == "Statement by the delegation"
    assert "Peace is not a gift." in text


def test_prose_is_left_alone():
    prose = "Minsk said 2*3 is six; a_b stays.\n\n# not a heading without space?\nA line - with dashes."
    assert not looks_like_markdown(prose)
    assert strip_markdown(prose) == prose
    assert not looks_like_markdown("One stray **bold** in a quote.")


def test_plain_text_documents_lose_their_markdown():
    doc = RawDocument(content=MD, kind="text", source_path="speech.md")
    (art,) = clean_document(doc)
    assert "**" not in art.text and "United States government" in art.text
