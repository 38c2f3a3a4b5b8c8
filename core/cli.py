"""The headless CLI on the same core as the window. Its contract is public API; extend, never break.

    main.py generate (--dialect D --base-url URL | --connection NAME) --model M --prompt TEXT [...] [--json]
            [--parent TASK_ID --relation continues|variation|extends|reuse]
    main.py resume [--json]
    main.py tasks [--json]
    main.py import PATH... [--json]    (video files, or folders searched through, into the library)
    main.py connections add|set|list|test ...   main.py spend ...   (core/cli_money.py)
    main.py join TASK_ID TASK_ID... [--crossfade SECONDS] [--output FILE] [--json]

``generate --dry-run --json`` validates, sends nothing and prints one record with its ``estimate``
({amount, currency, basis}); ``--max-cost AMOUNT`` refuses (kind ``budget``) before anything is sent
when the estimate is over AMOUNT (code ``max_cost``) or unknown (code ``price_unknown``: a cap that
cannot be checked is not one; the message says to set a price or to leave ``--max-cost`` out).
Every task's record carries ``estimate`` and, once the provider reports it, ``charge``.

``--json`` prints one JSON object per line as a task changes; the last line is the final record.
Exit 0 only on success; invalid input fails before any request is sent, with kind ``invalid_input``.
A reader that goes away (``| head -1``) ends the output, never the command: a generation goes on
to its download and its exit code.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import signal
import sys
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from core import __version__, cli_money
from core.config.connections import LOCAL_CONNECTION, Connection, ConnectionStore, adhoc_name
from core.config.paths import Paths, default_paths
from core.config.secrets import SecretStore
from core.errors import ClipDeskError, ErrorKind
from core.joined import join_tasks
from core.logs import configure_logging
from core.media.frames import last_frame_path, save_last_frame
from core.providers import DIALECTS
from core.tasks.engine import Engine
from core.tasks.journal import Journal, JournalError, TaskRecord, TaskState
from core.tasks.lineage import CLI_RELATIONS, CONTINUES, REUSE
from core.tasks.request import GenerationRequest

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_INVALID = 2
EXIT_INTERRUPTED = 130


def emit(text: str, stream: TextIO) -> None:
    """Write ``text`` and a newline to ``stream`` now; if its reader has gone, write nothing more.

    A broken pipe silences the stream (its descriptor then points to the null device, so what
    Python still holds for it flushes there too) instead of ending a command mid-task.
    """
    try:
        print(text, file=stream, flush=True)
    except BrokenPipeError:
        try:
            fd = stream.fileno()
        except (OSError, ValueError):
            return
        null = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(null, fd)
        finally:
            os.close(null)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="clipdesk",
        description="ClipDesk: turn images and text into videos through the providers you already pay for. "
        "Without a command, the desktop app starts.",
    )
    parser.add_argument("--version", action="version", version=f"ClipDesk {__version__}")
    sub = parser.add_subparsers(dest="command")

    gen = sub.add_parser("generate", help="generate one video and wait for it")
    where = gen.add_mutually_exclusive_group()
    where.add_argument("--dialect", choices=sorted(DIALECTS), help="the provider's API dialect")
    where.add_argument("--connection", help="a saved connection's name")
    gen.add_argument(
        "--base-url", default="", help="the gateway root (with any path prefix, e.g. /alibailian)"
    )
    gen.add_argument("--model", required=True)
    gen.add_argument("--prompt", default="")
    gen.add_argument("--negative-prompt", default="")
    gen.add_argument("--image", help="first frame: a file or an http(s) URL")
    gen.add_argument("--last-image", help="last frame: a file or an http(s) URL")
    gen.add_argument("--ref-image", action="append", default=[], help="a reference image (repeatable)")
    gen.add_argument("--duration", type=int)
    gen.add_argument("--resolution")
    gen.add_argument("--seed", type=int)
    gen.add_argument("--param", action="append", default=[], metavar="KEY=VALUE", help="a dialect field")
    gen.add_argument("--output-dir", help="save the video here instead of the library")
    gen.add_argument("--parent", metavar="TASK_ID", help="the task this one comes from (an id or its prefix)")
    gen.add_argument(
        "--relation",
        choices=CLI_RELATIONS,
        help="how it comes from --parent (default reuse); continues without --image starts from "
        "the parent's last frame",
    )
    gen.add_argument("--no-wait", action="store_true", help="return once the task is submitted")
    gen.add_argument("--json", action="store_true", help="print JSON lines as the task changes")
    gen.add_argument("--dry-run", action="store_true", help="validate and estimate; send nothing")
    gen.add_argument(
        "--max-cost",
        type=float,
        metavar="AMOUNT",
        help="refuse before sending when the estimate is over AMOUNT (in the estimate's currency); "
        "also refused when no price is known for the model (error code price_unknown): set one with "
        "`connections set NAME --price MODEL=AMOUNT/UNIT`, or leave --max-cost out",
    )

    res = sub.add_parser("resume", help="resume every unfinished task and wait")
    res.add_argument("--json", action="store_true")
    lst = sub.add_parser("tasks", help="list tasks")
    lst.add_argument("--json", action="store_true")
    imp = sub.add_parser(
        "import",
        help="add video files, or the videos in folders, to the library (re-index: videos with a "
        "ClipDesk sidecar come back with the settings they were made with)",
    )
    imp.add_argument("paths", nargs="+", metavar="PATH")
    imp.add_argument("--json", action="store_true", help="print the records added, as a JSON list")
    cli_money.add_parsers(sub)
    join = sub.add_parser(
        "join",
        help="join finished tasks' videos, in the order given, into one video in the library",
    )
    join.add_argument("task_ids", nargs="+", metavar="TASK_ID", help="task ids (or their prefixes)")
    join.add_argument("--crossfade", type=float, default=0.0, metavar="SECONDS", help="dissolve each seam")
    join.add_argument("--output", metavar="FILE", help="write the video here (default: the library)")
    join.add_argument("--json", action="store_true", help="print the joined task as JSON")
    return parser


def parse_params(items: Sequence[str]) -> dict[str, Any]:
    params: dict[str, Any] = {}
    for item in items:
        key, sep, raw = item.partition("=")
        if not sep or not key.strip():
            raise ClipDeskError(ErrorKind.INVALID_INPUT, f"--param needs KEY=VALUE, got {item!r}")
        try:
            value: Any = json.loads(raw)
            if isinstance(value, dict | list):
                value = raw if not raw.strip().startswith(("{", "[")) else value
        except ValueError:
            value = raw
        params[key.strip()] = value
    return params


@dataclass
class Printer:
    """Prints task changes: JSON lines on stdout, or short human lines on stderr."""

    as_json: bool
    out: TextIO = field(default_factory=lambda: sys.stdout)
    err: TextIO = field(default_factory=lambda: sys.stderr)
    watched: set[str] | None = None
    _last: dict[str, tuple[Any, ...]] = field(default_factory=dict)

    def __call__(self, event: str, record: TaskRecord) -> None:
        if self.watched is not None and record.id not in self.watched:
            return
        key = (
            record.state,
            record.remote_id,
            round(record.progress or 0, 2),
            record.error_kind,
            record.video_path,
        )
        if self._last.get(record.id) == key:
            return
        self._last[record.id] = key
        if self.as_json:
            self.json_line(record.to_public())
        else:
            pct = f" {record.progress * 100:.0f}%" if record.progress is not None else ""
            emit(f"[{record.id[:8]}] {record.state.value}{pct}", self.err)

    def json_line(self, data: dict[str, Any]) -> None:
        emit(json.dumps(data, ensure_ascii=False), self.out)

    def final(self, record: TaskRecord) -> None:
        if self.as_json:
            self.json_line(record.to_public())
        elif record.state is TaskState.SUCCEEDED:
            emit(str(record.video_path), self.out)
        else:
            emit(f"[{record.id[:8]}] {record.state.value}: {record.error_message or ''}", self.err)

    def error(
        self, exc: ClipDeskError, task_id: str | None = None, estimate: dict[str, Any] | None = None
    ) -> None:
        if self.as_json:
            record = {
                "id": task_id,
                "state": TaskState.FAILED.value,
                "remote_id": None,
                "video_path": None,
                "error": exc.to_dict(),
            }
            if estimate is not None:
                record["estimate"] = estimate
            self.json_line(record)
        else:
            emit(f"error ({exc.kind.value}): {exc.message}", self.err)


class CliApp:
    def __init__(self, paths: Paths) -> None:
        self.paths = paths.ensure()
        configure_logging(self.paths)
        self.journal = Journal(self.paths.database)
        self.secrets = SecretStore()
        self.connections = ConnectionStore(self.paths.config).load()
        self.engine = Engine(self.paths, self.journal, self.secrets, self.connections)
        self.engine.hold_waits = False  # a task held by a budget stays held; `resume` looks again

    async def __aenter__(self) -> CliApp:
        await self.journal.open()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.engine.close()
        await self.journal.close()

    def connection_for(self, args: argparse.Namespace) -> str:
        if args.connection:
            if args.connection not in self.connections:
                raise ClipDeskError(
                    ErrorKind.INVALID_INPUT, f"there is no connection named {args.connection!r}"
                )
            return str(args.connection)
        if not args.dialect:
            raise ClipDeskError(ErrorKind.INVALID_INPUT, "give --dialect and --base-url, or --connection")
        if args.dialect == "local" and not args.base_url:
            return LOCAL_CONNECTION
        if not args.base_url:
            raise ClipDeskError(ErrorKind.INVALID_INPUT, f"--dialect {args.dialect} needs --base-url")
        if not args.base_url.startswith(("http://", "https://")):
            raise ClipDeskError(ErrorKind.INVALID_INPUT, "--base-url must start with http:// or https://")
        name = adhoc_name(args.dialect, args.base_url)
        self.engine.add_connection(Connection(name=name, dialect=args.dialect, base_url=args.base_url))
        return name

    async def find_task(self, ident: str) -> TaskRecord:
        """The journal's task with this id, or the one task whose id starts with it."""
        record = await self.journal.get(ident)
        if record is not None:
            return record
        found = [r for r in await self.journal.all() if ident and r.id.startswith(ident)]
        if len(found) != 1:
            why = "no task" if not found else f"{len(found)} tasks"
            raise ClipDeskError(ErrorKind.NOT_FOUND, f"{why} with the id {ident!r}")
        return found[0]

    async def lineage_for(self, args: argparse.Namespace) -> tuple[str | None, str | None, str | None]:
        """(parent id, relation, first frame) from --parent/--relation; the first frame is the
        parent's last frame for ``continues`` without --image (taken once, kept with the cache)."""
        if not args.parent:
            if args.relation:
                raise ClipDeskError(ErrorKind.INVALID_INPUT, "--relation needs --parent")
            return None, None, args.image
        try:
            parent = await self.find_task(args.parent)
        except ClipDeskError as exc:
            raise ClipDeskError(ErrorKind.INVALID_INPUT, f"--parent: {exc.message}") from exc
        relation = args.relation or REUSE
        if relation != CONTINUES or args.image:
            return parent.id, relation, args.image
        video = Path(parent.video_path) if parent.video_path else None
        if video is None or not video.is_file():
            raise ClipDeskError(
                ErrorKind.INVALID_INPUT,
                f"--relation continues: task {parent.id[:8]} has no video to take the last frame from",
            )
        target = last_frame_path(self.paths.cache / "frames", parent.id)
        if not target.is_file():
            try:
                await asyncio.to_thread(save_last_frame, video, target)
            except (OSError, ValueError) as exc:
                raise ClipDeskError(
                    ErrorKind.INVALID_INPUT, f"the last frame of {video} cannot be read: {exc}"
                ) from exc
        return parent.id, relation, str(target)

    async def generate(self, args: argparse.Namespace, printer: Printer) -> int:
        try:
            name = self.connection_for(args)
            parent_id, relation, first_frame = await self.lineage_for(args)
            request = GenerationRequest(
                model=args.model,
                prompt=args.prompt,
                negative_prompt=args.negative_prompt,
                image=first_frame,
                last_image=args.last_image,
                ref_images=list(args.ref_image),
                duration=args.duration,
                resolution=args.resolution,
                seed=args.seed,
                params=parse_params(args.param),
            )
            if args.dry_run or args.max_cost is not None:
                done = await self.check_cost(name, request, args, printer)
                if done is not None:
                    return done
            printer.watched = set()
            self.engine.subscribe(printer)
            record = await self.engine.create(
                name,
                request,
                output_dir=args.output_dir,
                start=False,
                parent_id=parent_id,
                relation=relation,
            )
        except ClipDeskError as exc:
            printer.error(exc)
            return EXIT_INVALID if exc.kind is ErrorKind.INVALID_INPUT else EXIT_FAILED
        printer.watched.add(record.id)
        printer("added", record)
        self.engine._start(record)
        if args.no_wait:
            while record.state in (TaskState.QUEUED, TaskState.UPLOADING, TaskState.SUBMITTING):
                await asyncio.sleep(0.05)
                if record.id not in self.engine._runners:
                    break
        else:
            await self.engine.wait([record.id])
        printer.final(record)
        if args.no_wait:
            return (
                EXIT_OK if not record.state.terminal or record.state is TaskState.SUCCEEDED else EXIT_FAILED
            )
        return EXIT_OK if record.state is TaskState.SUCCEEDED else EXIT_FAILED

    async def check_cost(
        self, name: str, request: GenerationRequest, args: argparse.Namespace, printer: Printer
    ) -> int | None:
        """``--dry-run`` and ``--max-cost``: an exit code when the command ends here, else None."""
        estimate = self.engine.estimate(name, request)
        if args.max_cost is not None and estimate.amount is None:
            # Refused, as money's safe default: a cap that cannot be checked is not a cap.
            saved = name if args.connection else "NAME"
            error = ClipDeskError(
                ErrorKind.BUDGET,
                f"--max-cost {args.max_cost:g} cannot be checked: no price is known for {request.model} "
                f"on this connection, so nothing was sent. Set one with `main.py connections set {saved} "
                f"--price {request.model}=AMOUNT[CURRENCY]/UNIT` (a saved connection), or run without "
                "--max-cost to send it unchecked",
                code="price_unknown",
            )
            printer.error(error, estimate=estimate.to_dict())
            return EXIT_FAILED
        if args.max_cost is not None and estimate.amount is not None and estimate.amount > args.max_cost:
            error = ClipDeskError(
                ErrorKind.BUDGET,
                f"the estimate is {estimate.amount:g} {estimate.currency}, over --max-cost "
                f"{args.max_cost:g}; nothing was sent",
                code="max_cost",
            )
            printer.error(error, estimate=estimate.to_dict())
            return EXIT_FAILED
        if not args.dry_run:
            return None
        await self.engine.validate(name, request)  # as create() would, with nothing written or sent
        connection = self.engine.connections[name]
        record = {
            "id": None,
            "state": "valid",
            "dry_run": True,
            "connection": name,
            "dialect": connection.dialect,
            "model": request.model,
            "request": request.to_dict(),
            "estimate": estimate.to_dict(),
            "error": None,
        }
        if printer.as_json:
            printer.json_line(record)
        else:
            cost = f"{estimate.amount:g} {estimate.currency}" if estimate.amount is not None else "unknown"
            emit(f"valid; estimate: {cost} ({estimate.basis})", printer.out)
        return EXIT_OK

    async def resume(self, printer: Printer) -> int:
        self.engine.subscribe(printer)
        records = await self.engine.resume_all()
        printer.watched = {r.id for r in records}
        await self.engine.wait()
        for record in records:
            printer.final(record)
        return EXIT_OK if all(r.state is TaskState.SUCCEEDED for r in records) else EXIT_FAILED

    async def list_tasks(self, as_json: bool) -> int:
        records = await self.journal.all()
        if as_json:
            emit(json.dumps([r.to_public() for r in records], ensure_ascii=False), sys.stdout)
        elif records:
            lines = []
            for r in records:
                err = f"  {r.error_kind}: {r.error_message}" if r.error_kind else ""
                lines.append(
                    f"{r.id[:8]}  {r.state.value:<11} {r.connection} / {r.model}  {r.video_path or ''}{err}"
                )
            emit("\n".join(lines), sys.stdout)
        return EXIT_OK

    async def import_videos(self, paths: list[str], as_json: bool) -> int:
        await self.engine.load()  # what the journal has is left alone
        records = await self.engine.import_videos(paths)
        if as_json:
            emit(json.dumps([r.to_public() for r in records], ensure_ascii=False), sys.stdout)
        else:
            if records:
                emit("\n".join(str(r.video_path) for r in records), sys.stdout)
            emit(f"{len(records)} video(s) added to the library", sys.stderr)
        return EXIT_OK

    async def join(self, args: argparse.Namespace, printer: Printer) -> int:
        """Join the tasks' videos (off the loop: in a thread; Ctrl-C cancels it and nothing stays
        half-written), add the result to the library, print it with its ``duration``."""
        cancel = threading.Event()
        last = [-1]

        def progress(fraction: float) -> None:
            if not printer.as_json and int(fraction * 10) > last[0]:
                last[0] = int(fraction * 10)
                emit(f"joining {fraction * 100:.0f}%", sys.stderr)

        try:
            if len(args.task_ids) < 2:
                raise ClipDeskError(ErrorKind.INVALID_INPUT, "join needs at least two tasks")
            parts = [await self.find_task(ident) for ident in args.task_ids]
            output = Path(args.output).expanduser().resolve() if args.output else None
            if output is not None and output.suffix.lower() != ".mp4":
                raise ClipDeskError(ErrorKind.INVALID_INPUT, "--output must be an .mp4 file")
            work = asyncio.ensure_future(
                asyncio.to_thread(
                    join_tasks,
                    parts,
                    self.paths.library,
                    output=output,
                    crossfade=args.crossfade,
                    progress=progress,
                    cancel=cancel.is_set,
                )
            )
            try:
                record = await asyncio.shield(work)
            except asyncio.CancelledError:
                cancel.set()  # the thread stops at its next frame and removes what it wrote
                with contextlib.suppress(Exception):
                    await work
                raise
            await self.engine.import_videos([str(record.video_path)])
        except ClipDeskError as exc:
            printer.error(exc)
            kinds = (ErrorKind.INVALID_INPUT, ErrorKind.NOT_FOUND)
            return EXIT_INVALID if exc.kind in kinds else EXIT_FAILED
        data = record.to_public()
        data["duration"] = record.request.params["seconds"]
        if printer.as_json:
            printer.json_line(data)
        else:
            emit(str(record.video_path), printer.out)
        return EXIT_OK


async def run(args: argparse.Namespace, paths: Paths) -> int:
    printer = Printer(as_json=bool(getattr(args, "json", False)))
    try:
        async with CliApp(paths) as app:
            if args.command == "generate":
                return await app.generate(args, printer)
            if args.command == "resume":
                return await app.resume(printer)
            if args.command == "import":
                return await app.import_videos(list(args.paths), printer.as_json)
            if args.command == "connections":
                return await cli_money.connections(app, args)
            if args.command == "spend":
                return await cli_money.spend(app, args)
            if args.command == "join":
                return await app.join(args, printer)
            return await app.list_tasks(printer.as_json)
    except JournalError as exc:
        printer.error(ClipDeskError(ErrorKind.UNKNOWN, str(exc)))
        return EXIT_FAILED


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_OK
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        return asyncio.run(run(args, default_paths()))
    except KeyboardInterrupt:
        emit("interrupted; unfinished tasks resume with `main.py resume`", sys.stderr)
        return EXIT_INTERRUPTED
