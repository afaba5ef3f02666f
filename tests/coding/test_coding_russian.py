"""The native Russian coder: data validation, mechanics on our own sentences, and the gated measures."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import pytest

from multivector.coding.api import code_article, code_text
from multivector.coding.explain import explain
from multivector.coding.russian import russian_patterns
from multivector.coding.russian_roles import load_cues
from multivector.coding.tables import CodingDataError
from multivector.evaluation.russian import (
    crosslingual_agreement,
    crosslingual_pairs,
    evaluate_russian,
    polarity_agreement,
)
from multivector.nlp.russian import lemma_forms
from multivector.pipeline import count_uncoded_language
from multivector.records import Article

DAY = "2022-03-10"


def dyads(text: str, date: str = DAY) -> set[tuple[str, str, str]]:
    return {(e.source.country, e.target.country if e.target else "", e.cameo) for e in code_text(text, date)}


def roots(text: str, date: str = DAY) -> set[tuple[str, str, str]]:
    return {(a, b, c[:2]) for a, b, c in dyads(text, date)}


# ---------------------------------------------------------------------------------------------- data
def test_patterns_cover_every_root_with_real_lemmas():
    pats = [p for group in russian_patterns().values() for p in group]
    assert len(pats) >= 400
    assert {p.code[:2] for p in pats} == {f"{i:02d}" for i in range(1, 21)}
    # every trigger is written as a dictionary form pymorphy3 knows (a typo would never fire)
    bad = [p.lemma for p in pats if p.lemma not in lemma_forms(p.lemma)]
    assert not bad


def test_cue_file_is_validated(tmp_path: Path):
    bad = tmp_path / "russian.yaml"
    bad.write_text("intent: []\n", encoding="utf-8")
    with pytest.raises(CodingDataError, match="intent"):
        load_cues(bad)


# ---------------------------------------------------------------------------------------------- mechanics
def test_roles_from_case_not_word_order():
    assert ("BLR", "RUS", "046") in dyads("Президент Белоруссии провёл переговоры с Россией.")
    # object first, subject last: the nominative is still the source
    assert ("USA", "RUS", "11") in roots("Москву обвинил Вашингтон.")


def test_passive_with_instrumental_agent():
    assert ("EUR", "BLR", "163") in dyads("Евросоюзом были введены санкции против Белоруссии.")
    # the parser hangs an agent after the subject on the subject: it is still the agent
    assert ("EUR", "BLR", "163") in dyads("Против Белоруссии были введены санкции Евросоюзом.")


def test_passive_participle_takes_the_noun_it_modifies_as_object():
    assert ("CAN", "IRN", "163") in dyads("Санкции, введённые Канадой против Ирана, продлены ещё на год.")
    # the target may hang on the noun ("санкции против X") rather than on the participle
    assert ("USA", "CUB", "163") in dyads("Введённые Вашингтоном санкции против Кубы ударили по торговле.")
    assert ("GEO", "ARM", "057") in dyads("Договор, заключённый Грузией с Арменией, вступил в силу.")


def test_negation_and_refusal_become_rejections():
    assert {r for *_, r in roots("Минск не подписал соглашение с Брюсселем.")} == {"12"}
    assert ("EUR", "BLR", "12") in roots("Евросоюз отказался снять санкции с Белоруссии.")
    assert not dyads("Киев не посетил Москву.")


def test_intent_appeal_demand():
    assert ("BLR", "TKM", "03") in roots("Белоруссия готова поставлять тракторы в Туркменистан.")
    assert ("BLR", "TKM", "03") in roots("Белоруссия будет поставлять тракторы в Туркменистан.")
    assert ("CHN", "USA", "02") in roots("Китай призвал США отменить санкции.")
    assert ("USA", "BLR", "10") in roots("Госдеп потребовал от Минска освободить политзаключённых.")


def test_hypotheticals_and_questions_give_nothing():
    assert not dyads("Москва может ввести санкции против Варшавы.")
    assert not dyads("Если Киев подпишет соглашение, Москва ответит.")
    assert not dyads("Введёт ли Евросоюз санкции против Белоруссии?")


def test_reported_speech_gives_we_to_the_speaker():
    got = roots("Лукашенко заявил, что мы поддерживаем Казахстан.")
    assert ("BLR", "KAZ", "05") in got
    assert ("BLR", "KAZ", "05") in roots("«Мы поддерживаем Казахстан», — сказал Лукашенко.")
    # no speaker, no guess: a first-person actor stays unresolved
    assert not dyads("Мы поддерживаем Казахстан.")


def test_metonyms_in_any_case_and_coordination():
    assert ("RUS", "UKR", "11") in roots("Кремль раскритиковал Киев.")
    got = roots("Путин и Токаев встретились в Астане.")
    assert ("RUS", "KAZ", "04") in got and ("KAZ", "RUS", "04") in got


def test_participles_and_verbs_the_tagger_missed():
    assert ("TUR", "RUS", "190") in dyads("Сбитый турецкими истребителями российский самолёт упал.")
    got = roots("Россия и Запад сближаются.")
    assert ("RUS", "WST", "05") in got and ("WST", "RUS", "05") in got
    assert ("RUS", "TUR", "10") in roots("Россия ждёт от Турции извинений.")


def test_nominal_events_and_victim_genitive():
    assert ("BLR", "TKM", "042") in dyads("Визит Лукашенко в Туркменистан завершился.")
    # "осудил агрессию России против Украины": the stance is aimed at the aggressor, not the victim
    assert roots("Киев осудил агрессию России против Украины.") == {("UKR", "RUS", "11")}
    assert ("RUS", "UKR", "19") in roots("Российский захват Крыма продолжается.")


def test_russian_dates_move_the_event():
    ev = code_text("В понедельник Евросоюз ввёл санкции против Белоруссии.", DAY)
    assert ev and ev[0].date == "2022-03-07"
    ev = code_text("В 2013 году Белоруссия подписала соглашение с Туркменистаном.", DAY)
    assert ev and ev[0].date == "2013"


def test_same_records_and_explain():
    art = Article("ru1", None, DAY, "day", "ru", None, "x.txt", 0, "Евросоюз ввёл санкции против Белоруссии.")
    events, mentions, _ = code_article(art)
    assert events and mentions and all(m.article_id == "ru1" for m in mentions)
    e = events[0]
    assert e.plover == "COERCE" and e.quad_class == 4 and e.goldstein < 0 and 0 < e.confidence <= 1
    assert e.sentence.startswith("Евросоюз") and e.span == (0, len(art.text)) and e.trigger == "ввёл"
    why = explain(e)
    assert why["language"] == "ru" and why["pattern"]["lemma"] == "ввести"
    assert [p["text"] for p in why["source_path"]][-1] == "Евросоюз"


def test_russian_is_coded_ukrainian_is_noticed():
    counts: Counter = Counter()
    for lang in ("ru", "uk", "en"):
        count_uncoded_language(counts, Article("a", None, None, None, lang, None, "p", 0, "текст"))
    assert counts == Counter({"uk": 1})


def _dyads(text: str) -> set[tuple[str, str, str | None]]:
    return {(e.cameo, e.source.country, e.target and e.target.country) for e in code_text(text, "2022-03-01")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a mediator serves the two sides "между" names; it is not their meeting
        (
            "Астана вызвалась стать посредником между Ереваном и Баку.",
            {("045", "KAZ", "ARM"), ("045", "KAZ", "AZE")},
        ),
        # "предложить" with no one it is put to is an offer; with a dative, an appeal to that side
        ("Казахстан предложил провести переговоры с Киргизией.", {("036", "KAZ", "KGZ")}),
        ("Казахстан предложил Киргизии провести переговоры.", {("026", "KAZ", "KGZ")}),
        # "договориться" is agreeing, not signing; on a ceasefire, de-escalation
        ("Армения и Азербайджан договорились о перемирии.", {("0356", "ARM", "AZE"), ("0356", "AZE", "ARM")}),
        # closing a border is an administrative sanction, as in English
        ("Латвия закрыла границу с Россией.", {("172", "LVA", "RUS")}),
        ("Литва закрыла воздушное пространство для белорусских самолётов.", {("172", "LTU", "BLR")}),
        # "со", "ко", "во" are "с", "к", "в"
        ("Токаев провёл переговоры со своим узбекским коллегой.", {("046", "KAZ", "UZB")}),
        # "намерена" is an intent, not a passive "measured": its subject acts
        ("Грузия намерена подписать соглашение с Арменией.", {("037", "GEO", "ARM")}),
        # a strike "по" a side is aimed at it
        ("Азербайджан нанёс удар по Армении.", {("190", "AZE", "ARM")}),
        # suspending cooperation reduces relations
        ("Евросоюз приостановил сотрудничество с Белоруссией.", {("160", "EUR", "BLR")}),
        # a high appraisal of friendship or cooperation is praise
        ("Монголия высоко оценила сотрудничество с Россией.", {("051", "MNG", "RUS")}),
        # what a side denies did not happen by its account: no event
        ("Казахстан опроверг, что поставлял оружие Ирану.", set()),
        ("Минск отверг обвинения в том, что Белоруссия обстреляла Литву.", set()),
        ("Армения отрицает обстрел Нахичевани.", set()),
        # a feared or expected act of another side, or an unlikely one, is no event
        ("Литва опасается, что Белоруссия нападёт на Латвию.", set()),
        ("Грузия ожидает, что Армения подпишет соглашение с Турцией.", set()),
        ("Армения вряд ли подпишет соглашение с Турцией.", set()),
        # a rejected proposal is still a refusal, not a denial
        ("Армения отвергла предложение о переговорах с Турцией.", {("120", "ARM", "TUR")}),
        # "военные учения": the adjective describes the drills, it is not "the military" as a third party
        ("Казахстан провёл военные учения с Китаем.", {("062", "KAZ", "CHN")}),
        # sending weapons or handing over equipment is aid; recalling an envoy "из" a country targets it
        ("Литва отправила ракеты на Украину.", {("072", "LTU", "UKR")}),
        ("Южная Корея передала Узбекистану медицинское оборудование.", {("070", "KOR", "UZB")}),
        ("Канада отозвала посла из Ирана.", {("166", "CAN", "IRN")}),
        # stopping cooperation reduces relations, as in English; a stopped shelling is none
        ("Грузия перестала сотрудничать с Арменией.", {("160", "GEO", "ARM")}),
        ("Армения прекратила обстрел Азербайджана.", set()),
        # a person named in an oblique case; handing over a detainee; blocking a road to an embassy
        ("Лукашенко провёл переговоры с Токаевым.", {("046", "BLR", "KAZ")}),
        ("Литва передала Белоруссии задержанного гражданина.", {("0841", "LTU", "BLR")}),
        ("Грузинские активисты перекрыли въезд в посольство России.", {("144", "GEO", "RUS")}),
        # asked to stop, the act goes on, the act of the one asked (as in English)
        (
            "Эстония призвала Венгрию прекратить поставлять оружие Сербии.",
            {("020", "EST", "HUN"), ("072", "HUN", "SRB")},
        ),
        (
            "Евросоюз потребовал от Белоруссии прекратить нападения на Литву.",
            {("100", "EUR", "BLR"), ("190", "BLR", "LTU")},
        ),
        # the other side named deep inside the object; a deed's doer before what it was done to
        ("Япония ввела эмбарго на ввоз угля из России.", {("163", "JPN", "RUS")}),
        ("Китай наложил вето на проект резолюции по Сирии.", {("129", "CHN", "SYR")}),
        ("Армения отказалась признать аннексию Крыма Россией.", {("127", "ARM", "RUS")}),
        ("Сербия не признала аннексию Крыма.", {("127", "SRB", "UKR")}),
        # backing sanctions against a side is no support of that side
        ("Франция поддержала продление санкций против Ирана.", set()),
        # readiness to act is an intent, the readiness-holder's: to mediate is 039, as in English
        ("Ереван выразил готовность подписать соглашение с Баку.", {("037", "ARM", "AZE")}),
        (
            "Турция выразила готовность стать посредником между Арменией и Азербайджаном.",
            {("039", "TUR", "ARM"), ("039", "TUR", "AZE")},
        ),
        # the verb carrying the intent noun decides: a condition or a negation leaves no intent
        ("Но если Литва примет решение сотрудничать с Белоруссией, всё изменится.", set()),
        ("Литва не выразила готовности сотрудничать с Белоруссией.", set()),
        # opening roads or airspace for a side eases restrictions on it; readiness makes it an intent
        ("Грузия готова открыть воздушное пространство для турецких самолётов.", {("035", "GEO", "TUR")}),
        # an announced act is the event, not its announcement; welcoming a decision is praise; an entry
        # ban on a person is an administrative sanction (as in English)
        ("Грузия объявила о запрете на ввоз армянского коньяка.", {("163", "GEO", "ARM")}),
        ("Баку приветствовал решение правительства Турции.", {("051", "AZE", "TUR")}),
        ("Латвия запретила въезд белорусскому депутату.", {("172", "LVA", "BLR")}),
        # reconsidering a position is yielding; ready to, an intent (as in English)
        (
            "Азербайджан выразил готовность пересмотреть вопрос о транзите армянских грузов.",
            {("035", "AZE", "ARM")},
        ),
        # a place in the locative does not make the title after it its own
        ("Лукашенко принял в Минске президента Узбекистана.", {("043", "BLR", "UZB")}),
    ],
)
def test_russian_constructions(text: str, expected: set) -> None:
    assert _dyads(text) == expected


# ---------------------------------------------------------------------------------------------- gates
def test_crosslingual_agreement_gate():
    """Our own English sentences and our Russian translations: same dyad and PLOVER category. Tuned on
    the dev half only; the test half is held out."""
    assert len(crosslingual_pairs()) == 430
    r = crosslingual_agreement()
    assert r["dev"]["agreement"] >= 0.95  # measured 0.965 (in-sample)
    assert r["test"]["agreement"] >= 0.81  # measured 0.817 (held out)


@pytest.fixture(scope="module")
def russian(corpora_dir: Path) -> dict:
    if not (corpora_dir / "rusentrel").is_dir():
        if os.environ.get("CI"):
            pytest.fail("../shared/corpora/rusentrel is missing under CI")
        pytest.skip("rusentrel corpus not present")
    return evaluate_russian(corpora_dir)


def test_rusentrel_sentence_set_gate(russian):
    dev, test = russian["dev"], russian["test"]
    assert dev["sentences"] + test["sentences"] >= 270 and not dev["unlocated_sentences"]
    assert dev["recall"] >= 0.70 and dev["precision"] >= 0.88  # in-sample: measured 0.727 / 0.90
    assert test["recall"] >= 0.25 and test["precision"] >= 0.65  # held out: measured 0.259 / 0.70
    assert test["spurious_per_empty_sentence"] <= 0.05


def test_rusentrel_polarity_check(corpora_dir: Path, russian):
    r = polarity_agreement(corpora_dir)
    assert r["attitude_pairs"] >= 300
    assert r["coverage"] >= 0.20 and r["agreement"] >= 0.65


def test_ukrainian_articles_get_actors_but_no_events():
    text = "Україна та Польща підписали угоду в Києві, а Росія напала на Україну."
    art = Article("uk1", None, DAY, "day", "uk", None, "x.txt", 0, text)
    events, mentions, _ = code_article(art)
    assert not events
    assert {m.country for m in mentions} >= {"UKR", "POL", "RUS"}
    assert all(m.article_id == "uk1" for m in mentions)


def test_a_misdeed_the_speaker_describes_is_its_accusation_as_in_english():
    def charged(text: str, speaker: str | None) -> set[tuple[str, str]]:
        events = code_text(text, DAY, speaker=speaker)
        return {(e.source.country, e.target.country if e.target else "") for e in events if e.root == "11"}

    assert charged("Мы уверены, что Вашингтон вмешивается в выборы в регионе.", "RUS") == {("RUS", "USA")}
    assert charged("Провокации Вильнюса на границе не прекращаются.", "BLR") == {("BLR", "LTU")}
    assert charged("Вашингтон вмешивается в дела Кубы.", None) == set()  # nobody says so
    assert charged("Россия никогда не вмешивается в дела соседей.", "RUS") == set()


def test_what_another_side_must_do_is_the_speakers_demand_as_in_english():
    demand = code_text("Россия должна вывести свои войска с нашей территории.", DAY, speaker="UKR")
    assert {(e.source.country, e.target.country if e.target else "", e.root) for e in demand} == {
        ("UKR", "RUS", "10")
    }
    own = code_text("Мы должны укрепить сотрудничество с Польшей.", DAY, speaker="UKR")
    assert {(e.source.country, e.target.country if e.target else "") for e in own} == {("UKR", "POL")}
    assert code_text("Россия должна вывести свои войска.", DAY) == []  # nobody known demands it
