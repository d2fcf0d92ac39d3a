"""The one-way flow the CLI and the TUI share: documents -> claims -> clusters -> findings.

Both faces call :func:`analyse`; whatever the TUI shows, ``workbench check --format json`` can show.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from itertools import accumulate
from pathlib import Path

from workbench.config import Config
from workbench.corpus import dedupe_ids, list_files, load_files
from workbench.extract import Extractor
from workbench.model import Claim, Cluster, Document, Finding, Problem
from workbench.parallel import cores, cyclic_gc_paused, map_in_workers
from workbench.rules import RuleContext, load_rules, run_rules
from workbench.xref import cross_reference

Progress = Callable[[str, int, int], None]  # (stage, done, total)


@dataclass
class Analysis:
    documents: list[Document] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    clusters: list[Cluster] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._docs = {d.id: d for d in self.documents}
        self._claims = {c.id: c for c in self.claims}

    def document(self, doc_id: str) -> Document | None:
        return self._docs.get(doc_id)

    def claim(self, claim_id: str) -> Claim | None:
        return self._claims.get(claim_id)

    def claims_of(self, doc_id: str) -> list[Claim]:
        return [c for c in self.claims if c.doc == doc_id]


# Below this many files one process is quicker than starting a pool.
PARALLEL_MIN_FILES = 200
# A chunk's documents go through each stage of extraction together (see Extractor.claims_of_each):
# larger chunks keep each stage's code warm longer and send fewer messages (150 against 50: 10,000
# documents about 4% faster); they still shrink towards the end.
_CHUNK = 150
_LAST_CHUNK = 5


def _chunks(files: list[Path], workers: int) -> list[list[Path]]:
    """Files in chunks of _CHUNK, shrinking towards the end (each a share of what is left), so that
    the processes finish together: with equal chunks, one waits up to a whole chunk for the other."""
    chunks, at = [], 0
    while at < len(files):
        size = min(_CHUNK, max(_LAST_CHUNK, (len(files) - at) // (2 * workers)))
        chunks.append(files[at:at + size])
        at += size
    return chunks


Extracted = tuple[list[tuple[Document, list[Claim]]], list[Problem]]


def _extract_files(files: list[Path], published: dt.date | None, extractor: Extractor) -> Extracted:
    """Each document with its claims, and the problems met.  The files are all loaded first, so that
    the extractor takes their documents together (see :meth:`Extractor.claims_of_each`)."""
    loaded = load_files(files, published)
    try:
        claims = iter(extractor.claims_of_each([document for found, _ in loaded for document in found]))
    except Exception:  # noqa: BLE001 (a bug in one document: taken one by one below, to name it)
        claims = None
    pairs: list[tuple[Document, list[Claim]]] = []
    problems: list[Problem] = []
    for found, trouble in loaded:
        problems += trouble
        pairs += [(document, next(claims) if claims is not None else _claims_of(document, extractor, problems))
                  for document in found]
    return pairs, problems


def _claims_of(document: Document, extractor: Extractor, problems: list[Problem]) -> list[Claim]:
    """The document's claims; a failure of the extractor (a bug) is reported against the document's
    file and line, and the document is kept without claims, rather than ending the run for the corpus."""
    try:
        return extractor.claims(document)
    except Exception as err:  # noqa: BLE001 (any bug: the rest of the corpus still gets checked)
        problems.append(Problem(document.path or document.id,
                                f"could not split {document.id!r} into claims ({type(err).__name__}: {err}); "
                                "it is listed without claims; please report this", document.line))
        return []


def load_and_extract(
    paths: Iterable[Path],
    config: Config,
    *,
    published: dt.date | None = None,
    progress: Progress | None = None,
) -> tuple[list[Document], list[Claim], list[Problem]]:
    """Load every path and split each document into claims with their mentions.

    Extraction is per document, so a large corpus is spread over the machine's cores (forked workers
    share the loaded gazetteer); the result is the same, in the same order, as one process gives."""
    files, problems = list_files(list(paths))
    extractor = Extractor.from_config(config)
    workers = cores() if len(files) >= PARALLEL_MIN_FILES else 1
    chunks = _chunks(files, workers)
    files_done = list(accumulate(map(len, chunks)))

    def report(chunks_done: int) -> None:
        if progress:
            progress("extract", files_done[chunks_done - 1], len(files))

    with cyclic_gc_paused():
        results = map_in_workers(lambda chunk: _extract_files(chunk, published, extractor), chunks, workers, report)
    pairs = [pair for r in results for pair in r[0]]
    problems += [p for r in results for p in r[1]]
    documents, clashes, renamed = dedupe_ids([d for d, _ in pairs])
    claims: list[Claim] = []
    for document, (_, found) in zip(documents, pairs):
        # Claims carry their document's id: a renamed duplicate's are made again under its new id.
        claims += _claims_of(document, extractor, problems) if document.id in renamed else found
    return documents, claims, problems + clashes


def analyse(
    paths: Iterable[Path],
    config: Config,
    *,
    store=None,
    published: dt.date | None = None,
    progress: Progress | None = None,
) -> Analysis:
    """Run the whole flow.  ``store`` is a :class:`workbench.store.VerdictStore` or None; its pair
    judgements steer cross-referencing and its verdicts and reviews feed the rules."""
    rules = load_rules(config.rules, levels=config.levels)  # fail early: a bad rule is a usage error
    documents, claims, problems = load_and_extract(paths, config, published=published, progress=progress)
    return _judge(Analysis(documents, claims, problems=problems), rules, store, progress)


def recluster(analysis: Analysis, config: Config, *, store=None) -> Analysis:
    """Cross-reference and check again without extracting again: after a pair judgement, a verdict
    with a corrected value, or an edit to rules/ (claims depend only on the corpus)."""
    rules = load_rules(config.rules, levels=config.levels)
    return _judge(Analysis(analysis.documents, analysis.claims, problems=analysis.problems), rules, store, None)


def _judge(extracted: Analysis, rules, store, progress: Progress | None) -> Analysis:
    """Claims -> clusters -> findings, with the store's judgements, verdicts and reviews."""
    judgements = store.judgements() if store is not None else {}
    clusters = cross_reference(extracted.claims, judgements=judgements)
    if progress:
        progress("xref", 1, 1)
    context = RuleContext(
        documents={d.id: d for d in extracted.documents},
        claims={c.id: c for c in extracted.claims},
        clusters=clusters,
        verdicts=store.verdicts() if store is not None else {},
    )
    findings = run_rules(rules, context)
    if store is not None:
        reviews = store.reviews()
        findings = [replace(f, reviewed=reviews[f.id].status) if f.id in reviews else f for f in findings]
    if progress:
        progress("rules", 1, 1)
    return Analysis(extracted.documents, extracted.claims, clusters, findings, extracted.problems)
