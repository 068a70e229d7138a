"""GDELT event files: the reader, actor resolution through the registry, the loader and the CLI,
on the real samples in ../shared/data/gdelt (issue 13, item 1)."""

from __future__ import annotations

import csv
import dataclasses
import json
import shutil
import sys
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from polgraph.cli.app import _register, cli
from polgraph.cli.load_gdelt import split_by_format
from polgraph.graph.ontology import quad_class
from polgraph.graph.store import Store
from polgraph.graph.stores.networkx_store import NetworkXStore
from polgraph.graph.stores.sqlite_store import SQLiteStore
from polgraph.loaders.gdelt import ActorCodes, ActorResolver, GdeltLoader, read_events
from polgraph.loaders.gdelt.cameo import cameo_tables
from polgraph.loaders.gdelt.layout import layouts
from polgraph.loaders.registry import default_registry
from tests.conftest import ROOT, SEED, SHARED

_register()

GDELT = SHARED / "data" / "gdelt"
FULL = GDELT / "v2" / "20191024143000.export.CSV"  # one complete 15-minute export, 2,111 rows
V1_SAMPLES = sorted((GDELT / "v1").glob("*.CSV"))
V2_SAMPLES = sorted((GDELT / "v2").glob("sample-*.CSV"))


def plain_rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def column(row: list[str], name: str) -> str:
    return row[layouts()[len(row)].index(name)]


def both_actors(rows: list[list[str]]) -> list[list[str]]:
    return [r for r in rows if column(r, "Actor1Code").strip() and column(r, "Actor2Code").strip()]


def load(*paths: Path, store: Store | None = None, batch_size: int = 500):
    store = store if store is not None else NetworkXStore(None)
    report = GdeltLoader(batch_size=batch_size).load(store, list(paths))
    return store, report


@pytest.fixture
def run(tmp_path):
    store = str(tmp_path / "graph.db")

    def invoke(*args: str, input: bytes | None = None):
        return CliRunner().invoke(cli, [args[0], "--store", store, *args[1:]], input=input, catch_exceptions=False)

    return invoke


# -- the complete 15-minute file against a plain csv count --------------------------------------
def test_full_export_matches_a_plain_csv_count():
    rows = plain_rows(FULL)
    assert len(rows) == 2111
    expected = both_actors(rows)
    store, report = load(FULL)
    assert (report.rows, report.bad_rows, report.events) == (2111, 0, len(expected)) == (2111, 0, 1406)
    assert report.one_actor + report.no_actor == 2111 - 1406
    assert report.written.relations == 1406
    rels = store.relations()
    assert len(rels) == 1406 and {r.article for r in rels} == {f"gdelt:{column(r, 'GLOBALEVENTID')}" for r in expected}

    assert Counter(r.cameo[:2] for r in rels) == Counter(column(r, "EventRootCode") for r in expected)
    assert Counter(r.cameo for r in rels) == Counter(column(r, "EventCode") for r in expected)
    assert Counter(r.quad_class for r in rels) == Counter(int(column(r, "QuadClass")) for r in expected)
    assert Counter(r.quad_class for r in rels) == Counter(int(quad_class(r.cameo)) for r in rels)

    # Country pairs: an actor with a country code the registry knows as a state, and no known
    # group, lands on that state, a person of it or one of its institutions (country = the state).
    registry = default_registry()

    def csv_country(row: list[str], n: int) -> str | None:
        state = registry.state_by_code(column(row, f"Actor{n}CountryCode"))
        return state.id if state is not None and not column(row, f"Actor{n}KnownGroupCode") else None

    actors = {a.id: a for a in store.actors()}

    def node_country(actor_id: str) -> str | None:
        actor = actors[actor_id]
        return actor.id if actor.kind == "state" else actor.country if actor.sector or actor.kind == "person" else None

    from_csv = Counter((csv_country(r, 1), csv_country(r, 2)) for r in expected)
    from_store = Counter((node_country(r.source), node_country(r.target)) for r in rels)
    assert from_store == from_csv
    assert from_csv[("united-states", "united-states")] > 0 and len(from_csv) > 100

    by_id = {r.article: r for r in rels}
    first = next(r for r in expected if column(r, "GLOBALEVENTID") == "881990835")  # BUS TOURISM INDUSTRY -> MYS
    rel = by_id["gdelt:881990835"]
    assert (rel.source, rel.target, rel.type, rel.cameo, rel.sentence) == (
        "business-country-unknown", "malaysia", "CONSULTS", "043", 0)
    assert (rel.goldstein, rel.quad_class, rel.num_mentions, rel.num_sources, rel.num_articles) == (2.8, 1, 8, 1, 8)
    assert rel.avg_tone == pytest.approx(4.16666666666666)
    assert rel.date.isoformat() == "2018-10-24" and rel.url == column(first, "SOURCEURL")
    assert rel.plover == "CONSULT"


