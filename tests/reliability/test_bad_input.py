"""Bad input is refused before anything is sent: kind ``invalid_input``, a clear one-line message,
no task journaled, zero requests on the emulators.

Three sources, over every dialect:
- tests/data/bad/requests.json: request-level kinds written by hand (huge prompts, control
  characters, missing or surplus images, seeds, durations, resolutions and options out of range,
  unknown models asking for what the dialect never takes, CLI-only mistakes), in-process through
  ``Engine.create`` and through the CLI;
- every impossible combination the catalogs describe, generated from resources/catalogs: each mode
  a model does not offer, a duration, a resolution and each option value outside its lists, one
  reference image too many, a prompt one character too long, and for every rule a request that
  meets its condition and breaks its consequence (refused with the rule's own reason);
- the image corpus of tests/data/make_bad_images.py, in the first-frame, last-frame and reference
  slots.
"""

from __future__ import annotations

import asyncio
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from core.errors import ClipDeskError, ErrorKind
from core.providers import DIALECTS as ALL_DIALECTS
from core.providers.catalog import ModelSpec, Rule, load_catalog
from core.tasks.request import (
    MODE_FIRST_LAST,
    MODE_IMAGE,
    MODE_REFERENCE,
    MODE_TEXT,
    MODES,
    GenerationRequest,
)
from tests.data.make_bad_images import write_bad_inputs
from tests.emulators.base import Emulator
from tests.reliability.support import CASES, connect, engine_at, journal_rows
from tests.support.cli import ROOT, cli_env
from tests.support.images import make_image

CORPUS = Path(__file__).resolve().parents[1] / "data" / "bad" / "requests.json"
MODE_WORDS = {
    MODE_TEXT: "text-to-video",
    MODE_IMAGE: "image-to-video",
    MODE_FIRST_LAST: "first and last frame",
    MODE_REFERENCE: "reference images",
}
# Refused whatever a dialect's limits (tests/core/test_images.py checks each message).
BAD_IMAGES = [
    "empty.png",
    "truncated.png",
    "truncated.jpg",
    "no_end_marker.jpg",
    "corrupt_data.png",
    "bad_checksum.png",
    "signature_only.png",
    "jpeg_start_only.jpg",
    "document.png",
    "notes.jpg",
    "drawing.svg",
    "drawing_svg.png",
    "page.webp",
    "animated.gif",
    "still.gif",
    "animated.webp",
    "animated.png",
    "zero_width.png",
    "bomb.png",
    "bomb.jpg",
    "one_pixel.png",
    "strip.png",
    "random.jpg",
    "scan.tiff",
    "clip.mp4",
    "archive.png",
    "a_folder.png",
    "missing.png",
    "data_bad_base64",
    "data_no_comma",
    "data_empty",
    "data_text",
    "data_svg",
    "data_truncated_png",
    "ftp_link",
    "blank",
]
# (dialect, model, slot) that take an image in that slot; a bad image is tried in each.
IMAGE_SLOTS = [
    ("dashscope", "wan2.5-i2v-preview", "image"),
    ("uniall", "viduq3p-540p", "image"),
    ("pixverse", "v5", "last_image"),
    ("aisphere", "aisphere-v4", "last_image"),
    ("newapi", "viduq1", "ref_images"),
    ("openai-videos", "sora-2", "image"),
]


@dataclass
class BadCase:
    kind: str
    dialect: str
    request: dict[str, Any]
    message: str  # regular expression
    cli: bool = True
    cli_only: bool = False
    args: list[str] = field(default_factory=list)
    base_url: str | None = None
    connection: str | None = None


def corpus() -> list[BadCase]:
    data = json.loads(CORPUS.read_text(encoding="utf-8"))
    return [BadCase(**case) for case in data["cases"]]


def materialise(request: dict[str, Any], images: dict[str, str]) -> dict[str, Any]:
    """Placeholders replaced: "$image" by a picture, {"repeat", "times"} by the repeated text."""

    def value(v: Any) -> Any:
        if isinstance(v, str) and v in images:
            return images[v]
        if isinstance(v, list):
            return [value(x) for x in v]
        if isinstance(v, dict) and set(v) == {"repeat", "times"}:
            return v["repeat"] * v["times"]
        return v

    return {k: value(v) for k, v in request.items()}


