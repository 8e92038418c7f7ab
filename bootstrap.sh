#!/usr/bin/env bash
# Installs what building and testing need, idempotently; a second run only checks versions.
#   ./bootstrap.sh            toolchain for building (wasm32 std, trunk, wasm-bindgen, npm deps)
#   ./bootstrap.sh --browser  also Debian's chromium + chromium-driver and nginx + brotli modules
#                             for the tests
#   ./bootstrap.sh --bench    also twiggy, which `make bench` and `make wasm-top` read the wasm with
# Writes .tools/env.sh, which the Makefile sources before every cargo/trunk call.
set -euo pipefail
cd "$(dirname "$0")"

TRUNK_VERSION=0.22.1
TWIGGY_VERSION=0.8.0
want_browser=0
want_bench=0
[[ "${1:-}" == "--browser" ]] && want_browser=1
[[ "${1:-}" == "--bench" ]] && want_bench=1

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

# 1. A Rust with a wasm32 std: rustup's toolchain pinned in rust-toolchain.toml, with its wasm32
#    target, where rustup has it or can download it (route A); otherwise Debian's rustc-web +
#    std sources, building std with -Zbuild-std (route B). Each route's rustc is checked exactly.
RUST_VERSION=$(sed -n 's/^channel = "\(.*\)"$/\1/p' rust-toolchain.toml)
RUST_WEB_VERSION=1.96.0
[[ -n "$RUST_VERSION" ]] || die "no channel in rust-toolchain.toml"
# rustup must not start a download of its own in the checks below (rustup >= 1.28 reads this).
export RUSTUP_AUTO_INSTALL=0
has_wasm_std() { [[ -d "$(rustc --print sysroot 2>/dev/null)/lib/rustlib/wasm32-unknown-unknown" ]]; }
route=""
# HEIST_ROUTE=B takes route B even where route A would work: how route B is exercised on a
# machine that has rustup (README, "Route B").
if [[ "${HEIST_ROUTE:-}" == B ]]; then
  route=B
  if [[ ! -x /usr/bin/rustc || ! -d /usr/lib/rustlib/src/rust/library || ! -e /usr/bin/rust-lld || ! -x /usr/bin/cargo-clippy || ! -x /usr/bin/cargo-fmt ]]; then
    say "route B asked for; installing Debian's rustc-web + std sources"
    apt_install rustc-web cargo-web rust-web-src rust-web-llvm lld-22 rust-web-clippy rustfmt-web
  fi
elif command -v rustc >/dev/null && has_wasm_std; then
  route=A
elif command -v rustup >/dev/null && timeout 300 rustup toolchain install "$RUST_VERSION" --profile minimal \
    --component rustfmt,clippy --target wasm32-unknown-unknown >/dev/null 2>&1 && has_wasm_std; then
  route=A
else
  route=B
  if [[ ! -x /usr/bin/rustc || ! -d /usr/lib/rustlib/src/rust/library || ! -e /usr/bin/rust-lld || ! -x /usr/bin/cargo-clippy || ! -x /usr/bin/cargo-fmt ]]; then
    say "no wasm32 std from rustup; installing Debian's rustc-web + std sources (route B)"
    apt_install rustc-web cargo-web rust-web-src rust-web-llvm lld-22 rust-web-clippy rustfmt-web
  fi
fi
if [[ $route == A ]]; then
  cat > .tools/env.sh <<ENV
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:\$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
# Runs a wasm32 build command (the Makefile prefixes trunk and every --target wasm32 cargo call).
wasm() { "\$@"; }
ENV
else
  # /usr/bin before rustup's proxies so they do not shadow Debian's 1.96 (node_modules/.bin
  # first: Debian's binaryen would put its wasm-opt v108 in /usr/bin). std is built for wasm32
  # only: set for every cargo call, -Zbuild-std would rebuild the host's std for clippy and the
  # host tests as well.
  cat > .tools/env.sh <<ENV
export PATH="$PWD/node_modules/.bin:/usr/bin:$HOME/.cargo/bin:\$PATH"
export RUSTC_BOOTSTRAP=1
export TRUNK_SKIP_VERSION_CHECK=true
# Runs a wasm32 build command with std built from Debian's sources (-Zbuild-std).
wasm() { CARGO_UNSTABLE_BUILD_STD=std,panic_abort "\$@"; }
ENV
fi
have_rustc=$(. .tools/env.sh && rustc --version)
want_rustc=$([[ $route == A ]] && echo "$RUST_VERSION" || echo "$RUST_WEB_VERSION")
[[ "$have_rustc" == "rustc $want_rustc "* ]] \
  || die "route $route needs rustc $want_rustc, found: $have_rustc (rust-toolchain.toml / RUST_WEB_VERSION)"
