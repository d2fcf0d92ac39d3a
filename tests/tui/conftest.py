"""A small Arabic analysis built by hand from model records, so the TUI tests do not depend on the
extraction and rules (the real corpus has its own tests in test_real_corpus.py and test_tmux.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from workbench.model import Claim, Cluster, DateMention, Document, EntityMention, Finding, NumberMention, stable_id
from workbench.pipeline import Analysis
from workbench.store import VerdictStore
from workbench.tui.app import WorkbenchApp

AGREEMENT = (
    "الثلاثاء 11 آذار 2025\n\n"
    "وقّع الرئيس أحمد الشرع وقائد قسد مظلوم عبدي اتفاقاً في 10 آذار/مارس 2025 لدمج المؤسسات.\n"
    "وانضمت سوريا إلى التحالف بوصفها الدولة التسعين.\n"
)
TURKEY = (
    "14 أغسطس 2025\n\n"
    "دعت الوزارة إلى الالتزام بالاتفاق الموقع بين دمشق وقسد في 8 مارس [bold]عاجل[/bold].\n"
)
RIYADH = (
    "10 شباط 2026\n\n"
    "اجتمع الوفد يوم الأحد 9 شباط في الرياض \x1b[31mتحذير\x1b[0m [link=http://example.invalid]اضغط[/link].\n"
)


def sentence(doc: Document, start_text: str, end_text: str) -> tuple[int, int]:
    start = doc.text.index(start_text)
    end = doc.text.index(end_text, start) + len(end_text)
    return start, end


def claim(doc: Document, start_text: str, end_text: str, *, dates=(), numbers=(), entities=()) -> Claim:
    """A claim over a sentence of ``doc``; each mention is given by its surface text, found in the sentence."""
    start, end = sentence(doc, start_text, end_text)

    def at(surface: str) -> tuple[int, int]:
        begin = doc.text.index(surface, start)
        return begin, begin + len(surface)

    return Claim(
        id=stable_id("c", doc.id, doc.text[start:end]), doc=doc.id, start=start, end=end, text=doc.text[start:end],
        dates=tuple(DateMention(s, *at(s), value=v, granularity=g, relative=r, weekday=w) for s, v, g, r, w in dates),
        numbers=tuple(NumberMention(s, *at(s), value=v, ordinal=o) for s, v, o in numbers),
        entities=tuple(EntityMention(s, *at(s), id=i, type=t, name=n) for s, i, t, n in entities),
    )


def build_analysis() -> Analysis:
    agreement = Document("101_agreement", AGREEMENT, path="101_agreement.txt", published=dt.date(2025, 3, 11),
                         published_source="header", source="سانا", title="توقيع اتفاق لدمج المؤسسات")
    turkey = Document("001_turkey", TURKEY, path="001_turkey.txt", published=dt.date(2025, 8, 14),
                      published_source="header", source="رويترز", title="وزارة الدفاع التركية")
    riyadh = Document("105_riyadh", RIYADH, path="105_riyadh.txt", published=dt.date(2026, 2, 10),
                      published_source="header", source="[red]source[/red]", title="اجتماع الرياض")
    signed = claim(agreement, "وقّع", "المؤسسات.",
                   dates=[("10 آذار/مارس 2025", "2025-03-10", "day", False, None)],
                   entities=[("أحمد الشرع", "sharaa", "person", "أحمد الشرع"), ("قسد", "sdf", "organisation", "قسد")])
    ninetieth = claim(agreement, "وانضمت", "التسعين.", numbers=[("الدولة التسعين", 90, True)])
    called = claim(turkey, "دعت", "[/bold].",
                   dates=[("8 مارس", "2025-03-08", "day", False, None)],
                   entities=[("قسد", "sdf", "organisation", "قسد")])
    met = claim(riyadh, "اجتمع", "[/link].",
                dates=[("يوم الأحد 9 شباط", "2026-02-09", "day", False, "sunday")],
                entities=[("الرياض", "riyadh", "place", "الرياض")])
    cluster = Cluster(stable_id("k", signed.id, called.id), (called.id, signed.id), (turkey.id, agreement.id), 0.82)
    date_conflict = Finding(
        stable_id("f", "date-conflict", signed.id, called.id), "date-conflict", "error",
        "اتفاق دمشق وقسد: 2025-03-08 في 001_turkey و 2025-03-10 في 101_agreement",
        (called.id, signed.id), (turkey.id, agreement.id),
        values={"dates": {called.id: "2025-03-08", signed.id: "2025-03-10"}},
    )
    weekday = Finding(
        stable_id("f", "weekday-mismatch", met.id), "weekday-mismatch", "warning",
        "9 شباط 2026 كان يوم الاثنين وليس الأحد", (met.id,), (riyadh.id,),
        values={"date": "2026-02-09", "stated": "sunday", "actual": "monday"},
    )
    return Analysis([turkey, agreement, riyadh], [called, signed, ninetieth, met], [cluster], [date_conflict, weekday])


@pytest.fixture
def analysis() -> Analysis:
    return build_analysis()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "verdicts.json"


@pytest.fixture
def store(db: Path) -> VerdictStore:
    return VerdictStore(db, reviewer="tester")


def make_app(analysis: Analysis, store: VerdictStore | None, **kwargs) -> WorkbenchApp:
    """The app over a fixed analysis; reviews in the store are applied as the pipeline would, and
    re-clustering (standing in for pipeline.recluster) splits a cluster holding a pair judged different."""
    def with_reviews(clusters: list[Cluster]) -> Analysis:
        reviews = store.reviews() if store is not None else {}
        findings = [replace(f, reviewed=reviews[f.id].status) if f.id in reviews else f for f in analysis.findings]
        return Analysis(analysis.documents, analysis.claims, clusters, findings, analysis.problems)

    def load(progress):
        progress("extract", 1, 1)
        return with_reviews(analysis.clusters)

    def rejudge(previous: Analysis) -> Analysis:
        judgements = store.judgements() if store is not None else {}
        return with_reviews([k for k in previous.clusters if not any(
            judgements.get(frozenset({a, b})) == "different" for a in k.claims for b in k.claims if a < b)])

    kwargs.setdefault("poll_interval", 0.05)
    kwargs.setdefault("rejudge", rejudge)
    return WorkbenchApp(load, store=store, reorder=kwargs.pop("reorder", False), db_label="verdicts.json", **kwargs)


async def loaded(pilot) -> None:
    """Wait until no analysis job runs or waits (the first load starts after the first frame) and the
    screen has caught up."""
    app = pilot.app
    for _ in range(200):
        await app.workers.wait_for_complete()
        await pilot.pause()
        if app.busy is None and app.pending is None and (app.generation or app.failure):
            break
    await app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()
