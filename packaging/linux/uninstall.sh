#!/usr/bin/env bash
# Remove what install.sh installed for the current user, exactly: the files listed in
# ~/.local/opt/clipdesk/install-manifest.txt, the desktop caches install.sh created, and the
# folders it created (only if they are empty now).
#
# ClipDesk's own data is kept unless --purge is given; it lives in five folders and the keyring:
#   settings             $XDG_CONFIG_HOME/ClipDesk      (~/.config/ClipDesk)
#   tasks, connections   $XDG_DATA_HOME/ClipDesk        (~/.local/share/ClipDesk; crash reports too)
#   cache                $XDG_CACHE_HOME/ClipDesk       (~/.cache/ClipDesk; partial downloads, renders)
#   logs                 $XDG_STATE_HOME/ClipDesk       (~/.local/state/ClipDesk/log)
#   videos               <Videos folder>/ClipDesk       (XDG_VIDEOS_DIR in user-dirs.dirs, else ~/Videos)
#   API keys             the system keyring (Secret Service), service "ClipDesk"
# (the same places core/config/paths.py computes with platformdirs). --purge removes them too
# (the keys with secret-tool when it is installed); on a terminal it asks first, unless --yes.
#
# Usage: uninstall.sh [--quiet] [--purge [--yes]]
set -euo pipefail

QUIET=0 PURGE=0 YES=0
for arg in "$@"; do
  case "$arg" in
    --quiet) QUIET=1 ;;
    --purge) PURGE=1 ;;
    --yes) YES=1 ;;
    *) echo "usage: uninstall.sh [--quiet] [--purge [--yes]]" >&2; exit 2 ;;
  esac
done
: "${HOME:?HOME is not set}"
APP_DIR="$HOME/.local/opt/clipdesk"
MANIFEST="$APP_DIR/install-manifest.txt"

say() { [ "$QUIET" = 1 ] || printf '%s\n' "$*"; }

xdg() {  # VARIABLE DEFAULT: an XDG base folder (a relative or empty value is ignored, as the spec says)
  local value="${!1:-}"
  case "$value" in /*) printf '%s' "$value" ;; *) printf '%s' "$2" ;; esac
}

videos_dir() {  # XDG_VIDEOS_DIR from user-dirs.dirs (the last valid line), else ~/Videos
  local conf line value dir=""
  conf="$(xdg XDG_CONFIG_HOME "$HOME/.config")/user-dirs.dirs"
  if [ -r "$conf" ]; then
    while IFS= read -r line || [ -n "$line" ]; do
      case "$line" in
        XDG_VIDEOS_DIR=*)
          value="${line#XDG_VIDEOS_DIR=}" value="${value#\"}" value="${value%\"}"
          case "$value" in
            '$HOME' | '$HOME/'*) dir="${HOME%/}${value#\$HOME}" ;;
            /*) dir="$value" ;;
          esac ;;
      esac
    done < "$conf"
  fi
  printf '%s' "${dir:-$HOME/Videos}"
}

# ClipDesk's data: "label<TAB>folder"
DATA=(
  "settings"$'\t'"$(xdg XDG_CONFIG_HOME "$HOME/.config")/ClipDesk"
  "tasks and connections"$'\t'"$(xdg XDG_DATA_HOME "$HOME/.local/share")/ClipDesk"
  "cache"$'\t'"$(xdg XDG_CACHE_HOME "$HOME/.cache")/ClipDesk"
  "logs"$'\t'"$(xdg XDG_STATE_HOME "$HOME/.local/state")/ClipDesk"
  "videos"$'\t'"$(videos_dir)/ClipDesk"
)

purge_data() {
  local entry existing=()
  for entry in "${DATA[@]}"; do [ -e "${entry#*$'\t'}" ] && existing+=("$entry"); done
  if [ "$YES" = 0 ] && [ -t 0 ]; then
    printf 'This deletes ClipDesk'"'"'s settings, tasks, logs, cache, your ClipDesk videos and API keys:\n'
    for entry in "${existing[@]}"; do printf '  %-22s %s\n' "${entry%%$'\t'*}" "${entry#*$'\t'}"; done
    read -r -p 'Type "delete" to go on: ' answer || answer=""
    [ "$answer" = delete ] || { echo "Nothing deleted."; exit 1; }
  fi
  for entry in "${existing[@]}"; do
    rm -rf -- "${entry#*$'\t'}"
    say "Deleted ${entry%%$'\t'*}: ${entry#*$'\t'}"
  done
  if command -v secret-tool >/dev/null 2>&1 && secret-tool clear service ClipDesk >/dev/null 2>&1; then
    say "Deleted the API keys kept in the system keyring (service \"ClipDesk\")"
  else
    say "API keys in the system keyring (service \"ClipDesk\") were not touched: delete them in your"
    say "keyring manager (Passwords and Keys, KWalletManager), or: secret-tool clear service ClipDesk"
  fi
}

tell_data() {
  local entry shown=0
  for entry in "${DATA[@]}"; do
    if [ -e "${entry#*$'\t'}" ]; then
      [ "$shown" = 0 ] && say "Your ClipDesk data was kept:"
      say "$(printf '  %-22s %s' "${entry%%$'\t'*}" "${entry#*$'\t'}")"
      shown=1
    fi
  done
  say "API keys stay in the system keyring (service \"ClipDesk\")."
  say "To delete it as well: uninstall.sh --purge (the copy in the unpacked archive works after uninstalling too)"
}

if [ ! -f "$MANIFEST" ]; then
  say "ClipDesk is not installed for ${USER:-this user} ($MANIFEST not found)"
  if [ "$PURGE" = 1 ]; then purge_data; fi
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

say "ClipDesk was removed."
if [ "$PURGE" = 1 ]; then purge_data; else tell_data; fi
