"""A throw-away PostgreSQL cluster for the tests: initdb into a temporary folder, started on a free
port, stopped and deleted at the end. No docker: Debian's ``postgresql`` package (``make test``
installs it). PostgreSQL will not run as root, so as root its programs run as the ``postgres`` user.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

#: set to 1 to run the storage tests on SQLite only (for a developer without PostgreSQL; never in CI)
OPT_OUT = "LUMBAR_TEST_WITHOUT_POSTGRES"
SERVICE_USER = "postgres"
#: the server settings of a cluster that may lose everything: no waiting for the disk
_numbers = itertools.count(1)
FAST = "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"


class PostgresUnavailable(RuntimeError):
    """PostgreSQL could not be found or started; the message says why and how to fix it."""


def program(name: str) -> str:
    """The path of PostgreSQL's program ``name``: on the PATH, else Debian's newest version."""
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(
        glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=lambda path: int(Path(path).parts[-3])
    )
    if not candidates:
        raise PostgresUnavailable(
            f"PostgreSQL's {name} was not found. Install Debian's postgresql package (`make test` does, "
            f"or `apt-get install postgresql`), or set {OPT_OUT}=1 to test on SQLite only"
        )
    return candidates[-1]


def free_port() -> int:
    """A TCP port nothing listens on just now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Cluster:
    """One PostgreSQL cluster in a temporary folder; ``url`` is its ``postgres`` database."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="lumbar-postgres-"))
        self.port = free_port()
        self._as_service_user: list[str] = []
        if os.geteuid() == 0:
            user = pwd.getpwnam(SERVICE_USER)
            os.chown(self.folder, user.pw_uid, user.pw_gid)
            self._as_service_user = ["runuser", "-u", SERVICE_USER, "--"]
        self.url = f"postgresql+psycopg://{SERVICE_USER}@127.0.0.1:{self.port}/postgres"

    def _run(self, name: str, *arguments: str) -> None:
        command = [*self._as_service_user, program(name), *arguments]
        done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
        if done.returncode != 0:
            log = self.folder / "server.log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise PostgresUnavailable(
                f"`{' '.join(command)}` failed ({done.returncode}): {done.stderr.strip()[-2000:]} {tail}"
            )

    def start(self) -> Cluster:
        """Make and start the cluster; PostgresUnavailable when that fails."""
        data = str(self.folder / "data")
        self._run("initdb", "-D", data, "-A", "trust", "-U", SERVICE_USER, "-E", "UTF8", "--no-sync")
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 {FAST}"
        self._run("pg_ctl", "-D", data, "-l", str(self.folder / "server.log"), "-o", options, "-w", "start")
        return self

    def stop(self) -> None:
        """Stop the cluster at once and delete its folder."""
        try:
            self._run("pg_ctl", "-D", str(self.folder / "data"), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


def new_postgres_database(cluster: Cluster | PostgresUnavailable) -> str:
    """The URL of a new, empty database in ``cluster``."""
    if isinstance(cluster, PostgresUnavailable):
        if os.environ.get(OPT_OUT) == "1":
            pytest.skip(f"PostgreSQL left out ({OPT_OUT}=1)")
        pytest.fail(
            f"the storage tests need PostgreSQL and it could not be started: {cluster}", pytrace=False
        )
    name = f"lumbar_test_{next(_numbers)}"
    server = create_engine(cluster.url, isolation_level="AUTOCOMMIT")
    with server.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}" STRATEGY FILE_COPY'))
    server.dispose()
    return make_url(cluster.url).set(database=name).render_as_string(hide_password=False)
