"""The verdict dialog: rating, note, evidence and corrected value for a claim, a fact (cluster) or a
finding, saved to the verdict store with ``ctrl+s``; the target's history is shown below.

For a finding the dialog also records the review: *accepted* (the problem is real) or *dismissed* (a
false alarm), with the note as the reason.  ``workbench check`` counts a reviewed finding as not failing.
A rating, evidence or value given on a finding is saved as a verdict on the finding too; a value is also
recorded on the finding's fact (its cluster), since the contradicts-verdict rule checks every copy of a
fact against the value verified for it; the dialog says where it goes and the claims are re-clustered.  ``escape``
keeps what was typed as a draft, offered again on reopening; ``q`` asks before quitting while drafts exist.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, RadioButton, RadioSet, Select, Static

from workbench.errors import WorkbenchError
from workbench.tui.bidi import BidiText, clean

if TYPE_CHECKING:
    from workbench.tui.app import WorkbenchApp

STATUSES = ("accepted", "dismissed")
STATUS_TEXT = {"accepted": "✓ accepted: a real problem", "dismissed": "⊘ dismissed: not a problem"}


@dataclass(frozen=True)
class VerdictTarget:
    """What a verdict is about; ``claim_text`` and ``doc`` keep it readable if the document changes."""

    id: str
    kind: str  # claim | cluster | finding
    summary: str
    claim_text: str = ""
    doc: str = ""


@dataclass(frozen=True)
class VerdictForm:
    """What the reviewer entered; empty strings for fields left blank."""

    status: str = ""
    rating: str = ""
    note: str = ""
    evidence: str = ""
    value: str = ""

    def evidence_items(self) -> list[str]:
        return [item.strip() for item in self.evidence.split(";") if item.strip()]

    def wants_verdict(self) -> bool:
        return bool(self.rating or self.evidence.strip() or self.value.strip())


@dataclass
class Drafts:
    """Forms closed without saving, by target id."""

    forms: dict[str, VerdictForm] = field(default_factory=dict)


class ReviewButton(RadioButton):
    """A radio button whose mark itself says whether it is chosen (● or ○), not only its colour."""

    @property
    def BUTTON_INNER(self) -> str:  # noqa: N802 (Textual's name)
        return "●" if self.value else "○"


class VerdictDialog(ModalScreen[bool]):
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True, id="save"),
        Binding("escape", "close", "Close (keep draft)", id="close"),
    ]

    app: "WorkbenchApp"

    def __init__(self, target: VerdictTarget, ratings: tuple[str, ...], initial: VerdictForm) -> None:
        super().__init__()
        self.target = target
        self.ratings = ratings
        self.initial = initial

    def compose(self) -> ComposeResult:
        target, initial = self.target, self.initial
        with Vertical(id="verdict-dialog"):
            yield Label(Text(f"Verdict on {target.kind} {target.id}", style="bold"), id="verdict-title")
            yield Static(BidiText(Text(clean(target.summary)), reorder=self.app.reorder), id="verdict-summary")
            if target.kind == "finding":
                with Horizontal(classes="field"):
                    yield Label("Review", classes="field-label")
                    with RadioSet(id="review"):
                        for status in STATUSES:
                            yield ReviewButton(STATUS_TEXT[status], value=initial.status == status, id=f"review-{status}")
            with Horizontal(classes="field"):
                yield Label("Rating", classes="field-label")
                yield Select([(r, r) for r in self.ratings], prompt="(no rating)", allow_blank=True,
                             value=initial.rating or Select.NULL, id="rating", compact=True)
            with Horizontal(classes="field"):
                yield Label("Reason" if target.kind == "finding" else "Note", classes="field-label")
                yield Input(initial.note, placeholder="why", id="note", compact=True)
            with Horizontal(classes="field"):
                yield Label("Evidence", classes="field-label")
                yield Input(initial.evidence, placeholder="URLs or sources; separate with ;", id="evidence",
                            compact=True)
            with Horizontal(classes="field"):
                yield Label("Value", classes="field-label")
                yield Input(initial.value, placeholder="verified value, e.g. 2025-03-10", id="value", compact=True)
            if target.kind == "finding":
                yield Static(self.value_note(initial.value), id="value-note")
            yield Label(Text("History", style="bold"))
            with VerticalScroll(id="verdict-history"):
                yield Static(self.history_text(), id="history")
            yield Label(Text("ctrl+s save · escape close (keeps a draft) · tab next field", style="dim"))

    def value_note(self, value: str) -> Text:
        return Text(self.app.fact_value_note(self.target, value), style="dim")

    @on(Input.Changed, "#value")
    def value_changed(self, event: Input.Changed) -> None:
        if self.target.kind == "finding":
            self.query_one("#value-note", Static).update(self.value_note(event.value))

    def history_text(self) -> Text:
        records = self.app.history(self.target.id)
        if not records:
            return Text("nothing recorded yet", style="dim")
        text = Text()
        for record in reversed(records):
            text.append(f"#{record.id} {record.time[:16]} {clean(record.reviewer)}: ", style="dim")
            text.append(clean(record.summary()) + "\n")
        text.rstrip()
        return text

    def form(self) -> VerdictForm:
        status = ""
        if self.target.kind == "finding":
            pressed = self.query_one("#review", RadioSet).pressed_button
            status = pressed.id.removeprefix("review-") if pressed is not None and pressed.id else ""
        rating = self.query_one("#rating", Select).value
        return VerdictForm(
            status=status,
            rating="" if rating is Select.NULL else str(rating),
            note=self.query_one("#note", Input).value,
            evidence=self.query_one("#evidence", Input).value,
            value=self.query_one("#value", Input).value,
        )

    @property
    def dirty(self) -> bool:
        return self.form() != self.initial

    def action_save(self) -> None:
        form = self.form()
        if self.target.kind == "finding" and not form.status:
            self.notify("Choose accepted or dismissed for the finding.", severity="warning")
            self.query_one("#review").focus()
            return
        if self.target.kind != "finding" and not form.rating:
            self.notify("Choose a rating.", severity="warning")
            self.query_one("#rating").focus()
            return
        if form.wants_verdict() and not form.rating:
            self.notify("Evidence and a value are saved with a rating: choose one.", severity="warning")
            self.query_one("#rating").focus()
            return
        try:
            self.app.save_verdict(self.target, form)
        except WorkbenchError as err:
            self.notify(str(err), severity="error", markup=False)
            return
        self.app.drafts.forms.pop(self.target.id, None)
        self.dismiss(True)

    def action_close(self) -> None:
        form = self.form()
        if form != self.initial:
            self.app.drafts.forms[self.target.id] = form
            self.notify("Draft kept: v reopens it; q asks before quitting.", markup=False)
        self.dismiss(False)
