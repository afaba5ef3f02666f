"""Load and validate the actor dictionaries (countries, IGOs, sectors, organisations, people).

The dictionaries are data, not code: packaged YAML under ``actors/data`` plus any user files with the same
schemas. Everything is validated up front so a bad entry fails loudly with the file and the entry named,
instead of silently producing wrong codes millions of sentences later.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from multivector.errors import DataError

ALIGNMENTS = {"West", "East", "China", "neutral", None}
ROLES = {"head_of_state", "head_of_government", "foreign_minister", "defence_minister", "other", "analyst"}
SECTOR_RE = re.compile(r"^[A-Z]{3}$")
CODE_RE = re.compile(r"^[A-Z]{3}$")


@dataclass(slots=True, frozen=True)
class Actor:
    """A codable actor: a country, collective, IGO or named organisation."""

    id: str
    name: str
    country: str
    agent: str
    alignment: str | None
    kind: str


@dataclass(slots=True, frozen=True)
class Role:
    country: str
    role: str
    title: str
    start: dt.date | None
    end: dt.date | None
    org: str | None = None
    agent: str = ""  # the sector this office gives its holder (OPP, REB …); empty: read from the title

    def active(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(slots=True)
class Person:
    id: str
    name: str
    aliases: list[str]
    ru: list[str]
    roles: list[Role]


@dataclass(slots=True, frozen=True)
class Atom:
    """What one dictionary phrase means; several atoms can share a phrase (``US`` is a name and an adjective).

    kind: ``actor`` (a full actor, with the agent its phrase implies: capital -> GOV, city -> CVL),
    ``adj`` (demonym of a country), ``sector``, ``title`` (office word with a role), ``person``, ``former``.
    """

    kind: str
    ref: str
    agent: str = ""
    role: str = ""
    priority: int = 0


@dataclass(slots=True)
class ActorData:
    actors: dict[str, Actor] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    phrases: dict[str, list[Atom]] = field(default_factory=dict)
    ru_phrases: dict[str, list[Atom]] = field(default_factory=dict)
    forms: dict[str, set[str]] = field(default_factory=dict)
    ru_forms: dict[str, set[str]] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)

    def add(self, phrase: str, atom: Atom, ru: bool = False) -> None:
        phrase = " ".join(str(phrase).split())
        if not phrase:
            return
        table = self.ru_phrases if ru else self.phrases
        (self.ru_forms if ru else self.forms).setdefault(phrase.lower(), set()).add(phrase)
        atoms = table.setdefault(phrase.lower(), [])
        if atom not in atoms:
            atoms.append(atom)

    def sector_words(self) -> int:
        return sum(1 for atoms in self.phrases.values() if any(a.kind in ("sector", "title") for a in atoms))


def _names(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, str | int | float) for v in value):
        raise ValueError("must be a list of strings")
    return [str(v) for v in value]


def _day(value: Any) -> dt.date | None:
    """A role date as people files write it: empty for unknown, a YAML date, or an ISO string."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ValueError(f"{value!r} is not a YYYY-MM-DD date") from None


def _check_role(v: str) -> str:
    if v not in ROLES:
        raise ValueError(f"role {v!r} not one of {sorted(ROLES)}")
    return v


Names = Annotated[list[str], BeforeValidator(_names)]
Day = Annotated[dt.date | None, BeforeValidator(_day)]
Office = Annotated[str, AfterValidator(_check_role)]


class RoleEntry(BaseModel):
    """One office of a person, as written in a people file."""

    model_config = ConfigDict(extra="forbid")
    country: str
    role: Office = "other"
    title: str = ""
    start: Day = None
    end: Day = None
    org: str | None = None
    agent: str = ""

    @field_validator("country")
    @classmethod
    def _country(cls, v: str) -> str:
        if not CODE_RE.match(v):
            raise ValueError(f"role country {v!r} must be a three-letter code")
        return v

    @field_validator("title", "agent", mode="before")
    @classmethod
    def _text(cls, v: Any) -> str:
        return "" if v is None else str(v)

    @field_validator("agent")
    @classmethod
    def _agent(cls, v: str) -> str:
        if v and not v.isupper():
            raise ValueError(f"role agent {v!r} must be an upper-case sector code")
        return v

    @model_validator(mode="after")
    def _order(self) -> RoleEntry:
        if self.start and self.end and self.end < self.start:
            raise ValueError(f"role ends ({self.end}) before it starts ({self.start})")
        return self


