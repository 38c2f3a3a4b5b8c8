#!/usr/bin/env bash
# Lay out the Linux archive's folder: the app, install.sh/uninstall.sh, the desktop entry, the
# AppStream metadata and the icons (rendered from resources/icons/clipdesk.svg).
#
#   packaging/linux/stage.sh STAGE_DIR APP_DIR [PYTHON]
#
# STAGE_DIR/clipdesk/                                  APP_DIR (hard-linked when possible)
# STAGE_DIR/install.sh, uninstall.sh, README.txt, LICENSE, THIRD-PARTY-NOTICES.txt
# STAGE_DIR/share/applications/io.github.clipdesk.ClipDesk.desktop
# STAGE_DIR/share/metainfo/io.github.clipdesk.ClipDesk.metainfo.xml
# STAGE_DIR/share/icons/hicolor/{16x16..512x512,scalable}/apps/io.github.clipdesk.ClipDesk.{png,svg}
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
STAGE="$1"
APP="$2"
PY="${3:-$ROOT/.venv/bin/python}"
APP_ID="io.github.clipdesk.ClipDesk"

[ -x "$APP/clipdesk" ] || { echo "stage.sh: no executable $APP/clipdesk" >&2; exit 1; }
rm -rf "$STAGE"
mkdir -p "$STAGE/share/applications" "$STAGE/share/metainfo" "$STAGE/share/icons/hicolor"
cp -al "$APP" "$STAGE/clipdesk" 2>/dev/null || cp -a "$APP" "$STAGE/clipdesk"
install -m 755 "$HERE/install.sh" "$HERE/uninstall.sh" "$STAGE/"
for legal in LICENSE THIRD-PARTY-NOTICES.txt; do  # also inside the app (_internal), for its About box
  if [ -f "$APP/_internal/$legal" ]; then install -m 644 "$APP/_internal/$legal" "$STAGE/"; fi
done
install -m 644 "$HERE/$APP_ID.desktop" "$STAGE/share/applications/"
install -m 644 "$HERE/$APP_ID.metainfo.xml" "$STAGE/share/metainfo/"
QT_QPA_PLATFORM=offscreen "$PY" "$ROOT/packaging/render_icons.py" \
  "$ROOT/resources/icons/clipdesk.svg" "$STAGE/share/icons/hicolor" "$APP_ID" >/dev/null
# the oldest glibc the app runs on, as the build measured it (packaging/clipdesk.spec)
GLIBC="$(cat "$APP/_internal/glibc-needed.txt" 2>/dev/null || echo 2.36)"
cat > "$STAGE/README.txt" <<TXT
ClipDesk for Linux (x86_64)

Install for your user (no root needed; adds ClipDesk to the applications menu):
    ./install.sh
Remove it again (your videos and settings are kept, and it says where they are):
    ~/.local/opt/clipdesk/uninstall.sh
Remove it with all of ClipDesk's settings, tasks, logs, videos and keys:
    ~/.local/opt/clipdesk/uninstall.sh --purge
Or run it in place without installing:
    ./clipdesk/clipdesk
Check that it works on this machine:
    ./clipdesk/clipdesk --selftest

ClipDesk is free software under the GNU GPL, version 3 or later (LICENSE); what it carries and
under which licences is in THIRD-PARTY-NOTICES.txt.

Needs glibc $GLIBC or newer (Debian 12, Ubuntu 24.04, Fedora 37 or later) and an X11 or Wayland
desktop (libxcb, libGL/libEGL, libwayland-client are taken from the system).
The Chinese interface brings its own font; for rare characters in prompts a system CJK font
helps, e.g. fonts-noto-cjk or fonts-wqy-microhei.
TXT
