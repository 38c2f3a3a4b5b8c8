#!/usr/bin/env bash
# Build ClipDesk for Linux: the one-folder app and the archive people download.
#
#   bash packaging/build.sh [--dist DIR] [--work DIR] [--no-selftest]
#
# writes (DIR defaults to ./dist, the PyInstaller work folder to ./build/pyinstaller)
#   DIR/clipdesk/                                  the app: DIR/clipdesk/clipdesk + _internal/
#   DIR/clipdesk-<version>-linux-<arch>/           the archive's folder (hard links into the app)
#   DIR/clipdesk-<version>-linux-<arch>.tar.gz     that folder: app, install.sh, uninstall.sh,
#                                                  desktop entry, AppStream metadata, icons
# then runs the built app's --selftest offscreen (unless --no-selftest) and prints build time
# and sizes. Installs PyInstaller (the pin in pyproject.toml's "bundle" extra) into .venv if it
# is missing. Needs the Debian packages packaging/dev.sh installs (Qt's runtime libs, libpulse0):
# PyInstaller copies such host libraries into the app.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PY="${CLIPDESK_PYTHON:-$ROOT/.venv/bin/python}"
DIST="$ROOT/dist"
WORK="$ROOT/build/pyinstaller"
SELFTEST=1
while [ $# -gt 0 ]; do
  case "$1" in
    --dist) DIST="$2"; shift 2 ;;
    --work) WORK="$2"; shift 2 ;;
    --no-selftest) SELFTEST=0; shift ;;
    *) echo "usage: packaging/build.sh [--dist DIR] [--work DIR] [--no-selftest]" >&2; exit 2 ;;
  esac
done
mkdir -p "$DIST" "$WORK"
DIST="$(cd "$DIST" && pwd)"
WORK="$(cd "$WORK" && pwd)"

log() { printf '[build] %s\n' "$*" >&2; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
size() { du -sh "$1" | cut -f1; }

[ -x "$PY" ] || { log "no Python at $PY: run 'bash packaging/dev.sh setup' first"; exit 1; }

if ! "$PY" -c "import PyInstaller" 2>/dev/null; then
  PIN=$("$PY" -c 'import tomllib; p = tomllib.load(open("pyproject.toml", "rb")); print(p["project"]["optional-dependencies"]["bundle"][0])')
  log "installing $PIN into .venv"
  "$PY" -m pip install -q --disable-pip-version-check "$PIN" 2>&1 \
    | grep -v "is ignored: it is neither a file nor a directory" >&2 || true
  "$PY" -c "import PyInstaller" || { log "PyInstaller failed to install"; exit 1; }
fi

VERSION=$("$PY" -c "from core import __version__; print(__version__)")
ARCH=$(uname -m)
NAME="clipdesk-$VERSION-linux-$ARCH"
log "ClipDesk $VERSION, PyInstaller $("$PY" -m PyInstaller --version), into $DIST"

# 1. the one-folder app
t0=$(now)
QT_QPA_PLATFORM=offscreen "$PY" -m PyInstaller --noconfirm --log-level WARN \
  --distpath "$DIST" --workpath "$WORK" packaging/clipdesk.spec 2>&1 \
  | grep -v -E "Library (shell32|ole32) required via ctypes not found" >&2 || true
[ -x "$DIST/clipdesk/clipdesk" ] || { log "PyInstaller did not produce $DIST/clipdesk/clipdesk"; exit 1; }
BUILD_TIME=$(since "$t0")
log "app built in ${BUILD_TIME} s: $DIST/clipdesk ($(size "$DIST/clipdesk"))"

# 2. the archive
t1=$(now)
bash packaging/linux/stage.sh "$DIST/$NAME" "$DIST/clipdesk" "$PY"
ARCHIVE="$DIST/$NAME.tar.gz"
rm -f "$ARCHIVE"
LEVEL="${CLIPDESK_GZIP_LEVEL:-6}"  # the tests use 1: faster, a few MB larger
if command -v pigz >/dev/null 2>&1; then COMPRESS="pigz -$LEVEL"; else COMPRESS="gzip -$LEVEL"; fi
tar -C "$DIST" --sort=name --owner=0 --group=0 --numeric-owner -cf - "$NAME" | $COMPRESS > "$ARCHIVE"
ARCHIVE_TIME=$(since "$t1")
log "archive written in ${ARCHIVE_TIME} s: $ARCHIVE ($(size "$ARCHIVE"))"

# 3. does the built app work?
SELFTEST_RESULT="skipped"
if [ "$SELFTEST" = 1 ]; then
  t2=$(now)
  if env -u CLIPDESK_HOME QT_QPA_PLATFORM=offscreen "$DIST/clipdesk/clipdesk" --selftest; then
    SELFTEST_RESULT="passed in $(since "$t2") s"
  else
    log "the built app's --selftest FAILED"
    exit 1
  fi
fi

cat <<EOF
ClipDesk $VERSION for Linux $ARCH
  app        $DIST/clipdesk   $(size "$DIST/clipdesk") ($(find "$DIST/clipdesk" -type f | wc -l) files)
  archive    $ARCHIVE   $(size "$ARCHIVE") ($(stat -c %s "$ARCHIVE") bytes)
  build      ${BUILD_TIME} s PyInstaller, ${ARCHIVE_TIME} s archive, total $(since "$t0") s
  selftest   $SELFTEST_RESULT
EOF
