"""ClipDesk entry point: no arguments starts the desktop app; a command runs the headless CLI.

clipdesk                      the desktop app
clipdesk generate|resume|tasks|import|join ...   the headless CLI (core.cli; its contract is public API)
clipdesk --selftest           start offscreen-capable, render and play a 1 s offline preview
clipdesk --version | --help
"""

from __future__ import annotations

import sys

CLI_COMMANDS = {"generate", "resume", "tasks", "import", "join", "--version"}
HELP_FLAGS = {"-h", "--help"}
SELFTEST_FLAG = "--selftest"

HELP_EPILOG = """\
without a command:
  clipdesk                  start the desktop app (double-click does the same)
  clipdesk --selftest       check this installation: start the app (offscreen when there is no
                            display), render a 1 s offline preview, play it to the end, print a
                            report; exit 0 when all of it worked. Your data is not touched.

Each command has its own help, e.g. clipdesk generate --help
"""


def print_help() -> int:
    import argparse

    from core.cli import build_parser

    parser = build_parser()
    parser.epilog = HELP_EPILOG
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.print_help()
    return 0


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    from core.system import glibc_problem  # a built app on a Linux older than it was built for

    problem = glibc_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    if args and args[0] in HELP_FLAGS:
        return print_help()
    if args and args[0] in CLI_COMMANDS:
        from core.cli import main as cli_main

        return cli_main(args)
    if SELFTEST_FLAG in args:
        from gui.selftest import run as selftest

        return selftest(args)
    from gui.app import main as gui_main

    return gui_main(args)


if __name__ == "__main__":
    # First thing: in a frozen app the offline renderer's spawned worker re-runs this executable,
    # and freeze_support() turns that run into the worker instead of a second app. (It does
    # nothing unless frozen; from source, importing multiprocessing would only slow start-up.)
    if getattr(sys, "frozen", False):
        import multiprocessing

        multiprocessing.freeze_support()
    sys.exit(main())
