"""Cleaning documents before indexing: page clutter and misprinted sentences never reach a passage."""

from __future__ import annotations

from pathlib import Path

import pytest

from lumbar.ask.cleaning import Cleaner, default_cleaner, load_clutter, misprints, parse_clutter
from lumbar.ask.documents import read_document
from lumbar.ask.passages import item_text
from lumbar.ask.readers import Block
from lumbar.errors import KnowledgeError
from lumbar.knowledge.loader import load_knowledge
from lumbar.knowledge.validation.schema import Misprint
from lumbar.settings import read_settings

SEEDS = read_settings().seeds_folder()
#: words of the seeds' clutter and misprints, fixed here so a rule that stops matching is caught
SEED_CLUTTER = (
    "click here",
    "you may like",
    "read also",
    "leave a reply",
    "by doing this",
    "infected area",
    "bloggers",
)

CLUTTER = [
    ("cross_link", "paragraph", "You May Like: How Much Advil Can I Take For Back Pain"),
    ("cross_link", "item", "Read more:Exercises for Muscle Spasms in Your Back"),
    ("cross_link", "heading", "See also: Sciatica and the sciatic nerve"),
    ("click_here", "paragraph", "> > > Why Static Stretching Is Not The Answer Click Here< <"),
    ("click_here", "paragraph", "Tap here to get the free e-book"),
    ("breadcrumb", "heading", "Home > Back Pain > Spasms"),
    ("breadcrumb", "heading", "HomeWhat To Do For Lower Back Pain"),
    ("page_date", "heading", "Monday, March 3, 2025"),
    ("page_furniture", "heading", "Leave a Comment"),
    ("page_furniture", "paragraph", "Share this post on Facebook, Twitter"),
    ("page_furniture", "paragraph", "Subscribe for weekly back tips"),
    ("page_furniture", "heading", "Table of contents"),
    ("clickbait", "paragraph", "Beat Back Pain Forever By Doing This!"),
    ("clickbait", "heading", "Pin on health tips"),
    ("clickbait", "paragraph", "3 Yoga Poses For Back Pain That Work in 5 ..."),
    ("listicle_heading", "heading", "Top 10 Stretches For Sciatica"),
]

CONTENT = [
    ("paragraph", "Read the label and do not take more than the dose it gives."),
    ("paragraph", "Home remedies can ease a spasm in the first days."),
    ("paragraph", "Share the load: lift with someone else."),
    ("heading", "When To See A Healthcare Provider"),
    ("item", "Get down on your hands and knees."),
    ("heading", "1. Injury in accidents or sports."),
]


@pytest.mark.parametrize(("rule", "kind", "text"), CLUTTER)
def test_each_kind_of_clutter_is_dropped_by_its_rule(rule: str, kind: str, text: str) -> None:
    found = default_cleaner().clutter(Block(kind, text))  # type: ignore[arg-type]
    assert found is not None and found.id == rule


@pytest.mark.parametrize(("kind", "text"), CONTENT)
def test_content_that_looks_a_little_like_clutter_is_kept(kind: str, text: str) -> None:
    assert default_cleaner().clutter(Block(kind, text)) is None  # type: ignore[arg-type]


def test_a_listicle_line_inside_prose_is_kept_only_the_heading_is_dropped() -> None:
    cleaner = default_cleaner()
    assert cleaner.clutter(Block("heading", "5 Stretches For A Stiff Back")) is not None
    assert cleaner.clutter(Block("paragraph", "5 stretches for a stiff back are shown below.")) is None


def test_every_rule_says_why() -> None:
    assert all(rule.why for rule in load_clutter())


def test_a_rule_that_misses_its_own_example_is_refused() -> None:
    raw = {"rules": {"ads": {"why": "adverts", "pattern": "^advert$", "examples": ["Sponsored"]}}}
    with pytest.raises(KnowledgeError, match="does not match its example"):
        parse_clutter(raw)