say "wasm32 route $route ($have_rustc)"

# 2. Node.js: playwright-core needs 20 or later (its "engines"); Debian bookworm's nodejs is 18,
#    so Node comes from NodeSource (nodejs 20) or nvm; bootstrap does not install it.
NODE_MIN_MAJOR=20
command -v node >/dev/null && command -v npm >/dev/null \
  || die "Node.js $NODE_MIN_MAJOR or later and npm are needed (e.g. NodeSource's nodejs $NODE_MIN_MAJOR.x)"
node_major=$(node -p 'process.versions.node.split(".")[0]')
(( node_major >= NODE_MIN_MAJOR )) || die "Node.js $NODE_MIN_MAJOR or later is needed, found $(node --version)"

#    npm packages: ECharts (shipped), binaryen's wasm-opt (Debian's v108 breaks the wasm),
#    the browser-test drivers. Exactly what package-lock.json pins.
lock_sum=$(sha256sum package-lock.json | cut -d' ' -f1)
if [[ ! -d node_modules ]] || [[ "$(cat .tools/npm.stamp 2>/dev/null)" != "$lock_sum" ]]; then
  say "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_sum" > .tools/npm.stamp
fi

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

# 5. The crates, for the host and for wasm32: the builds run `cargo --offline` (trunk's offline
#    mode passes it on), which fails on a clean cargo home. Quick when they are already there.
(. .tools/env.sh && cargo fetch --quiet && wasm cargo fetch --quiet --target wasm32-unknown-unknown)

# 6. For the tests: Debian's Chromium, and nginx with the brotli modules, the production host
#    the E2E suite serves dist/ with (scripts/nginx/). Debian enables the modules and starts its
#    own nginx service on port 80; the tests run a private nginx on a free loopback port.
NGINX_VERSION=1.22.1
NGINX_MODULES=/usr/lib/nginx/modules
nginx_bin=/usr/sbin/nginx   # Debian's; not in a normal user's PATH
if [[ $want_browser -eq 1 ]]; then
  if [[ ! -x /usr/bin/chromium ]] || [[ ! -x /usr/bin/chromedriver ]]; then
    say "installing Debian chromium + chromium-driver"
    apt_install chromium chromium-driver
  fi
  if [[ ! -x $nginx_bin ]] || [[ ! -e $NGINX_MODULES/ngx_http_brotli_static_module.so ]] \
      || [[ ! -e $NGINX_MODULES/ngx_http_brotli_filter_module.so ]]; then
    say "installing Debian nginx + brotli modules"
    apt_install nginx libnginx-mod-http-brotli-static libnginx-mod-http-brotli-filter
  fi
fi

#    For `make bench` and `make wasm-top` only: twiggy, which names what the wasm's bytes are.
if [[ $want_bench -eq 1 ]] && [[ "$(twiggy --version 2>/dev/null | awk '{print $2}')" != "$TWIGGY_VERSION" ]]; then
  say "installing twiggy $TWIGGY_VERSION (about 2 minutes on 2 cores)"
  (. .tools/env.sh && cargo install "twiggy@$TWIGGY_VERSION" --locked)
fi

# 7. Every tool as the Makefile finds it (after sourcing .tools/env.sh), at its exact version.
binaryen_version=$(node -p 'require("./package-lock.json").packages["node_modules/binaryen"].version.split(".")[0]')
(
  . .tools/env.sh
  expect() { [[ "$2" == "$3" ]] || die "$1 is '$2' ($(command -v "$1")), expected '$3'"; }
  # binaryen's wasm-opt prints "wasm-opt version 132 (version_132)"; Debian's v108 breaks the wasm.
  expect wasm-opt "$(wasm-opt --version | awk '{print $1, $2, $3}')" "wasm-opt version $binaryen_version"
  expect wasm-bindgen "$(wasm-bindgen --version)" "wasm-bindgen $lock_version"
  expect trunk "$(trunk --version)" "trunk $TRUNK_VERSION"
  if [[ $want_bench -eq 1 ]]; then
    # It calls itself "twiggy-opt 0.8.0".
    expect twiggy "$(twiggy --version | awk '{print $2}')" "$TWIGGY_VERSION"
  fi
  if [[ $want_browser -eq 1 ]]; then
    expect "$nginx_bin" "$("$nginx_bin" -v 2>&1)" "nginx version: nginx/$NGINX_VERSION"
    # The module loads and the shipped config parses (nginx -t on the config the tests generate).
    node scripts/nginx/run.mjs --check >/dev/null || die "nginx rejects scripts/nginx/*.conf (node scripts/nginx/run.mjs --check)"
  fi
)
say "ready"
