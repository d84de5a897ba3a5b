"""The validated knowledge base compiled once into a cache file, so a one-shot command starts fast.

Reading and validating the YAML files takes about a second; unpickling the result takes a few
milliseconds. The cache file is named by a fingerprint of everything the result depends on: every
data file's name and bytes, the knowledge package's own code (the schema that validates, the run-time
classes the file holds, the loader), and the Python and pydantic versions. Change any of them and the name changes, so a stale file is never read; it is
rebuilt on first use. Writes go to a temporary file that is renamed into place, so two processes
building at once both leave a whole file, and a reader never sees half of one. A file that cannot
be read (damaged, from another version) is ignored and rebuilt. Files of other versions are kept
for a while, since two installed versions may share the folder. The folder is the user's own
(``LUMBAR_CACHE``); an empty value turns the cache off.

Hashing every file at every start cost a one-shot assessment 26 M instructions, so the fingerprint is
kept in a stamp beside the compiled files with the list of what it hashed: each file's path, size,
inode and modification and change times (the test git and Python's ``.pyc`` files rely on, plus the
change time, which no tool can set back). A start that lists the same reads the fingerprint from the
stamp; any difference (an edited, added, removed or replaced file) hashes again. A stamp is written
only when every file listed changed :data:`SETTLE_SECONDS` or more before, so that a file edited twice
within one tick of the file system's clock, keeping its size, is never taken for unchanged.

What is read from the cache folder (this base, the engine's tables) is kept for the whole process and
holds no garbage, so it is read with the garbage collector paused and then set aside from it
(:func:`kept_from_collector`).
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import sys
import time
import zlib
from collections.abc import Callable, Iterator
from importlib import util
from pathlib import Path
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

    from lumbar.knowledge.loader import KnowledgeBase

#: the knowledge package's code files whose changes change what a cached knowledge base means: the
#: schema that validates, the run-time classes the file holds, and the code that builds it
CODE_FILES = (
    "terms.py",
    "frozen.py",
    "validation/schema.py",
    "validation/questionnaires.py",
    "validation/diary_rules.py",
    "validation/convert.py",
    "schema.py",
    "questionnaires.py",
    "diary_rules.py",
    "loader.py",
    "medicine_names.py",
    "trigger_families.py",
    "compiled.py",
)
PREFIX = "knowledge-"
STAMP_PREFIX = "knowledge-stamp-"
#: a stamp is written only when every file it lists changed at least this long before
SETTLE_SECONDS = 2.0
#: a compiled file of another version not rewritten for this many days is deleted
STALE_DAYS = 30


def knowledge_folder() -> Traversable:
    """The knowledge package's folder: a plain folder when the package is installed as files, which is
    what ``importlib.resources.files`` gives then, found without importing ``importlib.resources``
    (11 M instructions of a one-shot assessment's 613 M); otherwise (a zip) what it finds."""
    folder = Path(__file__).parent
    if folder.is_dir():
        return folder
    from importlib import resources  # noqa: PLC0415 - only for a package not installed as files

    return resources.files("lumbar.knowledge")


def _files(folder: Traversable, prefix: str = "") -> list[tuple[str, Traversable]]:
    """Every file under ``folder`` with its relative name, in a fixed order."""
    found: list[tuple[str, Traversable]] = []
    for entry in folder.iterdir():
        name = f"{prefix}{entry.name}"
        if entry.is_dir():
            found += _files(entry, f"{name}/")
        elif entry.is_file() and not entry.name.endswith((".pyc", ".pyo")):
            found.append((name, entry))
    return sorted(found, key=lambda pair: pair[0])


def fingerprint(root: Traversable) -> str:
    """A hash of the data files under ``root``, the knowledge code and the Python and pydantic versions."""
    # here, not at the top: a start that finds its stamp never hashes (hashlib: 17 M instructions)
    import hashlib  # noqa: PLC0415

    digest = hashlib.sha256()
    digest.update(f"{sys.version_info[:2]}\n".encode() + _pydantic_version())
    code = knowledge_folder()
    for name in CODE_FILES:
        digest.update(name.encode() + b"\0" + (code / name).read_bytes() + b"\0")
    for name, entry in _files(root):
        digest.update(name.encode() + b"\0" + entry.read_bytes() + b"\0")
    return digest.hexdigest()[:32]


def _pydantic_version() -> bytes:
    """pydantic's version file, read without importing pydantic (a start from the cache never does)."""
    return b"".join(path.read_bytes() for path in _pydantic_version_files())


def _pydantic_version_files() -> list[Path]:
    spec = util.find_spec("pydantic")
    folders = spec.submodule_search_locations if spec is not None else None
    return [Path(folder, "version.py") for folder in folders or []]


def stamped_fingerprint(root: Traversable, folder: Path) -> str:
    """:func:`fingerprint` of ``root``, read from its stamp in ``folder`` when no file it hashes changed
    since the stamp was written; otherwise hashed, and the stamp written when every file has settled."""
    listed = _listing(root)
    if listed is None:  # not plain files (a zip): nothing to list, so always hashed
        return fingerprint(root)
    listing, newest = listed
    stamp = folder / f"{STAMP_PREFIX}{zlib.crc32(str(root).encode()):08x}.txt"
    try:
        kept, _, kept_listing = stamp.read_text(encoding="utf-8").partition("\n")
    except (OSError, UnicodeDecodeError):
        kept, kept_listing = "", ""
    if kept and kept_listing == listing:
        return kept
    compiled = fingerprint(root)
    if newest < time.time_ns() - SETTLE_SECONDS * 1e9:

        def write(handle: IO[bytes]) -> None:
            handle.write(f"{compiled}\n{listing}".encode())

        write_whole(stamp, write)
    return compiled


def _listing(root: Traversable) -> tuple[str, int] | None:
    """Every file :func:`fingerprint` reads, with its size, inode and times, and the latest of those
    times (ns); None when the files are not plain files."""
    code = knowledge_folder()
    if not isinstance(root, Path) or not isinstance(code, Path):
        return None
    paths = [code / name for name in CODE_FILES]
    paths += [entry for _, entry in _files(root) if isinstance(entry, Path)]
    paths += _pydantic_version_files()
    lines = [f"{sys.version_info[:2]}"]
    newest = 0
    try:
        for path in paths:
            found = path.stat()
            lines.append(f"{path} {found.st_size} {found.st_ino} {found.st_mtime_ns} {found.st_ctime_ns}")
            newest = max(newest, found.st_mtime_ns, found.st_ctime_ns)
    except OSError:
        return None
    return "\n".join(lines), newest


def cache_file(compiled: str, folder: Path) -> Path:
    """Where the knowledge base of fingerprint ``compiled`` lives in ``folder``."""
    return folder / f"{PREFIX}{compiled}.pickle"


def load_compiled(path: Path) -> KnowledgeBase | None:
    """The knowledge base in ``path``, or None when there is none or it cannot be read."""
    try:
        with path.open("rb") as handle, kept_from_collector():
            return pickle.load(handle)
    except FileNotFoundError:
        return None
    except Exception:  # a damaged file or one from another version: rebuilt by the caller
        return None


@contextlib.contextmanager
def kept_from_collector() -> Iterator[None]:
    """Pause the garbage collector while reading what the process keeps for good, then, when the read
    succeeded, set everything alive aside from it (``gc.freeze``).

    The collections a read set off found no garbage (some 20 M instructions of a one-shot assessment),
    and every later full collection, the two at exit among them, walked the whole knowledge base and
    the engine's tables again (about 40 M). Objects alive now that become garbage later are never
    collected: at a start that is the imported code and this read, which live as long as the process.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
    gc.freeze()  # not reached when the read raised


def save_compiled(kb: KnowledgeBase, path: Path) -> None:
    """Write ``kb`` to ``path`` whole or not at all; a folder that cannot be written is skipped."""
    write_whole(path, lambda handle: pickle.dump(kb, handle, protocol=pickle.HIGHEST_PROTOCOL))


def write_whole(path: Path, dump: Callable[[IO[bytes]], None]) -> None:
    """Write what ``dump`` writes to ``path`` whole or not at all, then delete stale files beside it.

    A folder that cannot be written, or a value that cannot be pickled, leaves no file: the next start
    builds again.
    """
    # here, not at the top: tempfile imports shutil (with bz2 and lzma) and random, which a start
    # that only reads its cache never needs (9 M instructions of a one-shot assessment)
    import tempfile  # noqa: PLC0415

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, prefix=".tmp-", delete=False) as handle:
            try:
                dump(handle)
                handle.flush()
                os.fsync(handle.fileno())
            except BaseException:
                handle.close()
                os.unlink(handle.name)
                raise
        os.replace(handle.name, path)
    except Exception:  # a cache that cannot be written must never stop the command that uses it
        return
    remove_stale(path)


def remove_stale(kept: Path, now: float | None = None) -> None:
    """Delete the other compiled files of ``kept``'s kind (same name up to the fingerprint) not
    written for :data:`STALE_DAYS`.

    Not every other file: two installed versions of lumbar (two checkouts, a tool beside a project)
    may share the folder, and each deleting the other's file would make both rebuild at every start.
    """
    oldest = (time.time() if now is None else now) - STALE_DAYS * 86400
    kind = kept.name.rsplit("-", 1)[0]
    for other in kept.parent.glob(f"{kind}-*.pickle"):
        with contextlib.suppress(OSError):  # gone already, or not ours to delete
            if other != kept and other.stat().st_mtime < oldest:
                other.unlink()
