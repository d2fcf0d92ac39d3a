"""The workbench app: screens as modes (1-5), the analysis in a worker, verdicts through the store.

The app is a thin face over the core: a loader runs :func:`workbench.pipeline.analyse` and a re-judge
runs :func:`workbench.pipeline.recluster`, both in a worker thread (the core is imported there, not here,
so the first screen paints at once and fills in); the store records verdicts and the screens only show
what came back.  One analysis job runs at a time: a request made meanwhile waits, and requests coalesce.
Pair judgements and verdicts on claims and facts steer cross-referencing and the rules, so whenever they
change (here, or in another session: the store is polled with ``changed_since_last_read()``) the claims
already extracted are re-clustered; ``ctrl+r`` re-reads the rules and the corpus."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input
from textual.worker import Worker, get_current_worker

from workbench.errors import WorkbenchError
from workbench.model import Claim, Cluster, Finding
from workbench.tui.screens.base import WorkbenchScreen
from workbench.tui.screens.claims import ClaimsScreen
from workbench.tui.screens.clusters import ClustersScreen
from workbench.tui.screens.confirm import ConfirmScreen
from workbench.tui.screens.documents import DocumentScreen, DocumentsScreen
from workbench.tui.screens.findings import FindingsScreen
from workbench.tui.screens.help import HelpScreen
from workbench.tui.screens.timeline import TimelineScreen
from workbench.tui.screens.verdict import Drafts, VerdictDialog, VerdictForm, VerdictTarget
from workbench.tui.state import ClaimIndex, FactValue, Workspace, fact_value
from workbench.tui.widgets.status import LoadingBar, StatusLine, status_text

if TYPE_CHECKING:
    from workbench.pipeline import Analysis

Progress = Callable[[str, int, int], None]  # (stage, done, total), as workbench.pipeline reports it
Loader = Callable[[Progress], "Analysis"]
Rejudge = Callable[["Analysis"], "Analysis"]
# What cross-referencing and the rules read from the store: pair judgements, and verdicts on claims and
# facts (contradicts-verdict); reviews and finding verdicts only change what is shown.
Basis = tuple[Mapping[frozenset, str], Mapping[str, tuple]]
# The jobs: read and extract the corpus (its claims are then checked: CHECK, while the documents and
# claims are already shown), or judge the claims already extracted again.
LOAD, CHECK, RECLUSTER = "load", "check", "recluster"

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

    def __init__(self, load: Loader, *, rejudge: Rejudge | None = None, store: Any = None, reorder: bool = False,
                 db_label: str = "", poll_interval: float = 2.0) -> None:
        super().__init__()
        self.loader = load
        self.rejudge = rejudge
        self.store = store
        self.reorder = reorder
        self.db_label = db_label
        self.poll_interval = poll_interval
        scale = store.scale.values if store is not None else {}
        self.ratings: tuple[str, ...] = tuple(scale)
        # A fact stated with its verified value is rated at the top of the team's scale.
        self.best_rating = max(scale, key=scale.get) if scale else ""
        self.workspace = Workspace.empty()
        self.generation = 0  # bumped whenever the workspace changes; screens catch up on resume
        self.busy: str | None = LOAD  # the analysis job running: LOAD, CHECK, RECLUSTER or None
        self.pending: str | None = None  # the job asked for while another ran
        self.basis: Basis | None = None  # what the store said when the current analysis was made
        self.failure = ""  # why the last job failed, until one succeeds
        self.drafts = Drafts()
        self.timeline_wanted: str | None = None

    @property
    def loading(self) -> bool:
        """Reading or checking the corpus (at start or after ctrl+r): findings may be stale or missing."""
        return self.busy in (LOAD, CHECK)

    # ---- the analysis, in a worker --------------------------------------------------------------

    def on_mount(self) -> None:
        # The first load starts after the first frame: the worker competes with the screen for the interpreter.
        self.call_after_refresh(self.run_job, LOAD, self.workspace)
        if self.store is not None:
            self.set_interval(self.poll_interval, self.poll_store)

    def start_job(self, job: str) -> None:
        """Load (extract and judge) or re-cluster (judge the claims already extracted) in the worker."""
        if job == RECLUSTER and (self.rejudge is None or self.generation == 0):
            job = LOAD
        if self.busy is not None:
            if self.pending != LOAD:
                self.pending = job
            return
        self.busy = job
        self.refresh_chrome(self.screen)
        self.run_job(job, self.workspace)

    @work(thread=True, group="analysis")
    def run_job(self, job: str, previous: Workspace) -> None:
        last = 0.0

        def progress(stage: str, done: int, total: int) -> None:
            nonlocal last
            now = time.monotonic()
            if done >= total or now - last > 0.05:
                last = now
                self.post_message(self.Progressed(stage, done, total))

        worker = get_current_worker()
        try:
            basis = self.store_basis()
            if job == LOAD:
                analysis = self.loader(progress)
                index = ClaimIndex(analysis.claims)
                if self.rejudge is not None:
                    if not previous.analysis.documents:  # nothing shown yet: show what was read meanwhile
                        self.call_from_thread(self.extracted, Workspace(analysis, self.verdicts(), index), worker)
                    self.post_message(self.Progressed("checking", 0, 0))
                    analysis = self.rejudge(analysis)
            else:
                assert self.rejudge is not None
                analysis, index = self.rejudge(previous.analysis), previous.claim_index  # the same claims
            workspace = Workspace(analysis, self.verdicts(), index)
        except WorkbenchError as err:
            self.call_from_thread(self.job_failed, job, str(err))
            return
        if not worker.is_cancelled:
            self.call_from_thread(self.job_done, job, workspace, basis)

    def verdicts(self) -> Mapping[str, Any]:
        return self.store.verdicts() if self.store is not None else {}

    def extracted(self, workspace: Workspace, worker: Worker) -> None:
        """The documents and claims of the first load, while their claims are being checked."""
        if not worker.is_cancelled:
            self.busy = CHECK
            self.set_workspace(workspace)

    def job_done(self, job: str, workspace: Workspace, basis: Basis | None) -> None:
        self.busy, self.basis, self.failure = None, basis, ""
        self.set_workspace(workspace)
        problems = workspace.analysis.problems
        if job == LOAD and problems:
            more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
            self.notify(f"{problems[0]}{more}", title="Input not used", severity="warning", markup=False, timeout=8)
        self.next_job()

    def job_failed(self, job: str, message: str) -> None:
        self.busy = None
        self.failure = f"could not {'load' if job == LOAD else 're-cluster'}: {message}"
        self.refresh_chrome(self.screen)
        self.notify(message, title=f"Could not {'load' if job == LOAD else 're-cluster'}", severity="error",
                    markup=False, timeout=15)
        self.next_job()

    def next_job(self) -> None:
        """Run what was asked for meanwhile; else make sure nothing was written while the job ran."""
        job, self.pending = self.pending, None
        if job is not None:
            self.start_job(job)
        elif self.store is not None:
            self.read_store(external=False)

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
            line.update(status_text(self.workspace, busy=self.busy, bidi=self.reorder, db=self.db_label,
                                    failure=self.failure))
        for bar in screen.query(LoadingBar):
            bar.display = self.busy is not None
            if self.busy == RECLUSTER:
                bar.progress("re-clustering", 0, 0)

    def action_reload(self) -> None:
        if not self.loading:
            self.notify("Re-reading rules and corpus…")
        self.start_job(LOAD)

    # ---- the store ------------------------------------------------------------------------------

    def store_basis(self) -> Basis | None:
        if self.store is None:
            return None
        verdicts = {target: (v.rating, v.value, v.claim_text) for target, v in self.store.verdicts().items()
                    if v.kind in ("claim", "cluster")}
        return self.store.judgements(), verdicts

    def poll_store(self) -> None:
        # While a job runs it is left alone: the job reads the store when it ends.
        if self.busy is None and self.store.changed_since_last_read():
            self.read_store(external=True)

    @work(thread=True, exclusive=True, group="store")
    def read_store(self, external: bool) -> None:
        basis, reviews, verdicts = self.store_basis(), self.store.reviews(), self.store.verdicts()
        self.call_from_thread(self.apply_store, reviews, verdicts, basis, external)

    def apply_store(self, reviews: Mapping[str, Any], verdicts: Mapping[str, Any], basis: Basis | None,
                    external: bool = False) -> None:
        """Show the store's reviews and verdicts at once; re-cluster if judgements or verdicts the rules
        read have changed since the analysis was made."""
        if self.generation:
            self.set_workspace(self.workspace.with_reviews(reviews, verdicts))
        stale = self.basis is not None and basis != self.basis
        if stale:
            self.start_job(RECLUSTER)
        if external:
            self.notify("Judgements or verdicts changed in another session: re-clustering…" if stale
                        else "Verdicts updated from another session.")

    def store_changed(self) -> None:
        """After this session wrote to the store."""
        self.apply_store(self.store.reviews(), self.store.verdicts(), self.store_basis())

    def history(self, target: str) -> list[Any]:
        return self.store.history(target) if self.store is not None else []

    def fact_value(self, target: VerdictTarget, value: str) -> FactValue | None:
        """Where a value given on a finding is also recorded (None for claims and facts themselves)."""
        finding = self.workspace.findings.get(target.id) if target.kind == "finding" else None
        return fact_value(self.workspace, finding, value) if finding is not None else None

    def fact_value_note(self, target: VerdictTarget, value: str) -> str:
        """What the verdict dialog says about where a value given on a finding also goes."""
        fact = self.fact_value(target, value)
        if fact is None:
            return ""
        where = f"{'fact' if fact.kind == 'cluster' else 'claim'} {fact.target}"
        if not value.strip():
            return f"A value is also recorded on {where}: every copy of the fact is checked against it."
        rated = (f"rated {self.best_rating} ({fact.claim.doc} says it)" if fact.states_value
                 else f"with your rating ({fact.claim.doc}'s text)")
        return f"Also on {where}, {rated}; copies with another value are reported."

    def fact_rating(self, fact: FactValue, form: VerdictForm) -> str:
        """The fact is rated true (the top of the scale) when the claim it keeps states the verified
        value; otherwise the fact as stated is what the reviewer rated."""
        return self.best_rating if fact.states_value else form.rating

    def save_verdict(self, target: VerdictTarget, form: VerdictForm) -> None:
        """Write what the dialog holds: the review of a finding, a verdict when it has a rating, and a
        value given on a finding also as a verdict on its fact, which the rules check copies against."""
        if self.store is None:
            raise WorkbenchError("no verdict database is open")
        value = form.value.strip()
        fact = self.fact_value(target, value) if value else None
        if target.kind == "finding":
            self.store.review_finding(target.id, form.status, form.note)
        if form.rating:
            self.store.set_verdict(target.id, rating=form.rating, note=form.note, evidence=form.evidence_items(),
                                   value=value or None, claim_text=target.claim_text, doc=target.doc)
        saved = f"Saved {target.kind} {target.id}"
        if fact is not None:
            self.store.set_verdict(fact.target, rating=self.fact_rating(fact, form), note=form.note,
                                   evidence=form.evidence_items(), value=value, claim_text=fact.claim.text,
                                   doc=fact.claim.doc)
            saved += f"; value {value} also on {'fact' if fact.kind == 'cluster' else 'claim'} {fact.target}"
        self.notify(saved + ".", markup=False)
        self.store_changed()

    def judge_many(self, pairs: Iterable[tuple[str, str]], relation: str) -> None:
        """Record pair judgements; the claims are then re-clustered with them."""
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
        self.store_changed()

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
