"""Put the strings of the packaging-owned GUI modules (the crash dialog, the welcome) into the
project's translation sources, with their Chinese, in one step:

    .venv/bin/python packaging/i18n_merge.py            # rewrites resources/i18n/clipdesk_*.ts
    .venv/bin/python packaging/i18n_merge.py --check    # exit 1 when the .ts files lack them

pyside6-lupdate finds the strings and their lines; the Chinese comes from the modules' own
tables (``gui.crash.ZH_FALLBACK``, ``gui.welcome.ZH``, which the modules also use while a .ts
file lacks a string), English is the source. Only the contexts of these modules are replaced;
the rest of each file is written back byte for byte as it was.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

MODULES = ["gui/crash.py", "gui/welcome.py"]
TS_DIR = ROOT / "resources" / "i18n"


def chinese() -> dict[str, str]:
    from gui.crash import ZH_FALLBACK
    from gui.welcome import ZH

    return {**ZH_FALLBACK, **ZH}


def extracted() -> dict[str, list[tuple[str, str, str]]]:
    """context -> [(filename relative to resources/i18n, line, source)] as lupdate sees them."""
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "resources" / "i18n" / "fresh.ts"
        target.parent.mkdir(parents=True)
        files = [str(ROOT / m) for m in MODULES]
        subprocess.run([str(lupdate), "-silent", *files, "-ts", str(target)], check=True)
        found: dict[str, list[tuple[str, str, str]]] = {}
        for context in ET.parse(target).getroot().iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                location = message.find("location")
                filename = Path(location.get("filename", "")).name if location is not None else ""
                module = next(m for m in MODULES if m.endswith(filename))
                line = location.get("line", "") if location is not None else ""
                found.setdefault(name, []).append((f"../../{module}", line, message.findtext("source") or ""))
        return found


def merged(ts: Path, contexts: dict[str, list[tuple[str, str, str]]], zh: dict[str, str]) -> str:
    tree = ET.parse(ts)
    root = tree.getroot()
    language = root.get("language", "")
    missing = []
    for old in [c for c in root.findall("context") if c.findtext("name") in contexts]:
        root.remove(old)
    for name, messages in contexts.items():
        context = ET.Element("context")
        ET.SubElement(context, "name").text = name
        for filename, line, source in messages:
            message = ET.SubElement(context, "message")
            ET.SubElement(message, "location", filename=filename, line=line)
            ET.SubElement(message, "source").text = source
            if language.startswith("zh"):
                if source not in zh:
                    missing.append(source)
                text = zh.get(source, source)
            else:
                text = source
            ET.SubElement(message, "translation").text = text
        root.append(context)
    if missing:
        raise SystemExit(f"no Chinese for: {missing}")
    root[:] = sorted(root, key=lambda c: c.findtext("name") or "")
    ET.indent(tree, space="    ")
    body = ET.tostring(root, encoding="unicode", short_empty_elements=True)
    return '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n"


def main(argv: list[str]) -> int:
    check = "--check" in argv
    contexts, zh = extracted(), chinese()
    stale = []
    for ts in sorted(TS_DIR.glob("clipdesk_*.ts")):
        text = merged(ts, contexts, zh)
        if text != ts.read_text(encoding="utf-8"):
            stale.append(ts.name)
            if not check:
                ts.write_text(text, encoding="utf-8")
    verb = "need" if check else "updated"
    print(f"{verb}: {', '.join(stale)}" if stale else "the .ts files already hold these strings")
    return 1 if check and stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
