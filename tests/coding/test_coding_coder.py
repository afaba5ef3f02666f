"""Coder mechanics on hand-made mentions (no actor resolver involved)."""

from __future__ import annotations

import pytest

from multivector.coding import code_text


def dyads(text, mk, *specs, date="2020-05-05"):
    events = code_text(text, date, mentions=mk(text, *specs))
    return [
        (
            e.cameo,
            e.source.country + e.source.agent,
            (e.target.country + e.target.agent) if e.target else None,
        )
        for e in events
    ], events


def test_passive_voice_agent_is_source(mk):
    got, _ = dyads(
        "Belarus was visited by the Turkmen president.",
        mk,
        ("Belarus", "BLR", ""),
        ("Turkmen president", "TKM", "GOV"),
    )
    assert got == [("042", "TKMGOV", "BLR")]


def test_coordinated_subjects_one_event_per_dyad(mk):
    got, _ = dyads(
        "Russia and China signed a treaty with Kazakhstan.",
        mk,
        ("Russia", "RUS", ""),
        ("China", "CHN", ""),
        ("Kazakhstan", "KAZ", ""),
    )
    assert sorted(got) == [("057", "CHN", "KAZ"), ("057", "RUS", "KAZ")]


def test_reciprocal_without_target(mk):
    got, _ = dyads(
        "Talks between Armenia and Azerbaijan resumed in Moscow.",
        mk,
        ("Armenia", "ARM", ""),
        ("Azerbaijan", "AZE", ""),
        ("Moscow", "RUS", "GOV"),
    )
    assert sorted(got) == [("040", "ARM", "AZE"), ("040", "AZE", "ARM")]


def test_negation_gives_reject_or_nothing(mk):
    got, events = dyads(
        "Belarus did not sign the agreement with Russia.", mk, ("Belarus", "BLR", ""), ("Russia", "RUS", "")
    )
    assert got == [("127", "BLR", "RUS")]
    assert events[0].negated is False
    got, _ = dyads("Belarus did not visit Russia.", mk, ("Belarus", "BLR", ""), ("Russia", "RUS", ""))
    assert got == []


def test_refusal_is_conflict(mk):
    got, _ = dyads(
        "Belarus refused to allow Russian troops into its territory.",
        mk,
        ("Belarus", "BLR", ""),
        ("Russian troops", "RUS", "MIL"),
    )
    assert got and all(c.startswith("12") for c, _, _ in got)


def test_intent_and_appeal_modalities(mk):
    got, ev = dyads(
        "Kazakhstan plans to visit Turkmenistan next month.",
        mk,
        ("Kazakhstan", "KAZ", ""),
        ("Turkmenistan", "TKM", ""),
    )
    assert got == [("036", "KAZ", "TKM")] and ev[0].modality == "intent"
    got, ev = dyads(
        "Ukraine is ready to cooperate with Poland.", mk, ("Ukraine", "UKR", ""), ("Poland", "POL", "")
    )
    assert got[0][0].startswith("03") and ev[0].modality == "intent"
    got, ev = dyads(
        "The EU urged Belarus to release political prisoners.",
        mk,
        ("The EU", "EUR", ""),
        ("Belarus", "BLR", ""),
    )
    assert got == [("0253", "EUR", "BLR")] and ev[0].modality == "appeal"
    got, _ = dyads(
        "Russia threatened to cut gas supplies to Belarus.", mk, ("Russia", "RUS", ""), ("Belarus", "BLR", "")
    )
    assert got == [("131", "RUS", "BLR")]


def test_nominal_events(mk):
    got, _ = dyads(
        "The visit of the Chinese president to Kazakhstan lasted two days.",
        mk,
        ("Chinese president", "CHN", "GOV"),
        ("Kazakhstan", "KAZ", ""),
    )
    assert got == [("042", "CHNGOV", "KAZ")]
    got, _ = dyads(
        "Washington announced sanctions against Moscow.",
        mk,
        ("Washington", "USA", "GOV"),
        ("Moscow", "RUS", "GOV"),
    )
    assert got == [("163", "USAGOV", "RUSGOV")]


