"""System and private files that `lumbar docs add` never indexes unless the person passes --force.

An index of passages is meant to be read back in answers: a password file, a private key or a
system configuration must not end up in it by a slip of the command line (`lumbar docs add /etc`).
A path is judged as written and as resolved, so a link to such a file is refused too.
"""

from __future__ import annotations

import os
import re
from itertools import pairwise
from pathlib import Path, PurePath

#: top-level folders of the operating system
SYSTEM_FOLDERS = ("/etc", "/proc", "/sys", "/dev", "/boot", "/root", "/var", "/usr", "/run")
#: folders of keys and other secrets, wherever they are (the home folder's ~/.ssh and ~/.gnupg)
PRIVATE_FOLDERS = frozenset({".ssh", ".gnupg"})
#: words in a file name that say it holds secrets
SECRET_WORDS = frozenset(
    {"passwd", "shadow", "password", "passwords", "secret", "secrets", "credential", "credentials",
     "privkey", "apikey", "id_rsa", "id_dsa", "id_ecdsa", "id_ed25519", "htpasswd"}
)  # fmt: skip
#: "key" in a name is a key when it is the whole name or follows one of these words
KEY_WORDS = frozenset({"key", "keys"})
KEY_QUALIFIERS = frozenset({"private", "api", "secret", "ssh", "access", "signing", "gpg", "pgp", "host"})
#: extensions of key and keystore files
SECRET_SUFFIXES = frozenset({".pem", ".key", ".p12", ".pfx", ".gpg", ".pgp", ".asc", ".kdbx", ".keystore"})
_NAME_WORDS = re.compile(r"id_[a-z0-9]+|[a-z0-9]+")


def private_reason(path: Path) -> str | None:
    """Why ``path`` is a system or private file lumbar does not index, or None when it is not one."""
    written = Path(os.path.abspath(path))
    try:
        resolved = path.resolve()
    except (OSError, RuntimeError):
        resolved = written
    for candidate in dict.fromkeys((written, resolved)):
        reason = _folder_reason(candidate) or _name_reason(candidate)
        if reason:
            return reason
    return None


def _folder_reason(path: PurePath) -> str | None:
    text = path.as_posix()
    for folder in SYSTEM_FOLDERS:
        if text == folder or text.startswith(folder + "/"):
            return f"is a system file (under {folder})"
    private = next((part for part in path.parts if part in PRIVATE_FOLDERS), None)
    if private:
        return f"is in a folder of keys and secrets ({private})"
    return None


def _name_reason(path: PurePath) -> str | None:
    if path.suffix.lower() in SECRET_SUFFIXES:
        return f"is named like a key or secret file ({path.suffix})"
    name = path.name.lower()
    words = _NAME_WORDS.findall(name.rsplit(".", 1)[0] if path.suffix else name)
    pairs = [f"{a} {b}" for a, b in pairwise(words) if a in KEY_QUALIFIERS and b in KEY_WORDS]
    secret = next((w for w in words if w in SECRET_WORDS), None) or next(iter(pairs), None)
    if secret is None and len(words) == 1 and words[0] in KEY_WORDS:
        secret = words[0]
    return f"is named like a key or secret file ({secret!r})" if secret else None
