#!/bin/sh
# Run the BUILT program from its archive, as a person without Python would: a clean
# environment (env -i), a fresh HOME, no virtualenv or source tree on the path.
#   packaging/linux/dist-check.sh dist/tip-trainer-VERSION-linux-x86_64.tar.gz
# Checks: the window opens and exits (--exit-when-ready); the shipped banks validate;
# an old data folder (tests/data/upgrade) is opened and migrated by the build, which then
# issues a certificate and verifies it, here and on a second installation that trusts it.
set -eu
archive=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
source_root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/tip-dist-check.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

fail() { echo "dist-check FAILED: $*" >&2; exit 1; }
step() { echo "dist-check: $*"; }

mkdir -p "$work/unpacked" "$work/home"
tar -C "$work/unpacked" -xzf "$archive"
app_dir=$(find "$work/unpacked" -mindepth 1 -maxdepth 1 -type d)
app="$app_dir/tip-trainer"
[ -x "$app" ] || fail "no executable tip-trainer in $archive"
for f in tip-trainer.desktop tip-trainer.png install-desktop-entry.sh README.txt; do
    [ -f "$app_dir/$f" ] || fail "$f missing from the archive"
done

# Nothing from this machine's Python or the source tree: only the system's own tools.
run() {
    (cd "$work" && env -i HOME="$work/home" PATH=/usr/bin:/bin LANG=C.UTF-8 \
        QT_QPA_PLATFORM=offscreen "$app" "$@")
}

step "version"
run --version | grep -q "TiP Trainer" || fail "--version"

step "window opens and exits (default data folder in the fresh HOME)"
run --exit-when-ready || fail "--exit-when-ready"
[ -f "$work/home/.local/share/TiP Trainer/tip-trainer.sqlite3" ] || fail "no database created"
run --exit-when-ready --lang fr || fail "--exit-when-ready --lang fr"

step "shipped banks validate and load"
run validate "$app_dir"/_internal/question_banks/*.yaml || fail "validate"
run banks --json > "$work/banks.json" || fail "banks"
grep -q '"failures": \[\]' "$work/banks.json" || fail "a shipped bank failed to load (see banks --json)"

step "desktop entry installs into the fresh HOME"
(cd "$work" && env -i HOME="$work/home" PATH=/usr/bin:/bin "$app_dir/install-desktop-entry.sh") >/dev/null
grep -q "^Exec=\"$app\"" "$work/home/.local/share/applications/tip-trainer.desktop" \
    || fail "desktop entry does not start $app"

step "an old data folder is migrated, a certificate issued and verified"
cp -R "$source_root/tests/data/upgrade/v0.1.0" "$work/data"
run --exit-when-ready --data-dir "$work/data" || fail "--exit-when-ready on the old data folder"
run certificates batch "$work/certificates" --data-dir "$work/data" || fail "certificates batch"
issued=$(find "$work/certificates" -name '*Hakizimana*.pdf' | head -n 1)
[ -n "$issued" ] || fail "the batch issued no certificate for the passed exam"
run verify-certificate "$issued" --data-dir "$work/data" | grep -q "^VALID" \
    || fail "verify-certificate on this installation"
run keys export "$work/issuer.tip-key" --data-dir "$work/data" >/dev/null || fail "keys export"
run verify-certificate "$issued" --data-dir "$work/other" >/dev/null \
    && fail "an installation that does not trust the issuer said VALID"
run keys import "$work/issuer.tip-key" --data-dir "$work/other" >/dev/null || fail "keys import"
run verify-certificate "$issued" --data-dir "$work/other" --lang fr | grep -q "^VALID" \
    || fail "verify-certificate on a second installation"

step "the central database's client (psycopg, libpq) is in the build"
run sync --central "postgresql://nobody@127.0.0.1:9/tip?connect_timeout=2" --data-dir "$work/data" \
    >/dev/null 2>"$work/sync.err" && fail "sync to a closed port said it succeeded"
grep -q "cannot be reached" "$work/sync.err" \
    || fail "sync: the central database client does not load in the build ($(head -c 300 "$work/sync.err"))"

size=$(du -sm "$app_dir" | cut -f1)
echo "dist-check passed: $(basename "$archive"), ${size} MB unpacked"
