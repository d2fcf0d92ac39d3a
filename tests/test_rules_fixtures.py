"""Rule tests in the spirit of semgrep's: every shipped rule has a folder of documents that must make
it fire and one that must not, beside it in ``rules/fixtures/<rule id>/{fires,passes}/``, run through
the whole pipeline (load, extract, cross-reference, rules).  A ``verdicts.yml`` in a fixture folder
records verdicts first (``doc``, ``has``: a substring of the claim, ``rating``, optional ``value``).
A sub-folder of ``fires/`` or ``passes/`` is one more document set with the same expectation."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from workbench.config import Config
from workbench.rules import load_rules

RULES_DIR = Path(__file__).resolve().parent.parent / "rules"
FIXTURES = RULES_DIR / "fixtures"
RULE_IDS = sorted(r.id for r in load_rules([RULES_DIR]))


def _documents(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".md", ".html", ".jsonl"))


def test_every_shipped_rule_has_fixtures_that_fire_and_pass():
    missing = [f"{rule_id}/{expect}" for rule_id in RULE_IDS for expect in ("fires", "passes")
               if not (FIXTURES / rule_id / expect).is_dir() or not _documents(FIXTURES / rule_id / expect)]
    assert not missing, f"rules without fixture documents: {', '.join(missing)}"
    strays = sorted(p.name for p in FIXTURES.iterdir() if p.name not in RULE_IDS)
    assert not strays, f"fixture folders for no rule: {', '.join(strays)}"


def _store_with_verdicts(folder: Path, documents: list[Path], config: Config, tmp_path: Path):
    from workbench.pipeline import load_and_extract
    from workbench.store import VerdictStore

    spec = folder / "verdicts.yml"
    if not spec.exists():
        return None
    _, claims, _ = load_and_extract(documents, config)
    store = VerdictStore(tmp_path / "verdicts.json", reviewer="fixture")
    for entry in yaml.safe_load(spec.read_text(encoding="utf-8")):
        matching = [c for c in claims if c.doc == entry["doc"] and entry["has"] in c.text]
        assert matching, f"{spec}: no claim of {entry['doc']} contains {entry['has']!r}"
        store.set_verdict(matching[0].id, rating=entry["rating"], note=entry.get("note", ""),
                          value=entry.get("value"), claim_text=matching[0].text, doc=matching[0].doc)
    return store


def _fixture_sets() -> list:
    sets = []
    for rule_id in RULE_IDS:
        for expect in ("fires", "passes"):
            top = FIXTURES / rule_id / expect
            folders = [top, *sorted(p for p in top.iterdir() if p.is_dir())] if top.is_dir() else []
            sets += [pytest.param(rule_id, expect, folder, id=f"{rule_id}-{expect}-{folder.relative_to(top)}")
                     for folder in folders if _documents(folder)]
    return sets


@pytest.mark.parametrize("rule_id,expect,folder", _fixture_sets())
def test_rule_fixture(rule_id: str, expect: str, folder: Path, tmp_path: Path):
    from workbench.pipeline import analyse

    documents = _documents(folder)
    config = Config(rules=(RULES_DIR,))
    store = _store_with_verdicts(folder, documents, config, tmp_path)
    analysis = analyse(documents, config, store=store)
    assert not analysis.problems, [str(p) for p in analysis.problems]
    found = [f for f in analysis.findings if f.rule == rule_id]
    if expect == "fires":
        assert found, f"{rule_id} did not fire on {folder}"
    else:
        assert not found, f"{rule_id} fired on {folder}: {[f.message for f in found]}"
