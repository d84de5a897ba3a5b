"""The library behind `lumbar ask`: the knowledge base, the default documents and a clinic's own.

:func:`open_library` opens the index and brings it up to date: the knowledge base's passages
are rebuilt when its files change (a hash of the files), and the default document folder (the
seeds) is indexed when its files change. :func:`add_documents` and :func:`remove_document` back
`lumbar docs add` and `lumbar docs remove`.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib.resources.abc import Traversable
from pathlib import Path

from lumbar.ask.cleaning import default_cleaner
from lumbar.ask.content import SUPPORTED_SUFFIXES
from lumbar.ask.documents import READER_VERSION, read_document
from lumbar.ask.index import (
    ORIGIN_KNOWLEDGE,
    ORIGIN_SEED,
    ORIGIN_USER,
    DocumentRecord,
    PassageIndex,
    SqliteIndex,
)
from lumbar.ask.knowledge_source import lenient_knowledge
from lumbar.ask.passages import passages_from_knowledge
from lumbar.ask.private_paths import private_reason
from lumbar.ask.settings import AskSettings
from lumbar.errors import DocumentError, NotFoundError
from lumbar.knowledge.loader import data_root

KNOWLEDGE_DOCUMENT = "lumbar_knowledge_base"
#: bump when knowledge items are turned into passages differently
KNOWLEDGE_PASSAGES_VERSION = "3"
SEEDS_META = "seeds_fingerprint"

Clock = Callable[[], datetime]


def _utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class AddReport:
    """What `docs add` did: the documents added and the files skipped, with the reason."""

    added: list[DocumentRecord] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)


def _yaml_files(root: Traversable | Path, prefix: str = "") -> Iterable[tuple[str, Traversable | Path]]:
    for entry in sorted(root.iterdir(), key=lambda e: e.name):
        if entry.is_dir():
            yield from _yaml_files(entry, f"{prefix}{entry.name}/")
        elif entry.name.endswith(".yaml"):
            yield f"{prefix}{entry.name}", entry


def knowledge_fingerprint(root: Traversable | Path) -> str:
    """A hash of every YAML file under the knowledge folder, so any edit rebuilds its passages."""
    digest = hashlib.sha256(KNOWLEDGE_PASSAGES_VERSION.encode())
    for name, entry in _yaml_files(root):
        digest.update(name.encode() + b"\0" + entry.read_bytes() + b"\0")
    return digest.hexdigest()[:24]


def sync_knowledge(
    index: PassageIndex, root: Traversable | Path | None = None, now: Clock = _utc_now
) -> bool:
    """Rebuild the knowledge base's passages when its files changed; True when it rebuilt them."""
    root = root if root is not None else data_root()
    fingerprint = knowledge_fingerprint(root)
    current = {d.id: d for d in index.documents()}.get(KNOWLEDGE_DOCUMENT)
    if current is not None and current.fingerprint == fingerprint:
        return False
    kb = lenient_knowledge(root)
    passages = passages_from_knowledge(kb) if kb is not None else []
    record = DocumentRecord(
        KNOWLEDGE_DOCUMENT,
        "lumbar knowledge base",
        str(root),
        ORIGIN_KNOWLEDGE,
        fingerprint,
        0,
        now().isoformat(),
    )
    index.put_document(record, passages)
    return True


def _document_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES)


def _folder_fingerprint(folder: Path | None) -> str:
    digest = hashlib.sha256(f"{READER_VERSION}\0{default_cleaner().fingerprint}\0{folder}".encode())
    if folder is not None and folder.is_dir():
        for path in _document_files(folder):
            info = path.stat()
            digest.update(f"{path.relative_to(folder)}\0{info.st_size}\0{info.st_mtime_ns}\0".encode())
    return digest.hexdigest()[:24]


