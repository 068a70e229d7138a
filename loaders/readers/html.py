"""HTML pages: the title, the publication date from common meta tags, the paragraphs' text.

Read with the standard library's HTML parser. Text inside script, style and page furniture
(navigation, headers, forms) is never article text, nor title: a ``<script>`` written inside
``<title>`` stays out of the title.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from polgraph.exceptions import InputError
from polgraph.graph.model import Article
from polgraph.loaders.dates import published_date
from polgraph.loaders.readers.text import decode_text

__all__ = ["read_html"]

_DATE_META = {"date", "article:published_time", "pubdate", "publishdate", "dc.date", "datepublished"}
_SKIP = {"script", "style", "nav", "header", "footer", "aside", "noscript", "form"}
_BLOCKS = {"p", "h1", "h2", "h3", "li", "blockquote", "div", "br"}


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.published: str | None = None
        self.parts: list[str] = []
        self._skip = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag in _BLOCKS or tag == "body":
            self._in_title = False  # an unclosed <title> ends where the page's body does
        if tag in _SKIP:
            self._skip += 1
        elif tag == "title":
            self._in_title = True
        elif tag == "meta":
            key = (values.get("name") or values.get("property") or values.get("itemprop") or "").lower()
            if key in _DATE_META and not self.published:
                self.published = values.get("content")
        elif tag == "time" and not self.published and values.get("datetime"):
            self.published = values["datetime"]
        if tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP and self._skip:
            self._skip -= 1
        elif tag == "title":
            self._in_title = False
        if tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if self._in_title:
            self.title += data
        else:
            self.parts.append(data)


def read_html(data: bytes, name: str) -> Article:
    extractor = _Extractor()
    extractor.feed(decode_text(data, name))
    text = re.sub(r"[ \t\r\f\v]+", " ", "".join(extractor.parts))
    text = re.sub(r"\s*\n\s*\n\s*", "\n\n", text).strip()
    if not text:
        raise InputError(name, "no text in the HTML page")
    published = None
    if extractor.published:
        try:
            published = published_date(extractor.published)
        except ValueError:
            published = None  # an unparsable meta date is not worth refusing the page for
    title = re.sub(r"\s+", " ", extractor.title).strip()
    return Article.from_text(text, published=published, title=title, source=name)
