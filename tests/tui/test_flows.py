"""Pilot tests: every flow of the TUI, on a hand-built Arabic analysis and a real verdict store."""

from __future__ import annotations

import asyncio
import io

from rich.console import Console

from textual import events
from textual.widgets import Input

from tests.tui.conftest import loaded, make_app
from workbench.errors import RuleError
from workbench.model import Cluster
from workbench.pipeline import Analysis
from workbench.store import VerdictStore
from workbench.tui.screens.clusters import ClusterScreen
from workbench.tui.screens.confirm import ConfirmScreen
from workbench.tui.screens.documents import DocumentScreen
from workbench.tui.screens.findings import FindingScreen
from workbench.tui.screens.help import HelpScreen
from workbench.tui.screens.verdict import VerdictDialog
from workbench.tui.widgets.claim_card import ClaimCard
from workbench.tui.widgets.claim_list import ClaimList
from workbench.tui.widgets.status import StatusLine


def tree_labels(app) -> list[str]:
    tree = app.screen.query_one("#main")
    labels = []

    def walk(node):
        labels.append(node.label.plain)
        for child in node.children:
            walk(child)

    walk(tree.root)
    return labels


def status(app) -> str:
    return str(app.screen.query_one(StatusLine).render())


def shown(widget, width: int = 78) -> str:
    """What a Static shows, as plain text, rendered at ``width`` columns."""
    console = Console(width=width, file=io.StringIO(), color_system=None)
    console.print(widget.content)
    return console.file.getvalue()