def sync_seeds(index: PassageIndex, folder: Path | None, now: Clock = _utc_now) -> bool:
    """Index the default document folder when its files changed; True when the index changed.

    Seed documents whose file is gone are removed; a clinic's own document with the same id wins.
    A seed that cannot be read is skipped (`lumbar docs add` on it reports why).
    """
    fingerprint = _folder_fingerprint(folder)
    if index.get_meta(SEEDS_META) == fingerprint:
        return False
    existing = {d.id: d for d in index.documents()}
    kept: set[str] = set()
    if folder is not None and folder.is_dir():
        for path in _document_files(folder):
            try:
                document = read_document(path)
            except DocumentError:
                continue
            record = existing.get(document.id)
            if record is not None and record.origin != ORIGIN_SEED:
                continue
            kept.add(document.id)
            if record is None or record.fingerprint != document.fingerprint:
                index.put_document(
                    DocumentRecord(
                        document.id,
                        document.title,
                        document.path,
                        ORIGIN_SEED,
                        document.fingerprint,
                        len(document.passages),
                        now().isoformat(),
                    ),
                    document.passages,
                )
    for record in existing.values():
        if record.origin == ORIGIN_SEED and record.id not in kept:
            index.remove_document(record.id)
    index.set_meta(SEEDS_META, fingerprint)
    return True


def open_library(
    settings: AskSettings, *, fallback_to_memory: bool = True, now: Clock = _utc_now
) -> PassageIndex:
    """The passage index of ``settings``, with the knowledge base and the default documents up to date.

    When the data folder cannot be written and ``fallback_to_memory`` is set, the index lives in
    memory for this run (answers still work; added documents are not kept).
    """
    try:
        settings.home.mkdir(parents=True, exist_ok=True)
        index: PassageIndex = SqliteIndex(settings.index_path)
    except (OSError, DocumentError):
        if not fallback_to_memory:
            raise
        index = SqliteIndex(":memory:")
    sync_knowledge(index, settings.knowledge, now=now)
    sync_seeds(index, settings.seeds, now=now)
    return index


def expand_paths(paths: Iterable[Path], *, force: bool = False) -> list[Path]:
    """The files to add: each file as given, and the supported files inside each folder.

    Unless ``force`` is set, a system or private folder is not opened (it is returned as given, so
    that :func:`add_documents` reports it) and such folders inside the given ones are skipped.
    Links to folders are not followed.
    """
    files: list[Path] = []
    for path in paths:
        if not path.is_dir() or (not force and private_reason(path)):
            files.append(path)
            continue
        for folder, subfolders, names in os.walk(path):
            here = Path(folder)
            subfolders[:] = sorted(d for d in subfolders if force or not private_reason(here / d))
            files.extend(here / n for n in sorted(names) if Path(n).suffix.lower() in SUPPORTED_SUFFIXES)
    return files


def add_documents(
    index: PassageIndex,
    paths: Iterable[Path],
    *,
    now: Clock = _utc_now,
    on_file: Callable[[Path], None] | None = None,
    force: bool = False,
) -> AddReport:
    """Read and index each file; a file that cannot be read is reported and skipped.

    Each document is stored in its own transaction, so a failure never loses what is indexed.
    A file whose id (its name's stem) is already indexed replaces that document. System and
    private files (see :mod:`lumbar.ask.private_paths`) are refused unless ``force`` is set.
    """
    report = AddReport()
    for path in paths:
        try:
            why = None if force else private_reason(path)
            if why:
                raise DocumentError(
                    f"{path}: {why}; lumbar does not index system or private files. "
                    "If you really mean to add it, run `lumbar docs add --force` with it"
                )
            if path.stem and path.stem.lower() == KNOWLEDGE_DOCUMENT:
                raise DocumentError(f"{path}: this name is reserved for the knowledge base; rename the file")
            document = read_document(path)
            record = DocumentRecord(
                document.id,
                document.title,
                str(path.resolve()),
                ORIGIN_USER,
                document.fingerprint,
                len(document.passages),
                now().isoformat(timespec="seconds"),
            )
            index.put_document(record, document.passages)
            report.added.append(record)
        except DocumentError as exc:
            report.failed.append((str(path), str(exc)))
        finally:
            if on_file is not None:
                on_file(path)
    return report


def remove_document(index: PassageIndex, doc_id: str) -> None:
    """Remove one document by id; raises NotFoundError when there is none."""
    if doc_id == KNOWLEDGE_DOCUMENT:
        raise NotFoundError(f"{doc_id} is the knowledge base, not a document; it cannot be removed")
    if not index.remove_document(doc_id):
        raise NotFoundError(f"no document with id {doc_id!r}; `lumbar docs list` shows the ids")