@pytest.fixture
def images(tmp_path: Path) -> dict[str, str]:
    return {
        "$image": str(make_image(tmp_path / "one.png")),
        "$image2": str(make_image(tmp_path / "two.png", color="#d53a7b")),
    }


@pytest.fixture
def emulators(request: pytest.FixtureRequest) -> dict[str, Emulator]:
    kinds = {c.emulator for c in CASES.values()}
    return {kind: request.getfixturevalue(f"{kind}_emu") for kind in sorted(kinds)}


def base_url_for(dialect: str, emulators: dict[str, Emulator]) -> str:
    return CASES[dialect].base_url(emulators[CASES[dialect].emulator]) if dialect in CASES else ""


def refusals(
    cases: list[tuple[str, str, GenerationRequest]], emulators: dict[str, Emulator], home: Path
) -> dict[str, ClipDeskError | str]:
    """Each (label, dialect, request) through Engine.create: the error, or what went wrong."""
    outcomes: dict[str, ClipDeskError | str] = {}

    async def run() -> None:
        async with engine_at() as engine:
            for label, dialect, request in cases:
                name = connect(engine, dialect, base_url_for(dialect, emulators))
                try:
                    record = await engine.create(name, request, start=False)
                except ClipDeskError as exc:
                    outcomes[label] = exc
                else:
                    outcomes[label] = f"accepted as task {record.id}"

    asyncio.run(run())
    assert journal_rows(home) == []  # nothing journaled, so nothing can ever be sent
    for emu in emulators.values():
        assert emu.requests == [], [f"{r.method} {r.path}" for r in emu.requests]
    return outcomes


def assert_clear(label: str, outcome: ClipDeskError | str, pattern: str) -> None:
    assert isinstance(outcome, ClipDeskError), f"{label}: {outcome}"
    assert outcome.kind is ErrorKind.INVALID_INPUT, f"{label}: {outcome!r}"
    message = outcome.message
    assert message and "\n" not in message and "Traceback" not in message, f"{label}: {message!r}"
    assert len(message) < 400, f"{label}: {message!r}"
    assert re.search(pattern, message), f"{label}: {message!r} does not match {pattern!r}"


# ------------------------------------------------------------------------------------ the corpus


def test_the_corpus_has_thirty_kinds_and_covers_every_dialect() -> None:
    cases = corpus()
    assert len({c.kind for c in cases}) == len(cases) >= 30
    assert {c.dialect for c in cases} == set(ALL_DIALECTS)


def test_request_level_corpus_in_the_engine(
    emulators: dict[str, Emulator], images: dict[str, str], clipdesk_home: Path, monkeypatch: Any
) -> None:
    monkeypatch.setenv("CLIPDESK_API_KEY", "sk-ok")
    cases = [c for c in corpus() if not c.cli_only]
    requests = [(c.kind, c.dialect, GenerationRequest(**materialise(c.request, images))) for c in cases]
    outcomes = refusals(requests, emulators, clipdesk_home)
    for case in cases:
        assert_clear(case.kind, outcomes[case.kind], case.message)


def cli_args(case: BadCase, emulators: dict[str, Emulator], images: dict[str, str]) -> list[str]:
    request = materialise(case.request, images)
    if case.connection:
        args = ["generate", "--connection", case.connection]
    else:
        url = case.base_url if case.base_url is not None else base_url_for(case.dialect, emulators)
        args = ["generate", "--dialect", case.dialect] + (["--base-url", url] if url else [])
    args += ["--model", request["model"], "--prompt", request.get("prompt", ""), "--json"]
    for name, flag in [
        ("negative_prompt", "--negative-prompt"),
        ("image", "--image"),
        ("last_image", "--last-image"),
        ("duration", "--duration"),
        ("resolution", "--resolution"),
        ("seed", "--seed"),
    ]:
        if request.get(name) is not None:
            args += [flag, str(request[name])]
    for ref in request.get("ref_images", []):
        args += ["--ref-image", ref]
    for key, value in request.get("params", {}).items():
        args += ["--param", f"{key}={value if isinstance(value, str) else json.dumps(value)}"]
    return [*args, *case.args]


