#!/usr/bin/env bash
# Concord's one-command set-up. On a fresh Debian 12 machine:
#   ./concord.sh run     install what is missing, build, start Concord (--demo)
#   ./concord.sh test    install what is missing, build, run the whole test suite
#   ./concord.sh bench   install what is missing, build, run the benchmarks
# Extra arguments after `run` go to the concord executable.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")"

BUILD_DIR=${CONCORD_BUILD_DIR:-build}
BUILD_TYPE=${CONCORD_BUILD_TYPE:-RelWithDebInfo}

# Debian 12 packages Concord builds, runs and tests with (architecture.md).
# qt6-httpserver-dev needs qt6-websockets-dev, which Debian forgets to pull in.
# poppler-utils (pdftoppm) turns report PDFs into images for the tests.
PACKAGES=(
  build-essential cmake ninja-build pkg-config
  qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite libqt6sql6-psql
  qt6-httpserver-dev qt6-websockets-dev qt6-networkauth-dev qt6-charts-dev libqt6opengl6-dev
  qt6-l10n-tools qt6-tools-dev qt6-tools-dev-tools qt6-translations-l10n
  qtkeychain-qt6-dev libphonenumber-dev libgl-dev
  postgresql
  xvfb xauth dbus dbus-x11 gnome-keyring libsecret-tools
  dpkg-dev fakeroot file appstream desktop-file-utils
  poppler-utils
)

log() { printf '\033[1mconcord.sh:\033[0m %s\n' "$*" >&2; }

ensure_deps() {
  local missing=() p
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    return 0
  fi
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { log "missing packages (${missing[*]}) and no sudo to install them"; exit 2; }
    sudo=(sudo)
  fi
  log "installing ${#missing[@]} missing Debian packages: ${missing[*]}"
  "${sudo[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
}

build() {
  log "building in $BUILD_DIR ($BUILD_TYPE)"
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE="$BUILD_TYPE" -DCONCORD_WERROR=ON >/dev/null
  cmake --build "$BUILD_DIR" --parallel "$(nproc)"
}

cmd_run() {
  ensure_deps
  build
  if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    log "no display: Concord is a desktop application. Run it in a desktop session, or: xvfb-run -a ./concord.sh run"
    exit 2
  fi
  exec "$BUILD_DIR/app/concord/concord" --demo "$@"
}

cmd_test() {
  ensure_deps
  build
  log "running the test suite (a private D-Bus session with gnome-keyring as the secret service)"
  tests/run-with-keyring.sh ctest --test-dir "$BUILD_DIR" --output-on-failure --parallel "$(nproc)" --timeout 600
}

cmd_bench() {
  ensure_deps
  build
  local b
  for b in "$BUILD_DIR"/tests/bench/bench_*; do
    [ -x "$b" ] || continue
    log "running $(basename "$b")"
    "$b" "$@"
  done
}

case "${1:-}" in
  run) shift; cmd_run "$@" ;;
  test) shift; cmd_test "$@" ;;
  bench) shift; cmd_bench "$@" ;;
  deps) ensure_deps ;;
  build) ensure_deps; build ;;
  *)
    sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
