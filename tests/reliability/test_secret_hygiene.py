"""The API key appears nowhere but in the requests to the connection's own host.

Generates through the CLI on every remote dialect, with distinctive keys: a success whose result
link redirects to another host, an upstream failure, a submit whose answer is lost, and a refused
key that the server echoes back in its error message (some gateways do: "invalid token: sk-...").
PixVerse sends its key as ``API-KEY`` and gets one that does not start with ``sk-``, so only
ClipDesk's own record of its secrets can hide it, not the ``sk-`` pattern. Then ``tasks`` and
``resume``. Everything under CLIPDESK_HOME (journal, logs, cache, library, config) and every
captured stdout and stderr is searched for each key, raw, in base64 at any alignment and in UTF-16:
no hit. The key reached the emulators (else this would prove nothing) and never the other host.
"""

from __future__ import annotations

import base64
import json
import random
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.emulators import DIALECTS as EMULATORS
from tests.emulators.base import Emulator, ForeignHost, RecordedRequest, Reply, json_reply
from tests.reliability.support import CASES, REMOTE_DIALECTS
from tests.support.cli import ROOT, cli_env
from tests.support.images import make_image

_rng = random.Random(5150)
GOOD = f"sk-hyg-{_rng.getrandbits(64):016x}"
REFUSED = f"sk-hyg-{_rng.getrandbits(64):016x}"
GOOD_PLAIN = f"hyg{_rng.getrandbits(80):020x}"  # PixVerse's: no sk- prefix
REFUSED_PLAIN = f"hyg{_rng.getrandbits(80):020x}"
KEYS = (GOOD, REFUSED, GOOD_PLAIN, REFUSED_PLAIN)


class EchoingMixin(Emulator):
    """Refuses the REFUSED keys, quoting the key in the error message."""

    def check_auth(self, req: RecordedRequest) -> Reply | None:
        key = self.api_key(req)
        if key in (REFUSED, REFUSED_PLAIN):
            message = f"Incorrect API key provided: {key}. You can find your API key in the console."
            if self.dialect == "newapi":  # its auth error has a fixed text; this gateway quotes the key
                return json_reply(401, {"error": {"message": message, "type": "new_api_error", "code": ""}})
            return self.error_reply("auth", req, message)
        return super().check_auth(req)


def needles(secret: str) -> list[bytes]:
    raw = secret.encode()
    found = [raw, secret.encode("utf-16-le"), secret.encode("utf-16-be")]
    for pad in range(3):  # base64 of the key wherever it starts in the encoded bytes
        encoded = base64.b64encode(b"\0" * pad + raw)
        found.append(encoded[(pad * 4 + 2) // 3 + 1 : -3])
    return found


def hits(secret: str, home: Path, outputs: list[str]) -> list[str]:
    places = []
    for path in sorted(p for p in home.rglob("*") if p.is_file()):
        data = path.read_bytes()
        places += [f"{path.relative_to(home)}" for n in needles(secret) if n in data]
    for n, text in enumerate(outputs):
        places += [f"output #{n}" for needle in needles(secret) if needle in text.encode("utf-8", "replace")]
    return places


@pytest.fixture
def emulators(foreign_host: ForeignHost) -> Iterator[dict[str, Emulator]]:
    emus: dict[str, Emulator] = {}
    for kind in sorted({c.emulator for c in CASES.values()}):
        cls = type(f"Echoing{EMULATORS[kind].__name__}", (EchoingMixin, EMULATORS[kind]), {})
        emus[kind] = cls(foreign=foreign_host).start()
    yield emus
    for emu in emus.values():
        emu.stop()
    for emu in emus.values():
        assert not emu.errors, "\n".join(emu.errors)


@pytest.mark.slow  # every dialect through the CLI, then every file searched: over a minute
def test_the_key_is_nowhere_but_in_its_own_requests(
    emulators: dict[str, Emulator], foreign_host: ForeignHost, tmp_path: Path, clipdesk_home: Path
) -> None:
    image = make_image(tmp_path / "first.png")
    runs: list[tuple[str, list[str], str]] = []  # (label, args, key)
    for dialect in REMOTE_DIALECTS:
        case = CASES[dialect]
        emu = emulators[case.emulator]
        good, refused = (GOOD_PLAIN, REFUSED_PLAIN) if dialect == "pixverse" else (GOOD, REFUSED)
        first = image if case.needs_image or dialect in ("pixverse", "openai-videos") else None
        for label, token, key in [
            ("success via another host", "#redirect", good),
            ("upstream failure", "#fail", good),
            ("lost submit answer", "#reset-submit", good),
            ("refused key, echoed", "", refused),
        ]:
            args = case.cli_args(emu, f"a kite over the dunes {token}".strip(), first)
            runs.append((f"{dialect}: {label}", args, key))

    outputs: list[str] = []
    results: dict[str, dict[str, Any]] = {}
    for batch in range(0, len(runs), 6):
        procs = [
            (
                label,
                subprocess.Popen(
                    [sys.executable, str(ROOT / "main.py"), *args],
                    env=cli_env(clipdesk_home, key),
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                    text=True,
                    cwd=ROOT,
                ),
            )
            for label, args, key in runs[batch : batch + 6]
        ]
        for label, proc in procs:
            out, err = proc.communicate(timeout=120)
            outputs += [out, err]
            assert "Traceback" not in err, f"{label}:\n{err[-3000:]}"
            results[label] = json.loads(out.splitlines()[-1])
    for tail in (["tasks", "--json"], ["resume", "--json"]):
        done = subprocess.run(
            [sys.executable, str(ROOT / "main.py"), *tail],
            env=cli_env(clipdesk_home, GOOD),
            capture_output=True,
            text=True,
            timeout=120,
            cwd=ROOT,
        )
        outputs += [done.stdout, done.stderr]

    # the runs did what they were meant to
    for dialect in REMOTE_DIALECTS:
        assert results[f"{dialect}: success via another host"]["state"] == "succeeded", dialect
        assert results[f"{dialect}: upstream failure"]["state"] == "failed", dialect
        assert results[f"{dialect}: lost submit answer"]["state"] == "unknown", dialect
        refused = results[f"{dialect}: refused key, echoed"]
        assert refused["state"] == "failed" and refused["error"]["kind"] == "auth", (dialect, refused)
    # each key reached its own emulator...
    seen = json.dumps([r.headers for emu in emulators.values() for r in emu.requests])
    assert all(key in seen for key in KEYS)
    assert (clipdesk_home / "logs" / "clipdesk.log").is_file()
    # ...and nothing else: not the other host, not a file, not a line of output
    assert foreign_host.requests, "no result link was followed to the other host"
    assert foreign_host.credential_headers() == []
    foreign_seen = json.dumps([[r.headers, r.raw_path] for r in foreign_host.requests])
    assert not [key for key in KEYS if key in foreign_seen]
    leaks = {key: hits(key, clipdesk_home, outputs) for key in KEYS}
    assert leaks == {key: [] for key in KEYS}