class PersonEntry(BaseModel):
    """One person of a people file; dates are ISO days, an open end means still in office."""

    model_config = ConfigDict(extra="forbid")
    id: str = Field(min_length=1)
    name: str = Field(min_length=1)
    aliases: Names = []
    ru: Names = []
    roles: list[RoleEntry] = []

    @field_validator("roles", mode="before")
    @classmethod
    def _roles(cls, v: Any) -> Any:
        return [] if v is None else v


def _alignment(v: Any) -> Any:
    return None if v in (None, "null", "None") else v


def _check_alignment(v: Any) -> Any:
    if v not in ALIGNMENTS:
        raise ValueError(f"alignment {v!r} not one of West/East/China/neutral/null")
    return v


def _check_sector(v: str) -> str:
    if v and not SECTOR_RE.match(v):
        raise ValueError(f"agent {v!r} is not a three-letter sector code")
    return v


Alignment = Annotated[str | None, BeforeValidator(_alignment), AfterValidator(_check_alignment)]
Sector = Annotated[str, BeforeValidator(lambda v: "" if v is None else v), AfterValidator(_check_sector)]


class CountryEntry(BaseModel):
    """A country (or a territory pycountry lacks) with its names, adjectives, capital and metonyms."""

    model_config = ConfigDict(extra="forbid")
    names: Names = []
    adj: Names = []
    cap: Names = []
    met: Names = []
    cities: Names = []
    ru: Names = []
    ru_met: Names = []
    name: str | None = None
    country: str | None = None
    agent: Sector = ""
    alignment: Alignment = None


class BodyEntry(BaseModel):
    """A collective, an IGO or a named organisation."""

    model_config = ConfigDict(extra="allow")  # entries carry notes (parent, founded …) the resolver ignores
    name: str = Field(min_length=1)
    country: str = ""
    agent: Sector = ""
    alignment: Alignment = None
    names: Names = []
    ru: Names = []

    @field_validator("country", mode="before")
    @classmethod
    def _code(cls, v: Any) -> str:
        v = "" if v is None else v
        if not isinstance(v, str) or (v and not CODE_RE.match(v)):
            raise ValueError(f"country {v!r} must be a three-letter code or empty")
        return v


class TitleEntry(BaseModel):
    """Title words that give their holder a sector and an office ("foreign minister")."""

    model_config = ConfigDict(extra="forbid")
    words: Names = []
    agent: str
    role: Office = "other"

    @field_validator("agent", mode="before")
    @classmethod
    def _agent(cls, v: Any) -> str:
        if not SECTOR_RE.match(str(v)):
            raise ValueError(f"agent {v!r} is not a sector code")
        return str(v)


def _validated(model: type[Any], path: str, key: Any, entry: Any) -> Any:
    """``entry`` checked against ``model``; the first problem as a DataError naming file and entry."""
    try:
        return model.model_validate(entry)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(x) for x in first["loc"])
        msg = str(first["msg"]).removeprefix("Value error, ")
        raise _fail(path, key, f"{where}: {msg}" if where else msg) from None


def _fail(path: str, entry: Any, reason: str) -> DataError:
    return DataError(f"{path}: entry {entry!r}: {reason}")


def _strings(path: str, entry: Any, value: Any, what: str) -> list[str]:
    try:
        return _names(value)
    except ValueError:
        raise _fail(path, entry, f"{what} must be a list of strings") from None


