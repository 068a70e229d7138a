"""Synthetic GDELT 2.0 event exports of any size, for the scale benchmarks (issue 13).

    .venv/bin/python benchmarks/gdelt_gen.py --rows 1000000 -o /tmp/gdelt/20200101000000.export.CSV [--zip] [--seed 0]

The layout is GDELT 2.0's (61 tab-separated columns, no header; polgraph's
``loaders/gdelt/data/layouts/gdelt-2.0.txt``). Same seed, same bytes.

- Actors are drawn Zipf-popular (exponent ``ZIPF_S``) from a pool built from the CAMEO tables and
  the actor registry polgraph ships: every registry state by its CAMEO code, plain and with the
  common type codes (``BLR``, ``BLRGOV``, ``BLRMIL``, ...), named as GDELT names them (the country
  in capitals, its demonym or its capital); registry people as ``<CODE>GOV`` with their names;
  known groups (``IGOWSTNAT``, NATO); world regions (``EUR``); type-only actors (``COP``, POLICE);
  ethnic groups. A third of the rows name one actor only, as in GDELT.
- Event codes follow the root-code mix of a real 15-minute export (``ROOT_SHARES``); QuadClass and
  GoldsteinScale come from polgraph's ontology for the code, so they agree as GDELT's do.
- SQLDATE spans five years (2015-2019); DATEADDED is a few hours to a day later.
"""

from __future__ import annotations

import argparse
import bisect
import io
import itertools
import random
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TextIO

from polgraph.graph.ontology import goldstein, quad_class
from polgraph.loaders.gdelt.cameo import cameo_tables
from polgraph.loaders.gdelt.layout import layouts
from polgraph.loaders.registry import default_registry

ZIPF_S = 1.07
ONE_ACTOR_SHARE = 705 / 2111  # rows of the 2019-10-24 14:30 export naming one actor
# Rows per CAMEO root code in the export of 2019-10-24 14:30 (2,111 rows); 20 is rare, not absent.
ROOT_SHARES = {
    "01": 297, "02": 131, "03": 169, "04": 460, "05": 165, "06": 47, "07": 73, "08": 116, "09": 45, "10": 21,
    "11": 149, "12": 46, "13": 24, "14": 31, "15": 2, "16": 23, "17": 93, "18": 43, "19": 176, "20": 2,
}
STATE_TYPES = ("GOV", "MIL", "COP", "OPP", "CVL", "BUS", "MED", "JUD", "LEG", "REB", "SPY", "EDU", "HLH", "LAB", "ELI",
               "REF")
FIRST_DAY = date(2015, 1, 1)
DAYS = (date(2019, 12, 31) - FIRST_DAY).days + 1
FIRST_EVENT_ID = 1_000_000_000
COLUMNS = 61


@dataclass(frozen=True)
class ActorColumns:
    """The ten actor columns of a row: Code, Name, CountryCode, KnownGroupCode, EthnicCode,
    Religion1Code, Religion2Code, Type1Code, Type2Code, Type3Code."""

    code: str
    name: str
    country: str = ""
    group: str = ""
    ethnic: str = ""
    type1: str = ""

    def cells(self) -> list[str]:
        return [self.code, self.name, self.country, self.group, self.ethnic, "", "", self.type1, "", ""]


def actor_pool() -> list[ActorColumns]:
    """Every actor the generator draws from, in a fixed order (the seed shuffles popularity)."""
    registry, tables = default_registry(), cameo_tables()
    pool: list[ActorColumns] = []
    states = sorted((code, registry.state_by_code(code)) for code in tables.countries if registry.state_by_code(code))
    for code, state in states:
        entry_names = [tables.countries[code].upper(), state.name.upper()]
        pool += [ActorColumns(code, n, code) for n in dict.fromkeys(entry_names)]
        pool += [ActorColumns(code + t, entry_names[0], code, type1=t) for t in STATE_TYPES]
    for person in sorted(registry.actors.values(), key=lambda a: a.id):
        if person.kind != "person" or person.country is None:
            continue
        code = next((c for c, s in states if s.id == person.country), None)
        if code:
            pool.append(ActorColumns(code + "GOV", person.name.upper(), code, type1="GOV"))
    for code, place in sorted(tables.places.items()):
        if place.kind == "bloc":
            pool.append(ActorColumns(code, place.name.upper(), code))
    for code, group in sorted(tables.groups.items()):
        prefix = "IGO" if group.kind in ("organization", "bloc") else "INS"
        name = tables.group_labels.get(code, group.name).upper()
        pool.append(ActorColumns(prefix + code, name, group=code, type1=prefix))
    for code, sector in sorted(tables.sectors.items()):
        if not sector.group:
            pool.append(ActorColumns(code, sector.noun.upper(), type1=code))
    for code, label in itertools.islice(sorted(tables.ethnic.items()), 0, None, 10):
        pool.append(ActorColumns(code, label.upper(), ethnic=code))
    return pool


