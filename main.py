"""ClipDesk entry point: no arguments starts the desktop app; a command runs the headless CLI."""

from __future__ import annotations

import sys

CLI_COMMANDS = {"generate", "resume", "tasks", "-h", "--help", "--version"}


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args and args[0] in CLI_COMMANDS:
        from core.cli import main as cli_main

        return cli_main(args)
    from gui.app import main as gui_main

    return gui_main(args)


if __name__ == "__main__":
    sys.exit(main())
