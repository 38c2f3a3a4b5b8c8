#!/usr/bin/env bash
# Remove what install.sh installed for the current user, exactly: the files listed in
# ~/.local/opt/clipdesk/install-manifest.txt, the desktop caches install.sh created, and the
# folders it created (only if they are empty now). Your videos, settings and task history
# (~/.local/share/ClipDesk, ~/.config/ClipDesk, ~/.cache/ClipDesk) stay where they are.
#
# Usage: uninstall.sh [--quiet]
set -euo pipefail

QUIET=0
[ "${1:-}" = "--quiet" ] && QUIET=1
: "${HOME:?HOME is not set}"
APP_DIR="$HOME/.local/opt/clipdesk"
MANIFEST="$APP_DIR/install-manifest.txt"

say() { [ "$QUIET" = 1 ] || printf '%s\n' "$*"; }

if [ ! -f "$MANIFEST" ]; then
  say "ClipDesk is not installed for ${USER:-this user} ($MANIFEST not found)"
  exit 0
fi

APP="" FILES=() CACHES=() DIRS=()
while IFS= read -r line; do
  kind="${line%% *}" path="${line#* }"
  case "$kind" in
    a) APP="$path" ;;
    f) FILES+=("$path") ;;
    c) CACHES+=("$path") ;;
    d) DIRS+=("$path") ;;
  esac
done < "$MANIFEST"

for f in "${FILES[@]}"; do
  if [ -L "$f" ] || [ -f "$f" ]; then rm -f "$f"; fi
done

# Caches that existed before the install stay, refreshed without our entries; ours go.
refresh() {  # DIR COMMAND...
  local dir="$1"; shift
  [ -d "$dir" ] && command -v "$1" >/dev/null 2>&1 && "$@" >/dev/null 2>&1 || true
}
DATA_HOME="${XDG_DATA_HOME:-$HOME/.local/share}"
for c in "${CACHES[@]}"; do rm -f "$c"; done
[ -e "$DATA_HOME/applications/mimeinfo.cache" ] && \
  refresh "$DATA_HOME/applications" update-desktop-database -q "$DATA_HOME/applications"
[ -e "$DATA_HOME/icons/hicolor/icon-theme.cache" ] && \
  refresh "$DATA_HOME/icons/hicolor" gtk-update-icon-cache -q -t -f "$DATA_HOME/icons/hicolor"

# The app folder last but one (this script lives in it; bash has read it already).
if [ -n "$APP" ] && [ "$APP" = "$APP_DIR" ] && [ -d "$APP" ]; then
  rm -rf -- "$APP"
fi

# Folders install.sh created, deepest first, only when nothing else lives in them.
for ((i = ${#DIRS[@]} - 1; i >= 0; i--)); do
  rmdir -- "${DIRS[$i]}" 2>/dev/null || true
done

say "ClipDesk was removed. Your videos and settings were kept."