@pytest.mark.parametrize("path", V1_SAMPLES + V2_SAMPLES, ids=lambda p: p.name)
def test_samples_load(path):
    rows = plain_rows(path)
    store, report = load(path)
    assert report.bad_rows == 0 and report.rows == len(rows)
    assert report.written.relations == len({column(r, "GLOBALEVENTID") for r in both_actors(rows)})
    assert Counter(r.quad_class for r in store.relations()) == Counter(int(column(r, "QuadClass")) for r in both_actors(rows))


def test_v1_files_mix_57_and_58_columns_and_the_backfile_has_no_url():
    for path in V1_SAMPLES:
        assert {len(r) for r in plain_rows(path)} == {57, 58}
    store, _ = load(*V1_SAMPLES)
    urls = {r.article: r.url for r in store.relations()}
    backfile = [r for p in V1_SAMPLES for r in both_actors(plain_rows(p)) if len(r) == 57]
    daily = [r for p in V1_SAMPLES for r in both_actors(plain_rows(p)) if len(r) == 58]
    assert backfile and daily
    assert all(urls[f"gdelt:{r[0]}"] == "" for r in backfile)
    assert all(urls[f"gdelt:{r[0]}"] == r[57] != "" for r in daily)  # a URL, or a citation ("BBC Monitoring")


def test_layouts_are_the_documented_columns():
    header = (GDELT / "docs" / "GDELT-Event-1_CSV.header.dailyupdates.txt").read_text().strip().split("\t")
    assert list(layouts()[58].columns) == header
    assert list(layouts()[57].columns) == header[:-1]
    v2 = layouts()[61]
    row = plain_rows(FULL)[0]
    assert column(row, "DATEADDED") == "20191024143000" and column(row, "SOURCEURL").startswith("https://")
    assert v2.index("Actor1Geo_ADM2Code") == v2.index("Actor1Geo_ADM1Code") + 1


def test_a_zipped_copy_loads_the_same(tmp_path):
    archive = tmp_path / "20191024143000.export.CSV.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.write(FULL, FULL.name)
    plain, _ = load(FULL)
    zipped, report = load(archive)
    assert report.bad_rows == 0 and report.files == 1
    assert plain.relations() == zipped.relations() and plain.actors() == zipped.actors()


def test_reloading_a_file_changes_nothing(tmp_path):
    path = tmp_path / "graph.db"
    with SQLiteStore(path, create=True) as store:
        load(FULL, store=store)
    before = path.read_bytes()
    with SQLiteStore(path) as store:
        _, report = load(FULL, store=store)
    assert report.written.relations == 0 and report.written.actors == 0
    assert path.read_bytes() == before


@pytest.mark.bolt
def test_the_bolt_store_takes_the_same_batches(bolt_store):
    """The Neo4j store (over Bolt, on FalkorDB) stores GDELT batches as the embedded store does."""
    path = GDELT / "v2" / "sample-2015-2020.export.CSV"
    embedded, _ = load(path, batch_size=40)
    _, report = load(path, store=bolt_store, batch_size=40)
    assert report.written.relations == len(embedded.relations()) > 0
    # FalkorDB hands doubles back with six decimals (AvgTone -1.26382306477093 comes back as
    # -1.263823); Neo4j keeps all of them.
    over_bolt, reference = bolt_store.relations(), embedded.relations()
    assert [r.avg_tone for r in over_bolt] == pytest.approx([r.avg_tone for r in reference], abs=1e-6)
    assert [dataclasses.replace(r, avg_tone=None) for r in over_bolt] == [
        dataclasses.replace(r, avg_tone=None) for r in reference]
    assert bolt_store.actors() == embedded.actors()
    _, again = load(path, store=bolt_store, batch_size=40)
    assert again.written.relations == 0


