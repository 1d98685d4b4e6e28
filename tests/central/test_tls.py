"""TLS to the central database: a server certificate checked against the centre's CA
(sslmode=verify-full, sslrootcert), and a clear error when it does not match."""

from __future__ import annotations

import contextlib
import datetime as dt
import ipaddress
import shutil
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from bench.central_data import fill_workstation
from tests.postgres import CentralServer
from trainer.central.sync import sync_now
from trainer.errors import CentralError, ErrorCode
from trainer.storage import central
from trainer.storage.database import Database


def _certificate(
    subject: str, issuer_key: ec.EllipticCurvePrivateKey | None, issuer: str | None, ca: bool
) -> tuple[x509.Certificate, ec.EllipticCurvePrivateKey]:
    key = ec.generate_private_key(ec.SECP256R1())
    now = dt.datetime.now(dt.UTC)
    builder = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)]))
        .issuer_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, issuer or subject)]))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
    )
    if not ca:
        builder = builder.add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
    return builder.sign(issuer_key or key, hashes.SHA256()), key


def _pem(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)


@pytest.fixture
def tls_server(central_db: CentralServer, tmp_path: Path) -> tuple[CentralServer, Path]:
    """The test server with TLS on, its certificate signed by a CA; the CA's file."""
    ca, ca_key = _certificate("Test centre CA", None, None, ca=True)
    server, server_key = _certificate("127.0.0.1", ca_key, "Test centre CA", ca=False)
    folder = central_db.cluster.folder
    (folder / "server.crt").write_bytes(_pem(server))
    key_file = folder / "server.key"
    key_file.write_bytes(
        server_key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.TraditionalOpenSSL,
            serialization.NoEncryption(),
        )
    )
    key_file.chmod(0o600)
    if central_db.cluster.run_as:
        for name in ("server.crt", "server.key"):
            shutil.chown(folder / name, central_db.cluster.run_as)
    central_db.query("ALTER SYSTEM SET ssl = on")
    central_db.query("SELECT pg_reload_conf()")
    ca_file = tmp_path / "centre-ca.pem"
    ca_file.write_bytes(_pem(ca))
    return central_db, ca_file


def test_sync_over_tls_checks_the_server_certificate(
    tls_server: tuple[CentralServer, Path], tmp_path: Path
) -> None:
    from dataclasses import replace

    server, ca_file = tls_server
    path = tmp_path / "ws.sqlite3"
    config = server.add_workstation(fill_workstation(path, 40))
    secure = replace(config, sslmode="verify-full", sslrootcert=str(ca_file))
    db = Database(path)
    try:
        assert sync_now(db, secure).ok
        with contextlib.closing(central.connect(secure)) as conn:
            assert conn.pgconn.ssl_in_use
        other_ca, _ = _certificate("Someone else's CA", None, None, ca=True)
        wrong = tmp_path / "other-ca.pem"
        wrong.write_bytes(_pem(other_ca))
        with pytest.raises(CentralError) as info:
            sync_now(db, replace(secure, sslrootcert=str(wrong)))
        assert info.value.code is ErrorCode.CENTRAL_TLS_FAILED
    finally:
        db.close()
        server.query("ALTER SYSTEM RESET ssl")
        server.query("SELECT pg_reload_conf()")
