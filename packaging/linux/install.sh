#!/usr/bin/env bash
# Install ClipDesk for the current user only (no root, nothing outside $HOME):
#   the app          ~/.local/opt/clipdesk/          (the one-folder bundle)
#   a launcher       ~/.local/bin/clipdesk           (symlink)
#   the menu entry   $XDG_DATA_HOME/applications/io.github.clipdesk.ClipDesk.desktop
#   the icons        $XDG_DATA_HOME/icons/hicolor/<size>/apps/io.github.clipdesk.ClipDesk.png|svg
#   the metadata     $XDG_DATA_HOME/metainfo/io.github.clipdesk.ClipDesk.metainfo.xml
# ($XDG_DATA_HOME defaults to ~/.local/share.) Every file and folder it creates is listed in
# ~/.local/opt/clipdesk/install-manifest.txt; uninstall.sh removes exactly those.
# Your videos, settings and task history (~/.local/share/ClipDesk, ~/.config/ClipDesk, ...) are not
# part of the installation: uninstall.sh lists where they are and deletes them only with --purge.
#
# Usage: ./install.sh [--quiet]      (run it from the unpacked clipdesk-<version>-linux-x86_64 folder)
set -euo pipefail

APP_ID="io.github.clipdesk.ClipDesk"
HERE="$(cd "$(dirname "$0")" && pwd)"
QUIET=0
[ "${1:-}" = "--quiet" ] && QUIET=1

: "${HOME:?HOME is not set}"
case "$HOME" in *$'\n'* | *$'\t'* | *$'\r'*) echo "install.sh: a home folder with a line break or tab is not supported" >&2; exit 1 ;; esac
DATA_HOME="${XDG_DATA_HOME:-$HOME/.local/share}"
APP_DIR="$HOME/.local/opt/clipdesk"
BIN_DIR="$HOME/.local/bin"
MANIFEST="$APP_DIR/install-manifest.txt"

say() { [ "$QUIET" = 1 ] || printf '%s\n' "$*"; }
die() { printf 'install.sh: %s\n' "$*" >&2; exit 1; }

[ -x "$HERE/clipdesk/clipdesk" ] || die "no app in $HERE/clipdesk (run install.sh from the unpacked archive)"
[ -f "$HERE/share/applications/$APP_ID.desktop" ] || die "no desktop file in $HERE/share"

# An earlier installation is removed first (its manifest says what it put where).
if [ -f "$MANIFEST" ] && [ -x "$APP_DIR/uninstall.sh" ]; then
  say "Removing the earlier installation first"
  "$APP_DIR/uninstall.sh" --quiet
fi
[ -e "$APP_DIR" ] && die "$APP_DIR exists but has no install manifest; move it away and run again"

ENTRIES=()   # manifest lines, written once the app folder exists

# mkdir -p that remembers each folder it had to create (uninstall removes them again if empty).
make_dir() {
  local dir="$1" missing=()
  while [ ! -d "$dir" ]; do
    missing=("$dir" "${missing[@]}")
    dir="$(dirname "$dir")"
  done
  local d
  for d in "${missing[@]}"; do
    mkdir "$d"
    ENTRIES+=("d $d")
  done
}

install_file() {  # SOURCE TARGET
  make_dir "$(dirname "$2")"
  cp "$1" "$2"
  chmod 644 "$2"
  ENTRIES+=("f $2")
}

# 1. the app itself
make_dir "$(dirname "$APP_DIR")"
cp -a "$HERE/clipdesk" "$APP_DIR"
ENTRIES+=("a $APP_DIR")
cp "$HERE/uninstall.sh" "$APP_DIR/uninstall.sh"
chmod 755 "$APP_DIR/uninstall.sh"
say "Installed the app into $APP_DIR"

# 2. the launcher
make_dir "$BIN_DIR"
if [ -e "$BIN_DIR/clipdesk" ] || [ -L "$BIN_DIR/clipdesk" ]; then
  say "Note: $BIN_DIR/clipdesk already exists and was left as it is"
else
  ln -s "$APP_DIR/clipdesk" "$BIN_DIR/clipdesk"
  ENTRIES+=("f $BIN_DIR/clipdesk")
fi

# 3. menu entry (Exec points at the installed binary, so ~/.local/bin need not be on PATH), with
# the path escaped as the Desktop Entry Specification asks: a quoted Exec argument escapes " ` $ \
# with a backslash and writes % as %%; then, as in every string value, each backslash is doubled.
BS='\'
desktop_string() {  # VALUE -> a desktop-entry string value
  printf '%s' "${1//"$BS"/"$BS$BS"}"
}
desktop_exec_arg() {  # ARGUMENT -> one quoted argument of an Exec value
  local s="$1" c
  s="${s//"$BS"/"$BS$BS"}"
  for c in '"' '`' '$'; do s="${s//"$c"/"$BS$c"}"; done
  s="${s//%/%%}"
  desktop_string "\"$s\""
}
DESKTOP="$DATA_HOME/applications/$APP_ID.desktop"
make_dir "$(dirname "$DESKTOP")"
while IFS= read -r line; do
  case "$line" in
    Exec=clipdesk) printf 'Exec=%s\n' "$(desktop_exec_arg "$APP_DIR/clipdesk")" ;;
    TryExec=clipdesk) printf 'TryExec=%s\n' "$(desktop_string "$APP_DIR/clipdesk")" ;;
    *) printf '%s\n' "$line" ;;
  esac
done < "$HERE/share/applications/$APP_ID.desktop" > "$DESKTOP"
chmod 644 "$DESKTOP"
ENTRIES+=("f $DESKTOP")

# 4. metadata and icons
install_file "$HERE/share/metainfo/$APP_ID.metainfo.xml" "$DATA_HOME/metainfo/$APP_ID.metainfo.xml"
ICON_ROOT="$DATA_HOME/icons/hicolor"
while IFS= read -r icon; do
  rel="${icon#"$HERE/share/icons/hicolor/"}"
  install_file "$icon" "$ICON_ROOT/$rel"
done < <(find "$HERE/share/icons/hicolor" -type f | sort)

# 5. desktop caches: a cache this script creates is removed again by uninstall.sh
refresh_cache() {  # CACHE_FILE COMMAND...
  local cache="$1"; shift
  command -v "$1" >/dev/null 2>&1 || return 0
  local existed=0
  [ -e "$cache" ] && existed=1
  "$@" >/dev/null 2>&1 || true
  if [ "$existed" = 0 ] && [ -e "$cache" ]; then ENTRIES+=("c $cache"); fi
}
refresh_cache "$DATA_HOME/applications/mimeinfo.cache" update-desktop-database -q "$DATA_HOME/applications"
refresh_cache "$ICON_ROOT/icon-theme.cache" gtk-update-icon-cache -q -t -f "$ICON_ROOT"

{
  echo "# ClipDesk install manifest: a=app folder, f=file, c=cache created, d=folder created"
  printf '%s\n' "${ENTRIES[@]}"
} > "$MANIFEST"

say "Added ClipDesk to the applications menu ($DESKTOP)"
case ":$PATH:" in
  *":$BIN_DIR:"*) say "Start it from the menu, or run: clipdesk" ;;
  *) say "Start it from the menu, or run: $BIN_DIR/clipdesk  ($BIN_DIR is not on your PATH)" ;;
esac
say "Remove it again with: $APP_DIR/uninstall.sh"