# -- a corrupted file: reported by line, the rest loads -----------------------------------------
def test_bad_rows_are_reported_by_line_and_the_rest_load(run, tmp_path):
    lines = FULL.read_text(encoding="utf-8").splitlines(keepends=True)
    broken = {3: ("SQLDATE", "2018x024"), 4: ("EventCode", "9x9"), 5: ("QuadClass", "4")}
    for number, (name, value) in broken.items():
        cells = lines[number - 1].split("\t")
        cells[layouts()[61].index(name)] = value
        lines[number - 1] = "\t".join(cells)
    lines[6] = "\t".join(lines[6].split("\t")[:40]) + "\n"  # line 7: cut short
    bad = tmp_path / "20191024143000.export.CSV"
    bad.write_text("".join(lines), encoding="utf-8")

    result = run("load", str(bad))
    assert result.exit_code == 1
    code5 = column(plain_rows(FULL)[4], "EventCode")
    assert column(plain_rows(FULL)[4], "QuadClass") != "4"
    assert result.output.splitlines()[:4] == [
        f"Error: {bad}:3: SQLDATE '2018x024' is not a date (YYYYMMDD)",
        f"Error: {bad}:4: EventCode '9x9' is not a CAMEO event code",
        f"Error: {bad}:5: QuadClass '4' does not match EventCode '{code5}' (QuadClass {quad_class(code5)})",
        f"Error: {bad}:7: 40 column(s); GDELT event rows have 57 (gdelt-1.0-historical) or 58 "
        "(gdelt-1.0-daily) or 61 (gdelt-2.0)",
    ]
    lost = sum(1 for r in both_actors(plain_rows(FULL))[:10] if int(column(r, "GLOBALEVENTID")) - 881990832 + 1 in (3, 4, 5, 7))
    assert result.output.splitlines()[-1] == (
        f"Loaded 2,111 GDELT row(s) from 1 file(s) into {tmp_path / 'graph.db'}: {1406 - lost:,} new relation(s), "
        f"189 new actor(s); {705 - (4 - lost)} skipped (one actor or none); 4 bad row(s)."
    )


def test_unreadable_inputs_are_named(tmp_path):
    not_zip = tmp_path / "broken.export.CSV.zip"
    not_zip.write_bytes(b"PK\x03\x04 not really a zip")
    store, report = load(tmp_path / "missing.export.CSV", not_zip)
    assert report.rows == 0
    assert str(report.errors[0]) == f"{tmp_path / 'missing.export.CSV'}: no such file or folder"
    assert str(report.errors[1]) == f"{not_zip}: not a zip archive (File is not a zip file)"


def test_a_damaged_archive_is_named_and_what_was_read_stays(tmp_path):
    archive = tmp_path / "20191024143000.export.CSV.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.write(FULL, FULL.name)
    data = bytearray(archive.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 64] = bytes(64)  # zeros in the middle of the compressed member
    archive.write_bytes(bytes(data))
    store, report = load(archive)
    assert report.errors[-1].path == str(archive)  # after the garbled rows, each reported by line
    assert str(report.errors[-1]).startswith(f"{archive}: cannot read on (")
    assert 0 < report.rows < 2111 and len(store.relations()) == report.written.relations > 0


# -- the command line ----------------------------------------------------------------------------
def test_cli_loads_by_name_from_files_and_folders(run, tmp_path):
    folder = tmp_path / "feed"
    folder.mkdir()
    shutil.copy(FULL, folder)
    result = run("load", str(folder), "--json")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)["gdelt"]
    assert (summary["files"], summary["rows"], summary["events"], summary["new_relations"]) == (1, 2111, 1406, 1406)
    assert "new_articles" not in json.loads(result.output)  # no spaCy pass when there are no articles


