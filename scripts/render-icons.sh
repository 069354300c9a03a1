#!/usr/bin/env bash
# Renders assets/icons/khabar.svg to the PNG sizes the desktops and packages use
# (assets/icons/<N>x<N>/khabar.png) and to a Windows .ico (assets/icons/khabar.ico).
# Needs rsvg-convert (Debian: librsvg2-bin) and ImageMagick's convert (Debian: imagemagick);
# installs them with apt-get when missing and run as root.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v rsvg-convert >/dev/null 2>&1 || need+=(librsvg2-bin)
command -v convert >/dev/null 2>&1 && convert -version 2>/dev/null | grep -q ImageMagick || need+=(imagemagick)
if [ "${#need[@]}" -gt 0 ]; then
  echo "render-icons: installing ${need[*]} (apt-get)" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

svg=assets/icons/khabar.svg
for size in 16 32 48 64 128 256 512; do
  out="assets/icons/${size}x${size}/khabar.png"
  mkdir -p "$(dirname "$out")"
  rsvg-convert --width "$size" --height "$size" "$svg" --output "$out"
  # No time stamps or text chunks: the same SVG gives the same bytes.
  convert "$out" -strip -define png:exclude-chunks=date,time "PNG32:$out"
  echo "$out"
done
convert assets/icons/{16x16,32x32,48x48,256x256}/khabar.png -strip assets/icons/khabar.ico
echo assets/icons/khabar.ico
