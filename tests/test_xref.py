"""Cross-referencing: hand-built claims for each behaviour, then the sample corpus through the pipeline,
the ANS headline pairs, and the `workbench xref` command."""

from __future__ import annotations

import csv
import itertools
import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from workbench.model import Claim, DateMention, EntityMention, NumberMention, stable_id
from workbench.parallel import in_workers
from workbench.xref import (
    DEFAULT_THRESHOLD,
    KeyWeights,
    candidate_pairs,
    claim_pairs,
    cross_reference,
    score_pair,
    unique_profiles,
    weights_for,
)
from workbench.xref.blocking import Blocking
from workbench.xref.scoring import MAX_BLOCK, MIN_OVERLAP

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


def day(value: str, text: str = "") -> DateMention:
    return DateMention(text or value, 0, 0, value, "day")


def entity(eid: str, text: str = "") -> EntityMention:
    return EntityMention(text or eid, 0, 0, eid, "place")


def claim(cid: str, doc: str, text: str, *, dates=(), numbers=(), entities=()) -> Claim:
    return Claim(cid, doc, 0, len(text), text, tuple(dates), tuple(numbers), tuple(entities))


# A small newsroom: one truce reported three ways, a trap that shares its place and month, and filler.
TRUCE_A = claim("a1", "doc-a", "وقّعت الحكومة والمعارضة في الدوحة اتفاق هدنة يقضي بوقف إطلاق النار يوم 5 أيار 2024",
                dates=[day("2024-05-05")], entities=[entity("doha"), entity("opposition")])
TRUCE_B = claim("b1", "doc-b", "اتفاق الهدنة الموقع في الدوحة بين المعارضة والحكومة في 5 مايو 2024 نص على وقف النار",
                dates=[day("2024-05-05")], entities=[entity("doha"), entity("opposition")])
TRUCE_C = claim("c1", "doc-c", "أكد الوسطاء أن اتفاق الدوحة للهدنة بين الحكومة والمعارضة الموقع في 7 أيار صامد",
                dates=[day("2024-05-07")], entities=[entity("doha"), entity("opposition")])
CONFERENCE = claim("d1", "doc-d", "عقدت المعارضة مؤتمرها السنوي في الدوحة يوم 6 أيار 2019 بحضور مئات المندوبين",
                   dates=[day("2019-05-06")], entities=[entity("doha"), entity("opposition")])
FILLER = [
    claim("f1", "doc-e", "ارتفعت أسعار القمح في الأسواق المحلية بنسبة كبيرة خلال الشهر الماضي"),
    claim("f2", "doc-e", "افتتح وزير الصحة مستشفى جديدا للأطفال في مدينة حلب"),
    claim("f3", "doc-f", "فاز المنتخب الوطني لكرة القدم على نظيره الأردني بهدفين نظيفين"),
    claim("f4", "doc-f", "شهدت المدينة أمطارا غزيرة أدت إلى إغلاق عدد من الطرق الرئيسية"),
]
NEWSROOM = [TRUCE_A, CONFERENCE, *FILLER[:2], TRUCE_B, *FILLER[2:], TRUCE_C]


def cluster_of(clusters, claim_id):
    return next((c for c in clusters if claim_id in c.claims), None)


def together(clusters, *ids) -> bool:
    found = cluster_of(clusters, ids[0])
    return found is not None and all(i in found.claims for i in ids)


def test_paraphrases_in_other_words_and_order_are_one_fact():
    clusters = cross_reference(NEWSROOM)
    assert together(clusters, "a1", "b1")
    truce = cluster_of(clusters, "a1")
    assert truce.docs == ("doc-a", "doc-b", "doc-c")


def test_dates_a_little_apart_still_link_so_the_rules_can_flag_them():
    assert together(cross_reference(NEWSROOM), "a1", "b1", "c1")


def test_another_event_in_the_same_place_stays_apart():
    clusters = cross_reference(NEWSROOM)
    assert cluster_of(clusters, "d1") is None or "a1" not in cluster_of(clusters, "d1").claims
    scored = score_pair(TRUCE_A, CONFERENCE)
    assert scored.dates_apart and scored.event_clash
    assert scored.score < DEFAULT_THRESHOLD


