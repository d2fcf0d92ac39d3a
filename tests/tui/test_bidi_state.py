"""Display-time bidi, escaping, and the filters the screens use."""

from __future__ import annotations

import unicodedata

from rich.text import Text

from tests.tui.conftest import build_analysis
from workbench.tui.bidi import clean, resolve_bidi, rtl_islands, shape, visual_line
from workbench.tui.state import ClaimIndex, FindingFilter, Workspace, fact_value, filter_findings, states_value


def test_auto_turns_reordering_off_where_the_terminal_does_it():
    assert resolve_bidi("auto", {"VTE_VERSION": "7600"}) is False
    assert resolve_bidi("auto", {"KONSOLE_VERSION": "230800"}) is False
    assert resolve_bidi("auto", {"TERM": "xterm-kitty"}) is True
    assert resolve_bidi("on", {"VTE_VERSION": "7600"}) is True
    assert resolve_bidi("off", {}) is False


def test_control_characters_become_visible_and_offsets_survive():
    text = "a\x1b[31mb\x9b\u202ec\td\n"
    shown = clean(text)
    assert len(shown) == len(text)
    assert "\x1b" not in shown and "\x9b" not in shown and "\u202e" not in shown
    assert shown.startswith("a␛[31mb") and shown.endswith("c d\n")


def test_shaping_joins_letters_and_forms_lam_alef():
    glyphs = "".join(g for g, _ in shape("سلام"))
    names = [unicodedata.name(g) for g in glyphs]
    assert names[0].endswith("INITIAL FORM") and "LAM WITH ALEF" in names[1] and names[2].endswith("ISOLATED FORM")


def test_a_reordered_line_keeps_each_characters_style():
    line = Text("اتفاق 10 آذار")
    line.stylize("bold", 6, 8)  # the number
    shown = visual_line(line, rtl=True)
    assert shown.plain.startswith("ﺭﺍﺫﺁ 10 ")
    bold = [span for span in shown.spans if span.style == "bold"]
    assert [shown.plain[s.start:s.end] for s in bold] == ["10"]


def test_latin_lines_are_left_alone():
    line = Text("date-conflict 2025-03-10")
    assert visual_line(line, rtl=False) is line


def test_finding_filter_terms():
    parsed = FindingFilter.parse("rule:date level:error doc:101 reviewed:no اتفاق")
    assert (parsed.rules, parsed.levels, parsed.docs, parsed.reviewed, parsed.words) == (
        ("date",), ("error",), ("101",), (None,), ("اتفاق",))
    assert FindingFilter.parse("level:severe").words == ("level", "severe")


def test_filtering_findings_ignores_hamza_and_letter_variants():
    workspace = Workspace(build_analysis())
    assert [f.rule for f in filter_findings(workspace, "الإثنين", {})] == ["weekday-mismatch"]


def test_claim_index_narrowing_gives_the_same_result_as_a_fresh_search():
    claims = build_analysis().claims * 50
    narrowing = ClaimIndex(claims)
    for prefix in ("ا", "ال", "الر", "الرياض"):
        narrowed = narrowing.search(prefix)
        assert narrowed == ClaimIndex(claims).search(prefix)
    assert len(narrowed) == 50
    assert narrowing.search("") == list(range(len(claims)))


def test_a_value_on_a_finding_goes_on_the_cluster_keeping_the_claim_that_states_it():
    analysis = build_analysis()
    workspace = Workspace(analysis)
    conflict, weekday = analysis.findings
    called, signed, _, met = analysis.claims
    fact = fact_value(workspace, conflict, "2025-03-10")
    assert (fact.target, fact.kind, fact.claim, fact.states_value) == (analysis.clusters[0].id, "cluster", signed, True)
    fact = fact_value(workspace, conflict, "2025-03-09")  # nobody states it: the first claim's text is kept
    assert (fact.claim, fact.states_value) == (called, False)
    fact = fact_value(workspace, weekday, "2026-02-09")  # a claim in no cluster carries the value itself
    assert (fact.target, fact.kind, fact.states_value) == (met.id, "claim", True)


def test_a_value_is_stated_as_a_date_or_a_number_with_or_without_its_unit():
    _, signed, ninetieth, _ = build_analysis().claims
    assert states_value(signed, "2025-03-10") and not states_value(signed, "2025-03")
    assert states_value(ninetieth, "90") and states_value(ninetieth, "90 دولة") and not states_value(ninetieth, "91")


def test_arabic_phrases_in_an_english_line_are_reordered_each_on_its_own():
    line = Text("001_x dates it 8 مارس (2025-03-08); 101_y says 10 آذار/مارس 2025")
    line.stylize("bold", 17, 21)  # مارس
    shown = visual_line(line, rtl=False)
    # The plain algorithm would pull "(2025-03-08); 101" into the Arabic run and reverse it.
    assert shown.plain.startswith("001_x dates it ﺱﺭﺎﻣ 8 (2025-03-08); 101_y says 2025 ")
    assert shown.plain.endswith(" 10")
    assert [shown.plain[s.start:s.end] for s in shown.spans] == ["ﺱﺭﺎﻣ"]
    text = "rule 2026-02-09 for 'يوم الأحد 9 شباط' says (الأحد)"
    assert [text[a:b] for a, b in rtl_islands(text)] == ["'يوم الأحد 9 شباط'", "(الأحد)"]
    quoted = visual_line(Text("differs from the verified value (2025-03-10): '8 مارس'"), rtl=False).plain
    assert quoted.endswith("(2025-03-10): 'ﺱﺭﺎﻣ 8'")
