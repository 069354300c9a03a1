#!/usr/bin/env bash
# Smoke test of the .deb, for CI: build it (scripts/package.sh --deb), unpack it with
# dpkg-deb -x into a temporary root, start the unpacked usr/bin/khabar with no argument (the
# demo corpus) under Xvfb with a fresh HOME, screenshot the screen and check that the window
# drew: many colours, no one colour covering the screen, the window's class is the app id,
# its title names the demo corpus and it carries the icon. Exits non-zero otherwise.
# Usage: scripts/smoke-deb.sh [--deb FILE] [--screenshot OUT.png] [--timeout SECONDS]
#   --deb FILE          test this package instead of building one
#   --screenshot FILE   where the screenshot goes (default dist/smoke-deb.png, to look at)
# Needs (installed with apt-get when missing, as root): xvfb, xauth, imagemagick, x11-utils,
# mesa-vulkan-drivers (wgpu draws with Mesa's software Vulkan under Xvfb).
set -euo pipefail
cd "$(dirname "$0")/.."

say() { echo "smoke-deb: $*" >&2; }
die() { say "FAILED: $*"; exit 1; }

# --- inside Xvfb (the script calls itself through xvfb-run) -------------------------------
if [ "${1:-}" = --inside-xvfb ]; then
  bin=$2 shot=$3 timeout=$4 tmp=$5
  export HOME="$tmp/home" XDG_RUNTIME_DIR="$tmp/runtime"
  export LANG=C.UTF-8 LC_ALL=C.UTF-8  # the English interface: the title is checked below
  unset XDG_CONFIG_HOME XDG_CACHE_HOME XDG_DATA_HOME XDG_STATE_HOME WAYLAND_DISPLAY
  mkdir -p "$HOME" && mkdir -m 700 -p "$XDG_RUNTIME_DIR"
  "$bin" >"$tmp/khabar.log" 2>&1 &
  pid=$!
  trap 'kill "$pid" 2>/dev/null || true' EXIT
  start=$SECONDS ok=0
  while [ $((SECONDS - start)) -lt "$timeout" ]; do
    sleep 2
    kill -0 "$pid" 2>/dev/null || { cat "$tmp/khabar.log" >&2; die "khabar exited early"; }
    import -window root "$shot"
    # Distinct colours, and the share of the screen taken by the commonest one. A window
    # that never drew leaves Xvfb's black root: 1 colour covering 100 %.
    colours=$(convert "$shot" -format %k info:)
    top=$(convert "$shot" -format %c histogram:info:- | awk -F: '$1 + 0 > m {m = $1 + 0} END {print m}')
    read -r width height < <(identify -format '%w %h\n' "$shot")
    share=$((100 * top / (width * height)))
    if [ "$colours" -ge 1000 ] && [ "$share" -le 90 ]; then ok=1; break; fi
  done
  elapsed=$((SECONDS - start))
  say "screenshot after ${elapsed} s: $colours colours, the commonest on $share % of the screen"
  [ "$ok" = 1 ] || { cat "$tmp/khabar.log" >&2; die "the window did not draw within ${timeout} s"; }
  # The window whose WM_CLASS class is the app id (the desktop entry's StartupWMClass).
  window=$(xwininfo -root -tree | awk '/"khabar"\)/ {print $1; exit}')
  [ -n "$window" ] || { xwininfo -root -tree >&2; die "no window of class khabar"; }
  title=$(xprop -id "$window" _NET_WM_NAME | sed 's/^[^"]*//')
  case "$title" in *'Demo corpus'*) ;; *) die "the window's title is $title, not the demo corpus" ;; esac
  icon=$(xprop -id "$window" -len 8 _NET_WM_ICON)  # the first two numbers: width, height
  case "$icon" in *'Icon (256 x 256)'*) ;; *) die "the window has no 256 px icon ($icon)" ;; esac
  say "window $window, class khabar, title $title, 256 px icon set"
  if grep -q panicked "$tmp/khabar.log"; then cat "$tmp/khabar.log" >&2; die "khabar panicked"; fi
  exit 0
fi

# --- outside ------------------------------------------------------------------------------
deb="" shot=dist/smoke-deb.png timeout=90
while [ $# -gt 0 ]; do
  case "$1" in
    --deb) deb=$2; shift 2 ;;
    --screenshot) shot=$2; shift 2 ;;
    --timeout) timeout=$2; shift 2 ;;
    -h | --help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument $1 (try --help)" ;;
  esac
done

need=()
for pkg in xvfb xauth imagemagick x11-utils mesa-vulkan-drivers; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ "${#need[@]}" -gt 0 ]; then
  [ "$(id -u)" -eq 0 ] || die "install the Debian packages ${need[*]} first"
  say "installing Debian packages: ${need[*]} (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

if [ -z "$deb" ]; then
  scripts/package.sh --deb
  version=$(awk -F'"' '/^version = /{print $2; exit}' Cargo.toml)
  deb=$(ls -t dist/khabar_"$version"-*_*.deb | awk 'NR == 1')
fi
[ -f "$deb" ] || die "no package $deb"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
dpkg-deb -x "$deb" "$tmp/root"
bin="$tmp/root/usr/bin/khabar"
[ -x "$bin" ] || die "$deb has no executable usr/bin/khabar"
for f in usr/share/applications/khabar.desktop usr/share/icons/hicolor/256x256/apps/khabar.png \
  usr/share/icons/hicolor/scalable/apps/khabar.svg usr/share/doc/khabar/copyright; do
  [ -f "$tmp/root/$f" ] || die "$deb lacks $f"
done
say "unpacked $deb ($(du -h "$deb" | cut -f1)); starting $bin under Xvfb"

mkdir -p "$(dirname "$shot")"
xvfb-run -a -s "-screen 0 1280x800x24" "$0" --inside-xvfb "$bin" "$(realpath "$shot")" "$timeout" "$tmp"
say "passed; screenshot: $shot"