def test_unrelated_claims_are_not_clustered():
    clusters = cross_reference(NEWSROOM)
    assert all(cluster_of(clusters, f.id) is None for f in FILLER)


def test_an_undated_claim_cannot_bridge_two_events_its_dates_keep_apart():
    bridge = claim("e1", "doc-g", "اتفاق الهدنة بين الحكومة والمعارضة في الدوحة", entities=[entity("doha"), entity("opposition")])
    later = claim("e2", "doc-h", "وقعت الحكومة والمعارضة في الدوحة اتفاق هدنة جديدا يقضي بوقف إطلاق النار يوم 9 تشرين الأول 2025",
                  dates=[day("2025-10-09")], entities=[entity("doha"), entity("opposition")])
    clusters = cross_reference([TRUCE_A, TRUCE_B, bridge, later])
    assert together(clusters, "a1", "b1")
    assert not together(clusters, "a1", "e2")


def test_same_judgement_is_a_must_link():
    pair = frozenset({"f1", "f3"})
    clusters = cross_reference(NEWSROOM, judgements={pair: "same"})
    assert together(clusters, "f1", "f3")


def test_different_judgement_is_a_cannot_link_even_through_a_third_claim():
    clusters = cross_reference(NEWSROOM, judgements={frozenset({"a1", "b1"}): "different"})
    assert not together(clusters, "a1", "b1")
    assert not any({"a1", "b1"} <= set(c.claims) for c in clusters)


def test_unsure_changes_nothing_and_unknown_claims_are_ignored():
    plain = cross_reference(NEWSROOM)
    judged = cross_reference(NEWSROOM, judgements={frozenset({"a1", "b1"}): "unsure",
                                                     frozenset({"a1", "gone"}): "different"})
    assert judged == plain


def test_output_is_deterministic_and_ids_come_from_the_claims():
    clusters = cross_reference(NEWSROOM)
    shuffled = list(NEWSROOM)
    random.Random(3).shuffle(shuffled)
    again = cross_reference(shuffled)
    assert {c.id: set(c.claims) for c in clusters} == {c.id: set(c.claims) for c in again}
    for cluster in clusters:
        assert cluster.id == stable_id("k", *sorted(cluster.claims))
        assert len(cluster.claims) >= 2
        assert 0 < cluster.score <= 1
    order = {c.id: i for i, c in enumerate(NEWSROOM)}
    firsts = [min(order[i] for i in c.claims) for c in clusters]
    assert firsts == sorted(firsts)


def test_copies_in_two_documents_form_one_cluster():
    copy = claim("a2", "doc-z", TRUCE_A.text, dates=TRUCE_A.dates, entities=TRUCE_A.entities)
    clusters = cross_reference([TRUCE_A, FILLER[0], copy])
    assert [c.claims for c in clusters] == [("a1", "a2")]


def test_a_lone_date_line_is_never_linked():
    lines = [claim("l1", "x", "10 شباط 2026", dates=[day("2026-02-10")]),
             claim("l2", "y", "10 شباط 2026", dates=[day("2026-02-10")])]
    assert cross_reference(lines) == []


def test_score_explains_itself():
    scored = score_pair(TRUCE_A, TRUCE_B, weights_for(NEWSROOM))
    reasons = " | ".join(scored.reasons())
    assert "entity: doha" in reasons or "entity: opposition" in reasons
    assert "day: 2024-05-05" in reasons
    assert "agreement" in scored.events


def member(value: int, text: str, unit: str = "العضو") -> NumberMention:
    return NumberMention(text, 0, 0, value, unit, ordinal=True)


JOINED = claim("n1", "d1", "انضمت سوريا إلى التحالف الدولي لتصبح العضو التسعين يوم 11 تشرين الثاني 2025",
               dates=[day("2025-11-11")], numbers=[member(90, "التسعين")],
               entities=[entity("syria"), entity("coalition")])
WELCOMED = claim("n2", "d2", "رحب اجتماع الرياض يوم 9 شباط 2026 بانضمام سوريا إلى التحالف الدولي بوصفها الدولة التسعين",
                 dates=[day("2026-02-09")], numbers=[member(90, "التسعين", "الدولة")],
                 entities=[entity("syria"), entity("coalition"), entity("riyadh")])


