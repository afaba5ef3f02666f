"""HTML cleaning on a page written for this test: metadata date and title, no comments or furniture."""

from __future__ import annotations

from multivector.clean import clean_document
from multivector.records import RawDocument

PARAS = [
    "Delegations from Armenia and Azerbaijan met in Geneva for a third round of talks on border "
    "demarcation, the foreign ministry in Yerevan said in a statement released after the meeting.",
    "Both sides agreed to continue working on a draft text and to meet again within two months. "
    "Observers from the European Union attended the session as guests of the Swiss hosts.",
    "The talks were described as constructive, although no date was set for a signing ceremony, and "
    "several questions about the transport corridor remain open according to people familiar with them.",
]

PAGE = """<!DOCTYPE html><html lang="en"><head>
<title>Border talks resume in Geneva | Example News</title>
<meta property="og:title" content="Border talks resume in Geneva">
<meta property="article:published_time" content="2023-06-14T09:30:00+00:00">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<article><h1>Border talks resume in Geneva</h1>
<p>{}</p><p>{}</p><p>Share this:</p><p>{}</p></article>
<section id="comments" class="comments"><h3>Leave a Reply</h3>
<div class="comment"><p>I never believed these talks would go anywhere at all, frankly.</p></div>
<p>Your email address won't be shared. Required fields are marked with an asterisk.</p></section>
<footer><p>Copyright 2023 Example News. All rights reserved.</p><a href="#top">Back to top</a></footer>
</body></html>""".format(*PARAS)


def test_html_page_text_title_and_metadata_date() -> None:
    [art] = clean_document(RawDocument(source_path="page.html", content=PAGE, kind="html"))
    assert art.title == "Border talks resume in Geneva"
    assert (art.date, art.date_precision) == ("2023-06-14", "day")
    assert art.lang == "en"
    for para in PARAS:
        assert para in art.text
    for junk in (
        "Home",
        "Share this",
        "Leave a Reply",
        "never believed",
        "email address",
        "Copyright",
        "Back to top",
    ):
        assert junk not in art.text


def test_html_container_metadata_wins() -> None:
    doc = RawDocument(
        source_path="feed.xml", content=PAGE, kind="html", title="Feed title", date="2023-06", doc_id="f-7"
    )
    [art] = clean_document(doc)
    assert (art.title, art.date, art.date_precision) == ("Feed title", "2023-06", "month")
    assert art.extra["source_id"] == "f-7"


def test_html_without_date_stays_undated() -> None:
    page = PAGE.replace('<meta property="article:published_time" content="2023-06-14T09:30:00+00:00">', "")
    [art] = clean_document(RawDocument(source_path="page.html", content=page, kind="html"))
    assert art.date is None and art.date_precision is None
