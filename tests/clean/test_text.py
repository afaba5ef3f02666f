"""Plain-text cleaning on fixtures written for these tests (English and Russian furniture)."""

from __future__ import annotations

from multivector.clean import article_id, clean_document, detect_language, normalise_text, parse_date
from multivector.records import RawDocument

BODY_EN = (
    "The foreign ministers of Kazakhstan and Uzbekistan met in Tashkent on Tuesday to discuss water sharing "
    "on the Syr Darya and new rail links toward China. Both sides agreed to draft a road map by the autumn, "
    "officials said after the talks ended.\n\n"
    "The meeting followed a year of warmer ties between the two largest Central Asian states, whose trade "
    "has grown steadily since the border crossings reopened."
)
BODY_RU = (
    "Министры иностранных дел Казахстана и Узбекистана встретились в Ташкенте и обсудили распределение воды "
    "и новые железнодорожные маршруты в Китай. Стороны договорились подготовить дорожную карту к осени.\n\n"
    "Встреча стала продолжением сближения двух крупнейших государств Центральной Азии."
)


def _doc(text: str, **kw) -> RawDocument:
    return RawDocument(source_path="fixture.txt", content=text, **kw)


def test_english_furniture_removed_and_header_read() -> None:
    page = (
        "Menu\nKazakh and Uzbek ministers agree on water road map\nPublished: Mar 5, 2019\n"
        "Share this:\nTweet\n"
        "Photo: press service\n\n" + BODY_EN + "\n\nRelated Articles\nSome other headline\nLeave a Reply\n"
        "Your email address will never be shown. Mandatory fields are marked *\nBack to top button\n"
    )
    [art] = clean_document(_doc(page))
    assert art.title == "Kazakh and Uzbek ministers agree on water road map"
    assert (art.date, art.date_precision) == ("2019-03-05", "day")
    for junk in (
        "Menu",
        "Share this",
        "Tweet",
        "Photo:",
        "Related",
        "Some other headline",
        "Leave a Reply",
        "email address",
        "Back to top",
    ):
        assert junk not in art.text
    assert art.text.startswith("The foreign ministers") and art.lang == "en"


def test_russian_furniture_removed() -> None:
    page = (
        "Министры договорились о воде\n22 апреля 2016 г.\nФото: пресс-служба\nПоделиться\n\n"
        + BODY_RU
        + ("\n\nЧитайте также\nДругая новость\nНаверх\n")
    )
    [art] = clean_document(_doc(page))
    assert art.date == "2016-04-22" and art.lang == "ru"
    for junk in ("Фото", "Поделиться", "Читайте также", "Другая новость", "Наверх"):
        assert junk not in art.text


def test_tail_with_link_list_is_dropped_but_glued_article_is_split() -> None:
    second = "Minsk hosts talks on grain corridor\nOctober 3, 2022\n\n" + BODY_EN.replace("Tashkent", "Minsk")
    page = (
        "First headline here\n2022-09-01\n\n"
        + BODY_EN
        + "\n\nSimilar articles\n\n"
        + second
        + "\nRecent trends\n"
    )
    arts = clean_document(_doc(page))
    assert [(a.title, a.date) for a in arts] == [
        ("First headline here", "2022-09-01"),
        ("Minsk hosts talks on grain corridor", "2022-10-03"),
    ]
    links = (
        "Headline\n2022-09-01\n\n"
        + BODY_EN
        + "\n\nSimilar articles\nOther story one\n2022-08-01\nOther two\n"
    )
    assert len(clean_document(_doc(links))) == 1


def test_body_year_is_not_the_article_date() -> None:
    [art] = clean_document(_doc("Trade keeps growing\n\n" + BODY_EN + " In 2013 turnover peaked."))
    assert art.date is None


def test_container_metadata_wins() -> None:
    [art] = clean_document(_doc(BODY_EN, title="Given title", date="2019-03", lang="en", doc_id="x1"))
    assert (art.title, art.date, art.date_precision) == ("Given title", "2019-03", "month")
    assert art.extra["source_id"] == "x1"


def test_only_boilerplate_is_an_error() -> None:
    import pytest

    from multivector.errors import MultivectorError

    with pytest.raises(MultivectorError, match="no article text"):
        clean_document(_doc("Share this:\nTweet\nLeave a Reply\nBack to top\n"))


def test_dates_keep_precision_and_never_invent() -> None:
    assert parse_date("April 22, 2016 18:59") == ("2016-04-22", "day")
    assert parse_date("22.04.2016") == ("2016-04-22", "day")
    assert parse_date("22 апреля 2016 г.") == ("2016-04-22", "day")
    assert parse_date("5 травня 2020 р.") == ("2020-05-05", "day")
    assert parse_date("March 2019") == ("2019-03", "month")
    assert parse_date("2019") == ("2019", "year")
    assert parse_date("Mon, 05 Mar 2019 10:00:00 +0000") == ("2019-03-05", "day")
    for word in ("today", "yesterday", "2 hours ago", "вчера", "", "the summit in 2013 was long"):
        assert parse_date(word) == (None, None)


def test_language_detection() -> None:
    assert detect_language(BODY_EN) == "en"
    assert detect_language(BODY_RU) == "ru"
    uk = "Міністри закордонних справ обговорили постачання зерна та нові маршрути через Польщу і Румунію."
    assert detect_language(uk) == "uk"
    assert (
        detect_language("Die Außenminister trafen sich heute in Berlin, um über Gas zu sprechen.") == "other"
    )
    assert detect_language("   ") == "other"


def test_id_is_stable_under_whitespace_quotes_and_case() -> None:
    a = "Belarus’ trade with  Turkmenistan — “insignificant”.\n"
    b = 'belarus\' trade with Turkmenistan - "insignificant".'
    assert normalise_text(a) == normalise_text(b)
    assert article_id(a) == article_id(b)
    assert article_id(a) != article_id(a + " More.")
    assert len(article_id(a)) == 16


def test_stored_day_reads_dates_with_their_precision():
    import datetime as dt

    from multivector.clean.dates import stored_day

    assert stored_day("2016-04-22T10:00:00") == (dt.date(2016, 4, 22), "day")
    assert stored_day("20160422") == (dt.date(2016, 4, 22), "day")
    assert stored_day("2016-04") == (dt.date(2016, 4, 15), "month")
    assert stored_day("2016") == (dt.date(2016, 7, 1), "year")
    assert stored_day(dt.datetime(2016, 4, 22, 9)) == (dt.date(2016, 4, 22), "day")
    for bad in (None, "", "soon", "2016-13-01", "12345"):
        assert stored_day(bad) == (None, "")
