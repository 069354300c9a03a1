#!/usr/bin/env bash
# Screenshots of the window for the README, taken under Xvfb on the bundled demo corpus:
# docs/screenshots/{reader-en,reader-ar,filter-en,help-en,help-ar}.png.
#
#   scripts/screenshots.sh            # builds the release binary first
#
# Needs (installed when missing, on Debian/Ubuntu): xvfb, xdotool, imagemagick, xauth,
# and Mesa's software renderers (mesa-vulkan-drivers, libgl1-mesa-dri) when there is no GPU.
# Each shot starts the app with a fresh HOME, so it opens on the demo corpus as a first start.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
for pkg in xvfb xdotool imagemagick xauth mesa-vulkan-drivers libgl1-mesa-dri; do
    dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ "${#need[@]}" -gt 0 ]; then
    echo "installing: ${need[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

cargo build --release --quiet
bin="${CARGO_TARGET_DIR:-target}/release/khabar"
out=docs/screenshots
mkdir -p "$out"

# shot NAME LOCALE [xdotool commands run after the window appears]
shot() {
    local name=$1 locale=$2
    shift 2
    local home
    home=$(mktemp -d)
    cat >"$home/session.sh" <<INNER
#!/usr/bin/env bash
HOME="$home" LANG="$locale" LC_ALL="$locale" "$PWD/$bin" >"$home/app.log" 2>&1 &
app=\$!
for _ in \$(seq 60); do
    xdotool search --name Khabar >/dev/null 2>&1 && break
    sleep 0.5
done
sleep 3
xdotool search --name Khabar windowfocus >/dev/null 2>&1 || true
$*
sleep 1.5
import -window root "$PWD/$out/$name.png"
kill \$app
INNER
    chmod +x "$home/session.sh"
    xvfb-run -a -s "-screen 0 1280x800x24" "$home/session.sh"
    rm -rf "$home"
    echo "$out/$name.png"
}

shot reader-en en_US.UTF-8
shot reader-ar ar_EG.UTF-8
# The first name of the people list (at the right in English), then the first article.
shot filter-en en_US.UTF-8 "xdotool mousemove 1150 224 click 1; sleep 1"
shot help-en en_US.UTF-8 "xdotool key F1"
shot help-ar ar_EG.UTF-8 "xdotool key F1"
