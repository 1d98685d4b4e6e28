#!/bin/sh
# Put TiP Trainer in the current user's applications menu, pointing at this folder.
#   ./install-desktop-entry.sh           add (or update) the menu entry and the icon
#   ./install-desktop-entry.sh --remove  take them out again (the data folder is not touched)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
share="${XDG_DATA_HOME:-$HOME/.local/share}"
apps="$share/applications"
icons="$share/icons/hicolor/256x256/apps"

if [ "${1:-}" = "--remove" ]; then
    rm -f "$apps/tip-trainer.desktop" "$icons/tip-trainer.png"
    echo "TiP Trainer removed from the applications menu"
    exit 0
fi
case "$here" in
    *'"'* | *'\'* | *'`'* | *'$'* | *'|'* | *'&'*)
        echo "error: move this folder to a path without \" \\ \` \$ | or & first" >&2
        exit 1 ;;
esac
mkdir -p "$apps" "$icons"
cp "$here/tip-trainer.png" "$icons/tip-trainer.png"
sed -e "s|^Exec=.*|Exec=\"$here/tip-trainer\"|" \
    -e "s|^TryExec=.*|TryExec=$here/tip-trainer|" \
    -e "s|^Icon=.*|Icon=$icons/tip-trainer.png|" \
    "$here/tip-trainer.desktop" > "$apps/tip-trainer.desktop"
chmod 644 "$apps/tip-trainer.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$apps" || true
echo "TiP Trainer added to the applications menu ($apps/tip-trainer.desktop)"
