"""Convert PETRARCH/TABARI actor dictionaries into registry entries (the ``seeds/actors.yaml`` format).

A TABARI ``.actors`` file lists actors as phrases in capitals with words joined by ``_``::

    ALYAKSANDR_LUKASHENKA_  # CountryInfo.txt
    +LUKASHENKO_                          <- a synonym
        [BLRELI 720101-000101]            <- CAMEO code for a date range (YYMMDD or YYYYMMDD)
        [BLRGOV >940720]                  <- from that day on ("<D": until that day)
        [BLRELI]                          <- no dates: the code otherwise

A CAMEO code is a country (``BLR``, ISO 3166-1 alpha-3) or an organisation prefix (``IGO`` ...)
followed by role codes (``GOV``, ``ELI``, ``MIL``, ``GOVMIL`` ...). The conversion:

- an entry with a bare country code (``[BLR]``) is a **state**: named as the registry names that
  code (``Belarus``), its synonyms become aliases;
- an entry marked ``# CountryInfo.txt`` or with dated role codes is a **person**: ``country`` is the
  state of the latest code, and each dated code becomes a role ``{title, of, start, end}``. The title
  is ``CAMEO <role code>`` (``CAMEO GOV``): CAMEO says "in government", not which office. Where the
  agents dictionary (``Phoenix.agents.txt``) says which office: the person's synonyms name exactly
  one registry title among the agent nouns of that role code (``PRESIDENT_X`` with ``PRESIDENT
  [~GOV]``) and the person has one dated span of that code, the span gets that canonical title;
- anything else is an **organization** with the code's country.

Names are title-cased (``Alyaksandr Lukashenka``). Given a registry, an imported actor that the
registry already knows by name or alias takes the registry's canonical name, so loading both merges
them. The output keeps the source codes under ``cameo`` for provenance; the registry ignores it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from polgraph.exceptions import InputError
from polgraph.graph.model import slugify
from polgraph.loaders.registry import Registry, RoleTitles, norm

__all__ = [
    "CodeSpan",
    "ImportResult",
    "TabariEntry",
    "convert",
    "dump_entries",
    "import_files",
    "parse_actors",
    "parse_agents",
    "phrase_text",
    "title_case",
]

_CODE = re.compile(r"\[([^\]]*)\]")
_PARTICLES = {"al", "el", "ad", "ar", "as", "ash", "at", "az", "bin", "ibn", "bint", "de", "da", "di", "do",
              "dos", "du", "del", "della", "der", "den", "van", "von", "la", "le", "of", "the", "and", "y", "ul"}
# CAMEO prefixes that are not countries: the next three letters name the organisation.
_ORG_PREFIXES = {"IGO", "NGO", "NGM", "MNC", "IMG", "UIS"}
# Three-letter CAMEO codes that are not countries (the CAMEO manual): roles and types ("[ELI]"),
# religions ("[BAH]") and regions ("[WEU]"). Where one is also an ISO code (MUS: Muslim and
# Mauritius, NAM: North America and Namibia), a code the registry knows as a state wins.
_ROLE_CODES = {
    "COP", "GOV", "INS", "JUD", "MIL", "OPP", "PTY", "REB", "SEP", "SPY", "UAF", "AGR", "BUS", "CRM",
    "CVL", "DEV", "EDU", "ELI", "ENV", "HLH", "HRI", "LAB", "LEG", "MED", "REF", "MOD", "RAD", "AMN",
    "IRC", "GRP", "UNO", "PKO", "INT", "SET", "UNR", "OCC", "AUT", *_ORG_PREFIXES,
    "ADR", "ALE", "ATH", "BAH", "BUD", "CHR", "CON", "CPT", "CTH", "DOX", "ENG", "EVA", "HIN", "HSD",
    "ITH", "JAN", "JEW", "JHW", "LDS", "MOS", "MRN", "MUS", "OTH", "PAG", "PRO", "QFR", "SFI", "SHI",
    "SHN", "SIK", "SUN", "TAO", "UDS", "ZRO",
    "AFR", "ASA", "BLK", "CAS", "CAU", "CFR", "CRB", "EAF", "EAS", "EEU", "EUR", "LAM", "MDT", "MEA",
    "NAF", "NAM", "NMR", "PGS", "SAF", "SAM", "SAS", "SCN", "SEA", "WAF", "WEU", "WST",
}


@dataclass(frozen=True)
class CodeSpan:
    """One ``[CODE dates]`` of an entry: ``BLRGOV`` from 1994-07-20, open-ended."""

    code: str
    start: date | None = None
    end: date | None = None
    dated: bool = False

    def __str__(self) -> str:
        if not self.dated:
            return self.code
        return f"{self.code} {self.start or ''}..{self.end or ''}"


@dataclass
class TabariEntry:
    """An actor of a TABARI file: its phrase, synonyms and codes, and where it is."""

    phrase: str
    line: int
    source: str = ""
    synonyms: list[str] = field(default_factory=list)
    codes: list[CodeSpan] = field(default_factory=list)
    person_marker: bool = False  # "# CountryInfo.txt": the dictionary's rulers and officials


@dataclass
class ImportResult:
    entries: list[dict[str, Any]]
    warnings: list[str]

    def counts(self) -> dict[str, int]:
        counts: dict[str, int] = defaultdict(int)
        for entry in self.entries:
            counts[entry["kind"]] += 1
        counts["roles"] = sum(len(e.get("roles") or ()) for e in self.entries)
        return dict(counts)


# -- parsing ---------------------------------------------------------------------------------
def parse_actors(path: Path) -> tuple[list[TabariEntry], list[str]]:
    """The entries of a TABARI actor file, and a warning for each code that could not be read."""
    try:
        lines = Path(path).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        raise InputError(str(path), f"cannot read ({exc.strerror or exc})") from exc
    entries: list[TabariEntry] = []
    warnings: list[str] = []
    current: TabariEntry | None = None
    for number, raw in enumerate(lines, 1):
        text, _, comment = raw.partition("#")
        stripped = text.strip()
        if not stripped:
            continue
        if stripped.startswith("+"):
            if current is not None:
                current.synonyms.append(phrase_text(stripped[1:]))
            continue
        if raw[0].isspace() or stripped.startswith("["):
            if current is not None:
                _add_codes(current, stripped, f"{path}:{number}", warnings)
            continue
        name = stripped.split("[", 1)[0].strip()
        current = TabariEntry(phrase_text(name), number, str(path), person_marker="countryinfo" in comment.lower())
        entries.append(current)
        _add_codes(current, stripped[len(name):], f"{path}:{number}", warnings)
    return [e for e in entries if e.phrase], warnings


def _add_codes(entry: TabariEntry, text: str, where: str, warnings: list[str]) -> None:
    for inside in _CODE.findall(text):
        parts = inside.split()
        if not parts or set(parts[0]) <= {"-"}:
            continue
        code = parts[0].upper()
        spec = "".join(parts[1:])
        try:
            entry.codes.append(_span(code, spec))
        except ValueError as exc:
            warnings.append(f"{where}: {entry.phrase}: [{inside}] skipped ({exc})")


def _span(code: str, spec: str) -> CodeSpan:
    if not spec:
        return CodeSpan(code)
    if spec.startswith(">"):
        return CodeSpan(code, start=_tabari_date(spec[1:]), dated=True)
    if spec.startswith("<"):
        return CodeSpan(code, end=_tabari_date(spec[1:]), dated=True)
    start, dash, end = spec.partition("-")
    if not dash:
        raise ValueError(f"date range {spec!r} is not D-D, >D or <D")
    return CodeSpan(code, start=_tabari_date(start), end=_tabari_date(end), dated=True)


def _tabari_date(text: str) -> date:
    """``940720`` -> 1994-07-20 (two-digit years below 30 are 20xx), ``19210101`` -> 1921-01-01."""
    if not text.isdigit() or len(text) not in (6, 8):
        raise ValueError(f"date {text!r} is not YYMMDD or YYYYMMDD")
    if len(text) == 6:
        year = int(text[:2])
        text = f"{2000 + year if year < 30 else 1900 + year}{text[2:]}"
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError as exc:
        raise ValueError(f"date {text!r}: {exc}") from exc


def phrase_text(phrase: str) -> str:
    """``VLADIMIR_V._PUTIN_`` -> ``VLADIMIR V. PUTIN`` (TABARI joins words with ``_``)."""
    return re.sub(r"\s+", " ", phrase.replace("_", " ")).strip()


def parse_agents(path: Path) -> dict[str, set[str]]:
    """Agent nouns of a TABARI agents file and the role codes they add: ``prime minister`` -> ``{GOV}``."""
    try:
        lines = Path(path).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        raise InputError(str(path), f"cannot read ({exc.strerror or exc})") from exc
    sets: dict[str, list[str]] = {}
    agents: dict[str, set[str]] = defaultdict(set)
    for raw in lines:
        text = raw.split("#", 1)[0].strip()
        found = re.fullmatch(r"(!\w+!)\s*=\s*(.+)", text)
        if found:
            sets[found.group(1)] = [w.strip() for w in found.group(2).split(",") if w.strip()]
            continue
        code = _CODE.search(text)
        if not code or "~" not in code.group(1):
            continue
        role = code.group(1).replace("~", "").strip()
        noun = re.sub(r"\{[^}]*\}", "", text[: code.start()]).strip()
        for variant in _expand(noun, sets):
            key = norm(phrase_text(variant))
            if key:
                agents[key].add(role)
    return dict(agents)


def _expand(noun: str, sets: dict[str, list[str]]) -> list[str]:
    match = re.search(r"!\w+!", noun)
    if not match or match.group(0) not in sets:
        return [noun]
    head, tail = noun[: match.start()], noun[match.end() :]
    # "!MINIST! FOR_DEFENCE": the space after a set joins words, like "_"
    return [v for word in sets[match.group(0)] for v in _expand(f"{head}{word}{'_' if tail.startswith(' ') else ''}{tail.lstrip()}", sets)]


# -- conversion ------------------------------------------------------------------------------
def title_case(phrase: str) -> str:
    """``BAN KI-MOON`` -> ``Ban Ki-Moon``; ``BASHAR AL-ASSAD`` -> ``Bashar al-Assad``; ``U.S.`` stays."""
    words = phrase.lower().split()
    out = []
    for i, word in enumerate(words):
        parts = re.split(r"([-'.])", word)
        cased = []
        for j, part in enumerate(parts):
            first = i == 0 and j == 0
            last = i == len(words) - 1 and j == len(parts) - 1
            if not part or part in ("-", "'", ".") or (part in _PARTICLES and not first and not last):
                cased.append(part)
            else:
                cased.append(part[0].upper() + part[1:])
        out.append("".join(cased))
    return " ".join(out)


class _Converter:
    def __init__(self, registry: Registry | None, agents: dict[str, set[str]] | None, titles: RoleTitles) -> None:
        self.registry = registry
        self.agents = agents or {}
        self.titles = titles
        self.warnings: list[str] = []
        self.states: dict[str, str] = {}  # country code -> state name
        self.orgs: dict[str, str] = {}  # full organisation code (IGOUNO) -> name

    def is_country(self, code: str) -> bool:
        if len(code) != 3:
            return False
        if self.registry is not None and self.registry.state_by_code(code) is not None:
            return True
        return code not in _ROLE_CODES

    def state_name(self, code: str) -> str | None:
        if self.registry is not None:
            known = self.registry.state_by_code(code)
            if known is not None:
                return known.name
        return self.states.get(code)

    def known_name(self, names: list[str], kind: str) -> str | None:
        """The registry's canonical name for the first of ``names`` it knows as an actor of ``kind``."""
        if self.registry is None:
            return None
        for text in names:
            words = norm(text).split()
            while len(words) > 1 and words[0] in self.titles.honorifics:  # "President Xi Jinping"
                words = words[1:]
            for candidate in dict.fromkeys([text, " ".join(words)]):
                actor = self.registry.by_name(candidate)
                if actor is not None and (actor.kind == kind or (kind != "person" and actor.kind != "person")):
                    return actor.name
        return None

    def run(self, entries: list[TabariEntry]) -> list[dict[str, Any]]:
        # pass 1: which codes are states and organisations in these files
        for entry in entries:
            for span in entry.codes:
                if self.is_country(span.code) and not entry.person_marker:
                    self.states.setdefault(span.code, title_case(entry.phrase))
                elif span.code[:3] in _ORG_PREFIXES and len(span.code) == 6 and not span.dated:
                    self.orgs.setdefault(span.code, title_case(entry.phrase))
        out: dict[str, dict[str, Any]] = {}
        for entry in entries:
            converted = self.entry(entry)
            if converted is None:
                continue
            key = slugify(converted["name"])
            if key in out:
                _merge(out[key], converted)
            else:
                out[key] = converted
        return list(out.values())

    def entry(self, entry: TabariEntry) -> dict[str, Any] | None:
        where = f"{entry.source}:{entry.line}: {entry.phrase}"
        if not entry.codes:
            self.warnings.append(f"{where}: no code, skipped")
            return None
        name = title_case(entry.phrase)
        aliases = [title_case(s) for s in entry.synonyms]
        cameo = [str(s) for s in entry.codes]
        state_codes = [s.code for s in entry.codes if self.is_country(s.code)]
        if state_codes and not entry.person_marker:
            code = state_codes[-1]
            canonical = self.state_name(code) or self.known_name([name], "state") or name
            result: dict[str, Any] = {"name": canonical, "kind": "state", "iso3": code}
            result["aliases"] = _unique([name, *aliases], canonical)
            result["cameo"] = cameo
            return _drop_empty(result)
        if entry.person_marker or any(s.dated and len(s.code) > 3 for s in entry.codes):
            return self.person(entry, name, aliases, cameo)
        code = entry.codes[-1].code
        canonical = self.known_name([name, *aliases], "organization") or name
        result = {"name": canonical, "kind": "organization", "aliases": _unique([name, *aliases], canonical)}
        country = self.state_name(code[:3])
        if country and country != canonical:
            result["country"] = country
        result["cameo"] = cameo
        return _drop_empty(result)

    def person(self, entry: TabariEntry, name: str, aliases: list[str], cameo: list[str]) -> dict[str, Any] | None:
        multiword = [a for a in [name, *aliases] if len(a.split()) > 1]
        canonical = self.known_name(multiword, "person") or name
        dated = [s for s in entry.codes if s.dated and len(s.code) > 3]
        counts: dict[str, int] = defaultdict(int)
        for span in dated:
            counts[self.holder_of(span.code)[1]] += 1
        roles = []
        for span in dated:
            of, role_code = self.holder_of(span.code)
            if of is None:
                self.warnings.append(f"{entry.source}:{entry.line}: {entry.phrase}: [{span.code}] names no known state or organisation")
                continue
            # one span of this code: the synonyms' office title cannot belong to another span
            title = self.refined_title(entry, role_code) if counts[role_code] == 1 else None
            if title and self.registry is not None and title in self.registry.office_titles(slugify(of)):
                # the registry's own holders of that office are curated; a 2014 dictionary's
                # open-ended span would make them ambiguous, so it stays a CAMEO role
                title = None
            role: dict[str, Any] = {"title": title or f"CAMEO {role_code}", "of": of}
            if span.start:
                role["start"] = span.start
            if span.end:
                role["end"] = span.end
            roles.append(role)
        latest = max(entry.codes, key=lambda s: (s.dated, s.start or date.min))
        country = self.state_name(latest.code[:3]) or next(
            (self.state_name(s.code[:3]) for s in entry.codes if self.state_name(s.code[:3])), None
        )
        if country is None and not roles:
            self.warnings.append(f"{entry.source}:{entry.line}: {entry.phrase}: no known state or organisation, skipped")
            return None
        result: dict[str, Any] = {"name": canonical, "kind": "person", "aliases": _unique([name, *aliases], canonical)}
        if country:
            result["country"] = country
        result["roles"] = roles
        result["cameo"] = cameo
        return _drop_empty(result)

    def holder_of(self, code: str) -> tuple[str | None, str]:
        """``BLRGOV`` -> (``Belarus``, ``GOV``); ``IGOUNOREF`` -> (``United Nations``, ``IGOUNOREF``)."""
        if code[:3] in _ORG_PREFIXES:
            org = self.orgs.get(code[:6])
            if org is not None and self.registry is not None:
                known = self.registry.by_name(org)
                org = known.name if known else org
            return org, code
        return self.state_name(code[:3]), code[3:]

    def refined_title(self, entry: TabariEntry, role_code: str) -> str | None:
        found = set()
        for synonym in entry.synonyms:
            words = norm(synonym).split()
            for size in range(1, 5):
                for i in range(len(words) - size + 1):
                    phrase = " ".join(words[i : i + size])
                    if role_code in self.agents.get(phrase, ()):
                        title = self.titles.title_of(phrase)
                        if title:
                            found.add(title)
        return found.pop() if len(found) == 1 else None


