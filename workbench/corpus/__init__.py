"""Loading a corpus: any mix of files and folders of .txt, .md, .html and .jsonl documents.

Every file that cannot be used becomes a :class:`Problem` naming the file (and line); the rest still
load.  Nothing is skipped silently except hidden files (names starting with "."), such as the verdict
database that lives beside a corpus by default."""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from workbench.corpus.chrome import find_chrome
from workbench.corpus.decode import decode_bytes
from workbench.corpus.html import extract_html
from workbench.corpus.published import find_published
from workbench.corpus.split import split_claims
from workbench.extract.dates import find_dates
from workbench.errors import InputError
from workbench.model import Document, Problem, Span

__all__ = ["SUFFIXES", "dedupe_ids", "list_files", "load_corpus", "load_file", "load_files", "make_document", "split_claims"]

SUFFIXES = {".txt": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
_FRONT_MATTER = re.compile(r"\A---\r?\n(.*?)\r?\n---\r?\n", re.DOTALL)


def list_files(paths: Iterable[Path]) -> tuple[list[Path], list[Problem]]:
    """The corpus files under the given paths, in a stable order, and the files that are not corpus files."""
    found: list[Path] = []
    problems: list[Problem] = []
    for path in paths:
        if path.is_dir():
            for relative, entry in _entries_under(path):
                child = path.joinpath(*relative)
                # The entry knows what it is without a stat call; a link is tested as Path tests it (a
                # looping one is no file, not an error).
                if not (child.is_file() if entry.is_symlink() else entry.is_file()):
                    if entry.is_symlink() and not child.exists():
                        problems.append(Problem(str(child), "a link to nothing (broken or looping); skipped"))
                    continue
                if child.suffix.lower() in SUFFIXES:
                    found.append(child)
                else:
                    problems.append(Problem(str(child), f"not a corpus file (expected {', '.join(sorted(SUFFIXES))}); skipped"))
        elif path.is_file():
            if path.suffix.lower() in SUFFIXES:
                found.append(path)
            else:
                problems.append(Problem(str(path), f"not a corpus file (expected {', '.join(sorted(SUFFIXES))}); skipped"))
        else:
            raise InputError(f"{path}: no such file or folder")
    return found, problems


def _entries_under(folder: Path) -> list[tuple[tuple[str, ...], os.DirEntry]]:
    """Every entry under ``folder`` with its path relative to it, in Path's order (by parts), as
    ``folder.rglob("*")`` sorted gives them but without a Path and a stat call for each: hidden
    entries (names starting with ".") and what lies under them are left out, links to folders are
    not followed, and a folder that cannot be read is skipped."""
    listed: list[tuple[tuple[str, ...], os.DirEntry]] = []

    def walk(directory: str, relative: tuple[str, ...]) -> None:
        try:
            with os.scandir(directory) as entries:
                children = list(entries)
        except PermissionError:
            return
        for entry in children:
            if entry.name.startswith("."):
                continue
            parts = (*relative, entry.name)
            listed.append((parts, entry))
            try:
                inside = entry.is_dir(follow_symlinks=False)
            except OSError:
                inside = False
            if inside:
                walk(entry.path, parts)

    walk(str(folder), ())
    listed.sort(key=lambda item: item[0])
    return listed


def _parse_date(value: object) -> dt.date | None:
    """A metadata date: ISO first; else a feed's RFC 2822 stamp ("Fri, 14 Mar 2025 08:15:00 +0000");
    else one full date the Arabic date grammar reads ("14/03/2025", "الجمعة 14 مارس 2025")."""
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        pass
    days = [m for m in find_dates(value, reference=None) if m.granularity == "day" and not m.relative]
    gregorian = [m for m in days if m.calendar == "gregorian"]
    return dt.date.fromisoformat((gregorian or days)[0].value) if days else None


def make_document(
    doc_id: str,
    text: str,
    *,
    path: str = "",
    title: str = "",
    published: dt.date | None = None,
    published_source: str | None = None,
    source: str = "",
    url: str = "",
    encoding: str = "utf-8",
    line: int | None = None,
    default_published: dt.date | None = None,
    extra_chrome: tuple[Span, ...] = (),
) -> Document:
    """A Document with its chrome and its own date found.  The date line in the text wins over a
    metadata field, which wins over ``default_published`` (the --published option)."""
    return _made([_Draft(doc_id, text, path, title, published, published_source, source, url, encoding, line,
                         default_published, extra_chrome)])[0]


@dataclass(frozen=True, slots=True)
class _Draft:
    """What a file tells of one document (the arguments of :func:`make_document`), before its chrome,
    its own date and its title are found."""

    id: str
    text: str
    path: str = ""
    title: str = ""
    published: dt.date | None = None
    published_source: str | None = None
    source: str = ""
    url: str = ""
    encoding: str = "utf-8"
    line: int | None = None
    default_published: dt.date | None = None
    extra_chrome: tuple[Span, ...] = ()


def _made(drafts: list[_Draft]) -> list[Document]:
    """The documents of :func:`make_document`, each step (chrome, then own date) taken over every draft
    before the next: its patterns stay warm in the processor's caches."""
    chromes = [tuple(sorted(set(find_chrome(d.text)) | set(d.extra_chrome), key=lambda s: s.start)) for d in drafts]
    owns = [find_published(d.text, chrome) for d, chrome in zip(drafts, chromes)]
    documents = []
    for d, chrome, own in zip(drafts, chromes, owns):
        published, published_source, published_span = d.published, d.published_source, None
        if own is not None:
            published, published_span = own
            published_source = "header"
        elif published is None and d.default_published is not None:
            published, published_source = d.default_published, "option"
        documents.append(Document(
            id=d.id, text=d.text, path=d.path, published=published,
            published_source=published_source if published else None, published_span=published_span,
            title=d.title or _guess_title(d.text, chrome), source=d.source, url=d.url, encoding=d.encoding,
            chrome=chrome, line=d.line,
        ))
    return documents


_FOUR_DIGITS = re.compile(r"\d{4}")


def _guess_title(text: str, chrome: tuple[Span, ...]) -> str:
    """The first short line of the text that is neither chrome nor a date line nor a sentence."""
    position = 0
    for count, raw in enumerate(text.splitlines(keepends=True)):
        line = raw.strip()
        start = position
        position += len(raw)
        if count > 6:
            break
        if not line or any(s.start <= start < s.end for s in chrome):
            continue
        words = line.split()
        if 3 <= len(words) <= 25 and not line.endswith((".", "؟", "!", "?")) and not _FOUR_DIGITS.search(line):
            return line.lstrip("#").strip()
    return ""


def _jsonl_drafts(path: Path, text: str, encoding: str, default_published: dt.date | None,
                  problems: list[Problem]) -> list[_Draft]:
    drafts = []
    for number, raw in enumerate(text.splitlines(), 1):
        if not raw.strip():
            continue
        try:
            record = json.loads(raw)
        except json.JSONDecodeError as err:
            problems.append(Problem(str(path), f"not valid JSON ({err.msg}, column {err.colno}); line skipped", number))
            continue
        if not isinstance(record, dict):
            problems.append(Problem(str(path), "a line must be a JSON object with 'id' and 'text'; line skipped", number))
            continue
        missing = [k for k in ("id", "text") if not isinstance(record.get(k), (str, int)) or record.get(k) == ""]
        if missing:
            problems.append(Problem(str(path), f"missing or empty {' and '.join(repr(m) for m in missing)}; line skipped", number))
            continue
        published = _parse_date(record.get("published"))
        if record.get("published") and published is None:
            problems.append(Problem(str(path), f"'published' {record['published']!r} is not a date; treated as unknown", number))
        drafts.append(_Draft(
            str(record["id"]), str(record["text"]), path=str(path), title=str(record.get("title") or ""),
            published=published, published_source="field" if published else None,
            source=str(record.get("source") or ""), url=str(record.get("url") or ""), encoding=encoding,
            line=number, default_published=default_published,
        ))
    return drafts


def load_file(path: Path, default_published: dt.date | None = None) -> tuple[list[Document], list[Problem]]:
    """The documents in one file (several for .jsonl) and the problems met reading it."""
    return load_files([path], default_published)[0]


def load_files(paths: list[Path], default_published: dt.date | None = None) -> list[tuple[list[Document], list[Problem]]]:
    """What :func:`load_file` gives for each file.  All the files are read before their documents are
    made, and each step of making them runs over all of them (about 10% faster than file by file)."""
    read = [_drafts(path, default_published) for path in paths]
    documents = iter(_made([draft for drafts, _ in read for draft in drafts]))
    return [([next(documents) for _ in drafts], problems) for drafts, problems in read]


def _drafts(path: Path, default_published: dt.date | None) -> tuple[list[_Draft], list[Problem]]:
    """The drafts of the documents in one file, and the problems met reading it."""
    problems: list[Problem] = []
    try:
        data = path.read_bytes()
    except OSError as err:
        return [], [Problem(str(path), f"cannot read: {err.strerror}")]
    try:
        text, encoding = decode_bytes(data, str(path))
    except InputError as err:
        return [], [Problem(str(path), str(err).removeprefix(f"{path}: ") + "; skipped")]
    kind = SUFFIXES[path.suffix.lower()]
    if kind == "jsonl":
        return _jsonl_drafts(path, text, encoding, default_published, problems), problems
    if kind == "html":
        page = extract_html(text)
        published = _parse_date(page.published)
        return [_Draft(
            path.stem, page.text, path=str(path), title=page.title, published=published,
            published_source="field" if published else None, source=page.source, url=page.url,
            encoding=encoding, default_published=default_published,
        )], problems
    extra: tuple[Span, ...] = ()
    published = None
    title = ""
    if kind == "markdown" and (front := _FRONT_MATTER.match(text)):
        extra = (Span(0, front.end()),)
        fields = dict(re.findall(r"^(\w+)\s*:\s*(.+?)\s*$", front.group(1), re.MULTILINE))
        published = _parse_date(fields.get("date", "").strip("\"'"))
        title = fields.get("title", "").strip("\"'")
    return [_Draft(
        path.stem, text, path=str(path), title=title, published=published,
        published_source="field" if published else None, encoding=encoding,
        default_published=default_published, extra_chrome=extra,
    )], problems


def dedupe_ids(documents: list[Document]) -> tuple[list[Document], list[Problem], set[str]]:
    """Two documents with one id keep both: the later is renamed ``id~2`` and reported.  Returns the
    documents, the problems and the new ids (their claims must be made again under the new id)."""
    problems: list[Problem] = []
    renamed: set[str] = set()
    seen: dict[str, str] = {}
    out: list[Document] = []
    for document in documents:
        if document.id in seen:
            n = 2
            while f"{document.id}~{n}" in seen:
                n += 1
            new_id = f"{document.id}~{n}"
            problems.append(Problem(document.path, f"document id {document.id!r} also used by {seen[document.id]}; renamed {new_id!r}", document.line))
            document = replace(document, id=new_id)
            renamed.add(new_id)
        seen[document.id] = document.path + (f":{document.line}" if document.line else "")
        out.append(document)
    return out, problems, renamed


def load_corpus(paths: list[Path], *, default_published: dt.date | None = None) -> tuple[list[Document], list[Problem]]:
    """Documents from every path, in a stable order, with the problems met on the way."""
    files, problems = list_files(paths)
    documents: list[Document] = []
    for found, trouble in load_files(files, default_published):
        documents += found
        problems += trouble
    documents, clashes, _ = dedupe_ids(documents)
    return documents, problems + clashes