def test_a_shared_lasting_figure_links_reports_made_at_different_times():
    scored = score_pair(JOINED, WELCOMED)
    assert scored.dates_apart and "n:90" in scored.shared and scored.figures == ("q:rank:member",)
    assert scored.score >= DEFAULT_THRESHOLD
    assert together(cross_reference([JOINED, *FILLER, WELCOMED]), "n1", "n2")


def test_another_rank_of_the_same_thing_links_too_so_number_conflict_can_compare_them():
    other = claim("n3", "d3", "أصبحت سوريا العضو التاسع والثمانين في التحالف الدولي بعد انضمامها في 20 آذار 2026",
                  dates=[day("2026-03-20")], numbers=[member(89, "التاسع والثمانين")],
                  entities=[entity("syria"), entity("coalition")])
    assert together(cross_reference([JOINED, *FILLER, other]), "n1", "n3")


def test_a_figure_of_nothing_named_in_common_does_not_bridge_dates_far_apart():
    other = claim("n4", "d4", "أصبحت الدولة العضو التسعين في منظمة إقليمية بعد انضمامها في 20 آذار 2024",
                  dates=[day("2024-03-20")], numbers=[member(90, "التسعين")], entities=[entity("region")])
    scored = score_pair(JOINED, other)
    assert scored.dates_apart and scored.figures == ()
    assert not together(cross_reference([JOINED, *FILLER, other]), "n1", "n4")


def test_a_count_of_one_event_does_not_bridge_dates_far_apart():
    def strike(cid: str, killed: int, when: str) -> Claim:
        return claim(cid, cid, f"قتل {killed} أشخاص في غارة جوية على مدينة إدلب في {when}", dates=[day(when)],
                     numbers=[NumberMention(str(killed), 0, 0, killed, "أشخاص")], entities=[entity("idlib")])
    first, second = strike("s1", 12, "2023-03-01"), strike("s2", 14, "2025-07-01")
    assert score_pair(first, second).figures == ()
    assert not together(cross_reference([first, *FILLER, second]), "s1", "s2")


def test_counted_nouns_are_not_events():
    from workbench.xref.profile import profile

    seats = claim("x", "x", "يتألف المجلس من 210 مقاعد منها 140 عضوا منتخبا",
                  numbers=[NumberMention("210", 0, 0, 210, "مقاعد"), NumberMention("140", 0, 0, 140, "عضوا")])
    assert profile(seats).events == frozenset()
    assert "membership" in profile(claim("y", "y", "انضمت سوريا كعضو في التحالف")).events


def test_blocking_skips_stop_word_keys_and_never_compares_all_pairs():
    common = "عاجل"
    claims = [claim(f"s{i}", f"d{i}", f"{common} خبر رقم {i} عن موضوع مختلف كلمة{i} ورمز{i}") for i in range(MAX_BLOCK + 50)]
    profiles, _ = unique_profiles(claims)
    weights = KeyWeights.from_profiles(profiles)
    assert weights.weight("w:" + common) == 0.0
    assert list(candidate_pairs(profiles, weights)) == []


