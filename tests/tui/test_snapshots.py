"""Snapshots of every screen at 80x24 with Arabic text (pytest-textual-snapshot).  Review a changed
snapshot in the report pytest writes, then accept it with ``pytest --snapshot-update``."""

from __future__ import annotations

import pytest

from tests.tui.conftest import build_analysis, loaded, make_app
from workbench.store import VerdictStore

SCREENS = {
    "findings": (),
    "findings-filtered": ("slash", *"level:warning"),
    "finding-side-by-side": ("enter",),
    "verdict-dialog": ("v",),
    "clusters": ("2",),
    "cluster-claims": ("2", "enter"),
    "documents": ("3",),
    "reading-view": ("3", "j", "enter"),
    "timeline": ("4",),
    "claims": ("5",),
    "help": ("f1",),
}


@pytest.fixture
def app_factory(tmp_path):
    def factory(**kwargs):
        return make_app(build_analysis(), VerdictStore(tmp_path / "verdicts.json", reviewer="tester"),
                        poll_interval=60, **kwargs)
    return factory


@pytest.mark.parametrize("name", SCREENS)
def test_screen(name, snap_compare, app_factory):
    assert snap_compare(app_factory(), press=SCREENS[name], terminal_size=(80, 24), run_before=loaded)


def test_findings_reordered_for_terminals_without_bidi(snap_compare, app_factory):
    assert snap_compare(app_factory(reorder=True), press=("enter",), terminal_size=(80, 24), run_before=loaded)


def test_light_theme(snap_compare, app_factory):
    async def light(pilot):
        pilot.app.theme = "textual-light"
        await loaded(pilot)

    assert snap_compare(app_factory(), terminal_size=(80, 24), run_before=light)