def _unique(names: list[str], canonical: str) -> list[str]:
    seen = {norm(canonical)}
    out = []
    for text in names:
        key = norm(text)
        if key and key not in seen:
            seen.add(key)
            out.append(text)
    return out


def _drop_empty(entry: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in entry.items() if v not in (None, [], "")}


def _merge(into: dict[str, Any], other: dict[str, Any]) -> None:
    for key in ("aliases", "roles", "cameo"):
        values = list(into.get(key) or [])
        for value in other.get(key) or []:
            if value not in values:
                values.append(value)
        if values:
            into[key] = values
    into.setdefault("country", other.get("country"))
    if into.get("country") is None:
        into.pop("country", None)


def convert(
    entries: list[TabariEntry],
    registry: Registry | None = None,
    agents: dict[str, set[str]] | None = None,
) -> ImportResult:
    """Registry entries for parsed TABARI entries (see the module docstring)."""
    converter = _Converter(registry, agents, registry.titles if registry is not None else RoleTitles.load())
    converted = converter.run(entries)
    return ImportResult(converted, converter.warnings)


def import_files(
    paths: list[Path],
    agents_path: Path | None = None,
    registry: Registry | None = None,
) -> ImportResult:
    """Parse and convert TABARI actor files (with an optional agents file) into registry entries."""
    entries: list[TabariEntry] = []
    warnings: list[str] = []
    for path in paths:
        parsed, problems = parse_actors(Path(path))
        entries.extend(parsed)
        warnings.extend(problems)
    agents = parse_agents(agents_path) if agents_path else None
    result = convert(entries, registry, agents)
    return ImportResult(result.entries, warnings + result.warnings)


def dump_entries(entries: list[dict[str, Any]], sources: list[str]) -> str:
    """The registry YAML for ``entries``, with a header naming where they came from."""
    header = (
        "# Actor registry imported from PETRARCH/TABARI dictionaries by `polgraph registry import`:\n"
        + "".join(f"#   {s}\n" for s in sources)
        + "# Format: see seeds/actors.yaml. Role titles 'CAMEO <code>' are CAMEO role codes (GOV: in\n"
        "# government, ELI: elite, ...), not offices; `cameo` keeps the source codes (the registry ignores it).\n"
    )
    body = yaml.safe_dump({"actors": entries}, sort_keys=False, allow_unicode=True, width=100)
    return header + body