def test_a_rule_that_drops_what_it_must_keep_is_refused() -> None:
    raw = {
        "rules": {
            "nav": {
                "why": "menus",
                "pattern": "^home",
                "examples": ["Home"],
                "keeps": ["Home remedies help."],
            }
        }
    }
    with pytest.raises(KnowledgeError, match="must keep"):
        parse_clutter(raw)


@pytest.mark.parametrize(
    "entry",
    [
        {"why": "x", "pattern": "(", "examples": ["x"]},
        {"pattern": "x", "examples": ["x"]},
        {"why": "x", "pattern": "x"},
        {"why": "x", "pattern": "x", "examples": ["x"], "kinds": ["footer"]},
    ],
)
def test_a_malformed_rule_is_refused(entry: dict[str, object]) -> None:
    with pytest.raises(KnowledgeError):
        parse_clutter({"rules": {"bad": entry}})


def test_the_sentence_holding_a_misprint_is_dropped_and_the_rest_kept() -> None:
    cleaner = Cleaner((), ("heating pad on the infected area",))
    block = Block(
        "paragraph", "Compression helps. Use a heating pad on the infected area. Hot showers help too."
    )
    assert [b.text for b in cleaner.clean([block])] == ["Compression helps. Hot showers help too."]
    assert list(cleaner.clean([Block("paragraph", "A heating pad on the INFECTED area.")])) == []


def test_the_knowledge_base_records_the_seed_misprints_as_conflicts() -> None:
    kb = load_knowledge()
    recorded = {c.id: c.misprint for c in kb.conflicts.values() if c.misprint is not None}
    assert "heating pad on the infected area" in misprints(kb)
    assert recorded["heat_on_infected_area"] is not None
    assert recorded["heat_on_infected_area"].means == "heating pad on the affected area"


def test_a_misprint_must_correct_something() -> None:
    with pytest.raises(ValueError, match="same words"):
        Misprint(seed="s", says="the area", means="The  area")


def test_new_rules_change_the_fingerprint_so_documents_are_read_again() -> None:
    assert Cleaner(load_clutter()).fingerprint != Cleaner(load_clutter(), ("a new misprint",)).fingerprint


def test_a_document_is_read_without_its_clutter(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(
        "Heat for back spasms\n\nHeat\n\nA warm compress relaxes tight muscles for most people.\n\n"
        "You May Like: Best Heat Pads Of 2024\n\nUse it for 15 minutes at a time, wrapped in a towel.\n",
        encoding="utf-8",
    )
    text = "\n".join(p.text for p in read_document(page).passages)
    assert "You May Like" not in text
    assert "15 minutes at a time" in text


@pytest.mark.skipif(SEEDS is None or not SEEDS.is_dir(), reason="the seed pages are not on this machine")
def test_no_passage_of_the_five_seeds_holds_clutter_or_a_misprint() -> None:
    assert SEEDS is not None
    cleaner = default_cleaner()
    paths = sorted(SEEDS.glob("*.txt"))
    assert len(paths) == 5
    for path in paths:
        for passage in read_document(path).passages:
            for line in [passage.heading, *passage.text.splitlines()]:
                text = line.removeprefix("- ")
                for kind in ("heading", "paragraph", "item"):
                    rule = cleaner.clutter(Block(kind, text))  # type: ignore[arg-type]
                    assert rule is None, f"{passage.id}: {rule.id if rule else ''}: {text!r}"
                assert not cleaner.misprinted(text), f"{passage.id}: {text!r}"
                assert not [w for w in SEED_CLUTTER if w in text.lower()], f"{passage.id}: {text!r}"


def test_the_conflict_that_records_a_misprint_is_shown_with_the_words_meant() -> None:
    conflict = load_knowledge().conflicts["heat_on_infected_area"]
    assert conflict.misprint is not None
    text = item_text(conflict)
    assert conflict.misprint.means in text
    assert not Cleaner((), misprints(load_knowledge())).misprinted(text)