def _plural(word: str) -> str | None:
    """English plural of a single-word noun, or None when adding one would be wrong or useless."""
    if " " in word or not word[-1:].isalpha() or word.isupper():
        return None
    low = word.lower()
    if low.endswith(("s", "sh", "ch", "ese", "x", "z")):
        return None
    if low.endswith("y") and low[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    if low.endswith("man"):
        return word[:-3] + "men"
    return word + "s"


def _plural_phrase(phrase: str) -> str | None:
    """Plural of a multi-word demonym: "Bosnian Serb" -> "Bosnian Serbs", "South African" -> "South
    Africans"."""
    parts = phrase.split()
    if len(parts) < 2 or not parts[-1][:1].isupper():
        return None
    last = _plural(parts[-1])
    return " ".join([*parts[:-1], last]) if last else None


_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read_yaml(path: str, text: str) -> Any:
    try:
        return yaml.load(text, Loader=_Loader)
    except ValueError as exc:  # PyYAML raises this for impossible timestamps such as 2020-13-01
        raise DataError(f"{path}: not valid YAML: bad date ({exc}); dates are YYYY-MM-DD") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        raise DataError(f"{path}: not valid YAML{where}: {getattr(exc, 'problem', exc)}") from None


def _packaged(name: str) -> tuple[str, str] | None:
    ref = resources.files("multivector.actors") / "data" / name
    if not ref.is_file():
        return None
    return f"actors/data/{name}", ref.read_text(encoding="utf-8")


_parsed: dict[tuple[str, str], Any] = {}


def _packaged_doc(name: str) -> tuple[str, Any] | None:
    """Parsed packaged file, cached by content so several resolvers in one process parse it once."""
    found = _packaged(name)
    if found is None:
        return None
    key = (name, found[1])
    if key not in _parsed:
        _parsed[key] = _read_yaml(*found)
    return found[0], _parsed[key]


class _Builder:
    """Accumulates validated entries from several files into one ActorData."""

    def __init__(self) -> None:
        self.data = ActorData()
        self.alignment: dict[str, str | None] = {}

    # --- countries ------------------------------------------------------
    def countries(self, path: str, block: Any) -> None:
        import pycountry

        if not isinstance(block, dict):
            raise DataError(f"{path}: 'countries' must be a mapping of code -> entry")
        for code, entry in block.items():
            if not isinstance(code, str) or not CODE_RE.match(code):
                raise _fail(path, code, "country key must be a three-letter upper-case code")
            got = _validated(CountryEntry, path, code, entry)
            iso = pycountry.countries.get(alpha_3=code)
            name = got.name or (getattr(iso, "common_name", None) or iso.name if iso else None)
            if not name:
                raise _fail(path, code, "not an ISO 3166 code, so it needs a 'name'")
            country = got.country or code
            agent = got.agent
            align = (
                got.alignment if "alignment" in got.model_fields_set else self.alignment.get(code, "neutral")
            )
            self.data.actors[code] = Actor(code, name, country, agent, align, "country")
            names = [name, *got.names]
            if iso:
                names += [
                    n
                    for n in (iso.name, getattr(iso, "official_name", None))
                    if n and "," not in n and "(" not in n
                ]
            for n in names:
                self.data.add(n, Atom("actor", code, agent, priority=2))
            for adj in got.adj:
                self.data.add(adj, Atom("adj", code, agent, priority=1))
                plural = _plural(adj) or _plural_phrase(adj)
                if plural:
                    self.data.add(plural, Atom("actor", code, agent, priority=1))
            for cap in got.cap:
                self.data.add(cap, Atom("actor", code, "GOV", priority=1))
            for met in got.met:
                self.data.add(met, Atom("actor", code, "GOV", priority=1))
            for city in got.cities:
                self.data.add(city, Atom("actor", code, "CVL", priority=0))
            for ru in got.ru:
                kind = "adj" if ru[:1].islower() else "actor"
                self.data.add(ru, Atom(kind, code, agent, priority=2 if kind == "actor" else 1), ru=True)
            for ru in got.ru_met:
                self.data.add(ru, Atom("actor", code, "GOV", priority=1), ru=True)

    def ru_cities(self, path: str, block: Any) -> None:
        """Russian names of a country's other cities (as ``cities``: the country, agent CVL)."""
        if not isinstance(block, dict):
            raise DataError(f"{path}: 'ru_cities' must map a country code to a list of city names")
        for code, names in block.items():
            if code not in self.data.actors:
                raise _fail(path, code, "ru_cities needs a country defined above")
            for city in _strings(path, code, names, "ru_cities"):
                self.data.add(city, Atom("actor", code, "CVL", priority=0), ru=True)

    def iso_defaults(self) -> None:
        """Every ISO 3166 entry pycountry knows, so territories resolve even without a YAML line."""
        import pycountry

        for c in pycountry.countries:
            if c.alpha_3 in self.data.actors or c.alpha_3 in NOT_ACTORS:
                continue
            name = getattr(c, "common_name", None) or c.name
            self.data.actors[c.alpha_3] = Actor(c.alpha_3, name, c.alpha_3, "", "neutral", "country")
            for n in {name, c.name, getattr(c, "official_name", None)}:
                if n and "," not in n and "(" not in n:
                    self.data.add(n, Atom("actor", c.alpha_3, priority=2))

    def alignments(self, path: str, block: Any) -> None:
        if not isinstance(block, dict):
            raise DataError(f"{path}: 'alignment' must map an alignment to a list of codes")
        for align, codes in block.items():
            align = None if align in (None, "null", "None") else align
            if align not in ALIGNMENTS:
                raise _fail(path, align, "alignment must be West/East/China/neutral/null")
            for code in _strings(path, align, codes, "codes"):
                self.alignment[code] = align
                actor = self.data.actors.get(code)
                if actor:
                    self.data.actors[code] = Actor(
                        actor.id, actor.name, actor.country, actor.agent, align, actor.kind
                    )

    # --- collectives, IGOs, organisations --------------------------------
    def bodies(self, path: str, block: Any, kind: str) -> None:
        items = (
            block.items()
            if isinstance(block, dict)
            else (
                ((e.get("id") or e.get("name"), e) if isinstance(e, dict) else (None, e) for e in block)
                if isinstance(block, list)
                else None
            )
        )
        if items is None:
            raise DataError(f"{path}: '{kind}' must be a mapping or a list of entries")
        for key, entry in items:
            if not isinstance(entry, dict) or not key:
                raise _fail(path, key, "entry must be a mapping with an id or name")
            got = _validated(BodyEntry, path, key, entry)
            name, country, agent = got.name, got.country, got.agent
            if "alignment" in got.model_fields_set:
                align = got.alignment
            else:
                align = self.alignment.get(country, "neutral" if country else None)
            actor_id = (
                str(key) if kind != "org" else "org:" + re.sub(r"\W+", "_", str(key).lower()).strip("_")
            )
            clash = self.data.actors.get(actor_id)
            if clash is not None and clash.kind != kind:
                raise _fail(path, key, f"id {actor_id!r} is already the {clash.kind} {clash.name!r}")
            self.data.actors[actor_id] = Actor(actor_id, name, country, agent, align, kind)
            prio = 3 if kind == "org" else 2
            for n in [name, *got.names]:
                self.data.add(n, Atom("actor", actor_id, agent, priority=prio))
            for ru in got.ru:
                self.data.add(ru, Atom("actor", actor_id, agent, priority=prio), ru=True)

    # --- sector vocabulary -------------------------------------------------
    def sectors(self, path: str, block: Any, ru: bool = False) -> None:
        if not isinstance(block, dict):
            raise DataError(f"{path}: 'sectors' must map a sector code to a list of words")
        for code, words in block.items():
            if not isinstance(code, str) or not SECTOR_RE.match(code):
                raise _fail(path, code, "sector code must be three upper-case letters")
            agent = "" if code == "NON" else code
            for w in _strings(path, code, words, "words"):
                self.data.add(w, Atom("sector", agent, agent), ru=ru)
                plural = None if ru else _plural(w)
                if plural:
                    self.data.add(plural, Atom("sector", agent, agent))

    def titles(self, path: str, block: Any, ru: bool = False) -> None:
        if not isinstance(block, list):
            raise DataError(f"{path}: 'titles' must be a list of {{words, agent, role}}")
        for i, entry in enumerate(block):
            got = _validated(TitleEntry, path, i, entry)
            agent, role = got.agent, got.role
            for w in got.words:
                self.data.add(w, Atom("title", role, agent, role), ru=ru)

    def former(self, path: str, block: Any) -> None:
        for w in _strings(path, "former", block, "former"):
            self.data.add(w, Atom("former", "former", "ELI"))

    # --- people --------------------------------------------------------------
    def people(self, path: str, block: Any) -> None:
        if not isinstance(block, list):
            raise DataError(f"{path}: people must be a list of entries")
        seen: set[str] = set()
        for i, entry in enumerate(block):
            person = self._person(path, i, entry)
            if person.id in seen:
                raise _fail(path, person.id, "person id defined twice in this file")
            seen.add(person.id)
            self.data.people[person.id] = person

    def _person(self, path: str, i: int, entry: Any) -> Person:
        label = (entry.get("id") or entry.get("name") or i) if isinstance(entry, dict) else i
        got = _validated(PersonEntry, path, label, entry)
        roles = [Role(r.country, r.role, r.title, r.start, r.end, r.org, r.agent) for r in got.roles]
        return Person(got.id, got.name, got.aliases, got.ru, roles)

    def index_people(self) -> None:
        """Phrase atoms for people, including bare surnames (ambiguity is settled by date at resolve time)."""
        taken = {k for k, atoms in self.data.phrases.items() if any(a.kind != "person" for a in atoms)}
        taken_ru = {k for k, atoms in self.data.ru_phrases.items() if any(a.kind != "person" for a in atoms)}
        for p in self.data.people.values():
            for n in [p.name, *p.aliases]:
                self.data.add(n, Atom("person", p.id, priority=3))
                parts = n.split()
                if (
                    len(parts) > 1
                    and len(parts[-1]) > 3
                    and parts[-1][0].isupper()
                    and parts[-2] != "of"
                    and parts[-1].lower() not in taken
                ):
                    self.data.add(parts[-1], Atom("person", p.id, priority=2))
            for n in p.ru:
                self.data.add(n, Atom("person", p.id, priority=3), ru=True)
                parts = n.split()
                if len(parts) > 1 and parts[-1][0].isupper() and parts[-1].lower() not in taken_ru:
                    self.data.add(parts[-1], Atom("person", p.id, priority=2), ru=True)

    # --- one file ------------------------------------------------------------
    def load(self, path: str, doc: Any) -> None:
        if doc is None:
            return
        if isinstance(doc, list):
            self.people(path, doc)
            return
        if not isinstance(doc, dict):
            raise DataError(f"{path}: top level must be a mapping (or a list of people)")
        known = {
            "countries",
            "alignment",
            "collectives",
            "igos",
            "orgs",
            "sectors",
            "titles",
            "former",
            "people",
            "ru_sectors",
            "ru_titles",
            "ru_cities",
        }
        unknown = set(doc) - known
        if unknown:
            raise DataError(
                f"{path}: unknown top-level key(s) {sorted(unknown)}; expected some of {sorted(known)}"
            )
        if "alignment" in doc:
            self.alignments(path, doc["alignment"])
        if "countries" in doc:
            self.countries(path, doc["countries"])
        if "alignment" in doc:
            self.alignments(path, doc["alignment"])
        for key, kind in (("collectives", "collective"), ("igos", "igo"), ("orgs", "org")):
            if key in doc:
                self.bodies(path, doc[key], kind)
        if "sectors" in doc:
            self.sectors(path, doc["sectors"])
        if "titles" in doc:
            self.titles(path, doc["titles"])
        if "ru_cities" in doc:
            self.ru_cities(path, doc["ru_cities"])
        if "ru_sectors" in doc:
            self.sectors(path, doc["ru_sectors"], ru=True)
        if "ru_titles" in doc:
            self.titles(path, doc["ru_titles"], ru=True)
        if "former" in doc:
            self.former(path, doc["former"])
        if "people" in doc:
            self.people(path, doc["people"])
        self.data.sources.append(path)


# uninhabited ISO 3166 entries: a mention of Antarctica is a place, never an actor
NOT_ACTORS = {"ATA", "BVT", "HMD", "ATF", "SGS", "UMI", "IOT"}
PACKAGED = ("countries.yaml", "igos.yaml", "sectors.yaml", "groups.yaml")
#: the office holders: post-Soviet and European politics, then the rest of the world; one person, one entry
PEOPLE_FILES = ("people.yaml", "people_world.yaml")


def _spans(p: Person) -> list[tuple[dt.date, dt.date]]:
    return [(r.start or dt.date.min, r.end or dt.date.max) for r in p.roles] or [(dt.date.min, dt.date.max)]


def check_people(people: dict[str, Person], where: dict[str, str]) -> None:
    """Two entries must not share a full name while their offices overlap in time: the resolver could
    not tell them apart, and a second entry for one person splits that person's events."""
    by_name: dict[str, list[Person]] = {}
    for p in people.values():
        for n in {p.name.lower(), *(a.lower() for a in p.aliases)}:
            if " " in n:
                by_name.setdefault(n, []).append(p)
    for name, same in by_name.items():
        for i, a in enumerate(same):
            for b in same[i + 1 :]:
                if any(s1 <= e2 and s2 <= e1 for s1, e1 in _spans(a) for s2, e2 in _spans(b)):
                    raise DataError(
                        f"{where[a.id]} / {where[b.id]}: {a.id!r} and {b.id!r} are both called {name!r} "
                        "in overlapping years; merge them or tell them apart"
                    )


def load_actor_data(extra_files: Iterable[str | Path] = ()) -> ActorData:
    """Packaged dictionaries, then the people files, then user files; all validated strictly.

    A person id may appear once in the packaged files (a second entry is a load error, as is a shared
    name with overlapping offices); user files may add or override any entry: later files win, entry
    by entry.
    """
    b = _Builder()
    for name in PACKAGED:
        found = _packaged_doc(name)
        if found is None:
            raise DataError(f"actors/data/{name}: packaged data file is missing")
        b.load(*found)
    b.iso_defaults()
    where: dict[str, str] = {}
    for name in PEOPLE_FILES:
        found = _packaged_doc(name)
        if found is None:
            raise DataError(f"actors/data/{name}: packaged data file is missing")
        before = dict(b.data.people)
        b.load(*found)
        for pid, person in b.data.people.items():
            if before.get(pid) is person:
                continue
            if pid in where or pid in before:
                raise DataError(f"actors/data/{name}: person id {pid!r} is defined twice")
            where[pid] = f"actors/data/{name}"
    check_people(b.data.people, where)
    for extra in extra_files:
        path = Path(extra)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise DataError(f"{path}: cannot read actor file: {exc.strerror or exc}") from None
        b.load(str(path), _read_yaml(str(path), text))
    b.index_people()
    return b.data
