"""``polgraph view``: the page's content and that it loads nothing from the network; then the page
in a real browser (Debian's headless Chromium): drawn nodes, no console errors, evidence on click."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from polgraph.cli.app import _register, cli
from polgraph.graph.drawing import EDGE_COLORS, NODE_COLORS
from polgraph.graph.ontology import QuadClass
from polgraph.graph.stores.sqlite_store import SQLiteStore
from tests.helpers import coded, later_graph, sample_graph
from tools.browser import browser_missing, visit

_register()


@pytest.fixture
def store_path(tmp_path) -> Path:
    path = tmp_path / "graph.db"
    with SQLiteStore(path, create=True) as store:
        store.write([coded(sample_graph()), later_graph()])
    return path


def view(store_path: Path, out: Path, *args: str, env: dict | None = None):
    result = CliRunner(env=env).invoke(cli, ["view", "--store", str(store_path), "-o", str(out), *args],
                                       catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


def page_data(page: Path) -> dict:
    text = page.read_text(encoding="utf-8")
    found = re.search(r'<script type="application/json" id="neo4j-viz-data">(.*?)</script>', text, re.S)
    assert found, "the page carries its graph as inert JSON"
    return json.loads(found.group(1))


# What makes a browser fetch something: src/href attributes, CSS url() and @import, ES imports,
# fetch/XHR/EventSource/WebSocket/Worker calls; each with an http(s) or protocol-relative URL.
LOADS = re.compile(
    r"""(?:\b(?:src|href|action|poster|srcset)\s*=\s*["']?\s*|url\(\s*["']?\s*|@import\s+["']?\s*|"""
    r"""\bimport\s*\(\s*["'`]|\bfrom\s*["'`]|\b(?:fetch|XMLHttpRequest|EventSource|WebSocket|Worker|importScripts)\s*\(\s*["'`])"""
    r"""(?:https?:|wss?:)?//""",
    re.I,
)


def test_the_page_holds_names_kinds_sizes_colours_and_evidence(store_path, tmp_path):
    out = tmp_path / "graph.html"
    result = view(store_path, out)
    assert result.output == f"Wrote 5 nodes and 5 relations to {out}\n"
    data = page_data(out)
    nodes = {n["id"]: n for n in data["nodes"]}
    assert {n["caption"] for n in nodes.values()} == {"Ruritania", "Freedonia", "Sylvania", "Rudolf Rassendyll", "truce"}
    assert nodes["ruritania"]["color"] == NODE_COLORS["state"] and nodes["rudolf-rassendyll"]["color"] == NODE_COLORS["person"]
    assert nodes["topic:truce"]["color"] == NODE_COLORS["topic"]
    # the most acted-upon actor is the largest
    assert nodes["ruritania"]["size"] == max(n["size"] for n in nodes.values())
    assert nodes["ruritania"]["properties"]["pagerank"] > nodes["sylvania"]["properties"]["pagerank"]
    rels = {r["caption"]: r for r in data["relationships"]}
    assert rels["ASSAULTS"]["color"] == EDGE_COLORS[QuadClass.MATERIAL_CONFLICT]
    assert rels["AIDS"]["color"] == EDGE_COLORS[QuadClass.MATERIAL_COOPERATION]
    assert rels["PROPOSES"]["color"] == EDGE_COLORS[QuadClass.VERBAL_COOPERATION]
    assert rels["AIDS"]["properties"]["evidence"] == "Sylvania pledged aid to Ruritania."
    assert rels["AIDS"]["properties"]["date"] == "2025-03-01"
    assert rels["AIDS"]["properties"]["quad_class"] == "2 (material cooperation)"
    assert (rels["AIDS"]["from"], rels["AIDS"]["to"]) == ("sylvania", "ruritania")


def test_the_page_loads_nothing_from_the_network(store_path, tmp_path):
    out = tmp_path / "graph.html"
    view(store_path, out)
    text = out.read_text(encoding="utf-8")
    outside_data = re.sub(r'<script type="application/json" id="neo4j-viz-data">.*?</script>', "", text, flags=re.S)
    assert not LOADS.findall(outside_data)
    assert "<link" not in outside_data.lower()
    # the check does see a load where there is one
    assert LOADS.search('<img src="https://example.org/x.png">') and LOADS.search("url(//cdn.example/font.woff)")


def test_the_same_graph_gives_the_same_page(store_path, tmp_path):
    view(store_path, tmp_path / "a.html")
    view(store_path, tmp_path / "b.html")
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()


def test_a_part(store_path, tmp_path):
    out = tmp_path / "part.html"
    view(store_path, out, "--actor", "Sylvania")
    data = page_data(out)
    assert sorted(n["id"] for n in data["nodes"]) == ["ruritania", "sylvania"]
    view(store_path, out, "--top", "2")
    assert sorted(n["id"] for n in page_data(out)["nodes"]) == ["freedonia", "ruritania"]
    view(store_path, out, "--type", "CRITICIZES", "--until", "2024-12-31")
    assert [r["caption"] for r in page_data(out)["relationships"]] == ["CRITICIZES"]


def test_open_hands_the_page_to_the_users_browser(store_path, tmp_path):
    opened = tmp_path / "opened.txt"
    browser = tmp_path / "fake-browser"
    browser.write_text(f"#!/bin/sh\necho \"$1\" > {opened}\n")
    browser.chmod(0o755)
    out = tmp_path / "graph.html"
    # webbrowser runs the command $BROWSER names: here a script that notes what it was given
    view(store_path, out, "--open", env={"BROWSER": str(browser)})
    assert opened.read_text().strip() == out.resolve().as_uri()


def test_without_neo4j_viz_one_line_names_the_extra(store_path, tmp_path):
    code = "import sys; sys.modules['neo4j_viz'] = None; from polgraph.cli import main; main()"
    done = subprocess.run([sys.executable, "-c", code, "view", "--store", str(store_path), "-o", str(tmp_path / "g.html")],
                          capture_output=True, text=True, timeout=120)
    assert (done.returncode, done.stderr) == (1, "Error: drawing the graph needs neo4j-viz: pip install 'polgraph[view]'\n")
    assert not (tmp_path / "g.html").exists()


# -- in a real browser -------------------------------------------------------------------------

needs_browser = pytest.mark.skipif(browser_missing() is not None, reason=f"no headless browser: {browser_missing()}")


def pixels_of(png: bytes, color: str) -> list[tuple[int, int]]:
    from PIL import Image

    want = tuple(int(color[i:i + 2], 16) for i in (1, 3, 5))
    image = Image.open(io.BytesIO(png)).convert("RGB")
    raw, width = image.tobytes(), image.width
    return [
        (i // 3 % width, i // 3 // width) for i in range(0, len(raw), 3)
        if abs(raw[i] - want[0]) <= 12 and abs(raw[i + 1] - want[1]) <= 12 and abs(raw[i + 2] - want[2]) <= 12
    ]


@needs_browser
def test_the_page_in_chromium_draws_nodes_and_shows_evidence_on_click(store_path, tmp_path):
    out = tmp_path / "graph.html"
    view(store_path, out)

    def look(tab):
        tab.get_by_text("Legend", exact=True).click()  # fold the legend: its swatches have the same colours
        tab.wait_for_timeout(300)
        drawn = tab.screenshot()
        green = pixels_of(drawn, EDGE_COLORS[QuadClass.MATERIAL_COOPERATION])  # the one AIDS edge
        cx, cy = sum(x for x, _ in green) / len(green), sum(y for _, y in green) / len(green)
        x, y = min(green, key=lambda p: (p[0] - cx) ** 2 + (p[1] - cy) ** 2)
        tab.mouse.click(x, y)
        tab.get_by_label("Toggle graph details panel").click()
        tab.wait_for_timeout(500)
        return drawn, tab.inner_text("body")

    seen = visit(out, then=look)
    drawn, details = seen.result
    assert seen.errors == []
    assert [url for url in seen.requests if not url.startswith(("file:", "data:", "blob:"))] == []
    states, person, topic = (len(pixels_of(drawn, NODE_COLORS[k])) for k in ("state", "person", "topic"))
    # three state discs of at least 12 px radius, a person's, a topic's: not a blank canvas
    assert states > 3 * 400 and person > 400 and topic > 400
    assert "Relationship details" in details and "AIDS" in details
    assert "Sylvania pledged aid to Ruritania." in details and "2025-03-01" in details


@needs_browser
def test_make_screenshot_tool_writes_a_png(store_path, tmp_path):
    page, png = tmp_path / "graph.html", tmp_path / "img" / "view.png"
    view(store_path, page)
    done = subprocess.run([sys.executable, "-m", "tools.browser", str(page), str(png)], capture_output=True, text=True,
                          timeout=300, cwd=Path(__file__).resolve().parent.parent, env={**os.environ})
    assert done.returncode == 0, done.stderr
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(pixels_of(png.read_bytes(), NODE_COLORS["state"])) > 3 * 400