async def test_findings_are_grouped_by_level_and_rule_with_counts(analysis, store):
    app = make_app(analysis, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        labels = tree_labels(app)
        assert "✖ error (1)" in labels
        assert "▲ warning (1)" in labels
        assert any(label.startswith("date-conflict (1, 1 open)") for label in labels)
        assert status(app).startswith("2 unreviewed ✖1 error ▲1 warning")
        preview = shown(app.screen.query_one("#preview-text"))
        assert "date-conflict" in preview and "8 مارس → 2025-03-08" in preview


async def test_filter_narrows_by_level_rule_review_and_arabic_words(analysis, store):
    app = make_app(analysis, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        await pilot.press("slash")
        assert isinstance(app.focused, Input)
        await pilot.press(*"level:warning")
        assert tree_labels(app)[0] == "1 of 2 findings"
        assert "▲ warning (1)" in tree_labels(app)
        app.focused.value = "rule:date"
        await pilot.pause()
        assert tree_labels(app)[0] == "1 of 2 findings"
        app.focused.value = "الاثنين"  # a word of the weekday finding's message, typed with another hamza form
        await pilot.pause()
        assert any("weekday-mismatch" in label for label in tree_labels(app))
        app.focused.value = "doc:101 reviewed:yes"
        await pilot.pause()
        assert tree_labels(app)[0] == "0 of 2 findings"
        await pilot.press("escape")
        assert app.focused.id == "main"


async def test_a_burst_typed_after_slash_lands_in_the_filter_and_a_second_slash_is_a_character(analysis, store):
    app = make_app(analysis, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        for key in ("slash", *"doc:101"):  # queued at once, as a paste or a burst over SSH arrives
            app.post_message(events.Key(key, None if len(key) > 1 else key))
        await pilot.pause()
        assert isinstance(app.focused, Input) and app.focused.value == "doc:101"
        await pilot.press("slash")
        assert app.focused.value == "doc:101/"
        await pilot.press("escape", "slash", "x")
        assert app.focused.value == "x"  # "/" selects the old filter, so typing replaces it


async def test_enter_shows_the_claims_side_by_side_and_escape_goes_back(analysis, store):
    app = make_app(analysis, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        await pilot.press("enter")
        assert isinstance(app.screen, FindingScreen)
        cards = list(app.screen.query(ClaimCard))
        assert [c.claim.doc for c in cards] == ["001_turkey", "101_agreement"]
        shown = [card.render().renderables[-1].plain for card in cards]
        assert "8 مارس → 2025-03-08" in shown[0]
        assert "10 آذار/مارس 2025 → 2025-03-10" in shown[1]
        header = cards[0].render().renderables[0].plain
        assert "published: 2025-08-14" in header and "source: رويترز" in header
        await pilot.press("escape")
        assert app.screen.MODE == "findings"


async def test_a_verdict_on_a_finding_is_a_review_in_the_store(analysis, store, db):
    app = make_app(analysis, store)
    finding = analysis.findings[0]
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        await pilot.press("v")
        assert isinstance(app.screen, VerdictDialog)
        assert app.screen.target.id == finding.id
        await pilot.press("enter")  # the review choice has focus: accepted is the first
        await pilot.press("tab", "tab", *"confirmed by SANA")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, VerdictDialog)
        assert status(app).startswith("1 unreviewed")
    review = VerdictStore(db, reviewer="other").reviews()[finding.id]
    assert (review.status, review.reason, review.reviewer) == ("accepted", "confirmed by SANA", "tester")


async def test_saving_a_finding_needs_a_review_choice(analysis, store):
    app = make_app(analysis, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        await pilot.press("v", "ctrl+s")
        assert isinstance(app.screen, VerdictDialog)
        assert store.reviews() == {}


async def test_a_claim_verdict_keeps_rating_evidence_and_value_and_shows_history(analysis, store):
    app = make_app(analysis, store)
    claim = analysis.claims[0]
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        await pilot.press("5", "v")
        dialog = app.screen
        assert isinstance(dialog, VerdictDialog) and dialog.target.id == claim.id
        dialog.query_one("#rating").value = "false"
        dialog.query_one("#note").value = "the text says 10 March"
        dialog.query_one("#evidence").value = "https://sana.sy/a ; the signed text"
        dialog.query_one("#value").value = "2025-03-10"
        await pilot.press("ctrl+s")
        await pilot.pause()
        verdict = store.verdicts()[claim.id]
        assert (verdict.rating, verdict.value, verdict.evidence) == ("false", "2025-03-10", ("https://sana.sy/a", "the signed text"))
        assert verdict.claim_text == claim.text and verdict.doc == claim.doc
        await pilot.press("v")
        history = shown(app.screen.query_one("#history"))
        assert "rated false" in history and "value 2025-03-10" in history
        assert app.screen.query_one("#rating").value == "false"


async def test_escape_keeps_a_draft_and_q_asks_before_losing_it(analysis, store):
    app = make_app(analysis, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        await pilot.press("v", "tab", "tab", *"half written")
        await pilot.press("escape")
        assert not isinstance(app.screen, VerdictDialog)
        await pilot.press("q")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert app.is_running
        await pilot.press("v")
        assert app.screen.query_one("#note").value == "half written"
        await pilot.press("escape", "q", "y")
        await pilot.pause()
        assert not app.is_running


async def test_q_quits_at_once_when_nothing_is_unsaved(analysis, store):
    app = make_app(analysis, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_verdicts_from_another_session_appear_without_restart(analysis, store, db):
    app = make_app(analysis, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        assert status(app).startswith("2 unreviewed")
        VerdictStore(db, reviewer="colleague").review_finding(analysis.findings[1].id, "dismissed", "Monday is right")
        for _ in range(40):
            await asyncio.sleep(0.05)
            await pilot.pause()
            if status(app).startswith("1 unreviewed"):
                break
        assert status(app).startswith("1 unreviewed")
        assert any(label.startswith("weekday-mismatch (1, 0 open)") for label in tree_labels(app))


async def test_reload_reads_the_corpus_again(analysis, store):
    calls = []
    app = make_app(analysis, store)
    inner = app.loader

    def counting(progress):
        calls.append(1)
        return inner(progress)

    app.loader = counting
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        await pilot.press("ctrl+r")
        await loaded(pilot)
        assert len(calls) == 2
        assert not app.loading


async def test_the_screen_appears_before_loading_ends_with_a_progress_bar(analysis, store):
    import threading

    release = threading.Event()
    app = make_app(analysis, store)
    inner = app.loader

    def slow(progress):
        progress("extract", 1, 3)
        release.wait(5)
        return inner(progress)

    app.loader = slow
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.1)
        assert app.screen.query_one("#loading").display
        assert status(app) == "loading…"
        release.set()
        await loaded(pilot)
        assert not app.screen.query_one("#loading").display
        assert status(app).startswith("2 unreviewed")


def counting(app) -> dict[str, int]:
    """Count how often the app reads the corpus ("load") and cross-references and checks the claims
    ("judge": once after each load, and on each re-clustering)."""
    calls = {"load": 0, "judge": 0}
    load, rejudge = app.loader, app.rejudge

    def counted_load(progress):
        calls["load"] += 1
        return load(progress)

    def counted_rejudge(analysis):
        calls["judge"] += 1
        return rejudge(analysis)

    app.loader, app.rejudge = counted_load, counted_rejudge
    return calls


async def test_documents_and_claims_are_shown_while_the_claims_are_checked(analysis, store):
    import threading

    release = threading.Event()
    app = make_app(analysis, store)
    judge = app.rejudge

    def slow(previous):
        release.wait(5)
        return judge(previous)

    app.rejudge = slow
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(100):
            await pilot.pause(0.02)
            if app.busy == "check":
                break
        assert status(app).startswith("3 docs · 4 claims read · cross-referencing and checking…")
        await pilot.press("3")
        assert app.screen.query_one("#main").row_count == 3
        release.set()
        await loaded(pilot)
        assert status(app).startswith("2 unreviewed")


async def test_clusters_show_agreement_and_judging_a_pair_reclusters_without_reloading(analysis, store):
    app = make_app(analysis, store)
    calls = counting(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        await pilot.press("2")
        table = app.screen.query_one("#main")
        assert table.get_row_at(0)[0].plain.startswith("✗ 1 finding")
        await pilot.press("enter")
        assert isinstance(app.screen, ClusterScreen)
        first, second = analysis.clusters[0].claims
        await pilot.press("space", "j", "d")
        await loaded(pilot)
        assert store.judgements() == {frozenset({first, second}): "different"}
        assert not isinstance(app.screen, ClusterScreen)
        assert calls == {"load": 1, "judge": 2}
        assert app.screen.query_one("#main").row_count == 0  # the re-clustered analysis is shown
        assert "0 facts" in status(app)


async def test_split_judges_the_claim_different_from_the_rest(analysis, store):
    app = make_app(analysis, store)
    calls = counting(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        await pilot.press("2", "enter", "x")
        await loaded(pilot)
        assert list(store.judgements().values()) == ["different"]
        assert calls == {"load": 1, "judge": 2}


async def test_merging_two_clusters_judges_their_first_claims_the_same(analysis, store):
    called, signed, ninetieth, met = analysis.claims
    second = Cluster("k-second", (ninetieth.id, met.id), (ninetieth.doc, met.doc), 0.5)
    app = make_app(Analysis(analysis.documents, analysis.claims, [*analysis.clusters, second], analysis.findings),
                   store)
    calls = counting(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        await pilot.press("2", "m")
        assert app.screen.query_one("#main").get_row_at(0)[0].plain.startswith("◆")
        await pilot.press("j", "m")
        await loaded(pilot)
        assert store.judgements() == {frozenset({analysis.clusters[0].claims[0], ninetieth.id}): "same"}
        assert calls == {"load": 1, "judge": 2}


async def test_a_pair_judged_in_another_session_reclusters_in_the_background(analysis, store, db):
    app = make_app(analysis, store)
    calls = counting(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        await pilot.press("2")
        assert app.screen.query_one("#main").row_count == 1
        VerdictStore(db, reviewer="colleague").judge(*analysis.clusters[0].claims, "different")
        for _ in range(200):  # the store is polled in the background; a loaded machine may take seconds
            await asyncio.sleep(0.05)
            await loaded(pilot)
            if calls["judge"] == 2:
                break
        assert calls == {"load": 1, "judge": 2}
        assert app.screen.query_one("#main").row_count == 0


async def test_a_value_given_on_a_finding_is_recorded_on_its_fact_and_reclusters(analysis, store):
    app = make_app(analysis, store)
    calls = counting(app)
    conflict = analysis.findings[0]
    _, signed, _, _ = analysis.claims
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        await pilot.press("v", "enter")  # accepted
        dialog = app.screen
        dialog.query_one("#rating").value = "mostly-false"
        dialog.query_one("#value").value = "2025-03-10"
        await pilot.pause()
        note = " ".join(shown(dialog.query_one("#value-note")).split())
        assert f"fact {analysis.clusters[0].id}, rated true (101_agreement says it)" in note
        await pilot.press("ctrl+s")
        await loaded(pilot)
        assert calls == {"load": 1, "judge": 2}
    verdicts = store.verdicts()
    assert (verdicts[conflict.id].rating, verdicts[conflict.id].value) == ("mostly-false", "2025-03-10")
    fact = verdicts[analysis.clusters[0].id]
    assert (fact.kind, fact.rating, fact.value, fact.claim_text, fact.doc) == (
        "cluster", "true", "2025-03-10", signed.text, "101_agreement")


async def test_a_review_alone_does_not_recluster(analysis, store):
    app = make_app(analysis, store)
    calls = counting(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        await pilot.press("v", "enter", "ctrl+s")
        await loaded(pilot)
        assert calls == {"load": 1, "judge": 1}
        assert status(app).startswith("1 unreviewed")


async def test_a_load_that_fails_says_why_in_the_status_line_and_ctrl_r_retries(analysis, store):
    app = make_app(analysis, store)
    load = app.loader
    broken = [True]

    def failing(progress):
        if broken[0]:
            raise RuleError("rules/dates.yml: rule date-conflict: max_gap_days: expected an integer")
        return load(progress)

    app.loader = failing
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        assert status(app).startswith("⚠ could not load: rules/dates.yml")
        broken[0] = False
        await pilot.press("ctrl+r")
        await loaded(pilot)
        assert status(app).startswith("2 unreviewed")


async def test_documents_list_and_reading_view_show_what_was_extracted_as_text(analysis, store):
    app = make_app(analysis, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        await pilot.press("3")
        table = app.screen.query_one("#main")
        assert table.row_count == 3
        await pilot.press("j", "j", "enter")
        assert isinstance(app.screen, DocumentScreen)
        text = shown(app.screen.query_one("#reading-text"), 200)
        assert "[link=http://example.invalid]" in text  # markup shown, not followed
        assert "\x1b" not in text and "␛[31m" in text  # the escape is shown as a symbol
        mentions = app.screen.query_one("#mentions")
        rows = [[cell.plain for cell in mentions.get_row_at(i)] for i in range(mentions.row_count)]
        assert ["◷ date", "يوم الأحد 9 شباط", "2026-02-09", "day · sunday", "absolute", "3"] in rows
        await pilot.press("v")
        assert isinstance(app.screen, VerdictDialog) and app.screen.target.kind == "claim"


async def test_timeline_draws_the_dates_each_document_claims(analysis, store):
    app = make_app(analysis, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        await pilot.press("2", "t")
        await pilot.pause()
        assert app.screen.MODE == "timeline"
        lines = shown(app.screen.query_one("#chart"), 60).splitlines()
        turkey = next(line for line in lines if line.startswith("001_turkey"))
        agreement = next(line for line in lines if line.startswith("101_agreement"))
        assert turkey.rstrip().endswith("2025-03-08") and agreement.rstrip().endswith("2025-03-10")
        assert turkey.index("●") < agreement.index("●")


async def test_claims_filter_as_you_type(analysis, store):
    app = make_app(analysis, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        await pilot.press("5", "slash", *"الرياض")
        await loaded(pilot)  # the search runs in a worker
        claims = app.screen.query_one(ClaimList)
        assert [c.doc for c in claims.rows] == ["105_riyadh"]
        assert str(app.screen.query_one("#claims-count").render()) == "1 of 4 claims"
        await pilot.press("escape", "enter")
        assert isinstance(app.screen, DocumentScreen)


async def test_help_opens_with_f1_and_question_mark(analysis, store):
    app = make_app(analysis, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        for key in ("f1", "question_mark"):
            await pilot.press(key)
            assert isinstance(app.screen, HelpScreen)
            await pilot.press("escape")
            assert not isinstance(app.screen, HelpScreen)


async def test_command_palette_offers_the_apps_commands(analysis, store):
    app = make_app(analysis, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert {"Go to Clusters", "Reload rules and corpus", "Toggle light/dark theme",
                "Toggle right-to-left reordering", "Open findings only"} <= set(titles)
        await pilot.press("ctrl+p", *"Go to Documents")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.MODE == "documents"


async def test_theme_toggles_between_light_and_dark(analysis, store):
    app = make_app(analysis, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        dark = app.current_theme.dark
        app.action_toggle_theme()
        await pilot.pause()
        assert app.current_theme.dark is not dark