def test_cli_stdin_plain_and_zipped(run, tmp_path):
    result = run("load", "--format", "gdelt", "-", input=FULL.read_bytes())
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Loaded 2,111 GDELT row(s) from 1 file(s)")
    assert "1,406 new relation(s)" in result.output
    archive = tmp_path / "x.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.write(GDELT / "v2" / "sample-2015-2020.export.CSV", "sample.CSV")
    result = run("load", "--format", "gdelt", "-", "--json", input=archive.read_bytes())
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["gdelt"]["rows"] == 100


def test_format_is_told_by_the_name(tmp_path):
    export = tmp_path / "20200101000000.export.CSV"
    zipped = tmp_path / "20200101000000.export.CSV.zip"
    other = tmp_path / "notes.csv"
    in_gdelt = tmp_path / "gdelt" / "events.CSV"
    in_gdelt.parent.mkdir()
    for p in (export, zipped, other, in_gdelt):
        p.write_text("x")
    (tmp_path / "gdelt" / "columns.txt").write_text("not an article")
    articles, events = split_by_format([str(export), str(zipped), str(other), str(in_gdelt), "-"])
    assert articles == [str(other), "-"] and events == [str(export), str(zipped), str(in_gdelt)]
    assert split_by_format([str(tmp_path / "gdelt")]) == ([], [str(in_gdelt)])


# -- actors land on the article loader's nodes --------------------------------------------------
def _row(template: list[str], event_id: str, actor1: tuple[str, ...], actor2: tuple[str, ...]) -> str:
    cells = list(template)
    layout = layouts()[len(cells)]
    cells[0] = event_id
    for n, values in ((1, actor1), (2, actor2)):
        start = layout.index(f"Actor{n}Code")
        cells[start : start + 10] = [*values, *[""] * (10 - len(values))]
    return "\t".join(cells) + "\n"


def test_gdelt_and_the_seed_article_share_belarus_and_lukashenko(tmp_path):
    from polgraph.loaders.pipeline import Loader

    store = SQLiteStore(tmp_path / "graph.db", create=True)
    Loader().load(store, [SEED])
    from_article = {a.id: a for a in store.actors()}
    assert {"belarus", "alexander-lukashenko", "russia"} <= set(from_article)

    template = plain_rows(FULL)[333]  # line 334: BLR BELARUS -> RUS RUSSIA, 030
    extra = tmp_path / "extra.export.CSV"
    extra.write_text(
        _row(template, "1", ("BLRGOV", "BELARUS", "BLR", "", "", "", "", "GOV"), ("RUS", "RUSSIA", "RUS"))
        + _row(template, "2", ("BLRGOV", "ALEXANDER LUKASHENKO", "BLR", "", "", "", "", "GOV"), ("UKR", "UKRAINE", "UKR"))
        + _row(template, "3", ("BLRMIL", "BELARUS", "BLR", "", "", "", "", "MIL"),
               ("IGOWSTNAT", "NATO", "WST", "NAT", "", "", "", "IGO")),
        encoding="utf-8",
    )
    _, report = load(FULL, extra, store=store)
    assert report.bad_rows == 0
    rels = {r.article: r for r in store.relations()}
    assert (rels["gdelt:881991165"].source, rels["gdelt:881991165"].target) == ("belarus", "russia")  # real row, line 334
    assert rels["gdelt:881991169"].source == "belarus"  # real row, line 338: BLRGOV BELARUSIAN
    assert (rels["gdelt:1"].source, rels["gdelt:1"].target) == ("belarus", "russia")
    assert (rels["gdelt:2"].source, rels["gdelt:2"].target) == ("alexander-lukashenko", "ukraine")
    assert (rels["gdelt:3"].source, rels["gdelt:3"].target) == ("belarus-military", "north-atlantic-treaty-organization")
    after = {a.id: a for a in store.actors()}
    for actor_id in ("belarus", "alexander-lukashenko", "russia", "ukraine"):
        assert after[actor_id] == from_article[actor_id]  # the article's node, not a second one
    named = [a.id for a in after.values() if a.name in ("Belarus", "Alexander Lukashenko")]
    assert named == ["alexander-lukashenko", "belarus"]
    military = after["belarus-military"]
    assert (military.name, military.kind, military.country, military.sector) == (
        "Belarus military", "organization", "belarus", "MIL")
    # The article's relations and GDELT's meet on one node.
    assert {r.article.startswith("gdelt:") for r in store.relations() if "belarus" in (r.source, r.target)} == {True, False}


