"""Small requests over TLS (every real provider is HTTPS; the emulators speak plain HTTP): the
certificate and the host name are verified, and a certificate that does not name the host is
refused before anything is sent."""

from __future__ import annotations

import asyncio
import datetime
import ipaddress
import ssl
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

import core.net.http
from core.errors import ClipDeskError, ErrorKind, RequestNotSent
from core.net.http import HttpLayer


def certificate(tmp: Path, names: list[str]) -> tuple[Path, Path]:
    """A self-signed certificate for ``names`` (DNS names or IP addresses), and its key."""
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, names[0])])
    sans: list[x509.GeneralName] = []
    for name in names:
        try:
            sans.append(x509.IPAddress(ipaddress.ip_address(name)))
        except ValueError:
            sans.append(x509.DNSName(name))
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName(sans), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = tmp / f"{names[0]}.pem", tmp / f"{names[0]}.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return cert_path, key_path


@pytest.fixture
def trust(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The certificate the server shows, made the only root ClipDesk trusts for this test."""
    cert, _key = certificate(tmp_path, ["localhost", "127.0.0.1"])
    context = ssl.create_default_context(cafile=str(cert))
    monkeypatch.setattr(core.net.http, "_ssl_context", context)
    yield tmp_path


async def serve_tls(cert: Path, key: Path, seen: list[bytes]) -> asyncio.Server:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)

    async def answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while head := await reader.readuntil(b"\r\n\r\n"):
                seen.append(head)
                body = b'{"output": {"task_id": "t-1", "task_status": "PENDING"}}'
                writer.write(
                    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                    + f"Content-Length: {len(body)}\r\n\r\n".encode()
                    + body
                )
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError, ssl.SSLError):
            pass
        finally:
            writer.close()

    return await asyncio.start_server(answer, "127.0.0.1", 0, ssl=context)


def test_a_small_request_over_tls_checks_the_certificate_and_host(trust: Path) -> None:
    seen: list[bytes] = []

    async def go() -> None:
        server = await serve_tls(trust / "localhost.pem", trust / "localhost.key", seen)
        port = server.sockets[0].getsockname()[1]
        http = HttpLayer(f"https://localhost:{port}", auth_headers={"Authorization": "Bearer sk-tls"})
        try:
            first = await http.request("GET", "/api/v1/tasks/t-1")
            second = await http.request("POST", "/api/v1/services", json={"p": 1}, billed=True)
        finally:
            await http.aclose()
            server.close()
            await server.wait_closed()
        assert first.status_code == 200 and second.status_code == 200
        assert first.json()["output"]["task_id"] == "t-1"

    asyncio.run(go())
    assert len(seen) == 2 and b"Host: localhost:" in seen[0] and b"Authorization: Bearer sk-tls" in seen[0]


def test_a_certificate_for_another_name_is_refused_before_anything_is_sent(trust: Path) -> None:
    other_cert, other_key = certificate(trust, ["provider.example"])  # valid, but not for this host
    context = ssl.create_default_context(cafile=str(other_cert))
    core.net.http._ssl_context = context
    seen: list[bytes] = []

    async def go() -> None:
        server = await serve_tls(other_cert, other_key, seen)
        port = server.sockets[0].getsockname()[1]
        http = HttpLayer(f"https://localhost:{port}", retries=0)
        try:
            with pytest.raises(ClipDeskError) as refused:
                await http.request("POST", "/api/v1/services", json={"p": 1}, billed=True)
        finally:
            await http.aclose()
            server.close()
            await server.wait_closed()
        assert refused.value.kind is ErrorKind.NETWORK
        assert isinstance(refused.value, RequestNotSent)  # safe to send again: it never left

    asyncio.run(go())
    assert seen == []
