"""Mutation test of the reader: do warning signs survive the way strangers write?

Every labelled sentence with a warning sign (tests/cases/intake.jsonl and intake_heldout.jsonl) is
rewritten by realistic, seeded mutations: a typo, no punctuation and all lower case, learners' grammar
(no articles, "since" for "for", a present tense for a past one), text-speak, clauses in another order,
a negation moved ("I do not have a fever" / "I have no fever"), invisible characters pasted inside the
words, and a letter stretched ("sooo numb"). The recall of warning signs on the
mutated sentences is compared with the recall on the sentences as written; a warning sign that a
mutation hides is a grammar the reader cannot follow.

    python -m lumbar.eval.mutation tests/cases/intake.jsonl tests/cases/intake_heldout.jsonl
"""

from __future__ import annotations

import argparse
import random
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from lumbar.eval.intake import GoldCase, load_cases
from lumbar.intake.reader import TextReader
from lumbar.knowledge.loader import KnowledgeBase, load_knowledge

SEED = 20261206
Mutation = Callable[[str, random.Random], str]

_WORD = re.compile(r"[A-Za-z]{5,}")
_TEXT_SPEAK = {
    "you": "u",
    "your": "ur",
    "because": "coz",
    "cannot": "cnt",
    "can't": "cant",
    "don't": "dont",
    "today": "2day",
    "and": "n",
    "with": "w/",
    "really": "rly",
    "before": "b4",
    "tonight": "2nite",
    "have": "hv",
}
_PAST = {
    "fell": "fall",
    "felt": "feel",
    "went": "go",
    "had": "have",
    "was": "is",
    "were": "are",
    "got": "get",
}


def typo(text: str, rng: random.Random) -> str:
    """One slip of the finger in one longer word: two letters swapped, one dropped or one doubled."""
    words = list(_WORD.finditer(text))
    if not words:
        return text
    m = rng.choice(words)
    word = m.group()
    i = rng.randrange(1, len(word) - 2)
    kind = rng.choice(["swap", "drop", "double"])
    if kind == "swap":
        new = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    elif kind == "drop":
        new = word[:i] + word[i + 1 :]
    else:
        new = word[:i] + word[i] + word[i:]
    return text[: m.start()] + new + text[m.end() :]


def flat(text: str, _: random.Random) -> str:
    """All lower case, no punctuation but the words' own apostrophes."""
    return " ".join(re.sub(r"[^\w\s'/]", " ", text.lower()).split())


def learner(text: str, _: random.Random) -> str:
    """Learners' grammar: no articles, "since" for "for", present for past tense, "he have"."""
    out = re.sub(r"\b(?:a|an|the)\s+", "", text, flags=re.I)
    out = re.sub(
        r"\bfor (\d+|a few|two|three|several) (days|weeks|hours|months)\b", r"since \1 \2", out, flags=re.I
    )
    out = re.sub(r"\b(he|she) has\b", r"\1 have", out, flags=re.I)
    return re.sub(r"\b(\w+)\b", lambda m: _PAST.get(m.group(1).lower(), m.group(1)), out)


def text_speak(text: str, _: random.Random) -> str:
    """Chat spelling of common words, all lower case."""
    return re.sub(r"[\w']+", lambda m: _TEXT_SPEAK.get(m.group().lower(), m.group().lower()), text)


def reorder(text: str, rng: random.Random) -> str:
    """The same clauses in another order ("X, and Y" -> "Y, and X"; sentences swapped)."""
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s]
    if len(sentences) > 1:
        rng.shuffle(sentences)
        return " ".join(sentences)
    parts = re.split(r",\s+(?:and\s+|but\s+)?", text.strip().rstrip("."))
    if len(parts) > 1:
        parts.reverse()
        return ", and ".join(p[0].lower() + p[1:] if p[:2] != "I " else p for p in parts) + "."
    return text