@pytest.mark.slow  # a CLI process per case: about a minute and a half
def test_request_level_corpus_through_the_cli(
    emulators: dict[str, Emulator], images: dict[str, str], clipdesk_home: Path
) -> None:
    env = cli_env(clipdesk_home)
    cases = [c for c in corpus() if c.cli]
    results: dict[str, tuple[int, str, str]] = {}
    for batch in range(0, len(cases), 6):  # a few at a time: each is a Python start-up
        procs = {
            c.kind: subprocess.Popen(
                [sys.executable, str(ROOT / "main.py"), *cli_args(c, emulators, images)],
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                cwd=ROOT,
            )
            for c in cases[batch : batch + 6]
        }
        for kind, proc in procs.items():
            out, err = proc.communicate(timeout=60)
            results[kind] = (proc.returncode, out, err)
    for case in cases:
        code, out, err = results[case.kind]
        assert code == 2, f"{case.kind}: exit {code}\n{err[-2000:]}"
        assert "Traceback" not in err, f"{case.kind}:\n{err[-2000:]}"
        [line] = out.splitlines()
        final = json.loads(line)
        assert final["state"] == "failed" and final["id"] is None
        error = final["error"]
        assert error["kind"] == "invalid_input" and re.search(case.message, error["message"]), case.kind
    assert journal_rows(clipdesk_home) == []
    for emu in emulators.values():
        assert emu.requests == []


# ------------------------------------------------------------------------------------ catalogs


def _mode_images(mode: str, images: dict[str, str]) -> dict[str, Any]:
    return {
        MODE_TEXT: {},
        MODE_IMAGE: {"image": images["$image"]},
        MODE_FIRST_LAST: {"image": images["$image"], "last_image": images["$image2"]},
        MODE_REFERENCE: {"ref_images": [images["$image"]]},
    }[mode]


def _request(spec: ModelSpec, mode: str, images: dict[str, str], **fields: Any) -> GenerationRequest:
    params = fields.pop("params", {})
    return GenerationRequest(
        model=spec.id, prompt="a cat", params=params, **_mode_images(mode, images), **fields
    )


def _violation(spec: ModelSpec, rule: Rule) -> tuple[str, dict[str, Any]] | None:
    """(mode, request fields) meeting the rule's condition and breaking its consequence, or None
    when this model cannot meet the condition or has no value to break it with."""
    mode = spec.modes[0]
    fields: dict[str, Any] = {"params": {}}

    def domain(name: str) -> list[Any]:
        if name == "duration":
            return list(spec.allowed_durations())
        if name == "resolution":
            return list(spec.resolutions or ["360p", "720p", "1080p"])
        if name == "input":
            return list(spec.modes)
        values = spec.params.get(name)
        return list(values) if values else ["anything"]

    def put(name: str, value: Any) -> None:
        nonlocal mode
        if name == "input":
            mode = value
        elif name in ("duration", "resolution"):
            fields[name] = value
        else:
            fields["params"][name] = value

    for name, allowed in rule.when.items():
        if None in allowed:
            continue  # the rule holds while the field is left out
        meeting = [v for v in domain(name) if v in allowed]
        if not meeting:
            return None
        put(name, meeting[0])
    for name, allowed in rule.then.items():
        breaking = [v for v in domain(name) if v not in allowed]
        if breaking and name not in rule.when:
            put(name, breaking[0])
            return mode, fields
    return None


