#!/bin/sh
# Regenerates the screenshots in this folder from a built tree:
#   docs/screenshots/take-screenshots.sh build
# Each run starts `concord --demo` (a fresh temporary store) under Xvfb and
# saves the window once its data has arrived (hidden option --screenshot).
set -eu
build=${1:?usage: take-screenshots.sh BUILD_DIR}
here=$(cd "$(dirname "$0")" && pwd)
concord="$build/app/concord/concord"
[ -x "$concord" ] || { echo "take-screenshots: $concord is not built" >&2; exit 1; }
command -v xvfb-run >/dev/null || { echo "take-screenshots: xvfb-run missing (apt-get install xvfb xauth)" >&2; exit 1; }

shot() { # FILE PAGE [ARGS...]
    file=$1 page=$2
    shift 2
    LANG=en_US.UTF-8 TZ=UTC xvfb-run -a -s '-screen 0 1280x800x24' \
        "$concord" --demo --screenshot "$here/$file" --page "$page" "$@" 2>/dev/null
    echo "take-screenshots: $here/$file"
}
# Every page in both languages, four demos at a time (each has its own
# sandbox and store). Pages are numbered as in the sidebar (Ctrl+1 …).
pages="1:dashboard 2:customers 3:appointments 4:invoices 5:reports 6:retry-queue 7:mappings 8:tax-and-invoicing 9:reviews 10:audit-log 11:settings 12:store"
for lang in en fr; do
    suffix=$([ "$lang" = en ] && echo "" || echo "-$lang")
    n=0
    for entry in $pages; do
        page=${entry%%:*} name=${entry#*:}
        case $name in
        # The audit page is captured once its chain is verified (banner shown).
        audit-log) shot "$name$suffix.png" "$page" --lang "$lang" & ;;
        # The rest once the demo's live sync has carried for a while.
        *) shot "$name$suffix.png" "$page" --lang "$lang" --screenshot-after 30000 & ;;
        esac
        n=$((n + 1))
        [ $((n % 4)) -eq 0 ] && wait
    done
    wait
done
