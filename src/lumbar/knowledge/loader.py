"""Load the knowledge base from the YAML files shipped inside the package.

Loading validates every item with the schema (:mod:`lumbar.knowledge.validation`) and collects every
problem before failing, so one run of ``lumbar kb check`` names them all. The base holds each item as
its run-time class (:mod:`lumbar.knowledge.schema`), so reading a compiled base needs no pydantic.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from lumbar.cache_setting import cache_folder
from lumbar.errors import KnowledgeError, Problem
from lumbar.knowledge.compiled import (
    cache_file,
    knowledge_folder,
    load_compiled,
    save_compiled,
    stamped_fingerprint,
)
from lumbar.knowledge.diary_rules import DiaryRules
from lumbar.knowledge.frozen import FACTORY, Frozen
from lumbar.knowledge.medicine_names import with_medicine_names
from lumbar.knowledge.questionnaires import Questionnaire
from lumbar.knowledge.schema import (
    Cause,
    Complication,
    Conflict,
    ContextRule,
    DiagnosticTest,
    Finding,
    Level,
    Medicine,
    MedicineClass,
    Prevention,
    RedFlagPicture,
    ResultBasis,
    SeedClaim,
    Shorthand,
    SkippedPassage,
    Source,
    Specialist,
    Treatment,
    UrgencyLevel,
    WarningSignRule,
    WordClass,
)
from lumbar.knowledge.trigger_families import CONTEXT_RULES_FILE, CONTEXT_WORDS_FILE, expand_families

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

M = TypeVar("M")

#: file name -> the class of each item in it; the order is the order of `kb list`.
ITEM_FILES: dict[str, type] = {
    "sources.yaml": Source,
    "findings.yaml": Finding,
    "causes.yaml": Cause,
    "rules.yaml": WarningSignRule,
    "specialists.yaml": Specialist,
    "tests.yaml": DiagnosticTest,
    "treatments.yaml": Treatment,
    "prevention.yaml": Prevention,
    "complications.yaml": Complication,
    "conflicts.yaml": Conflict,
    "red_flags.yaml": RedFlagPicture,
    "context_rules.yaml": ContextRule,
    "word_classes.yaml": WordClass,
    "shorthand.yaml": Shorthand,
    "medicine_classes.yaml": MedicineClass,
    "medicines.yaml": Medicine,
}
#: files whose items have no id (kept as lists, in file order).
LIST_FILES = {"context_rules.yaml", "word_classes.yaml", "shorthand.yaml"}
COVERAGE_FILE = "coverage.yaml"
LEVELS_FILE = "levels.yaml"
BASIS_FILE = "result_basis.yaml"
QUESTIONNAIRES_FILE = "questionnaires.yaml"
DIARY_FILE = "diary.yaml"
#: the order of levels.yaml: most urgent first (CONTRACT.md section 3).
LEVEL_ORDER = sorted(Level, key=lambda level: -level.rank)


class KnowledgeBase(Frozen):
    """Every knowledge item, by kind and id. Build it with :func:`load_knowledge`."""

    FIELDS: ClassVar[tuple[str, ...]] = (
        "sources",
        "findings",
        "causes",
        "rules",
        "specialists",
        "tests",
        "treatments",
        "prevention",
        "complications",
        "conflicts",
        "context_rules",
        "claims",
        "skipped",
        "word_classes",
        "shorthand",
        "red_flags",
        "levels",
        "medicines",
        "medicine_classes",
        "result_basis",
        "questionnaires",
        "diary",
        "root",
    )
    DEFAULTS: ClassVar[dict[str, Any]] = {
        "word_classes": FACTORY,
        "shorthand": FACTORY,
        "red_flags": FACTORY,
        "levels": FACTORY,
        "medicines": FACTORY,
        "medicine_classes": FACTORY,
        "result_basis": None,
        "questionnaires": FACTORY,
        "diary": None,
        "root": "",
    }

    sources: dict[str, Source]
    findings: dict[str, Finding]
    causes: dict[str, Cause]
    rules: dict[str, WarningSignRule]
    specialists: dict[str, Specialist]
    tests: dict[str, DiagnosticTest]
    treatments: dict[str, Treatment]
    prevention: dict[str, Prevention]
    complications: dict[str, Complication]
    conflicts: dict[str, Conflict]
    context_rules: list[ContextRule]
    claims: list[SeedClaim]
    skipped: list[SkippedPassage]
    word_classes: list[WordClass]
    shorthand: list[Shorthand]
    red_flags: dict[str, RedFlagPicture]
    levels: dict[Level, UrgencyLevel]
    #: medicines people take, by generic and brand names, and their kinds (anti-inflammatory, …)
    medicines: dict[str, Medicine]
    medicine_classes: dict[str, MedicineClass]
    #: what a result says about the information it used (None only in a knowledge base with problems)
    result_basis: ResultBasis | None
    #: validated questionnaires (STarT Back, Roland-Morris, pain score) by id; kept out of
    #: :meth:`tables` because they are forms to fill in, not passages to cite
    questionnaires: dict[str, Questionnaire]
    #: the diary's dose limits, review rule, milestones and wording (None only with problems)
    diary: DiaryRules | None
    root: str
    #: the hash of the data and code this base was compiled from (:mod:`lumbar.knowledge.compiled`);
    #: empty when it was not, so nothing derived from it is kept on disk either. Not an argument, so
    #: a base changed with ``replace`` (as tests do) never passes for the compiled one.
    fingerprint: str

    def __init__(
        self,
        sources: dict[str, Source],
        findings: dict[str, Finding],
        causes: dict[str, Cause],
        rules: dict[str, WarningSignRule],
        specialists: dict[str, Specialist],
        tests: dict[str, DiagnosticTest],
        treatments: dict[str, Treatment],
        prevention: dict[str, Prevention],
        complications: dict[str, Complication],
        conflicts: dict[str, Conflict],
        context_rules: list[ContextRule],
        claims: list[SeedClaim],
        skipped: list[SkippedPassage],
        word_classes: list[WordClass] | None = None,
        shorthand: list[Shorthand] | None = None,
        red_flags: dict[str, RedFlagPicture] | None = None,
        levels: dict[Level, UrgencyLevel] | None = None,
        medicines: dict[str, Medicine] | None = None,
        medicine_classes: dict[str, MedicineClass] | None = None,
        result_basis: ResultBasis | None = None,
        questionnaires: dict[str, Questionnaire] | None = None,
        diary: DiaryRules | None = None,
        root: str = "",
    ) -> None:
        vars(self).update(
            sources=sources,
            findings=findings,
            causes=causes,
            rules=rules,
            specialists=specialists,
            tests=tests,
            treatments=treatments,
            prevention=prevention,
            complications=complications,
            conflicts=conflicts,
            context_rules=context_rules,
            claims=claims,
            skipped=skipped,
            word_classes=[] if word_classes is None else word_classes,
            shorthand=[] if shorthand is None else shorthand,
            red_flags={} if red_flags is None else red_flags,
            levels={} if levels is None else levels,
            medicines={} if medicines is None else medicines,
            medicine_classes={} if medicine_classes is None else medicine_classes,
            result_basis=result_basis,
            questionnaires={} if questionnaires is None else questionnaires,
            diary=diary,
            root=root,
            fingerprint="",
        )

    def item(self, item_id: str) -> Frozen:
        """The item with this id, of any kind; raises KeyError when there is none."""
        for table in self.tables().values():
            if item_id in table:
                return table[item_id]
        raise KeyError(item_id)

    def kind_of(self, item_id: str) -> str | None:
        """The kind ("causes", "findings", …) of an item id, or None."""
        for kind, table in self.tables().items():
            if item_id in table:
                return kind
        return None

    def tables(self) -> dict[str, dict[str, Any]]:
        """Kind name -> {id: item}, for every kind with ids."""
        return {
            "sources": self.sources,
            "findings": self.findings,
            "causes": self.causes,
            "rules": self.rules,
            "specialists": self.specialists,
            "tests": self.tests,
            "treatments": self.treatments,
            "prevention": self.prevention,
            "complications": self.complications,
            "conflicts": self.conflicts,
            "red_flags": self.red_flags,
        }


def data_root() -> Traversable:
    """The folder of YAML files inside the installed package."""
    return knowledge_folder() / "data"


def read_yaml(path: Traversable | Path, problems: list[Problem]) -> Any:
    """Parse one YAML file, recording a problem instead of raising."""
    import yaml  # noqa: PLC0415 - loaded on use: a start from the compiled knowledge base never parses YAML

    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        problems.append(Problem(path.name, None, "file is missing"))
    except yaml.YAMLError as exc:
        problems.append(Problem(path.name, None, f"not valid YAML: {exc}"))
    return None


def _validate_items(name: str, raw: Any, model: type[M], problems: list[Problem]) -> Iterator[M]:
    from lumbar.knowledge.validation.convert import validated  # noqa: PLC0415 - only when reading the YAML

    if raw is None:
        return
    if not isinstance(raw, list):
        problems.append(Problem(name, None, "expected a list of items at the top level"))
        return
    for index, entry in enumerate(raw):
        item_id = entry.get("id") if isinstance(entry, dict) else None
        label = str(item_id or entry.get("literal", f"#{index}") if isinstance(entry, dict) else f"#{index}")
        item, errors = validated(model, entry)
        problems += [Problem(name, label, f"{where}: {message}") for where, message in errors]
        if item is not None:
            yield item


def parse_knowledge(root: Traversable | Path) -> tuple[KnowledgeBase, list[Problem]]:
    """Read and validate every file under ``root``: the base built from the valid items, and every problem."""
    problems: list[Problem] = []
    tables: dict[str, Any] = {}
    for name, model in ITEM_FILES.items():
        raw = read_yaml(root / name, problems)
        if name == CONTEXT_RULES_FILE:
            raw = expand_families(raw, read_yaml(root / CONTEXT_WORDS_FILE, problems), problems)
        items: list[Any] = list(_validate_items(name, raw, model, problems))
        key = name.removesuffix(".yaml")
        if name in LIST_FILES:
            tables[key] = items
            continue
        table: dict[str, Any] = {}
        for item in items:
            item_id = item.id
            if item_id in table:
                problems.append(Problem(name, item_id, "duplicate id; ids must be unique within a file"))
            table[item_id] = item
        tables[key] = table

    coverage = read_yaml(root / COVERAGE_FILE, problems) or {}
    claims = list(_validate_items(COVERAGE_FILE, coverage.get("claims"), SeedClaim, problems))
    skipped = list(_validate_items(COVERAGE_FILE, coverage.get("skipped"), SkippedPassage, problems))

    levels = _levels(read_yaml(root / LEVELS_FILE, problems), problems)
    result_basis = _result_basis(read_yaml(root / BASIS_FILE, problems), problems)
    questionnaires = _questionnaires(read_yaml(root / QUESTIONNAIRES_FILE, problems), problems)
    diary = _whole_file(DIARY_FILE, read_yaml(root / DIARY_FILE, problems), DiaryRules, problems)

    kb = KnowledgeBase(
        sources=tables["sources"],
        findings=with_medicine_names(
            tables["findings"], tables["medicines"], tables["medicine_classes"], problems
        ),
        causes=tables["causes"],
        rules=tables["rules"],
        specialists=tables["specialists"],
        tests=tables["tests"],
        treatments=tables["treatments"],
        prevention=tables["prevention"],
        complications=tables["complications"],
        conflicts=tables["conflicts"],
        red_flags=tables["red_flags"],
        context_rules=tables["context_rules"],
        claims=claims,
        skipped=skipped,
        word_classes=tables["word_classes"],
        shorthand=tables["shorthand"],
        levels=levels,
        medicines=tables["medicines"],
        medicine_classes=tables["medicine_classes"],
        result_basis=result_basis,
        questionnaires=questionnaires,
        diary=diary,
        root=str(root),
    )
    return kb, problems


def _questionnaires(raw: Any, problems: list[Problem]) -> dict[str, Questionnaire]:
    """The questionnaires by id; a repeated id is a problem."""
    found: dict[str, Questionnaire] = {}
    for item in _validate_items(QUESTIONNAIRES_FILE, raw, Questionnaire, problems):
        if item.id in found:
            problems.append(Problem(QUESTIONNAIRES_FILE, item.id, "duplicate id; ids must be unique"))
        found[item.id] = item
    return found


def _whole_file(name: str, raw: Any, model: type[M], problems: list[Problem]) -> M | None:
    """A file that is one object (not a list of items), validated; None with its problems recorded."""
    from lumbar.knowledge.validation.convert import validated  # noqa: PLC0415 - only when reading the YAML

    if raw is None:
        return None
    item, errors = validated(model, raw)
    problems += [Problem(name, None, f"{where or 'file'}: {message}") for where, message in errors]
    return item


def _result_basis(raw: Any, problems: list[Problem]) -> ResultBasis | None:
    """The sentences that say which information a result used."""
    return _whole_file(BASIS_FILE, raw, ResultBasis, problems)


def _levels(raw: Any, problems: list[Problem]) -> dict[Level, UrgencyLevel]:
    """The urgency levels by level; every level must be there once, most urgent first."""
    items = list(_validate_items(LEVELS_FILE, raw, UrgencyLevel, problems))
    found = [item.id for item in items]
    for level in LEVEL_ORDER:
        if level not in found:
            problems.append(
                Problem(LEVELS_FILE, level.value, "level is missing; add its wording and routing")
            )
        elif found.count(level) > 1:
            problems.append(Problem(LEVELS_FILE, level.value, "level is listed more than once; keep one"))
    present = [level for level in LEVEL_ORDER if level in found]
    if len(found) == len(set(found)) and found != present:
        order = ", ".join(level.value for level in LEVEL_ORDER)
        problems.append(
            Problem(LEVELS_FILE, None, f"levels are out of order; list them most urgent first: {order}")
        )
    return {item.id: item for item in items}


@cache
def load_knowledge() -> KnowledgeBase:
    """The packaged knowledge base, validated; raises KnowledgeError listing every problem.

    Cached: the files are read once per process, and the validated result is kept in the user's cache
    folder between processes (see :mod:`lumbar.knowledge.compiled`).
    """
    root = data_root()
    folder = cache_folder()
    if folder is None:
        kb, problems = parse_knowledge(root)
    else:
        compiled = stamped_fingerprint(root, folder)
        path = cache_file(compiled, folder)
        found = load_compiled(path)
        if found is not None:
            return found
        kb, problems = parse_knowledge(root)
        object.__setattr__(kb, "fingerprint", compiled)  # frozen; set once, before anyone sees it
        if not problems:
            save_compiled(kb, path)
    if problems:
        raise KnowledgeError(problems)
    return kb