def synthetic_claims(count: int, seed: int = 7) -> list[Claim]:
    """Claims drawn from a small made-up vocabulary (so that many pairs share words), with places and
    days: families of near copies among unrelated claims."""
    rng = random.Random(seed)
    letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
    vocabulary = ["".join(rng.choice(letters) for _ in range(rng.randint(3, 7))) for _ in range(400)]
    places = [f"place-{k}" for k in range(12)]
    claims = []
    while len(claims) < count:
        words = rng.choices(vocabulary, k=rng.randint(5, 14))
        when = [day(f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}")] if rng.random() < 0.5 else []
        where = [entity(p) for p in rng.sample(places, rng.randint(0, 2))]
        for _ in range(rng.randint(1, 4)):
            member = [w if rng.random() < 0.8 else rng.choice(vocabulary) for w in words]
            k = len(claims)
            claims.append(claim(f"y{k}", f"doc{k % 37}", " ".join(member), dates=when, entities=where))
    return claims[:count]


def test_blocking_finds_exactly_the_pairs_that_share_enough_of_the_lighter_claims_keys():
    profiles, _ = unique_profiles(synthetic_claims(300))
    weights = KeyWeights.from_profiles(profiles)
    found = list(candidate_pairs(profiles, weights))
    expected = set()
    for i, j in itertools.combinations(range(len(profiles)), 2):
        shared = weights.total_weight(profiles[i].keys & profiles[j].keys)
        lighter = min(weights.profile_weight(profiles[i].keys), weights.profile_weight(profiles[j].keys))
        if shared >= MIN_OVERLAP * lighter:
            expected.add((i, j))
    assert len(found) == len(set(found)) and set(found) == expected and len(expected) > 50


def test_shares_of_the_blocking_split_its_pairs(monkeypatch):
    monkeypatch.setattr("workbench.xref.blocking.SHARE_RUN", 8)
    profiles, _ = unique_profiles(synthetic_claims(300))
    weights = KeyWeights.from_profiles(profiles)
    blocking = Blocking(profiles, weights)
    shares = [set(blocking.pairs(k, 3)) for k in range(3)]
    assert all(shares) and sum(map(len, shares)) == len(set().union(*shares))
    assert set().union(*shares) == set(blocking.pairs())


def test_forked_workers_make_the_same_clusters_as_one_process(monkeypatch):
    monkeypatch.setattr("workbench.xref.blocking.SHARE_RUN", 8)  # every worker gets pairs to score
    assert len(set(in_workers(lambda share, of: os.getpid(), 2))) == 2  # share 1 runs in a forked worker
    claims = synthetic_claims(400)
    one = cross_reference(claims, workers=1)
    assert len(one) > 20
    assert cross_reference(claims, workers=2) == one
    assert cross_reference(claims, workers=3) == one


def test_claim_pairs_are_scored_candidates():
    pairs = list(claim_pairs(NEWSROOM))
    assert pairs and all(i < j for i, j, _ in pairs)
    linked = {(NEWSROOM[i].id, NEWSROOM[j].id) for i, j, s in pairs if s.score >= DEFAULT_THRESHOLD}
    assert ("a1", "b1") in linked


# --- the sample corpus, through the pipeline ------------------------------------------------------

@pytest.fixture(scope="module")
def corpus_claims():
    from workbench.config import Config
    from workbench.pipeline import load_and_extract

    _, claims, problems = load_and_extract([ROOT / "data" / "corpus"], Config())
    assert not problems
    return claims


@pytest.fixture(scope="module")
def corpus_clusters(corpus_claims):
    return cross_reference(corpus_claims)


def find(claims, doc_prefix: str, has: str) -> Claim:
    found = [c for c in claims if c.doc.startswith(doc_prefix) and has in c.text]
    assert found, f"no claim in {doc_prefix} has {has!r}"
    return found[0]


def gold_links() -> dict[str, list[tuple[str, str]]]:
    import yaml

    gold = yaml.safe_load((DATA / "gold" / "corpus.yaml").read_text(encoding="utf-8"))
    return {link["id"]: [(c["doc"], c["has"]) for c in link["claims"]] for link in gold["links"]}


@pytest.mark.parametrize("link", ["march-agreement", "riyadh-meeting-date", "syria-90th-member"])
def test_gold_links_are_one_cluster(corpus_claims, corpus_clusters, link):
    members = [find(corpus_claims, doc, has) for doc, has in gold_links()[link]]
    assert together(corpus_clusters, *(m.id for m in members)), link


@pytest.mark.parametrize("first, second", [
    (("001", "8 أغسطس"), ("003", "9 آب / أغسطس 2022")),  # two al-Hasakah events, three years apart
    (("103", "أمس الأحد 18"), ("101", "10 آذار/مارس 2025")),  # the January 2026 agreement is another one
    (("103", "أمس الأحد 18"), ("104", "اتفاق 10 مارس")),
    (("103", "أمس الأحد 18"), ("001", "في 8 مارس")),
])
def test_gold_traps_stay_apart(corpus_claims, corpus_clusters, first, second):
    a, b = find(corpus_claims, *first), find(corpus_claims, *second)
    assert not together(corpus_clusters, a.id, b.id)


def test_corpus_clusters_mix_dates_far_apart_only_through_a_lasting_figure(corpus_claims, corpus_clusters):
    """What the date-conflict rule relies on: a cluster's dates are all near each other, unless two of
    its claims dated far apart give the same lasting figure (the 90th member, in November and February)."""
    from workbench.xref.profile import profile
    from workbench.xref.scoring import dates_apart

    by_id = {c.id: c for c in corpus_claims}
    mixed = 0
    for cluster in corpus_clusters:
        dated = [p for p in (profile(by_id[i]) for i in cluster.claims) if p.spans]
        if any(dates_apart(x.spans, y.spans) for x in dated for y in dated):
            mixed += 1
            assert any(dates_apart(x.spans, y.spans) and x.lasting & y.lasting for x in dated for y in dated), cluster
    assert mixed <= 1


# --- ANS headline pairs ------------------------------------------------------------------------

def ans_link_rates(name: str) -> dict[str, float]:
    with (DATA / "ans" / name).open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    claims = []
    for i, row in enumerate(rows):
        claims += [claim(f"p{i}a", f"p{i}a", row["s1"]), claim(f"p{i}b", f"p{i}b", row["s2"])]
    where = {cid: k for k, c in enumerate(cross_reference(claims)) for cid in c.claims}
    totals: dict[str, int] = {}
    linked: dict[str, int] = {}
    for i, row in enumerate(rows):
        totals[row["stance"]] = totals.get(row["stance"], 0) + 1
        a = where.get(f"p{i}a")
        linked[row["stance"]] = linked.get(row["stance"], 0) + (a is not None and a == where.get(f"p{i}b"))
    return {stance: linked[stance] / totals[stance] for stance in totals}


def test_ans_dev_pairs_about_one_story_are_linked_and_unrelated_ones_are_not():
    rates = ans_link_rates("dev.csv")
    print("ANS dev link rates:", {k: round(v, 3) for k, v in rates.items()})
    assert rates["agree"] >= 0.85
    assert rates["disagree"] >= 0.8
    assert rates["other"] <= 0.1


# --- the command ----------------------------------------------------------------------------

def test_xref_command_json(corpus_claims):
    from workbench.cli import cli

    result = CliRunner().invoke(cli, ["xref", str(ROOT / "data" / "corpus"), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    ids = {c.id for c in corpus_claims}
    assert data["clusters"]
    for cluster in data["clusters"]:
        assert set(cluster) >= {"id", "claims", "docs", "score"}
        assert cluster["id"].startswith("k-") and set(cluster["claims"]) <= ids and len(cluster["claims"]) >= 2


def test_xref_command_missing_path_is_a_usage_error(tmp_path):
    done = subprocess.run([str(Path(sys.executable).parent / "workbench"), "xref", str(tmp_path / "nope")],
                          capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 2
    assert done.stdout == ""
    assert "nope" in done.stderr


def test_a_bare_date_line_states_no_fact_and_is_linked_to_nothing():
    """Two date lines of one Hijri month ("الاثنين 8 جمادى الآخرة 1446 هـ - 9 كانون الأول 2024") share
    month names but report nothing: they must not be a "fact" whose dates then conflict."""
    def line(cid: str, doc: str, hijri: str, gregorian: str, value_h: str, value_g: str) -> Claim:
        text = f"{hijri} - {gregorian}"
        return Claim(cid, doc, 0, len(text), text, (
            DateMention(hijri, 0, len(hijri), value_h, "day", "hijri"),
            DateMention(gregorian, len(hijri) + 3, len(text), value_g, "day")), (), ())

    a = line("h1", "doc-h1", "الاثنين 8 جمادى الآخرة 1446 هـ", "9 كانون الأول 2024", "2024-12-09", "2024-12-09")
    b = line("h2", "doc-h2", "الخميس 26 جمادى الآخرة 1446 هـ", "27 كانون الأول 2024", "2024-12-27", "2024-12-27")
    assert unique_profiles([a, b])[0] == []
    assert not any({"h1", "h2"} <= set(k.claims) for k in cross_reference([a, b, *FILLER]))
