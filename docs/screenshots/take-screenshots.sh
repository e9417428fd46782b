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
# The overview after the demo's live sync has carried for a while.
shot main-window.png 1 --lang en --screenshot-after 40000
shot main-window-fr.png 1 --lang fr --screenshot-after 40000
shot audit-log.png 2 --lang en
shot audit-log-fr.png 2 --lang fr
# The retry queue while the demo's first import is being delivered.
shot retry-queue.png 3 --lang en
# The bookkeeper's tax, discount and invoicing rules (empty in the demo: the built-in default).
shot tax-and-invoicing.png 4 --lang en --screenshot-after 15000
