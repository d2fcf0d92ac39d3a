"""Loading rule files: the shipped rules, and every way a rule file can be wrong (each error names the
file, the rule and the field)."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.errors import RuleError
from workbench.rules import kinds, load_rules

RULES_DIR = Path(__file__).resolve().parent.parent / "rules"
SHIPPED = {"date-conflict", "number-conflict", "weekday-mismatch", "calendar-mismatch", "stale-content",
           "entity-variant", "title-variant", "contradicts-verdict", "pattern"}

GOOD = """\
id: my-dates
extends: date-conflict
level: warning
message: "{doc_a}: {value_a} / {doc_b}: {value_b}"
max_gap_days: 30
"""


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_rules_load_with_their_ids_and_kinds():
    rules = load_rules([RULES_DIR])
    assert {r.id for r in rules} == SHIPPED
    assert {r.kind for r in rules} == set(kinds())
    assert all(r.message and r.source for r in rules)


def test_a_good_rule_and_its_options(tmp_path):
    write(tmp_path, "my-dates.yml", GOOD)
    (rule,) = load_rules([tmp_path])
    assert (rule.id, rule.kind, rule.level) == ("my-dates", "date-conflict", "warning")
    assert rule.options["max_gap_days"] == 30 and rule.options["hijri_tolerance_days"] == 1


@pytest.mark.parametrize(("text", "field", "problem"), [
    (GOOD.replace("id: my-dates", "id: My Dates"), "id", "lower-case"),
    (GOOD.replace("extends: date-conflict", "extends: date-conflicts"), "extends", "built-in kind"),
    (GOOD.replace("level: warning", "level: fatal"), "level", "error, warning or info"),
    (GOOD.replace('message: "{doc_a}: {value_a} / {doc_b}: {value_b}"', "message: ''"), "message", "required"),
    (GOOD.replace("{value_b}", "{value_c}"), "message", "unknown value {value_c}"),
    (GOOD.replace("{value_b}", "{value_b"), "message", "not a valid template"),
    (GOOD + "max_gap: 3\n", "max_gap", "unknown option for date-conflict"),
    (GOOD.replace("max_gap_days: 30", "max_gap_days: thirty"), "max_gap_days", "must be an integer"),
    (GOOD.replace("max_gap_days: 30", "max_gap_days: true"), "max_gap_days", "must be an integer"),
    (GOOD.replace("max_gap_days: 30", "max_gap_days: -1"), "max_gap_days", "negative"),
    (GOOD + "granularities: [day, week]\n", "granularities", "must be one of"),
    (GOOD + "enabled: maybe\n", "enabled", "true or false"),
    (GOOD + "link: 3\n", "link", "URL"),
])
def test_malformed_rules_name_file_rule_and_field(tmp_path, text, field, problem):
    path = write(tmp_path, "bad.yml", text)
    with pytest.raises(RuleError) as err:
        load_rules([tmp_path])
    message = str(err.value)
    assert str(path) in message and f"field '{field}'" in message and problem in message
    assert "rule '" in message


def test_pattern_must_compile(tmp_path):
    write(tmp_path, "p.yml", "id: p\nextends: pattern\nlevel: info\nmessage: '{match}'\npattern: '(unclosed'\n")
    with pytest.raises(RuleError, match=r"p.yml: rule 'p': field 'pattern': not a valid regular expression"):
        load_rules([tmp_path])
    write(tmp_path, "p.yml", "id: p\nextends: pattern\nlevel: info\nmessage: '{match}'\n")
    with pytest.raises(RuleError, match="field 'pattern': required"):
        load_rules([tmp_path])


def test_invalid_yaml_names_the_line(tmp_path):
    path = write(tmp_path, "broken.yml", "id: x\nextends: pattern\nlevel: [info\n")
    with pytest.raises(RuleError, match=rf"{path}:\d+: not valid YAML"):
        load_rules([tmp_path])
    write(tmp_path, "broken.yml", "- just\n- a list\n")
    with pytest.raises(RuleError, match="holds one mapping"):
        load_rules([tmp_path])


def test_duplicate_ids_in_one_directory_are_an_error(tmp_path):
    write(tmp_path, "a.yml", GOOD)
    write(tmp_path, "b.yaml", GOOD)
    with pytest.raises(RuleError, match="field 'id': already defined in"):
        load_rules([tmp_path])


def test_a_later_directory_overrides_or_disables_by_id(tmp_path):
    write(tmp_path / "team", "date-conflict.yml", GOOD.replace("my-dates", "date-conflict"))
    rules = {r.id: r for r in load_rules([RULES_DIR, tmp_path / "team"])}
    assert rules["date-conflict"].level == "warning" and rules["date-conflict"].options["max_gap_days"] == 30
    assert len(rules) == len(SHIPPED)
    write(tmp_path / "off", "x.yml", GOOD.replace("my-dates", "weekday-mismatch") + "enabled: false\n")
    assert "weekday-mismatch" not in {r.id for r in load_rules([RULES_DIR, tmp_path / "off"])}


def test_levels_override_and_switch_off(tmp_path):
    rules = {r.id: r for r in load_rules([RULES_DIR], levels={"date-conflict": "info", "pattern": "off"})}
    assert rules["date-conflict"].level == "info" and "pattern" not in rules
    with pytest.raises(RuleError, match="unknown rule id 'date-conflit'"):
        load_rules([RULES_DIR], levels={"date-conflit": "off"})


def test_fixtures_and_test_files_are_not_rules(tmp_path):
    write(tmp_path, "my-dates.yml", GOOD)
    write(tmp_path, "my-dates.test.yml", "not: a rule\n")
    write(tmp_path / "fixtures", "other.yml", "not: a rule either\n")
    assert [r.id for r in load_rules([tmp_path])] == ["my-dates"]


def test_a_missing_directory_is_an_error(tmp_path):
    with pytest.raises(RuleError, match="no such rules directory"):
        load_rules([tmp_path / "nowhere"])
