"""Text out of an HTML page: block elements become line breaks, scripts, styles and navigation are
dropped, and the page's own metadata (title, publication time, site name, canonical URL) is kept."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

_DROP = {"script", "style", "noscript", "template", "svg", "nav", "footer", "aside", "form", "iframe", "button"}
_BLOCK = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section",
    "article", "header", "blockquote", "figcaption", "figure", "time", "dd", "dt", "hr", "pre", "main",
}
_VOID = {"br", "hr", "img", "meta", "link", "input", "source", "area", "base", "col", "embed", "wbr"}
_PUBLISHED_META = {"article:published_time", "datepublished", "date", "pubdate", "publishdate", "dc.date", "og:published_time"}


@dataclass(frozen=True)
class HtmlPage:
    text: str
    title: str = ""
    published: str = ""
    source: str = ""
    url: str = ""


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.dropping = 0
        self.in_title = False
        self.title = ""
        self.meta: dict[str, str] = {}
        self.time_datetime = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (values.get("property") or values.get("name") or values.get("itemprop") or "").lower()
            if key and "content" in values:
                self.meta.setdefault(key, values["content"].strip())
        elif tag == "link" and values.get("rel", "").lower() == "canonical":
            self.meta.setdefault("canonical", values.get("href", ""))
        elif tag == "time" and values.get("datetime") and not self.time_datetime:
            self.time_datetime = values["datetime"]
        if tag in _VOID:
            if tag in _BLOCK:
                self.parts.append("\n")
            return
        if tag in _DROP:
            self.dropping += 1
        elif tag == "title":
            self.in_title = True
        elif tag in _BLOCK and not self.dropping:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROP and self.dropping:
            self.dropping -= 1
        elif tag == "title":
            self.in_title = False
        elif tag in _BLOCK and not self.dropping:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data
        elif not self.dropping:
            self.parts.append(data)


def extract_html(markup: str) -> HtmlPage:
    parser = _Extractor()
    parser.feed(markup)
    parser.close()
    text = "".join(parser.parts)
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
    meta = parser.meta
    published = next((meta[k] for k in _PUBLISHED_META if meta.get(k)), "") or parser.time_datetime
    return HtmlPage(
        text=text,
        title=(meta.get("og:title") or parser.title).strip(),
        published=published,
        source=meta.get("og:site_name", ""),
        url=meta.get("og:url") or meta.get("canonical", ""),
    )
