"""Bilateral documents: the two sides of a titled encounter, and what is not guessed outside one."""

from __future__ import annotations

from multivector.coding import code_article, code_text
from multivector.coding.api import counterpart, default_resolver
from multivector.coding.reference import Context
from multivector.coding.speakers import document_voice
from multivector.records import Article, Mention

SITE = "http://en.kremlin.ru/events/president/news/1"


def _release(title: str, text: str) -> Article:
    return Article("dlg1", title, "2021-10-12", "day", "en", SITE, "mem", 0, text)


def _pairs(art: Article) -> set[tuple[str, str | None, str]]:
    return {(e.source.country, e.target.country if e.target else None, e.root) for e in code_article(art)[0]}


def test_agentless_passive_in_a_bilateral_release_is_between_its_two_sides():
    art = _release(
        "Telephone conversation with President of Finland Sauli Niinisto",
        "Vladimir Putin had a telephone conversation with Sauli Niinisto. "
        "Questions of energy supplies and border crossings were discussed in detail.",
    )
    pairs = _pairs(art)
    assert ("RUS", "FIN", "04") in pairs and ("FIN", "RUS", "04") in pairs


def test_counterpart_must_stand_next_to_the_encounter_word():
    res = default_resolver()
    near = _release("Meeting with President of Mongolia Ukhnaagiin Khurelsukh", "")
    far = _release("Meeting with a charity's founder: documenting what Finland's archives hold", "")
    for art, want in ((near, "MNG"), (far, None)):
        sides = counterpart(art, document_voice(art, res, None), res)
        assert (sides[1].country if sides else None) == want


def test_a_meeting_with_nobody_on_the_other_side_is_not_an_event():
    events = code_text(
        "Emomali Rahmon held a meeting on the cotton harvest in Dushanbe on Monday.", "2021-10-11"
    )
    assert not [e for e in events if e.root == "04"]


def test_unanchored_they_is_the_sentence_before_or_a_plural_group_never_older_countries():
    def m(text: str, country: str) -> Mention:
        return Mention(text, 0, len(text), country, text, country, "", None, 0.9)

    ctx = Context()
    estonia, latvia, troops = m("Estonia", "EST"), m("Latvia", "LVA"), m("Russian troops", "RUS")
    ctx.add([estonia, latvia])
    assert ctx.crowd() == [estonia, latvia]  # "Estonia and Latvia signed … They also agreed …"
    ctx.add([m("Finland", "FIN")])
    assert ctx.crowd() == []  # two countries named further back are not guessed
    ctx.add([troops], plural=[troops])
    ctx.add([])
    assert ctx.crowd() == [troops]


def test_a_title_joined_by_a_figure_dash_names_the_counterpart():
    res = default_resolver()
    art = _release("Press statements following Russia\u2012Mongolia talks", "")
    sides = counterpart(art, document_voice(art, res, None), res)
    assert sides is not None and sides[1].country == "MNG"


def test_a_title_that_discussed_with_names_the_counterpart():
    res = default_resolver()
    art = _release("Vladimir Putin discussed energy prices with the President of Senegal", "")
    sides = counterpart(art, document_voice(art, res, None), res)
    assert sides is not None and sides[1].country == "SEN"


def test_a_title_that_only_discusses_a_country_names_no_counterpart():
    res = default_resolver()
    art = _release("Vladimir Putin discussed the situation in Mongolia", "")
    assert counterpart(art, document_voice(art, res, None), res) == []


def test_the_parties_are_never_two_countries_met_sentences_ago():
    text = (
        "Norway condemned the Russian blockade. "
        "The minister later met the Norwegian diaspora in Oslo. "
        "The parties agreed to keep in touch."
    )
    events = code_text(text, "2022-06-10")
    assert not any(
        {e.source.country, e.target and e.target.country} == {"NOR", "RUS"} for e in events if e.root == "03"
    )
    near = code_text("Norway and Finland met in Oslo. The parties agreed to keep in touch.", "2022-06-10")
    assert any(
        e.root == "03" and {e.source.country, e.target and e.target.country} == {"NOR", "FIN"} for e in near
    )


def test_a_bare_security_council_in_a_kremlin_release_is_russias_own():
    own = _release(
        "Meeting with permanent members of Security Council", "Vladimir Putin met the Security Council."
    )
    un = _release("Statement", "Russia called on the UN Security Council to meet.")
    assert not any(e.target and e.target.country == "UNO" for e in code_article(own)[0])
    assert any(e.target and e.target.country == "UNO" for e in code_article(un)[0])
    kyiv = Article(
        "d2",
        "Address",
        "2022-06-12",
        "day",
        "en",
        "https://www.president.gov.ua/en/news/1",
        "mem",
        0,
        "Volodymyr Zelenskyy called on the Security Council to act.",
    )
    assert any(e.target and e.target.country == "UNO" for e in code_article(kyiv)[0])
