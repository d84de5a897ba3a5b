"""System and private files are never indexed unless the person passes --force."""

from __future__ import annotations

from pathlib import Path

import pytest

from lumbar.ask.index import SqliteIndex
from lumbar.ask.library import add_documents, expand_paths
from lumbar.ask.private_paths import private_reason

LEAFLET = "# Our clinic\n\nPhysiotherapy sessions last 45 minutes.\n"


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/etc/passwd", "system file (under /etc)"),
        ("/etc", "system file (under /etc)"),
        ("/proc/self/environ", "under /proc"),
        ("/sys/kernel/notes", "under /sys"),
        ("/dev/zero", "under /dev"),
        ("/boot/grub/grub.cfg", "under /boot"),
        ("/root/notes.txt", "under /root"),
        ("/var/log/syslog", "under /var"),
        ("/usr/share/doc/README.txt", "under /usr"),
        ("/home/ann/.ssh/id_ed25519", ".ssh"),
        ("/home/ann/.ssh/notes.txt", ".ssh"),
        ("/home/ann/.gnupg/pubring.txt", ".gnupg"),
        ("/tmp/copy/passwd", "'passwd'"),
        ("/tmp/copy/shadow.txt", "'shadow'"),
        ("/tmp/copy/my-secrets.md", "'secrets'"),
        ("/tmp/copy/passwords.txt", "'passwords'"),
        ("/tmp/copy/api_key.txt", "'api key'"),
        ("/tmp/copy/private-key.md", "'private key'"),
        ("/tmp/copy/keys", "'keys'"),
        ("/tmp/copy/server.pem", ".pem"),
        ("/tmp/copy/id_rsa", "'id_rsa'"),
    ],
)
def test_system_and_private_paths_are_named_with_the_reason(path: str, reason: str) -> None:
    assert reason in (private_reason(Path(path)) or "")


@pytest.mark.parametrize(
    "path",
    ["/tmp/clinic/leaflet.md", "/tmp/clinic/key_points.md", "/tmp/clinic/monkey_pose.txt", "notes.txt"],
)
def test_ordinary_documents_are_not_private(path: str) -> None:
    assert private_reason(Path(path)) is None


def test_a_link_to_a_system_file_is_judged_by_its_target(tmp_path: Path) -> None:
    link = tmp_path / "harmless.txt"
    link.symlink_to("/etc/passwd")
    assert "under /etc" in (private_reason(link) or "")


def test_private_files_are_refused_and_nothing_else_is_lost(tmp_path: Path) -> None:
    index = SqliteIndex(":memory:")
    kept = tmp_path / "clinic_leaflet.md"
    kept.write_text(LEAFLET, encoding="utf-8")
    add_documents(index, [kept])
    secrets = tmp_path / "passwords.txt"
    secrets.write_text("The clinic wifi password is hunter2, please keep it safe.\n", encoding="utf-8")
    duplicate = tmp_path / "keys" / "clinic_leaflet.md"  # would replace the kept document
    duplicate.parent.mkdir()
    duplicate.write_text("# Replaced\n\nThis text must never replace the leaflet.\n", encoding="utf-8")
    report = add_documents(index, [Path("/etc/passwd"), secrets, tmp_path / ".ssh" / "id_rsa"])
    assert report.added == []
    assert [message for _, message in report.failed] == [
        "/etc/passwd: is a system file (under /etc); lumbar does not index system or private files. "
        "If you really mean to add it, run `lumbar docs add --force` with it",
        f"{secrets}: is named like a key or secret file ('passwords'); lumbar does not index system or "
        "private files. If you really mean to add it, run `lumbar docs add --force` with it",
        f"{tmp_path}/.ssh/id_rsa: is in a folder of keys and secrets (.ssh); lumbar does not index system "
        "or private files. If you really mean to add it, run `lumbar docs add --force` with it",
    ]
    assert [d.id for d in index.documents()] == ["clinic_leaflet"]
    assert index.search([("physiotherapi",)], limit=1)[0].passage.text.startswith("Physiotherapy")


def test_force_adds_a_private_file_on_purpose(tmp_path: Path) -> None:
    index = SqliteIndex(":memory:")
    secrets = tmp_path / "secrets.txt"
    secrets.write_text(
        "Opening hours\n\nOur clinic is open from nine to five on weekdays.\n", encoding="utf-8"
    )
    assert add_documents(index, [secrets], force=True).added[0].id == "secrets"


def test_folders_skip_private_folders_and_system_folders_are_not_opened(tmp_path: Path) -> None:
    (tmp_path / "docs" / ".ssh").mkdir(parents=True)
    (tmp_path / "docs" / "leaflet.md").write_text(LEAFLET, encoding="utf-8")
    (tmp_path / "docs" / ".ssh" / "notes.txt").write_text("private notes of the owner", encoding="utf-8")
    (tmp_path / "docs" / "passwords.txt").write_text("not for the index", encoding="utf-8")
    files = expand_paths([tmp_path / "docs"])
    assert [p.relative_to(tmp_path).as_posix() for p in files] == ["docs/leaflet.md", "docs/passwords.txt"]
    forced = expand_paths([tmp_path / "docs"], force=True)
    assert [p.relative_to(tmp_path).as_posix() for p in forced] == [
        "docs/leaflet.md",
        "docs/passwords.txt",
        "docs/.ssh/notes.txt",
    ]
    assert expand_paths([Path("/etc"), Path("/usr")]) == [Path("/etc"), Path("/usr")]
    report = add_documents(SqliteIndex(":memory:"), [Path("/etc")])
    assert "system file (under /etc)" in report.failed[0][1]


def test_the_help_of_docs_add_names_every_refused_folder(capsys: pytest.CaptureFixture[str]) -> None:
    from lumbar.ask.private_paths import PRIVATE_FOLDERS, SYSTEM_FOLDERS
    from lumbar.cli import main

    with pytest.raises(SystemExit):
        main(["docs", "add", "--help"])
    shown = " ".join(capsys.readouterr().out.split())
    for folder in (*SYSTEM_FOLDERS, *PRIVATE_FOLDERS):
        assert folder in shown