def move_negation(text: str, _: random.Random) -> str:
    """A negation said another way: "I don't have X" <-> "I have no X", "no X" -> "not any X"."""
    swapped = re.sub(r"\b(?:I )?(?:do not|don't) have (?:any )?", "I have no ", text, flags=re.I)
    if swapped != text:
        return swapped
    return re.sub(r"\bno (\w+)", r"not any \1", text, count=1, flags=re.I)


#: characters phones, chat apps and word processors put into pasted text, unseen: zero-width space,
#: non-joiner and joiner, word joiner, soft hyphen, byte-order mark, left-to-right and right-to-left marks
INVISIBLE = ("\u200b", "\u200c", "\u200d", "\u2060", "\u00ad", "\ufeff", "\u200e", "\u200f")
#: spaces that look like a space: no-break, narrow no-break, thin, ideographic
ODD_SPACES = ("\u00a0", "\u202f", "\u2009", "\u3000")


def hide_in_words(text: str, char: str) -> str:
    """``char`` inside every word of three letters or more, after its first letter ("ba\u200bck")."""
    return re.sub(r"\b([A-Za-z])([A-Za-z]{2,})", lambda m: m.group(1) + char + m.group(2), text)


def invisible(text: str, rng: random.Random) -> str:
    """An invisible character inside every longer word, and an odd space between words."""
    return hide_in_words(text, rng.choice(INVISIBLE)).replace(" ", rng.choice(ODD_SPACES))


def stretch(text: str, rng: random.Random) -> str:
    """One longer word said with feeling: a letter typed three to five times ("sooo numb", "paaain")."""
    words = list(_WORD.finditer(text))
    if not words:
        return text
    m = rng.choice(words)
    word = m.group()
    i = rng.randrange(1, len(word))
    return text[: m.start()] + word[:i] + word[i] * rng.randint(2, 4) + word[i:] + text[m.end() :]


MUTATIONS: dict[str, Mutation] = {
    "invisible characters": invisible,
    "letters stretched": stretch,
    "typo": typo,
    "lowercase, no punctuation": flat,
    "learners' grammar": learner,
    "text-speak": text_speak,
    "clauses reordered": reorder,
    "negation moved": move_negation,
}


@dataclass
class Recall:
    gold: int = 0
    found: int = 0
    missed: list[tuple[str, str, str]] = field(default_factory=list)  # (case id, finding, mutated text)

    @property
    def value(self) -> float:
        return self.found / self.gold if self.gold else 1.0


def warning_sign_recall(
    cases: Iterable[GoldCase], reader: TextReader, kb: KnowledgeBase, mutate: Mutation | None
) -> Recall:
    """Recall of the gold warning signs, on the sentences as written or mutated."""
    rng = random.Random(SEED)
    recall = Recall()
    for case in cases:
        signs = [f for f in case.present if kb.findings[f].warning_sign]
        if not signs:
            continue
        text = mutate(case.text, rng) if mutate else case.text
        present = reader.read(text).present()
        for sign in signs:
            recall.gold += 1
            if sign in present:
                recall.found += 1
            else:
                recall.missed.append((case.id, sign, text))
    return recall


def mutation_report(paths: list[Path]) -> dict[str, Recall]:
    """Recall as written ("unmutated") and under each mutation, over the labelled files."""
    kb = load_knowledge()
    reader = TextReader(kb)
    cases = [c for p in paths for c in load_cases(p, kb)]
    report = {"unmutated": warning_sign_recall(cases, reader, kb, None)}
    for name, mutate in MUTATIONS.items():
        report[name] = warning_sign_recall(cases, reader, kb, mutate)
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m lumbar.eval.mutation", description=__doc__.split("\n")[0]
    )
    parser.add_argument(
        "files",
        nargs="+",
        type=Path,
        metavar="FILE",
        help="labelled JSONL files, e.g. tests/cases/intake*.jsonl",
    )
    report = mutation_report(parser.parse_args(argv).files)
    base = report["unmutated"].value
    for name, recall in report.items():
        print(
            f"{name:28} recall {recall.value:.3f} ({recall.found}/{recall.gold})  ratio {recall.value / base:.3f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
