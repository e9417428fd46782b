#!/bin/sh
# Regenerates the committed PNG renditions from the SVG sources, so a build
# never needs an SVG renderer and the app never needs Qt's SVG plugin (Debian
# ships it separately as libqt6svg6). Run after editing any .svg here:
#   apt-get install -y librsvg2-bin && resources/render-icons.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"
command -v rsvg-convert >/dev/null || { echo "render-icons.sh: rsvg-convert missing (apt-get install librsvg2-bin)" >&2; exit 1; }

# Colour of the selected sidebar entry; matches its text (Theme's style sheet).
normal='#4a5f70'
accent='#13506a'

mkdir -p icons/png
for svg in icons/sidebar/*.svg icons/actions/*.svg; do
    name=$(basename "$svg" .svg)
    rsvg-convert -w 24 -h 24 "$svg" -o "icons/png/$name.png"
    rsvg-convert -w 48 -h 48 "$svg" -o "icons/png/$name@2x.png"
done
# Selected-state variants of the sidebar icons, drawn in the accent colour.
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
for svg in icons/sidebar/*.svg; do
    name=$(basename "$svg" .svg)
    sed "s/$normal/$accent/g" "$svg" > "$tmp"
    rsvg-convert -w 24 -h 24 "$tmp" -o "icons/png/$name-active.png"
    rsvg-convert -w 48 -h 48 "$tmp" -o "icons/png/$name-active@2x.png"
done

# Application icon in the hicolor sizes desktops look for.
for size in 16 24 32 48 64 128 256 512; do
    mkdir -p "app/hicolor/${size}x${size}"
    rsvg-convert -w "$size" -h "$size" app/org.concord.Concord.svg \
        -o "app/hicolor/${size}x${size}/org.concord.Concord.png"
done