@pytest.mark.parametrize(
    ("codes", "expected"),
    [
        (("BLRGOV", "BELARUS", "BLR", "", "", "", "GOV"), ("belarus", "state", None, None)),
        (("BLR", "MINSK", "BLR", "", "", "", ""), ("belarus", "state", None, None)),
        (("BLRMIL", "BELARUS", "BLR", "", "", "", "MIL"), ("belarus-military", "organization", "belarus", "MIL")),
        (("BLROPP", "BELARUSIAN", "BLR", "", "", "", "OPP"), ("belarus-opposition", "group", "belarus", "OPP")),
        (("BLRGOV", "ALEXANDER LUKASHENKO", "BLR", "", "", "", "GOV"), ("alexander-lukashenko", "person", "belarus", None)),
        (("USAGOV", "OBAMA", "USA", "", "", "", "GOV"), ("barack-obama", "person", "united-states", None)),
        (("IGOWSTNAT", "NATO", "WST", "NAT", "", "", "IGO"), ("north-atlantic-treaty-organization", "organization", None, None)),
        (("IGOUNODEVWBK", "WORLD BANK", "", "UNO", "", "", "IGO"), ("world-bank", "organization", None, None)),
        (("IGOUNO", "THE UN", "", "UNO", "", "", "IGO"), ("united-nations", "organization", None, None)),
        (("IGOEUREEC", "THE EU", "EUR", "EEC", "", "", "IGO"), ("european-union", "organization", None, None)),
        (("EUR", "EUROPE", "EUR", "", "", "", ""), ("europe", "bloc", None, None)),
        (("WST", "THE WEST", "WST", "", "", "", ""), ("the-west", "bloc", None, None)),
        (("PRI", "PUERTO RICO", "PRI", "", "", "", ""), ("puerto-rico", "region", "united-states", None)),
        (("ROM", "ROMANIA", "ROM", "", "", "", ""), ("romania", "state", None, None)),
        (("BEL", "BRUSSELS", "BEL", "", "", "", ""), ("belgium", "state", None, None)),
        (("AFGINSTAL", "TALIBAN", "AFG", "TAL", "", "", "INS"), ("taliban", "group", None, None)),
        (("COP", "POLICE", "", "", "", "", "COP"), ("police-country-unknown", "organization", None, "COP")),
        (("GOV", "PRESIDENT", "", "", "", "", "GOV"), ("government-country-unknown", "organization", None, "GOV")),
        (("kur", "KURD", "", "", "kur", "", ""), ("kurd", "group", None, None)),
        (("CHR", "CHRISTIAN", "", "", "", "CHR", ""), ("christianity", "group", None, None)),
        (("TWN", "TAIWAN", "", "", "", "", ""), ("taiwan", "state", None, None)),
        (("REL", "CLERGY", "", "", "", "", ""), ("clergy-country-unknown", "group", None, "REL")),
        (("UNO", "UNITED NATIONS", "", "", "", "", ""), ("united-nations", "organization", None, None)),
        (("USAUNO", "AMERICAN", "USA", "", "", "", "UNO"), ("united-states", "state", None, None)),
        (("XYZ", "SOMETHING", "", "", "", "", ""), ("cameo-actor-xyz", "group", None, None)),
    ],
)
def test_actor_codes_resolve(codes, expected):
    actor = ActorResolver().resolve(ActorCodes(*codes))
    assert (actor.id, actor.kind, actor.country, actor.sector) == expected


