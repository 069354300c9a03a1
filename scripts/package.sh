#!/usr/bin/env bash
# Builds Khabar's Linux packages into dist/:
#   dist/khabar_<version>-1_amd64.deb      cargo-deb, configured in Cargo.toml [package.metadata.deb]
#   dist/Khabar-<version>-x86_64.AppImage  an AppDir squashed by mksquashfs behind the AppImage
#                                          type-2 runtime shipped in the `appimage` crate
# Usage: scripts/package.sh [--deb] [--appimage]   (neither: both)
# On a fresh Debian/Ubuntu machine with only Rust: installs what it lacks with apt-get (as
# root, or through sudo) and `cargo install`, and says so. Honours CARGO_TARGET_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."

# Pinned tools: a new cargo-deb can change the package it makes; bump on purpose.
CARGO_DEB_VERSION=3.8.0
# The AppImage runtime: the ELF stub that mounts (or extracts) the squashfs appended to it.
# The `appimage` crate (xbuild, crates.io) ships AppImageKit's type-2 runtime for x86_64;
# the runtime's own releases are on GitHub only. Checked by hash.
RUNTIME_CRATE=appimage
RUNTIME_CRATE_VERSION=0.4.0
RUNTIME_SHA256=328e0d745c5c6817048c27bc3e8314871703f8f47ffa81a37cb06cd95a94b323

say() { echo "package: $*" >&2; }
die() { say "error: $*"; exit 1; }

want_deb=0 want_appimage=0
for arg in "$@"; do
  case "$arg" in
    --deb) want_deb=1 ;;
    --appimage) want_appimage=1 ;;
    -h | --help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument $arg (try --help)" ;;
  esac
done
if [ "$want_deb$want_appimage" = 00 ]; then want_deb=1 want_appimage=1; fi

