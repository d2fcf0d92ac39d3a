"""The workbench app: screens as modes (1-5), loading in a worker, verdicts through the store.

The app is a thin face over the core: a loader runs :func:`workbench.pipeline.analyse`, the store
records verdicts, and the screens only show what came back.  The first screen appears at once and fills
in when the worker finishes; verdicts written by another session or the CLI are picked up by polling
``changed_since_last_read()``; ``ctrl+r`` re-reads the rules and the corpus."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from typing import Any

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input

from workbench.errors import WorkbenchError
from workbench.model import Claim, Cluster, Finding
from workbench.pipeline import Analysis, Progress
from workbench.tui.screens.base import WorkbenchScreen
from workbench.tui.screens.claims import ClaimsScreen
from workbench.tui.screens.clusters import ClustersScreen
from workbench.tui.screens.confirm import ConfirmScreen
from workbench.tui.screens.documents import DocumentScreen, DocumentsScreen
from workbench.tui.screens.findings import FindingsScreen
from workbench.tui.screens.help import HelpScreen
from workbench.tui.screens.timeline import TimelineScreen
from workbench.tui.screens.verdict import Drafts, VerdictDialog, VerdictForm, VerdictTarget
from workbench.tui.state import Workspace
from workbench.tui.widgets.status import LoadingBar, StatusLine, status_text

Loader = Callable[[Progress], Analysis]

BIDI_NOTE = (
    "text is kept in logical order; with bidi on, each wrapped line is reordered and shaped for terminals "
    "that draw cells left to right (kitty, Windows Terminal, xterm). VTE terminals (GNOME Terminal), "
    "Konsole and mlterm reorder by themselves: --bidi auto turns reordering off there. "
    "Change it with --bidi on|off, bidi = \"on\" in workbench.toml, or the command palette."
)


class WorkbenchApp(App[None]):
    CSS_PATH = "workbench.tcss"
    TITLE = "workbench"
    MODES = {
        "findings": FindingsScreen, "clusters": ClustersScreen, "documents": DocumentsScreen,
        "timeline": TimelineScreen, "claims": ClaimsScreen,
    }
    DEFAULT_MODE = "findings"
    BINDINGS = [
        Binding("q", "quit", "Quit", id="quit"),
        Binding("f1,question_mark", "help", "Help", key_display="F1", id="help"),
        Binding("ctrl+r", "reload", "Reload", show=False, id="reload"),
        Binding("1", "switch_mode('findings')", "Findings", show=False, id="mode-findings"),
        Binding("2", "switch_mode('clusters')", "Clusters", show=False, id="mode-clusters"),
        Binding("3", "switch_mode('documents')", "Documents", show=False, id="mode-documents"),
        Binding("4", "switch_mode('timeline')", "Timeline", show=False, id="mode-timeline"),
        Binding("5", "switch_mode('claims')", "Claims", show=False, id="mode-claims"),
    ]

    class Progressed(Message):
        """Posted from the loading thread (``post_message`` is thread-safe)."""

        def __init__(self, stage: str, done: int, total: int) -> None:
            super().__init__()
            self.stage, self.done, self.total = stage, done, total

    def __init__(self, load: Loader, *, store: Any = None, reorder: bool = False, db_label: str = "",
                 poll_interval: float = 2.0) -> None:
        super().__init__()
        self.loader = load
        self.store = store
        self.reorder = reorder
        self.db_label = db_label
        self.poll_interval = poll_interval
        self.ratings: tuple[str, ...] = tuple(store.scale.labels) if store is not None else ()
        self.workspace = Workspace.empty()
        self.generation = 0  # bumped whenever the workspace changes; screens catch up on resume
        self.loading = True
        self.drafts = Drafts()
        self.timeline_wanted: str | None = None

    # ---- loading --------------------------------------------------------------------------------

    def on_mount(self) -> None:
        self.load()
        if self.store is not None:
            self.set_interval(self.poll_interval, self.poll_store)

    @work(thread=True, exclusive=True, group="load")
    def load(self) -> None:
        last = 0.0

        def progress(stage: str, done: int, total: int) -> None:
            nonlocal last
            now = time.monotonic()
            if done >= total or now - last > 0.05:
                last = now
                self.post_message(self.Progressed(stage, done, total))

        try:
            analysis = self.loader(progress)
            verdicts = self.store.verdicts() if self.store is not None else {}
        except WorkbenchError as err:
            self.call_from_thread(self.load_failed, str(err))
            return
        self.call_from_thread(self.loaded, Workspace(analysis, verdicts))  # indexes built here, off the UI

    def loaded(self, workspace: Workspace) -> None:
        self.loading = False
        analysis = workspace.analysis
        self.set_workspace(workspace)
        if analysis.problems:
            first = analysis.problems[0]
            more = f" (and {len(analysis.problems) - 1} more)" if len(analysis.problems) > 1 else ""
            self.notify(f"{first}{more}", title="Input not used", severity="warning", markup=False, timeout=8)

    def load_failed(self, message: str) -> None:
        self.loading = False
        self.refresh_chrome(self.screen)
        self.notify(message, title="Could not load", severity="error", markup=False, timeout=15)

    def on_workbench_app_progressed(self, message: Progressed) -> None:
        for bar in self.screen.query(LoadingBar):
            bar.progress(message.stage, message.done, message.total)

    def set_workspace(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.generation += 1
        for screen in self.screen_stack:
            if isinstance(screen, WorkbenchScreen):
                screen.catch_up()
        self.refresh_chrome(self.screen)

    def refresh_chrome(self, screen: Screen) -> None:
        """The status line and loading bar of ``screen``."""
        for line in screen.query(StatusLine):
            line.update(status_text(self.workspace, loading=self.loading, bidi=self.reorder, db=self.db_label))
        for bar in screen.query(LoadingBar):
            bar.display = self.loading

    def action_reload(self) -> None:
        if self.loading:
            return
        self.loading = True
        self.refresh_chrome(self.screen)
        self.notify("Re-reading rules and corpus…")
        self.load()

    # ---- the store ------------------------------------------------------------------------------

    def poll_store(self) -> None:
        if not self.loading and self.store.changed_since_last_read():
            self.read_store()

    @work(thread=True, exclusive=True, group="store")
    def read_store(self) -> None:
        reviews, verdicts = self.store.reviews(), self.store.verdicts()
        self.call_from_thread(self.apply_store, reviews, verdicts, True)

    def apply_store(self, reviews: dict[str, Any], verdicts: dict[str, Any], external: bool = False) -> None:
        self.set_workspace(self.workspace.with_reviews(reviews, verdicts))
        if external:
            self.notify("Verdicts updated from another session.")

    def history(self, target: str) -> list[Any]:
        return self.store.history(target) if self.store is not None else []

    def save_verdict(self, target: VerdictTarget, form: VerdictForm) -> None:
        """Write what the dialog holds: the review of a finding, and a verdict when it has a rating."""
        if self.store is None:
            raise WorkbenchError("no verdict database is open")
        if target.kind == "finding":
            self.store.review_finding(target.id, form.status, form.note)
        if form.rating:
            self.store.set_verdict(target.id, rating=form.rating, note=form.note, evidence=form.evidence_items(),
                                   value=form.value.strip() or None, claim_text=target.claim_text, doc=target.doc)
        self.apply_store(self.store.reviews(), self.store.verdicts())
        self.notify(f"Saved {target.kind} {target.id}.", markup=False)

    def judge_many(self, pairs: Iterable[tuple[str, str]], relation: str) -> None:
        """Record pair judgements, then re-cluster (a reload honours them)."""
        if self.store is None:
            self.notify("No verdict database is open.", severity="error")
            return
        try:
            for first, second in pairs:
                self.store.judge(first, second, relation)
        except WorkbenchError as err:
            self.notify(str(err), severity="error", markup=False)
            return
        self.notify(f"Judged {relation}; re-clustering…")
        self.action_reload()

    # ---- opening things -------------------------------------------------------------------------

    def open_verdict(self, target: VerdictTarget) -> None:
        if self.store is None:
            self.notify("No verdict database is open.", severity="error")
            return
        initial = self.drafts.forms.get(target.id) or self.stored_form(target)
        self.push_screen(VerdictDialog(target, self.ratings, initial))

    def stored_form(self, target: VerdictTarget) -> VerdictForm:
        """The dialog starts from what the store already says about the target."""
        verdict = self.workspace.verdicts.get(target.id)
        status = ""
        if target.kind == "finding":
            finding = self.workspace.findings.get(target.id)
            status = finding.reviewed or "" if finding else ""
        if verdict is None:
            return VerdictForm(status=status)
        return VerdictForm(status=status, rating=verdict.rating, note=verdict.note,
                           evidence="; ".join(verdict.evidence), value=verdict.value or "")

    def open_verdict_for_finding(self, finding: Finding) -> None:
        self.open_verdict(VerdictTarget(finding.id, "finding", f"{finding.rule}: {finding.message}",
                                        claim_text=finding.message, doc=finding.docs[0] if finding.docs else ""))

    def open_verdict_for_cluster(self, cluster: Cluster) -> None:
        claims = [self.workspace.claims[c] for c in cluster.claims if c in self.workspace.claims]
        first = claims[0] if claims else None
        self.open_verdict(VerdictTarget(cluster.id, "cluster", first.text if first else cluster.id,
                                        claim_text=first.text if first else "", doc=first.doc if first else ""))

    def open_verdict_for_claim(self, claim: Claim) -> None:
        self.open_verdict(VerdictTarget(claim.id, "claim", claim.text, claim_text=claim.text, doc=claim.doc))

    def open_document(self, doc_id: str, conflicts: set[str] = frozenset()) -> None:
        document = self.workspace.documents.get(doc_id)
        if document is None:
            self.notify(f"Document {doc_id} is no longer loaded.", severity="warning", markup=False)
            return
        self.push_screen(DocumentScreen(document, self.workspace.claims_by_doc.get(doc_id, []), set(conflicts)))

    def show_timeline(self, subject_id: str) -> None:
        self.timeline_wanted = subject_id
        self.switch_mode("timeline")

    # ---- keys and commands ----------------------------------------------------------------------

    def unsaved(self) -> int:
        open_dialog = isinstance(self.screen, VerdictDialog) and self.screen.dirty
        return len(self.drafts.forms) + (1 if open_dialog and self.screen.target.id not in self.drafts.forms else 0)

    async def action_quit(self) -> None:
        unsaved = self.unsaved()
        if not unsaved:
            self.exit()
            return

        def answered(quit_anyway: bool | None) -> None:
            if quit_anyway:
                self.exit()

        self.push_screen(ConfirmScreen(f"{unsaved} verdict{'s are' if unsaved > 1 else ' is'} not saved. "
                                       "Quit and lose it?"), answered)

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen, BIDI_NOTE))

    def action_toggle_bidi(self) -> None:
        self.reorder = not self.reorder
        self.set_workspace(self.workspace)
        self.notify(f"Right-to-left reordering {'on' if self.reorder else 'off'}.")

    def action_toggle_theme(self) -> None:
        self.theme = "textual-light" if self.current_theme.dark else "textual-dark"

    async def action_show_open_findings(self) -> None:
        await self.switch_mode("findings")
        self.screen.query_one("#filter", Input).value = "reviewed:no"

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for mode, title in (("findings", "Findings"), ("clusters", "Clusters"), ("documents", "Documents"),
                            ("timeline", "Timeline"), ("claims", "Claims")):
            yield SystemCommand(f"Go to {title}", f"Show the {title} screen",
                                lambda mode=mode: self.switch_mode(mode))
        yield SystemCommand("Open findings only", "Filter the findings to those nobody has reviewed",
                            self.action_show_open_findings)
        yield SystemCommand("Reload rules and corpus", "Re-read rules/ and the corpus (ctrl+r)", self.action_reload)
        yield SystemCommand("Toggle light/dark theme", "Switch between the light and the dark theme",
                            self.action_toggle_theme)
        yield SystemCommand("Toggle right-to-left reordering", "Reorder Arabic lines for terminals without bidi",
                            self.action_toggle_bidi)
