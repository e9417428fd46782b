#!/bin/sh
# check-deb.sh BUILD_DIR [VERSION]
# Builds the .deb from an already built tree (cpack -G DEB), unpacks it into a
# scratch root and checks that it holds what a user needs: the programs, the
# desktop entry, the icon and the AppStream metadata, all valid, the sync
# service with its systemd unit, and programs from the package that run and
# report their version.
set -eu

build=${1:?usage: check-deb.sh BUILD_DIR [VERSION]}
build=$(cd "$build" && pwd)
version=${2:-}
scratch=$(mktemp -d "${TMPDIR:-/tmp}/concord-deb-check.XXXXXX")
trap 'rm -rf "$scratch"' EXIT

fail() {
    echo "check-deb: $*" >&2
    exit 1
}

for tool in cpack dpkg-deb; do
    command -v "$tool" >/dev/null || fail "$tool is not installed"
done

# Package into the scratch folder so a check leaves no .deb in the build tree.
cpack -G DEB --config "$build/CPackConfig.cmake" -B "$scratch/out" >"$scratch/cpack.log" 2>&1 \
    || { cat "$scratch/cpack.log" >&2; fail "cpack failed"; }
deb=$(find "$scratch/out" -maxdepth 1 -name 'concord_*.deb' | head -n 1)
[ -n "$deb" ] || fail "cpack produced no concord_*.deb (see above)"
echo "check-deb: built $(basename "$deb")"

# Control fields.
[ "$(dpkg-deb -f "$deb" Package)" = concord ] || fail "package name is not 'concord'"
depends=$(dpkg-deb -f "$deb" Depends)
echo "check-deb: Depends: $depends"
for dep in libqt6widgets6 libqt6sql6-sqlite; do
    echo "$depends" | grep -q "$dep" || fail "Depends lacks $dep"
done
if [ -n "$version" ]; then
    [ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || fail "package version is not $version"
fi

root="$scratch/root"
dpkg-deb -x "$deb" "$root"
for file in \
    usr/bin/concord \
    usr/bin/concord-cli \
    usr/bin/concord-syncd \
    usr/lib/systemd/system/concord-syncd.service \
    usr/share/applications/org.concord.Concord.desktop \
    usr/share/icons/hicolor/scalable/apps/org.concord.Concord.svg \
    usr/share/icons/hicolor/48x48/apps/org.concord.Concord.png \
    usr/share/icons/hicolor/256x256/apps/org.concord.Concord.png \
    usr/share/metainfo/org.concord.Concord.metainfo.xml
do
    [ -e "$root/$file" ] || fail "missing /$file"
done
for program in concord concord-cli concord-syncd; do
    [ -x "$root/usr/bin/$program" ] || fail "/usr/bin/$program is not executable"
done

if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "$root/usr/share/applications/org.concord.Concord.desktop" \
        || fail "the desktop entry does not validate"
fi
if command -v appstreamcli >/dev/null; then
    appstreamcli validate --no-net "$root/usr/share/metainfo/org.concord.Concord.metainfo.xml" >"$scratch/as.log" 2>&1 \
        || { cat "$scratch/as.log" >&2; fail "the AppStream metadata does not validate"; }
fi

unit="$root/usr/lib/systemd/system/concord-syncd.service"
grep -q '^ExecStart=/usr/bin/concord-syncd ' "$unit" || fail "the unit does not start /usr/bin/concord-syncd"
if command -v systemd-analyze >/dev/null; then
    # Verified as installed, with ExecStart pointing into the scratch root.
    mkdir -p "$scratch/unit"
    sed "s|/usr/bin/concord-syncd|$root/usr/bin/concord-syncd|g" "$unit" >"$scratch/unit/concord-syncd.service"
    systemd-analyze verify "$scratch/unit/concord-syncd.service" >"$scratch/unit.log" 2>&1 \
        || { cat "$scratch/unit.log" >&2; fail "the systemd unit does not verify"; }
else
    echo "check-deb: systemd-analyze not installed: the unit was not verified"
fi

# The packaged programs run (from the package, not the build tree).
out=$("$root/usr/bin/concord-cli" --version) || fail "concord-cli --version exited with $?"
echo "check-deb: concord-cli --version: $out"
if [ -n "$version" ]; then
    echo "$out" | grep -qF "$version" || fail "concord-cli --version does not print $version"
fi
# --version needs no display: run it without one.
out=$(env -u DISPLAY -u WAYLAND_DISPLAY "$root/usr/bin/concord" --version) || fail "concord --version exited with $?"
echo "check-deb: concord --version: $out"
if [ -n "$version" ]; then
    echo "$out" | grep -qF "$version" || fail "concord --version does not print $version"
fi

out=$("$root/usr/bin/concord-syncd" --version) || fail "concord-syncd --version exited with $?"
echo "check-deb: concord-syncd --version: $out"
if [ -n "$version" ]; then
    echo "$out" | grep -qF "$version" || fail "concord-syncd --version does not print $version"
fi

echo "check-deb: ok"
