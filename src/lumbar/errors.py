"""One exception tree for lumbar; every message says what went wrong, where, and how to fix it."""

from __future__ import annotations

from typing import ClassVar

from lumbar.knowledge.frozen import Frozen


class Problem(Frozen):
    """One problem found in the knowledge base: the file, the item id (if any) and the fix."""

    FIELDS: ClassVar[tuple[str, ...]] = ("file", "item", "message")

    file: str
    item: str | None
    message: str

    def __init__(self, file: str, item: str | None, message: str) -> None:
        vars(self).update(file=file, item=item, message=message)

    def __str__(self) -> str:
        where = f"{self.file}: {self.item}" if self.item else self.file
        return f"{where}: {self.message}"


class LumbarError(Exception):
    """Base of every error lumbar raises on purpose."""

    code = "lumbar_error"


class KnowledgeError(LumbarError):
    """The knowledge base failed validation; carries every problem found."""

    code = "knowledge_invalid"

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        lines = "\n".join(f"  - {p}" for p in problems[:50])
        more = f"\n  … and {len(problems) - 50} more" if len(problems) > 50 else ""
        super().__init__(f"the knowledge base has {len(problems)} problem(s):\n{lines}{more}")


class InputError(LumbarError):
    """Text or a request that lumbar cannot assess (empty, too long, binary, not English)."""

    code = "bad_input"


class NotFoundError(LumbarError):
    """An id that names no knowledge item, document or session."""

    code = "not_found"


class ConflictError(LumbarError):
    """A change that clashes with what is already kept, such as a username someone else has."""

    code = "conflict"


class SignInError(LumbarError):
    """A request that needs a signed-in person: no session, an expired one, or a wrong username or password."""

    code = "not_signed_in"


class InterviewError(LumbarError):
    """An interview state or answer that does not fit (tampered, stale or of the wrong type)."""

    code = "bad_interview_state"


class DocumentError(LumbarError):
    """A document that cannot be read or indexed."""

    code = "bad_document"


class QuestionnaireError(LumbarError):
    """Answers to a questionnaire that cannot be scored: an unknown item or answer, or a missing one."""

    code = "bad_answers"


class ExportError(LumbarError):
    """An export (FHIR Bundle, CSV, PDF summary) that could not be made or did not validate."""

    code = "export_failed"


class SettingsError(LumbarError):
    """A setting (an environment variable or a settings value) that cannot be used."""

    code = "bad_setting"