def test_registry_states_by_code_and_tables_cover_the_lookups():
    tables, registry = cameo_tables(), default_registry()
    assert set(tables.group_labels) <= set(tables.groups)
    assert set(tables.types) <= set(tables.sectors)
    assert set(tables.places) - set(tables.countries) == {"GMW"}
    for code in tables.countries:  # every CAMEO country code is a registry state or has a reading
        assert registry.state_by_code(code) is not None or code in tables.places, code
    resolver = ActorResolver()
    for code, group in tables.groups.items():  # names meant to be the registry's resolve to it
        actor = resolver.group(code)
        assert actor.name == group.name or registry.by_name(group.name) is actor
    for name in ("OHCHR", "UNHCR", "Médecins Sans Frontières", "International Committee of the Red Cross", "UNICEF"):
        assert registry.by_name(name) is not None, name
    for path in (ROOT / "loaders" / "gdelt" / "data" / "lookups").glob("cameo*.txt"):
        assert path.read_bytes() == (GDELT / "lookups" / path.name).read_bytes()  # shipped unmodified


def test_reader_streams_and_reports_blank_and_bad_lines():
    good = plain_rows(FULL)[0]
    lines = ["\t".join(good) + "\n", "\n", "just text\n", "\t".join(good).replace("\t20181024\t", "\t20181324\t", 1) + "\n"]
    lines += ["x" * 200_000 + "\n", "\t".join(good) + "\n"]  # a runaway field, then a good row again
    found = list(read_events(iter(lines), "f"))
    assert [type(x).__name__ for x in found] == ["CodedEvent", "InputError", "InputError", "InputError", "CodedEvent"]
    assert str(found[1]).startswith("f:3: 1 column(s);")
    assert str(found[2]) == "f:4: SQLDATE '20181324' is not a date (YYYYMMDD)"
    assert str(found[3]) == "f:5: unreadable row (field larger than field limit (131072))"


def test_generator_is_deterministic_and_loads_clean(tmp_path):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import gdelt_gen
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    a = gdelt_gen.write(tmp_path / "a" / "20200101000000.export.CSV", 3000, seed=7)
    b = gdelt_gen.write(tmp_path / "b" / "20200101000000.export.CSV", 3000, seed=7, zipped=True)
    with zipfile.ZipFile(b) as zf:
        assert zf.read(a.name) == a.read_bytes()
    store, report = load(a)
    assert report.bad_rows == 0 and report.rows == 3000 and 0.55 < report.events / 3000 < 0.8
    rels = store.relations()
    assert all(r.quad_class == int(quad_class(r.cameo)) for r in rels)
    popular = Counter(r.source for r in rels).most_common(3)
    assert popular[0][1] > 10 * Counter(r.source for r in rels).most_common()[-1][1]  # Zipf: a few actors dominate


def test_progress_on_a_terminal_only(tmp_path):
    import os
    import pty
    import subprocess

    command = [sys.executable, "-c", "from polgraph.cli import main; main()",
               "load", "--store", str(tmp_path / "g.json"), str(FULL)]
    leader, follower = pty.openpty()
    done = subprocess.run(command, stdout=subprocess.PIPE, stderr=follower, timeout=120, check=True)
    os.close(follower)
    on_terminal = os.read(leader, 4096).decode()
    os.close(leader)
    assert on_terminal.startswith("\rLoading GDELT: 2,111 rows, ") and " rows/s" in on_terminal
    assert done.stdout.decode().startswith("Loaded 2,111 GDELT row(s)")
    piped = subprocess.run(command, capture_output=True, timeout=120, check=True)
    assert piped.stderr == b""


def test_the_load_benchmark_runs_at_a_tiny_size():
    """Not a timed test: the benchmark runs, and prints every step and both memory sizes."""
    import subprocess

    out = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "gdelt_load_bench.py"), "--rows", "3000", "--repeat", "1",
         "--batch-size", "500"],
        capture_output=True, text=True, check=True, cwd=ROOT, timeout=600,
    ).stdout
    steps = [line.split(" | ")[1] for line in out.splitlines() if line.startswith("| 3,000 |")]
    assert steps[:4] == ["csv.reader (baseline)", "parse", "parse+resolve", "load, in-memory store"]
    assert steps[4].startswith("load, default store (") and len(steps) == 5
    memory = [line.split(" | ") for line in out.splitlines() if line.startswith("| parse+resolve |")]
    assert [row[2] for row in memory] == ["1,500 |", "3,000 |"]
