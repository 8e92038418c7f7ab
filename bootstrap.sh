#!/usr/bin/env bash
# Installs what building and testing need, idempotently; a second run only checks versions.
#   ./bootstrap.sh            toolchain for building (wasm32 std, trunk, wasm-bindgen, npm deps)
#   ./bootstrap.sh --browser  also Debian's chromium + chromium-driver for the tests
# Writes .tools/env.sh, which the Makefile sources before every cargo/trunk call.
set -euo pipefail
cd "$(dirname "$0")"

TRUNK_VERSION=0.22.1
want_browser=0
[[ "${1:-}" == "--browser" ]] && want_browser=1

say() { printf '\033[1mbootstrap:\033[0m %s\n' "$*"; }
die() { printf '\033[1;31mbootstrap: %s\033[0m\n' "$*" >&2; exit 1; }
as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }
apt_updated=0
apt_install() {
  if [[ $apt_updated -eq 0 ]]; then as_root apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

mkdir -p .tools
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

# 1. A Rust with a wasm32 std: rustup's target where it can be had (route A), otherwise
#    Debian's rustc-web 1.96 + std sources, building std with -Zbuild-std (route B).
route=""
if command -v rustc >/dev/null && [[ -d "$(rustc --print sysroot)/lib/rustlib/wasm32-unknown-unknown" ]]; then
  route=A
elif command -v rustup >/dev/null && timeout 180 rustup target add wasm32-unknown-unknown >/dev/null 2>&1; then
  route=A
else
  route=B
  if [[ ! -x /usr/bin/rustc || ! -d /usr/lib/rustlib/src/rust/library || ! -e /usr/bin/rust-lld ]]; then
    say "no wasm32 std from rustup; installing Debian's rustc-web + std sources (route B)"
    apt_install rustc-web cargo-web rust-web-src rust-web-llvm lld-22
  fi
fi
if [[ $route == A ]]; then
  cat > .tools/env.sh <<ENV
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:\$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
ENV
else
  # /usr/bin first so rustup's proxies do not shadow Debian's 1.96; build std for wasm32.
  cat > .tools/env.sh <<ENV
export PATH="/usr/bin:$HOME/.cargo/bin:$PWD/node_modules/.bin:\$PATH"
export RUSTC_BOOTSTRAP=1
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
export TRUNK_SKIP_VERSION_CHECK=true
ENV
fi
say "wasm32 route $route ($(. .tools/env.sh && rustc --version))"

# 2. npm packages: ECharts (shipped), binaryen's wasm-opt (Debian's v108 breaks the wasm),
#    the browser-test drivers. Exactly what package-lock.json pins.
lock_sum=$(sha256sum package-lock.json | cut -d' ' -f1)
if [[ ! -d node_modules ]] || [[ "$(cat .tools/npm.stamp 2>/dev/null)" != "$lock_sum" ]]; then
  say "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_sum" > .tools/npm.stamp
fi
wasm-opt --version | grep -q "version 1[0-9][0-9]" || die "wasm-opt from npm binaryen not found in node_modules/.bin"

# 3. wasm-bindgen-cli at exactly the version in Cargo.lock (a mismatch is the most common
#    wasm-bindgen build failure). --locked fails on this registry, so it is not used.
lock_version=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
[[ -n "$lock_version" ]] || die "wasm-bindgen not found in Cargo.lock"
have_version=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [[ "$have_version" != "$lock_version" ]]; then
  say "installing wasm-bindgen-cli $lock_version (found: ${have_version:-none})"
  (. .tools/env.sh && cargo install wasm-bindgen-cli --version "$lock_version" --force)
  have_version=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
fi
[[ "$have_version" == "$lock_version" ]] || die "wasm-bindgen-cli is $have_version but Cargo.lock has wasm-bindgen $lock_version; they must match"

# 4. trunk (offline mode; it never downloads tools).
if [[ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]]; then
  say "installing trunk $TRUNK_VERSION (about 12 minutes on 2 cores)"
  (. .tools/env.sh && cargo install "trunk@$TRUNK_VERSION" --locked --ignore-rust-version)
fi

# 5. Browser for the tests.
if [[ $want_browser -eq 1 ]] && { [[ ! -x /usr/bin/chromium ]] || [[ ! -x /usr/bin/chromedriver ]]; }; then
  say "installing Debian chromium + chromium-driver"
  apt_install chromium chromium-driver
fi
say "ready"
