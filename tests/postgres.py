"""A throwaway PostgreSQL cluster for the tests (pytest plugin, loaded by tests/conftest.py).

``initdb`` in a temporary folder, a free localhost port, ``fsync=off``, password
(scram-sha-256) authentication over TCP, stopped at the end of the run. The binaries
are looked up in /usr/lib/postgresql/*/bin (Debian) or on PATH. Where PostgreSQL is
absent the tests that need it skip with the reason; under CI (``CI=true``) its absence
fails them instead. initdb and postgres refuse to run as root: as root, the cluster
runs as the ``postgres`` user (Debian's package creates it).
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from trainer.central.config import CentralConfig

ADMIN = "tip_admin"


def find_bin_dir() -> Path | None:
    """The folder holding initdb and pg_ctl, newest version first; None when absent."""
    candidates = sorted(
        Path("/usr/lib/postgresql").glob("*/bin"),
        key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
        reverse=True,
    )
    for folder in candidates:
        if (folder / "initdb").exists() and (folder / "pg_ctl").exists():
            return folder
    found = shutil.which("initdb")
    return Path(found).parent if found else None


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("true", "1", "yes")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Cluster:
    """One running server: its folder, port and administrator (a superuser)."""

    bin_dir: Path
    folder: Path
    port: int
    admin_password: str
    run_as: str | None

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        command = [str(self.bin_dir / args[0]), *args[1:]]
        if self.run_as:
            command = ["runuser", "-u", self.run_as, "--", *command]
        return subprocess.run(command, check=check, capture_output=True, text=True, timeout=120)

    def init(self) -> None:
        pwfile = self.folder.parent / "pw"
        pwfile.write_text(self.admin_password + "\n", encoding="utf-8")
        if self.run_as:
            shutil.chown(pwfile, self.run_as)
        self._run(
            "initdb",
            "-D",
            str(self.folder),
            "-U",
            ADMIN,
            "--auth-local=trust",
            "--auth-host=scram-sha-256",
            f"--pwfile={pwfile}",
            "--no-sync",
            "-E",
            "UTF8",
        )
        pwfile.unlink()

    def start(self) -> None:
        options = (
            f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
            " -c synchronous_commit=off -c full_page_writes=off -c max_connections=120"
        )
        self._run(
            "pg_ctl",
            "-D",
            str(self.folder),
            "-o",
            options,
            "-l",
            str(self.folder / "server.log"),
            "-w",
            "start",
        )

    def stop(self, mode: str = "fast") -> None:
        """``immediate`` is a crash (no shutdown checkpoint, clients cut off)."""
        self._run("pg_ctl", "-D", str(self.folder), "-m", mode, "-w", "stop", check=False)

    def running(self) -> bool:
        return self._run("pg_ctl", "-D", str(self.folder), "status", check=False).returncode == 0

    def admin_config(self, dbname: str = "postgres") -> CentralConfig:
        return CentralConfig(
            host="127.0.0.1",
            port=self.port,
            dbname=dbname,
            user=ADMIN,
            sslmode="disable",
            password=self.admin_password,
        )

    def config(self, dbname: str, user: str, password: str) -> CentralConfig:
        return CentralConfig(
            host="127.0.0.1",
            port=self.port,
            dbname=dbname,
            user=user,
            sslmode="disable",
            connect_timeout=3,
            password=password,
        )

    def create_database(self) -> str:
        import psycopg

        name = "tip_" + secrets.token_hex(6)
        with psycopg.connect(
            host="127.0.0.1",
            port=self.port,
            dbname="postgres",
            user=ADMIN,
            password=self.admin_password,
            autocommit=True,
        ) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return name


def _unavailable(reason: str) -> None:
    if in_ci():
        pytest.fail(f"PostgreSQL is needed under CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def pg_cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    """A PostgreSQL server for the whole run (skipped where PostgreSQL is absent)."""
    bin_dir = find_bin_dir()
    if bin_dir is None:
        _unavailable("PostgreSQL is not installed (initdb not found)")
    assert bin_dir is not None
    try:
        import psycopg  # noqa: F401
    except ImportError:
        _unavailable("psycopg is not installed")
    base = tmp_path_factory.mktemp("postgres")
    run_as = None
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        # pytest's temporary folders are root's own (mode 0700 all the way up): the
        # server's user could not reach one, so its folder is made in the system's
        # temporary folder, owned by that user, and removed at the end.
        run_as = "postgres"
        base = Path(tempfile.mkdtemp(prefix="tip-trainer-pg-"))
        try:
            shutil.chown(base, run_as)
        except LookupError:
            shutil.rmtree(base, ignore_errors=True)
            _unavailable("running as root and there is no 'postgres' user to run the server")
    cluster = Cluster(bin_dir, base / "data", _free_port(), secrets.token_hex(12), run_as)
    try:
        cluster.init()
        cluster.start()
    except subprocess.CalledProcessError as exc:
        pytest.fail(f"the test PostgreSQL did not start: {exc.stderr or exc.stdout}")
    try:
        yield cluster
    finally:
        cluster.stop()
        if run_as:
            shutil.rmtree(base, ignore_errors=True)


@pytest.fixture
def central_db(pg_cluster: Cluster) -> Iterator[CentralServer]:
    """A fresh central database on the test server, prepared (init-server) and empty."""
    from trainer.storage import central

    if not pg_cluster.running():
        pg_cluster.start()
    name = pg_cluster.create_database()
    admin = pg_cluster.admin_config(name)
    with contextlib.closing(central.connect(admin)) as conn:
        central.init_server(conn)
    yield CentralServer(pg_cluster, name)
    if not pg_cluster.running():  # a fault test stopped it: the next test has a server
        pg_cluster.start()


@dataclass
class CentralServer:
    cluster: Cluster
    dbname: str

    @property
    def admin(self) -> CentralConfig:
        return self.cluster.admin_config(self.dbname)

    def add_workstation(self, uid: str, name: str = "ws", *, coordinator: bool = False) -> CentralConfig:
        """The workstation's config, with the credentials ``add-workstation`` prints."""
        from trainer.storage import central

        with contextlib.closing(central.connect(self.admin)) as conn:
            user, password, _ = central.add_workstation(conn, uid, name, coordinator=coordinator)
        return self.cluster.config(self.dbname, user, password)

    def query(self, sql: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
        from trainer.storage import central

        with contextlib.closing(central.connect(self.admin)) as conn:
            cur = conn.execute(sql.encode(), params)
            return [tuple(r) for r in cur.fetchall()] if cur.description else []