def test_reported_speech_codes_the_embedded_event(mk):
    got, _ = dyads(
        "Lukashenko said that Russia had attacked Ukraine.",
        mk,
        ("Lukashenko", "BLR", "GOV"),
        ("Russia", "RUS", ""),
        ("Ukraine", "UKR", ""),
    )
    assert got == [("180", "RUS", "UKR")]


@pytest.mark.parametrize(
    "text",
    [
        "If Russia attacks Ukraine, the West will respond.",
        "Will Russia attack Ukraine?",
        "Russia may attack Ukraine.",
    ],
)
def test_hypotheticals_and_questions_give_nothing(mk, text):
    got, _ = dyads(text, mk, ("Russia", "RUS", ""), ("Ukraine", "UKR", ""))
    assert got == []


def test_pronouns_and_the_two_countries(mk):
    text = "Lukashenko met Putin in Sochi. The two countries signed a gas deal."
    got, _ = dyads(text, mk, ("Lukashenko", "BLR", "GOV"), ("Putin", "RUS", "GOV"))
    assert ("057", "BLRGOV", "RUSGOV") in got and ("057", "RUSGOV", "BLRGOV") in got
    text = "Putin arrived in Minsk. He criticized the EU."
    got, _ = dyads(
        text,
        mk,
        ("Putin", "RUS", "GOV", "putin_vladimir"),
        ("Minsk", "BLR", "GOV", "BLR"),
        ("the EU", "EUR", "", "EU"),
    )
    assert ("110", "RUSGOV", "EUR") in got


def test_same_country_dyads(mk):
    got, _ = dyads(
        "The Belarusian government arrested opposition leaders.",
        mk,
        ("Belarusian government", "BLR", "GOV"),
        ("opposition leaders", "BLR", "OPP"),
    )
    assert got == [("173", "BLRGOV", "BLROPP")]
    got, _ = dyads(
        "The Belarusian government praised the Belarusian army.",
        mk,
        ("Belarusian government", "BLR", "GOV"),
        ("Belarusian army", "BLR", "MIL"),
    )
    assert got == [("051", "BLRGOV", None)]  # the dyad is dropped, the act stays without a target


def test_joint_exercises_are_cooperation(mk):
    got, _ = dyads(
        "Russian and Belarusian troops held joint exercises.",
        mk,
        ("Russian", "RUS", "MIL"),
        ("Belarusian", "BLR", "MIL"),
    )
    assert sorted(got) == [("062", "BLRMIL", "RUSMIL"), ("062", "RUSMIL", "BLRMIL")]


def test_analyst_voice_gives_nothing(mk):
    got, _ = dyads(
        "According to the analyst, Russia will invade Ukraine.",
        mk,
        ("Russia", "RUS", ""),
        ("Ukraine", "UKR", ""),
    )
    assert got == []


def test_event_fields_and_stable_ids(mk):
    text = "Belarus expelled the Polish ambassador in 2013."
    ms = mk(text, ("Belarus", "BLR", ""), ("Polish ambassador", "POL", "GOV"))
    a = code_text(text, "2016-04-22", article_id="x", mentions=ms)
    b = code_text(text, "2016-04-22", article_id="x", mentions=ms)
    assert [e.event_id for e in a] == [e.event_id for e in b]
    e = a[0]
    assert (e.cameo, e.root, e.quad_class, e.date, e.trigger) == ("166", "16", 4, "2013", "expelled")
    assert e.span == (0, len(text)) and e.pattern_id == "166:V:expel"
    assert code_text(text, None, mentions=ms)[0].date == "2013"
    assert (
        code_text(
            "Belarus expelled the Polish ambassador.",
            None,
            mentions=mk(
                "Belarus expelled the Polish ambassador.",
                ("Belarus", "BLR", ""),
                ("Polish ambassador", "POL", "GOV"),
            ),
        )[0].date
        is None
    )