def catalog_cases(dialect: str, images: dict[str, str]) -> Iterator[tuple[str, GenerationRequest, str]]:
    """(label, request, expected message pattern) for every impossible combination in the catalog."""
    for spec in load_catalog(dialect).models:
        mode = spec.modes[0]
        tag = f"{dialect}/{spec.id}"
        for other in MODES:
            if other not in spec.modes:
                yield (
                    f"{tag}: mode {other}",
                    _request(spec, other, images),
                    re.escape(f"does not support {MODE_WORDS[other]}"),
                )
        allowed = spec.allowed_durations()
        gaps = [d for d in range(min(allowed), max(allowed)) if d not in allowed][:1]
        for duration in [min(allowed) - 1, *gaps, max(allowed) + 1]:
            yield (
                f"{tag}: duration {duration}",
                _request(spec, mode, images, duration=duration),
                f"cannot make a {duration} s video",
            )
        if spec.resolutions is not None:
            yield f"{tag}: resolution 9999p", _request(spec, mode, images, resolution="9999p"), "has no 9999p"
        for name, values in spec.params.items():
            if values:
                yield (
                    f"{tag}: {name} out of its list",
                    _request(spec, mode, images, params={name: "no-such-value"}),
                    re.escape(f"{name}='no-such-value' is not one of"),
                )
        if MODE_REFERENCE in spec.modes:
            refs = [images["$image"]] * (spec.max_ref_images + 1)
            first = images["$image"] if "image" in spec.required else None  # AiSphere: image* always
            yield (
                f"{tag}: {len(refs)} reference images",
                GenerationRequest(model=spec.id, prompt="a cat", image=first, ref_images=refs),
                f"at most {spec.max_ref_images} reference images",
            )
        if spec.prompt_max < 20_000:
            yield (
                f"{tag}: prompt of {spec.prompt_max + 1}",
                GenerationRequest(
                    model=spec.id, prompt="p" * (spec.prompt_max + 1), **_mode_images(mode, images)
                ),
                f"takes at most {spec.prompt_max}",
            )
        if spec.known and "negative_prompt" not in spec.fields:
            yield (
                f"{tag}: negative prompt",
                _request(spec, mode, images, negative_prompt="blur"),
                "takes no negative prompt",
            )
        for n, rule in enumerate(spec.rules):
            broken = _violation(spec, rule)
            if broken is not None:
                rule_mode, fields = broken
                yield f"{tag}: rule {n}", _request(spec, rule_mode, images, **fields), re.escape(rule.reason)


@pytest.mark.parametrize("dialect", sorted(ALL_DIALECTS))
def test_every_impossible_combination_in_the_catalog_is_refused(
    dialect: str,
    emulators: dict[str, Emulator],
    images: dict[str, str],
    clipdesk_home: Path,
    monkeypatch: Any,
) -> None:
    monkeypatch.setenv("CLIPDESK_API_KEY", "sk-ok")
    cases = list(catalog_cases(dialect, images))
    rules = sum(len(m.rules) for m in load_catalog(dialect).models)
    assert len({label for label, _, _ in cases}) == len(cases) >= 5
    assert sum(": rule " in label for label, _, _ in cases) == rules  # every rule could be broken
    outcomes = refusals([(label, dialect, request) for label, request, _ in cases], emulators, clipdesk_home)
    for label, _, pattern in cases:
        assert_clear(label, outcomes[label], pattern)


# ------------------------------------------------------------------------------------ images


def test_bad_images_are_refused_in_every_slot(
    emulators: dict[str, Emulator],
    images: dict[str, str],
    tmp_path: Path,
    clipdesk_home: Path,
    monkeypatch: Any,
) -> None:
    monkeypatch.setenv("CLIPDESK_API_KEY", "sk-ok")
    bad = write_bad_inputs(tmp_path / "bad")
    assert set(BAD_IMAGES) <= set(bad)
    cases = []
    for n, entry in enumerate(BAD_IMAGES):
        for dialect, model, slot in (IMAGE_SLOTS[n % 6], IMAGE_SLOTS[(n + 3) % 6]):
            fields: dict[str, Any] = {"model": model, "prompt": "a cat"}
            if slot == "image":
                fields["image"] = bad[entry]
            elif slot == "last_image":
                fields.update(image=images["$image"], last_image=bad[entry])
            else:
                fields["ref_images"] = [images["$image"], bad[entry]]
            cases.append((f"{entry} as {slot} on {dialect}", dialect, GenerationRequest(**fields)))
    outcomes = refusals(cases, emulators, clipdesk_home)
    for label, _, _ in cases:
        assert_clear(label, outcomes[label], r"\S")
    assert files_in_task_folders(clipdesk_home) == []


def files_in_task_folders(home: Path) -> list[Path]:
    folder = home / "cache" / "tasks"
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []
