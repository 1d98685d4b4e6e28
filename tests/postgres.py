"""The throwaway PostgreSQL cluster as pytest fixtures (a plugin loaded by tests/conftest.py).

One server for the whole run (``pg_cluster``), stopped at the end; a fresh, prepared
central database per test (``central_db``). Where PostgreSQL is absent the tests that
need it skip with the reason; under CI (``CI=true``) its absence fails them instead.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from bench.pg_cluster import Cluster, ClusterUnavailableError, find_bin_dir, remove, start_cluster
from trainer.central.config import CentralConfig

__all__ = ["CentralServer", "Cluster", "find_bin_dir", "in_ci"]


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("true", "1", "yes")


@pytest.fixture(scope="session")
def pg_cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    """A PostgreSQL server for the whole run (skipped where PostgreSQL is absent)."""
    try:
        cluster = start_cluster(tmp_path_factory.mktemp("postgres"))
    except ClusterUnavailableError as exc:
        if in_ci():
            pytest.fail(f"PostgreSQL is needed under CI: {exc}")
        pytest.skip(str(exc))
    try:
        yield cluster
    finally:
        remove(cluster)


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

    def add_workstation(
        self, uid: str, name: str = "ws", *, coordinator: bool = False
    ) -> CentralConfig:
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
