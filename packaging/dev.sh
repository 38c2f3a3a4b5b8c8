#!/usr/bin/env bash
# ClipDesk developer entry point: sets up everything on a fresh Debian machine, then
#   dev.sh app    starts the desktop app (or says clearly that there is no display)
#   dev.sh test   runs the whole suite: ruff, mypy, import contracts, pytest (real Secret Service)
#   dev.sh setup  only installs (and builds the interface translations)
#   dev.sh bundle builds the Linux app and its archive into dist/ (packaging/build.sh; installs
#                 PyInstaller into .venv when missing), then runs the built app's --selftest
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
VENV="$ROOT/.venv"
PY="$VENV/bin/python"

# Debian packages: Qt's runtime libs, Xvfb and xdotool (the real-window test), a D-Bus session with
# gnome-keyring for the keyring tests, a CJK font so Chinese renders, and the desktop files' validators.
APT_PACKAGES="libpulse0 libxcb-icccm4 libxcb-keysyms1 libgl1 libegl1 libopengl0 libxkbcommon0
  libxkbcommon-x11-0 libxcb-cursor0 libxcb-image0 libxcb-render-util0 libxcb-randr0 libxcb-shape0
  libxcb-xkb1 libx11-xcb1 libfontconfig1 libdbus-1-3 libglib2.0-0 fonts-dejavu-core fonts-wqy-microhei
  xvfb xauth xdotool dbus dbus-daemon gnome-keyring desktop-file-utils appstream libglib2.0-bin"

log() { printf '[clipdesk] %s\n' "$*" >&2; }

install_debian_packages() {
  missing=""
  for p in $APT_PACKAGES; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
  done
  [ -z "$missing" ] && return 0
  if [ "$(id -u)" != 0 ]; then
    log "missing Debian packages:$missing"
    log "run as root once, or: sudo apt-get install$missing"
    return 0
  fi
  log "installing Debian packages:$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $missing >/dev/null
}

install_python_packages() {
  want="$1"   # "app" or "dev"
  [ -x "$PY" ] || python3 -m venv "$VENV"
  stamp="$VENV/.clipdesk-$want-$(sha256sum pyproject.toml | cut -c1-16)"
  [ -f "$stamp" ] && return 0
  log "installing Python packages into .venv ($want)"
  "$PY" - "$want" > "$VENV/requirements-$want.txt" <<'PYEOF'
import sys, tomllib
project = tomllib.load(open("pyproject.toml", "rb"))["project"]
deps = list(project["dependencies"])
if sys.argv[1] == "dev":
    deps += project["optional-dependencies"]["dev"] + project["optional-dependencies"]["bundle"]
print("\n".join(deps))
PYEOF
  # (this machine's pip.conf names local mirrors that may be absent; their warnings are noise)
  "$PY" -m pip install -q --disable-pip-version-check -r "$VENV/requirements-$want.txt" 2>&1 \
    | grep -v "is ignored: it is neither a file nor a directory" >&2 || true
  "$PY" -c "import PySide6, qasync, httpx, keyring, av, PIL" || { log "Python packages failed to install"; exit 1; }
  touch "$stamp"
}

# The interface translations (.ts -> .qm beside them): built here, only read by the app.
build_translations() {
  "$PY" packaging/translations.py >/dev/null || { log "building the translations failed"; exit 1; }
}

run_app() {
  if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ "${QT_QPA_PLATFORM:-}" != offscreen ]; then
    log "no display found (DISPLAY and WAYLAND_DISPLAY are unset)."
    log "ClipDesk is a desktop app: start it from a desktop session, or under a virtual screen:"
    log "  xvfb-run -a bash packaging/dev.sh app"
    log "The headless CLI works without a display: .venv/bin/python main.py --help"
    exit 2
  fi
  exec "$PY" main.py "$@"
}

run_tests() {
  export QT_QPA_PLATFORM=offscreen
  export QT_LOGGING_RULES="qt.multimedia.*=false"
  XDG_CACHE_HOME="$(mktemp -d)"; export XDG_CACHE_HOME
  log "ruff"
  "$VENV/bin/ruff" check . && "$VENV/bin/ruff" format --check .
  log "mypy"
  "$VENV/bin/mypy"
  log "import contracts"
  "$VENV/bin/lint-imports"
  log "pytest (inside a private D-Bus session with an unlocked gnome-keyring)"
  KR_HOME="$(mktemp -d)"; export KR_HOME
  set +e
  dbus-run-session -- sh -c '
    export XDG_DATA_HOME="$KR_HOME/data" XDG_RUNTIME_DIR="$KR_HOME/run"
    mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
    printf %s ci-pass | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    export CLIPDESK_REAL_KEYRING=1
    exec "$0" -m pytest -q -p no:cacheprovider -n 2 --dist loadgroup "$@"' "$PY" "$@" 2> >(grep -v 'Failed to set fd limit' >&2)
  rc=$?
  set -e
  rm -rf "$KR_HOME" "$XDG_CACHE_HOME"
  if [ "$rc" = 5 ]; then log "pytest collected no tests"; exit 1; fi
  exit "$rc"
}

cmd="${1:-app}"; shift || true
case "$cmd" in
  setup) install_debian_packages; install_python_packages dev; build_translations ;;
  app)   install_debian_packages; install_python_packages app; build_translations; run_app "$@" ;;
  test)  install_debian_packages; install_python_packages dev; build_translations; run_tests "$@" ;;
  bundle) install_debian_packages; install_python_packages app; exec bash packaging/build.sh "$@" ;;
  *) echo "usage: packaging/dev.sh {app|test|setup|bundle}" >&2; exit 2 ;;
esac