def test_negated_stopping_is_going_on_not_rejection():
    from multivector.coding import code_text

    def coded(text: str) -> list[tuple[str, str, str | None]]:
        return [
            (e.source.country, e.cameo[:2], e.target and e.target.country) for e in code_text(text, "2024")
        ]

    assert coded("The United States will not stop supporting Ukraine.") == [("USA", "05", "UKR")]
    assert coded("Germany will not let up on its aid to Ukraine.")[0][1] in ("03", "05", "07")
    # a negated act that is not a verb of stopping is still a rejection
    assert coded("Russia did not sign the agreement with Ukraine.") == [("RUS", "12", "UKR")]


def test_it_does_not_refer_to_a_plural_group():
    from multivector.coding import code_text

    text = (
        "Hezbollah has killed many Canadians over the years. And it has attacked Israel again. "
        "The United States imposed sanctions. It also condemned Iran."
    )
    got = [(e.source.country, e.target and e.target.country) for e in code_text(text, "2024")]
    assert ("LBN", "ISR") in got and ("USA", "ISR") not in got
    assert ("USA", "IRN") in got  # a country named in the plural ("States") is still "it"


def test_mobilising_funds_is_no_show_of_force():
    from multivector.coding import code_text

    assert [e.root for e in code_text("Russia mobilised reservists against Ukraine.", "2024")] == ["15"]
    assert all(e.root != "15" for e in code_text("France mobilised funds for Niger.", "2024"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tokayev received Aliyev in Astana.", {("043", "KAZ", "AZE")}),
        ("Aliyev greeted the Kazakh delegation in Baku.", {("043", "AZE", "KAZ")}),
        # a thing received is no reception, and an actor in an of-phrase is not the guest
        ("Tokayev received a letter from Aliyev.", set()),
        ("Tokayev received a phone call from Aliyev.", set()),
        ("Armenia welcomed the decision of the European Council.", {("051", "ARM", "EUR")}),
        # the country a briefing is about is its topic, not its target; condolences offered are condolences
        ("Tokayev briefed Aliyev on the situation in Georgia.", {("010", "KAZ", "AZE")}),
        ("Aliyev offered his condolences to Erdogan.", {("018", "AZE", "TUR")}),
        # arms supplies are military aid
        ("Arms supplies from Belarus to Serbia grew.", {("072", "BLR", "SRB")}),
        ("Iran's drone deliveries to Russia continued.", {("072", "IRN", "RUS")}),
        # calling someone is a phone call, unless it names what they are called
        ("The Turkish president called Emmanuel Macron.", {("041", "TUR", "FRA")}),
        ("Zelensky called Lukashenko a dictator.", set()),
        # the one "on a visit" visits; opening roads or airspace to a side eases restrictions on it
        (
            "Aliyev met Kassym-Jomart Tokayev, who is on a visit to Azerbaijan.",
            {("040", "AZE", "KAZ"), ("042", "KAZ", "AZE")},
        ),
        ("Georgia is prepared to open its airspace to Turkish airlines.", {("035", "GEO", "TUR")}),
        ("Turkey reopened the crossing with Armenia.", {("081", "TUR", "ARM")}),
        # "its" in what a side is thanked for is that side; a sanctions policy is sanctions
        (
            "Moldova thanked Japan for its sanctions policy against Russia.",
            {("051", "MDA", "JPN"), ("163", "JPN", "RUS")},
        ),
        (
            "Moldova is grateful to Canada for their sanctions against Russia.",
            {("051", "MDA", "CAN"), ("163", "CAN", "RUS")},
        ),
        # listing someone for sanctions sanctions them; a blocked aid package is no aid; drones are arms
        ("Ottawa added two Belarusian generals to its sanctions list.", {("163", "CAN", "BLR")}),
        ("Slovakia blocked the EU's loan package for Moldova.", {("129", "SVK", "EUR")}),
        ("Turkey supplied combat drones to Azerbaijan.", {("072", "TUR", "AZE")}),
        (
            "Kazakhstan is ready to reconsider its position on the Russian gas transit.",
            {("035", "KAZ", "RUS")},
        ),
    ],
)
def test_receptions_briefings_condolences(text: str, expected: set) -> None:
    got = {
        (e.cameo, e.source.country, e.target.country if e.target else None)
        for e in code_text(text, "2022-03-01")
    }
    assert got == expected
