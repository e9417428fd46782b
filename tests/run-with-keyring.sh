#!/usr/bin/env bash
# Runs a command against a private, throwaway Secret Service (gnome-keyring on
# its own D-Bus session bus), so tests exercise the real QtKeychain/libsecret
# path without ever touching the user's keyring:
#
#   tests/run-with-keyring.sh ctest -R secretstore --output-on-failure
#
# - HOME, XDG_DATA_HOME, XDG_CONFIG_HOME, XDG_CACHE_HOME and XDG_RUNTIME_DIR
#   point into a temporary directory that is deleted afterwards, so the
#   keyring file is created there and nowhere else.
# - gnome-keyring-daemon gets an empty password (an empty line) on stdin, which creates and
#   unlocks a "login" collection; nothing ever prompts (works headless, as root).
# - The command starts only once org.freedesktop.secrets is owned on the bus
#   (polled for up to CONCORD_KEYRING_WAIT_SECS, default 10 s).
# - The command's exit status is this script's exit status; 125 means the
#   keyring could not be set up.
# - CONCORD_TEST_KEYRING_SANDBOX=1 is exported so tests can tell they run in
#   the sandbox (tst_secretstore refuses to run against a real keyring).
#
# Needs: dbus (dbus-run-session, dbus-send), gnome-keyring.
set -u

readonly SETUP_FAILED=125
self="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/$(basename "${BASH_SOURCE[0]}")"

die() {
    echo "run-with-keyring: $*" >&2
    exit "$SETUP_FAILED"
}

if [[ $# -eq 0 ]]; then
    echo "usage: $(basename "$0") COMMAND [ARGS...]" >&2
    exit 2
fi

for tool in dbus-run-session dbus-send gnome-keyring-daemon; do
    command -v "$tool" >/dev/null 2>&1 || die "'$tool' not found (install dbus and gnome-keyring)"
done

# ---------------------------------------------------------------------------
# Outer stage: private directories + a private session bus, then re-enter
# this script inside the bus.
# ---------------------------------------------------------------------------
if [[ "${_CONCORD_KEYRING_STAGE:-}" != inner ]]; then
    sandbox="$(mktemp -d "${TMPDIR:-/tmp}/concord-keyring.XXXXXX")" || die "cannot create a temp dir"
    cleanup_outer() { rm -rf -- "$sandbox"; }
    trap cleanup_outer EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM

    mkdir -p "$sandbox/home" "$sandbox/data" "$sandbox/config" "$sandbox/cache" "$sandbox/runtime" \
        || die "cannot populate $sandbox"
    chmod 700 "$sandbox" "$sandbox/runtime"

    export HOME="$sandbox/home"
    export XDG_DATA_HOME="$sandbox/data"
    export XDG_CONFIG_HOME="$sandbox/config"
    export XDG_CACHE_HOME="$sandbox/cache"
    export XDG_RUNTIME_DIR="$sandbox/runtime"
    export _CONCORD_KEYRING_STAGE=inner
    export _CONCORD_KEYRING_SANDBOX_DIR="$sandbox"
    # Nothing in here may try to show a prompt or reach a desktop session.
    unset DISPLAY WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS GNOME_KEYRING_CONTROL

    dbus-run-session -- "$self" "$@"
    exit $?
fi

# ---------------------------------------------------------------------------
# Inner stage: on the private bus. Start the daemon, wait for it, run.
# ---------------------------------------------------------------------------
unset _CONCORD_KEYRING_STAGE
[[ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ]] || die "dbus-run-session did not provide a session bus"

daemon_log="${_CONCORD_KEYRING_SANDBOX_DIR:-$XDG_RUNTIME_DIR}/gnome-keyring.log"
daemon_pid=""

cleanup_inner() {
    if [[ -n "$daemon_pid" ]] && kill -0 "$daemon_pid" 2>/dev/null; then
        kill "$daemon_pid" 2>/dev/null
        wait "$daemon_pid" 2>/dev/null
    fi
}
trap cleanup_inner EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --foreground keeps the daemon our child, so we know its pid and can stop it.
# The password is one line on stdin: an empty line creates and unlocks the
# "login" collection (zero bytes would mean "no password" and it would try to
# prompt, which fails headless).
printf '\n' | gnome-keyring-daemon --foreground --unlock --components=secrets >"$daemon_log" 2>&1 &
daemon_pid=$!

name_owned() {
    dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null \
        | grep -q 'boolean true'
}

wait_secs="${CONCORD_KEYRING_WAIT_SECS:-10}"
[[ "$wait_secs" =~ ^[0-9]+$ ]] || die "CONCORD_KEYRING_WAIT_SECS must be a whole number of seconds"
deadline=$((SECONDS + wait_secs))
until name_owned; do
    if ! kill -0 "$daemon_pid" 2>/dev/null; then
        cat "$daemon_log" >&2
        die "gnome-keyring-daemon exited before owning org.freedesktop.secrets"
    fi
    if ((SECONDS >= deadline)); then
        cat "$daemon_log" >&2
        die "org.freedesktop.secrets not owned on the session bus after ${wait_secs} s"
    fi
    sleep 0.1
done

export CONCORD_TEST_KEYRING_SANDBOX=1
# Not exec: the EXIT trap must still stop the daemon afterwards.
"$@"
exit $?