# --- tools -------------------------------------------------------------------------------
apt_install() {
  local as=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || die "need the Debian packages $*: install them (as root)"
    as=(sudo)
  fi
  say "installing Debian packages: $* (apt-get)"
  "${as[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${as[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}
need=()
command -v dpkg-shlibdeps >/dev/null 2>&1 || need+=(dpkg-dev)                  # cargo-deb's $auto Depends
command -v desktop-file-validate >/dev/null 2>&1 || need+=(desktop-file-utils) # checks the .desktop entry
command -v strip >/dev/null 2>&1 || need+=(binutils)
if [ "$want_appimage" = 1 ]; then
  command -v mksquashfs >/dev/null 2>&1 || need+=(squashfs-tools)
fi
if [ "${#need[@]}" -gt 0 ]; then apt_install "${need[@]}"; fi

if [ "$want_deb" = 1 ] && [[ "$(cargo deb --version 2>/dev/null || true)" != *" $CARGO_DEB_VERSION" ]]; then
  say "installing cargo-deb $CARGO_DEB_VERSION (cargo install, a few minutes)"
  cargo install cargo-deb --version "$CARGO_DEB_VERSION" --locked --quiet
fi

version=$(awk -F'"' '/^version = /{print $2; exit}' Cargo.toml)
target_dir=${CARGO_TARGET_DIR:-target}
mkdir -p dist
desktop-file-validate assets/khabar.desktop

# --- .deb --------------------------------------------------------------------------------
# cargo-deb builds the release binary itself (cargo build --release), strips it, computes
# Depends (dpkg-shlibdeps + the window libraries listed in Cargo.toml) and writes the package.
if [ "$want_deb" = 1 ]; then
  say "building the .deb (cargo deb)"
  deb=$(cargo deb --output dist/ | tail -n 1)
  [ -f "$deb" ] || die "cargo deb did not report a package"
  say "built $deb ($(du -h "$deb" | cut -f1)); Depends: $(dpkg-deb --field "$deb" Depends)"
fi

# --- AppImage ----------------------------------------------------------------------------
if [ "$want_appimage" = 1 ]; then
  [ "$(uname -m)" = x86_64 ] || die "the AppImage runtime used here is for x86_64 only"
  if [ "$want_deb" = 0 ]; then
    say "building the release binary (cargo build --release)"
    cargo build --release --quiet
  fi
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT

  # The runtime: fetch the crate through cargo (so through crates.io and its mirrors),
  # take the stub out of the .crate archive and check its hash.
  say "fetching the AppImage runtime ($RUNTIME_CRATE $RUNTIME_CRATE_VERSION from crates.io)"
  mkdir -p "$work/fetch"
  cat >"$work/fetch/Cargo.toml" <<TOML
[package]
name = "khabar-appimage-runtime-fetch"
version = "0.0.0"
edition = "2021"
publish = false
[lib]
path = "lib.rs"
[dependencies]
$RUNTIME_CRATE = "=$RUNTIME_CRATE_VERSION"
TOML
  : >"$work/fetch/lib.rs"
  (cd "$work/fetch" && CARGO_TARGET_DIR="$work/fetch/target" cargo fetch --quiet)
  crate_file=$(ls "${CARGO_HOME:-$HOME/.cargo}"/registry/cache/*/"$RUNTIME_CRATE-$RUNTIME_CRATE_VERSION.crate" | awk 'NR == 1')
  tar -xzf "$crate_file" -C "$work" "$RUNTIME_CRATE-$RUNTIME_CRATE_VERSION/assets/runtime-x86_64"
  runtime="$work/$RUNTIME_CRATE-$RUNTIME_CRATE_VERSION/assets/runtime-x86_64"
  echo "$RUNTIME_SHA256  $runtime" | sha256sum --check --quiet - || die "the AppImage runtime's hash changed"

  # The AppDir: the same files as the .deb, plus AppRun, the entry and icon at the top.
  appdir="$work/Khabar.AppDir"
  install -D -m 755 "$target_dir/release/khabar" "$appdir/usr/bin/khabar"
  strip --strip-all "$appdir/usr/bin/khabar"
  install -D -m 644 assets/khabar.desktop "$appdir/usr/share/applications/khabar.desktop"
  install -D -m 644 assets/icons/khabar.svg "$appdir/usr/share/icons/hicolor/scalable/apps/khabar.svg"
  for size in 16 32 48 64 128 256 512; do
    install -D -m 644 "assets/icons/${size}x${size}/khabar.png" \
      "$appdir/usr/share/icons/hicolor/${size}x${size}/apps/khabar.png"
  done
  install -D -m 644 packaging/copyright "$appdir/usr/share/doc/khabar/copyright"
  ln -s usr/bin/khabar "$appdir/AppRun"
  ln -s usr/share/applications/khabar.desktop "$appdir/khabar.desktop"
  cp assets/icons/256x256/khabar.png "$appdir/khabar.png"
  ln -s khabar.png "$appdir/.DirIcon"

  # Same inputs, same bytes: file times and the image time from the last commit.
  epoch=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || echo 0)}
  mksquashfs "$appdir" "$work/payload.squashfs" -root-owned -noappend -quiet -no-progress \
    -comp xz -all-time "$epoch" -mkfs-time "$epoch" >/dev/null
  appimage="dist/Khabar-$version-x86_64.AppImage"
  cat "$runtime" "$work/payload.squashfs" >"$appimage"
  chmod 755 "$appimage"

  # Check it: the payload offset is where the runtime ends, and the program inside runs
  # (extract-and-run: no FUSE needed, as on CI).
  [ "$(APPIMAGE_EXTRACT_AND_RUN=1 "$appimage" --appimage-offset)" = "$(stat -c %s "$runtime")" ] \
    || die "$appimage: wrong payload offset"
  got=$(cd "$work" && TMPDIR="$work" APPIMAGE_EXTRACT_AND_RUN=1 "$OLDPWD/$appimage" --version)
  [ "$got" = "khabar $version" ] || die "$appimage --version printed '$got'"
  say "built $appimage ($(du -h "$appimage" | cut -f1)); runs: $got"
fi