def _event_codes() -> tuple[list[str], list[float]]:
    """Event codes and cumulative weights: each root's share spread evenly over its codes."""
    by_root: dict[str, list[str]] = {}
    for code in cameo_tables().events:
        if len(code) >= 3 and code.isdigit():
            by_root.setdefault(code[:2], []).append(code)
    codes, weights = [], []
    for root, share in ROOT_SHARES.items():
        for code in by_root[root]:
            codes.append(code)
            weights.append(share / len(by_root[root]))
    return codes, list(itertools.accumulate(weights))


def rows(count: int, seed: int = 0) -> Iterator[str]:
    """``count`` export lines (with their newline), deterministic in ``seed``."""
    rng = random.Random(seed)
    pool = actor_pool()
    rng.shuffle(pool)
    actor_weights = list(itertools.accumulate(1.0 / (rank + 1) ** ZIPF_S for rank in range(len(pool))))
    codes, code_weights = _event_codes()
    blank_actor = [""] * 10
    blank_geo = ["0", "", "", "", "", "", "", ""]
    for i in range(count):
        actor1 = pool[bisect.bisect(actor_weights, rng.random() * actor_weights[-1])]
        actor2 = pool[bisect.bisect(actor_weights, rng.random() * actor_weights[-1])]
        if rng.random() < ONE_ACTOR_SHARE:
            if rng.random() < 0.75:  # GDELT more often lacks Actor2
                actor2 = None
            else:
                actor1 = None
        code = codes[bisect.bisect(code_weights, rng.random() * code_weights[-1])]
        day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
        added = day + timedelta(hours=rng.randrange(1, 30))
        mentions = 1 + int(rng.expovariate(0.25))
        articles = max(1, mentions - rng.randrange(0, 2))
        sources = 1 if rng.random() < 0.95 else rng.randint(1, articles)
        tone = max(-20.0, min(20.0, rng.gauss(-2.3, 3.6)))
        sqldate = day.strftime("%Y%m%d")
        cells = [
            str(FIRST_EVENT_ID + i), sqldate, sqldate[:6], sqldate[:4],
            f"{day.year + (day.month * 30 + day.day) / 365:.4f}",
            *(actor1.cells() if actor1 else blank_actor),
            *(actor2.cells() if actor2 else blank_actor),
            "1" if rng.random() < 0.6 else "0", code, code[:3], code[:2],
            str(int(quad_class(code))), f"{goldstein(code):.1f}",
            str(mentions), str(sources), str(articles), f"{tone:.14g}",
            *blank_geo, *blank_geo, *blank_geo,
            added.strftime("%Y%m%d") + f"{rng.randrange(24):02d}{rng.randrange(0, 60, 15):02d}00",
            f"https://news.example/{sqldate}/{FIRST_EVENT_ID + i}.html",
        ]
        yield "\t".join(cells) + "\n"


def write(path: Path, count: int, seed: int = 0, zipped: bool = False) -> Path:
    """Write an export of ``count`` rows to ``path`` (``path`` + ``.zip``, one member, if ``zipped``)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if not zipped:
        with path.open("w", encoding="utf-8", newline="") as out:
            _write_rows(out, count, seed)
        return path
    archive = path.with_name(path.name + ".zip")
    member = zipfile.ZipInfo(path.name, date_time=(2020, 1, 1, 0, 0, 0))  # a fixed time: same bytes each run
    member.compress_type = zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(archive, "w") as zf:
        with zf.open(member, "w") as raw:
            with io.TextIOWrapper(raw, encoding="utf-8", newline="") as out:
                _write_rows(out, count, seed)
    return archive


def _write_rows(out: TextIO, count: int, seed: int) -> None:
    lines = rows(count, seed)
    while batch := list(itertools.islice(lines, 10_000)):
        out.write("".join(batch))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("-o", "--out", type=Path, default=Path("20200101000000.export.CSV"))
    parser.add_argument("--zip", action="store_true", help="write OUT.zip, GDELT's served form")
    args = parser.parse_args()
    assert len(layouts()[COLUMNS].columns) == COLUMNS
    written = write(args.out, args.rows, args.seed, args.zip)
    print(f"{written}: {args.rows:,} rows (seed {args.seed})")


if __name__ == "__main__":
    main()
