"""A throwaway PostgreSQL server for the central database's tests and benches.

``initdb`` in a temporary folder, a free localhost port, ``fsync=off`` (tests and benches
only: a real centre's server keeps the defaults), password (scram-sha-256) authentication
over TCP. The binaries are looked up in /usr/lib/postgresql/*/bin (Debian) or on PATH.
initdb and postgres refuse to run as root: as root, the server runs as the ``postgres``
user (Debian's package creates it), in a folder of the system's temporary folder that
user owns (pytest's and root's own folders are closed to it).
"""

from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

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


def free_port() -> int:
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


class ClusterUnavailableError(Exception):
    """PostgreSQL cannot run here (the reason is the message)."""


def start_cluster(base: Path) -> Cluster:
    """A running server under ``base`` (or a folder of its own when running as root);
    ClusterUnavailableError when PostgreSQL is absent. Stop it with ``stop()`` and remove
    ``cluster.base`` when done."""
    bin_dir = find_bin_dir()
    if bin_dir is None:
        raise ClusterUnavailableError("PostgreSQL is not installed (initdb not found)")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        raise ClusterUnavailableError("psycopg is not installed") from None
    run_as = None
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        run_as = "postgres"
        base = Path(tempfile.mkdtemp(prefix="tip-trainer-pg-"))
        try:
            shutil.chown(base, run_as)
        except LookupError:
            shutil.rmtree(base, ignore_errors=True)
            raise ClusterUnavailableError(
                "running as root and there is no 'postgres' user to run the server"
            ) from None
    cluster = Cluster(bin_dir, base / "data", free_port(), secrets.token_hex(12), run_as)
    try:
        cluster.init()
        cluster.start()
    except subprocess.CalledProcessError as exc:
        if run_as:
            shutil.rmtree(base, ignore_errors=True)
        raise ClusterUnavailableError(
            f"PostgreSQL did not start: {exc.stderr or exc.stdout}"
        ) from None
    return cluster


def remove(cluster: Cluster) -> None:
    """Stop the server and remove its folder when it is one of its own."""
    cluster.stop()
    if cluster.run_as:
        shutil.rmtree(cluster.folder.parent, ignore_errors=True)
