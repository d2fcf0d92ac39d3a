"""``workbench verdict set|list|history|undo|review``, ``workbench judge`` and ``workbench export``: the
verdict store from the command line.

A target named on the command line is looked up in the corpus first (claims by loading and extracting
it; clusters and findings by running the whole check), so the record keeps the claim's text and document
and a typo in an id is caught.  ``--force`` records an id the corpus does not have (a document since
removed, or a corpus not at hand)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from workbench.commands.common import config_from_context, corpus_paths, emit_json, emit_table
from workbench.config import Config
from workbench.errors import InputError
from workbench.export import FORMATS, Publisher, claim_reviews, flat_rows, to_csv
from workbench.model import Claim, Document
from workbench.store import RELATIONS, STATUSES, RatingScale, VerdictStore, target_kind


@dataclass(frozen=True)
class Session:
    """What a verdict command works on: the configuration, the corpus paths and the store."""

    config: Config
    corpus: tuple[Path, ...]
    store: VerdictStore

    def claim_index(self) -> dict[str, tuple[Claim, Document]]:
        """Every claim of the corpus with its document (loading and extracting it)."""
        from workbench.pipeline import load_and_extract

        documents, claims, _ = load_and_extract(self.corpus, self.config)
        by_id = {d.id: d for d in documents}
        return {c.id: (c, by_id[c.doc]) for c in claims if c.doc in by_id}

    def analysis(self):
        from workbench.pipeline import analyse

        return analyse(self.corpus, self.config, store=self.store)


def store_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """--db, --corpus and --reviewer, shared by every command here."""
    command = click.option("--reviewer", default=None,
                           help="Name recorded with each change [default: configured, else the login name].")(command)
    command = click.option("--corpus", "corpus", multiple=True, type=click.Path(), metavar="PATH",
                           help="Corpus the ids refer to [default: configured, else the bundled sample]. "
                                "Repeatable.")(command)
    return click.option("--db", type=click.Path(dir_okay=False), default=None,
                        help="Verdict database [default: configured, else a file beside the corpus].")(command)


def open_session(ctx: click.Context, db: str | None, corpus: tuple[str, ...], reviewer: str | None) -> Session:
    config = config_from_context(ctx)
    paths = corpus_paths(corpus, config)
    store = VerdictStore(Path(db) if db else config.db_path(paths), reviewer=reviewer or config.reviewer_name(),
                         scale=RatingScale.from_config(config.ratings))
    return Session(config, paths, store)


def _warn_if_missing(store: VerdictStore) -> None:
    if not store.path.exists():
        click.echo(f"workbench: no verdict database at {store.path} yet", err=True)


def _unknown(what: str, target: str, session: Session) -> InputError:
    where = ", ".join(str(p) for p in session.corpus)
    return InputError(f"{target}: no such {what} in {where}; check the id, or record it anyway with --force")


@click.group("verdict")
def verdict_group() -> None:
    """Record, list, trace and undo verdicts on claims (c-…), clusters (k-…) and findings (f-…)."""


@verdict_group.command("set")
@click.argument("target")
@click.option("--rating", "-r", required=True, help="A label of the rating scale (default: true, mostly-true, "
                                                     "mixed, misleading, mostly-false, false, unverifiable).")
@click.option("--note", "-n", default="", help="Why: what was checked, against what.")
@click.option("--evidence", "-e", multiple=True, metavar="URL|TEXT", help="A source; repeatable.")
@click.option("--value", default=None, help="The verified value, e.g. 2025-03-10 or 90; later claims that "
                                            "state another value are reported by contradicts-verdict.")
@click.option("--force", is_flag=True, help="Record the verdict even if the corpus has no such target.")
@store_options
@click.pass_context
def set_command(ctx: click.Context, target: str, rating: str, note: str, evidence: tuple[str, ...],
                value: str | None, force: bool, db: str | None, corpus: tuple[str, ...], reviewer: str | None) -> None:
    """Record a verdict on TARGET (the previous one stays in its history)."""
    session = open_session(ctx, db, corpus, reviewer)
    kind = target_kind(target)
    session.store.scale.label(rating)  # an unknown rating fails before the corpus is loaded
    claim_text = doc = ""
    if kind == "claim":
        found = session.claim_index().get(target)
        if found:
            claim_text, doc = found[0].text, found[1].id
        elif not force:
            raise _unknown("claim", target, session)
    elif not force:
        analysis = session.analysis()
        if kind == "cluster":
            cluster = next((k for k in analysis.clusters if k.id == target), None)
            if cluster is None:
                raise _unknown("cluster", target, session)
            first = analysis.claim(cluster.claims[0])
            claim_text, doc = (first.text, first.doc) if first else ("", "")
        elif not any(f.id == target for f in analysis.findings):
            raise _unknown("finding", target, session)
    verdict = session.store.set_verdict(target, rating=rating, note=note, evidence=evidence, value=value,
                                        claim_text=claim_text, doc=doc)
    click.echo(f"{verdict.target}: rated {verdict.rating} (record #{verdict.record} in {session.store.path})")


@verdict_group.command("list")
@click.option("--what", type=click.Choice(("verdicts", "judgements", "reviews")), default="verdicts",
              show_default=True, help="Verdicts, pair judgements, or finding reviews.")
@click.option("--orphaned", is_flag=True, help="Only claim verdicts whose claim is no longer in the corpus.")
@click.option("--format", "fmt", type=click.Choice(("table", "json")), default="table", show_default=True)
@store_options
@click.pass_context
def list_command(ctx: click.Context, what: str, orphaned: bool, fmt: str, db: str | None, corpus: tuple[str, ...],
                 reviewer: str | None) -> None:
    """List the current verdicts (or judgements, or reviews)."""
    session = open_session(ctx, db, corpus, reviewer)
    _warn_if_missing(session.store)
    store = session.store
    if what == "judgements":
        pairs = sorted(tuple(sorted(pair)) + (relation,) for pair, relation in store.judgements().items())
        if fmt == "json":
            emit_json([{"claims": [a, b], "relation": relation} for a, b, relation in pairs])
        else:
            emit_table(("claim_a", "claim_b", "relation"), pairs)
        return
    if what == "reviews":
        reviews = sorted(store.reviews().values(), key=lambda r: r.finding)
        if fmt == "json":
            emit_json([{"finding": r.finding, "status": r.status, "reason": r.reason, "reviewer": r.reviewer,
                        "time": r.time} for r in reviews])
        else:
            emit_table(("finding", "status", "reviewer", "time", "reason"),
                       [(r.finding, r.status, r.reviewer, r.time, r.reason) for r in reviews])
        return
    verdicts = store.orphaned(session.claim_index()) if orphaned else list(store.verdicts().values())
    verdicts.sort(key=lambda v: (v.kind, v.target))
    if fmt == "json":
        emit_json([v.to_json() for v in verdicts])
    else:
        emit_table(("target", "kind", "rating", "value", "reviewer", "time", "claim"),
                   [(v.target, v.kind, v.rating, v.value, v.reviewer, v.time, v.claim_text) for v in verdicts])


@verdict_group.command("history")
@click.argument("target")
@click.option("--format", "fmt", type=click.Choice(("table", "json")), default="table", show_default=True)
@store_options
@click.pass_context
def history_command(ctx: click.Context, target: str, fmt: str, db: str | None, corpus: tuple[str, ...],
                    reviewer: str | None) -> None:
    """Every change to TARGET, oldest first: who, when, what."""
    session = open_session(ctx, db, corpus, reviewer)
    _warn_if_missing(session.store)
    records = session.store.history(target)
    if not records:
        click.echo(f"workbench: no records for {target} in {session.store.path}", err=True)
    if fmt == "json":
        emit_json([r.to_json() for r in records])
    else:
        emit_table(("#", "time", "reviewer", "type", "change"),
                   [(r.id, r.time, r.reviewer, r.type, r.summary()) for r in records])


@verdict_group.command("undo")
@click.argument("target")
@click.argument("other", required=False)
@store_options
@click.pass_context
def undo_command(ctx: click.Context, target: str, other: str | None, db: str | None, corpus: tuple[str, ...],
                 reviewer: str | None) -> None:
    """Undo the newest change to TARGET's verdict or review; with OTHER, the pair judgement on the two
    claims.  The undo is itself recorded; run it again to go a further step back."""
    store = open_session(ctx, db, corpus, reviewer).store
    undone = store.undo(target, other)
    if other is None:
        current = store.verdict(target)
        review = store.reviews().get(target)
        now = f"rated {current.rating}" if current else "no verdict"
        if review:
            now += f", finding {review.status}"
    else:
        now = store.judgements().get(frozenset((target, other)), "no judgement")
    click.echo(f"undid #{undone.id} ({undone.summary()}); now: {now}")


@verdict_group.command("review")
@click.argument("finding")
@click.argument("status", type=click.Choice(STATUSES))
@click.option("--reason", default="", help="Why it was dismissed (or accepted), for the next reader.")
@click.option("--force", is_flag=True, help="Record the review even if the check does not report this finding.")
@store_options
@click.pass_context
def review_command(ctx: click.Context, finding: str, status: str, reason: str, force: bool, db: str | None,
                   corpus: tuple[str, ...], reviewer: str | None) -> None:
    """Mark FINDING reviewed: a reviewed finding no longer fails `workbench check`."""
    session = open_session(ctx, db, corpus, reviewer)
    if target_kind(finding) != "finding":
        raise InputError(f"{finding} is not a finding id (f-…)")
    if not force and not any(f.id == finding for f in session.analysis().findings):
        raise _unknown("finding", finding, session)
    review = session.store.review_finding(finding, status, reason)
    click.echo(f"{finding}: {review.status} (record #{review.record} in {session.store.path})")


@click.command("judge")
@click.argument("claim_a")
@click.argument("claim_b")
@click.argument("relation", type=click.Choice(RELATIONS))
@click.option("--note", "-n", default="")
@click.option("--force", is_flag=True, help="Record the judgement even if the corpus lacks a claim.")
@store_options
@click.pass_context
def judge_command(ctx: click.Context, claim_a: str, claim_b: str, relation: str, note: str, force: bool,
                  db: str | None, corpus: tuple[str, ...], reviewer: str | None) -> None:
    """Record whether CLAIM_A and CLAIM_B state the same fact; cross-referencing then keeps them
    together (same) or apart (different)."""
    session = open_session(ctx, db, corpus, reviewer)
    for claim in (claim_a, claim_b):
        if target_kind(claim) != "claim":
            raise InputError(f"{claim} is not a claim id (c-…)")
    if not force:
        known = session.claim_index()
        for claim in (claim_a, claim_b):
            if claim not in known:
                raise _unknown("claim", claim, session)
    session.store.judge(claim_a, claim_b, relation, note)
    click.echo(f"{claim_a} / {claim_b}: {relation}")


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="claimreview", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False), default=None,
              help="Write to this file instead of standard output.")
@click.option("--organisation", "--organization", "organisation", default="",
              help="Publish ClaimReviews as this organisation [default: each reviewer as a person].")
@click.option("--review-url", default="", metavar="TEMPLATE",
              help="URL of each published review, with {target} for the id, e.g. https://example.org/{target}.")
@store_options
@click.pass_context
def export_command(ctx: click.Context, fmt: str, output: str | None, organisation: str, review_url: str,
                   db: str | None, corpus: tuple[str, ...], reviewer: str | None) -> None:
    """Export the current verdicts: ClaimReview JSON-LD (schema.org), CSV or JSON Lines."""
    if review_url and "{target}" not in review_url:
        raise InputError(f"--review-url {review_url!r} needs {{target}} where the id goes")
    session = open_session(ctx, db, corpus, reviewer)
    _warn_if_missing(session.store)
    store = session.store
    verdicts = list(store.verdicts().values())
    index = session.claim_index() if verdicts else {}
    if fmt == "claimreview":
        clusters = {}
        if any(v.kind == "cluster" for v in verdicts):
            from workbench.xref import cross_reference

            clusters = {k.id: k for k in cross_reference([c for c, _ in index.values()],
                                                         judgements=store.judgements())}
        text = json.dumps(claim_reviews(verdicts, scale=store.scale, corpus=index, clusters=clusters,
                                        publisher=Publisher(organisation, review_url)),
                          ensure_ascii=False, indent=2) + "\n"
    else:
        rows = flat_rows(verdicts, scale=store.scale, corpus=index)
        text = to_csv(rows) if fmt == "csv" else "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    if output:
        try:
            Path(output).write_text(text, encoding="utf-8")
        except OSError as err:
            raise InputError(f"{output}: cannot write: {err.strerror}") from None
    else:
        click.echo(text, nl=False)
