"""Open a page in Debian's headless Chromium (driven by Playwright) and report what a person
would see: a screenshot once the drawing has settled, the console's errors and every request the
page made. Used by the page tests and by ``make screenshot``:

    python -m tools.browser PAGE.html OUT.png
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["CHROMIUM", "PageVisit", "browser_missing", "visit"]

CHROMIUM = "/usr/bin/chromium"
# Headless, as root, and with none of Chromium's own calls home (there is no network to reach).
FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]


@dataclass
class PageVisit:
    screenshot: bytes = b""
    errors: list[str] = field(default_factory=list)  # console errors and uncaught exceptions
    requests: list[str] = field(default_factory=list)  # every URL the page asked for
    result: object = None  # what ``then`` returned


def browser_missing() -> str | None:
    """Why a page cannot be opened here (how to fix it), or None."""
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        return "Debian's chromium is not installed: apt-get install chromium (make setup does it as root)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed: pip install -e '.[test]'"
    return None


def visit(page: Path, *, size: tuple[int, int] = (1200, 800), then: Callable | None = None,
          settle_seconds: float = 15.0) -> PageVisit:
    """Load ``page`` (file://), wait until the drawing stops moving, screenshot it; then call
    ``then(playwright_page)`` for any interaction a test wants."""
    from playwright.sync_api import sync_playwright

    seen = PageVisit()
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=shutil.which("chromium") or CHROMIUM, args=FLAGS)
        try:
            tab = browser.new_page(viewport={"width": size[0], "height": size[1]})
            tab.on("console", lambda message: message.type == "error" and seen.errors.append(message.text))
            tab.on("pageerror", lambda exc: seen.errors.append(str(exc)))
            tab.on("request", lambda request: seen.requests.append(request.url))
            tab.goto(Path(page).resolve().as_uri(), wait_until="load")
            tab.wait_for_selector("canvas", state="attached", timeout=settle_seconds * 1000)
            seen.screenshot = _settled(tab, settle_seconds)
            if then is not None:
                seen.result = then(tab)
        finally:
            browser.close()
    return seen


def _settled(tab, seconds: float) -> bytes:
    """A screenshot once two taken half a second apart are the same (the force layout has stopped)."""
    shot = tab.screenshot()
    for _ in range(int(seconds * 2)):
        tab.wait_for_timeout(500)
        again = tab.screenshot()
        if again == shot:
            break
        shot = again
    return shot


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python -m tools.browser PAGE.html OUT.png", file=sys.stderr)
        return 2
    missing = browser_missing()
    if missing:
        print(f"Error: {missing}", file=sys.stderr)
        return 1
    seen = visit(Path(argv[0]))
    for error in seen.errors:
        print(f"console error: {error}", file=sys.stderr)
    Path(argv[1]).parent.mkdir(parents=True, exist_ok=True)
    Path(argv[1]).write_bytes(seen.screenshot)
    print(f"Wrote {argv[1]}")
    return 1 if seen.errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
