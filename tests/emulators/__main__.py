"""Run one emulator in its own process (benchmarks measure client CPU alone).

python -m tests.emulators dashscope --port 0 --seconds-running 20
→ prints ``READY http://127.0.0.1:PORT`` on stdout, serves until SIGTERM/SIGINT or stdin closes
  (with ``--stdin``).
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from typing import Any

from . import DIALECTS


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m tests.emulators", description=__doc__)
    p.add_argument("dialect", choices=sorted(DIALECTS))
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=0)
    p.add_argument("--ticks-queued", type=int)
    p.add_argument("--ticks-running", type=int)
    p.add_argument("--seconds-queued", type=float, help="time-based progression (emulator clock)")
    p.add_argument("--seconds-running", type=float, help="time-based progression (emulator clock)")
    p.add_argument("--file-ttl", type=float)
    p.add_argument("--file-size", type=int, help="serve files of N bytes (valid MP4 + free box)")
    p.add_argument("--latency", type=float, help="seconds added to every answer")
    p.add_argument("--ratelimit-submits", type=int)
    p.add_argument(
        "--option",
        "-o",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="dialect constructor option, e.g. -o poll_shape=flat -o prefix=/alibailian",
    )
    p.add_argument("--stdin", action="store_true", help="also stop when stdin reaches EOF")
    return p


def _value(text: str) -> Any:
    for conv in (int, float):
        try:
            return conv(text)
        except ValueError:
            pass
    return {"true": True, "false": False, "none": None}.get(text.lower(), text)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    kwargs: dict[str, Any] = {"host": args.host, "port": args.port}
    for name in (
        "ticks_queued",
        "ticks_running",
        "seconds_queued",
        "seconds_running",
        "file_ttl",
        "file_size",
        "latency",
        "ratelimit_submits",
    ):
        if getattr(args, name) is not None:
            kwargs[name] = getattr(args, name)
    for item in args.option:
        name, _, value = item.partition("=")
        kwargs[name.replace("-", "_")] = _value(value)
    emu = DIALECTS[args.dialect](**kwargs)
    emu.content()  # encode the MP4 before announcing readiness
    emu.start()
    done = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    signal.signal(signal.SIGINT, lambda *_: done.set())
    if args.stdin:
        threading.Thread(target=lambda: (sys.stdin.read(), done.set()), daemon=True).start()
    print(f"READY {emu.base_url}", flush=True)
    try:
        while not done.wait(0.5):
            pass
    finally:
        emu.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
