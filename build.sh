#!/usr/bin/env bash
# PostGuard build and test entry point.
#
#   ./build.sh          build the extension (dist/chrome, dist/chrome-test, dist/firefox, zips) and the CLI
#   ./build.sh bench    build, then benchmark (native criterion, wasm in headless Chromium, sizes): one table
#                       (--compare adds Microsoft Presidio on the same drafts; see BENCHMARKS.md)
#   ./build.sh test     build, then run every check: fmt, clippy, native tests, wasm tests in headless
#                       Chromium and Firefox, web-ext lint of the Firefox build, end-to-end tests of the
#                       built extension, retraining (the same model bytes) and the held-out score gate
#   ./build.sh train    train the models on corpus/ and write them to src/data/model/ (src/data/model/README.md)
#   ./build.sh eval     leave-one-set-out measurement: per held-out set and overall, and privacy findings on
#                       social posts (writes target/eval/)
#
# Every prerequisite is verified and, when missing, installed (CI starts on a fresh machine). Work already
# done is skipped, so a warm rebuild takes seconds.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"

WASM_BINDGEN_VERSION="0.2.130"
WASM_PACK_VERSION="0.15.1"
GECKODRIVER_VERSION="0.37.1"
BINARYEN_VERSION="132.0.0"
TOOLS="$ROOT/.tools"
SHARED="${POSTGUARD_SHARED:-$ROOT/../shared}"
export PATH="$HOME/.cargo/bin:$PATH"

step() { printf '\n==> %s\n' "$*"; }
die() { printf 'build.sh: %s\n' "$*" >&2; exit 1; }

is_root() { [ "$(id -u)" = "0" ]; }

apt_install() {
  # Installs Debian packages when running as root; otherwise says what to install.
  if ! is_root; then
    die "missing $*; install it with: sudo apt-get install -y $*"
  fi
  if [ -z "${APT_UPDATED:-}" ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

cargo_install() {
  # cargo_install CRATE VERSION: --locked first; the registry mirror here can lag behind a lock file,
  # so fall back to resolving fresh (still the pinned version of the tool itself).
  local crate="$1" version="$2"
  cargo install "$crate" --version "$version" --locked 2>/dev/null || cargo install "$crate" --version "$version"
}

ensure_rust() {
  command -v cargo >/dev/null || die "cargo is missing; install Rust with rustup"
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    step "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy rustfmt
}

ensure_wasm_bindgen() {
  if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
    step "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes, once)"
    cargo_install wasm-bindgen-cli "$WASM_BINDGEN_VERSION"
  fi
}

ensure_wasm_pack() {
  if ! wasm-pack --version 2>/dev/null | grep -q "$WASM_PACK_VERSION"; then
    step "installing wasm-pack $WASM_PACK_VERSION (a few minutes, once)"
    cargo_install wasm-pack "$WASM_PACK_VERSION"
  fi
}

ensure_wasm_opt() {
  # Debian's binaryen 108 breaks wasm-bindgen 0.2.130 output (TOOLCHAIN.md); npm's binaryen works.
  WASM_OPT="$TOOLS/node_modules/.bin/wasm-opt"
  if [ ! -x "$WASM_OPT" ] || ! grep -q "\"version\": \"$BINARYEN_VERSION\"" "$TOOLS/node_modules/binaryen/package.json" 2>/dev/null; then
    command -v npm >/dev/null || apt_install nodejs npm
    step "installing binaryen $BINARYEN_VERSION (wasm-opt) from npm"
    mkdir -p "$TOOLS"
    npm install --silent --no-audit --no-fund --prefix "$TOOLS" "binaryen@$BINARYEN_VERSION" >/dev/null
  fi
}

ensure_chromium() {
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    step "installing Debian's chromium and chromium-driver"
    apt_install chromium chromium-driver
  fi
  export CHROMEDRIVER=/usr/bin/chromedriver
}

npm_ci_once() {
  # npm ci in DIR (its package-lock.json pins every package) unless NEEDED exists and the lock is not newer.
  local dir="$1" needed="$2" what="$3"
  command -v npm >/dev/null || apt_install nodejs npm
  if [ ! -e "$dir/$needed" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    step "installing $what (npm ci --prefix $dir)"
    npm ci --silent --no-audit --no-fund --prefix "$dir"
  fi
}

ensure_bench_node_modules() {
  npm_ci_once bench node_modules/playwright-core "benchmark packages"
}

ensure_node_modules() {
  npm_ci_once . node_modules "end-to-end test packages"
}

build_wasm() {
  step "building the wasm core"
  cargo build --lib --target wasm32-unknown-unknown --profile wasm
  local out="$ROOT/target/pkg"
  rm -rf "$out"
  wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name postguard \
    "$ROOT/target/wasm32-unknown-unknown/wasm/postguard.wasm"
  "$WASM_OPT" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$out/postguard_bg.wasm" -o "$out/postguard_bg.wasm"
}

assemble() {
  step "assembling dist/"
  rm -rf dist/chrome dist/chrome-test
  mkdir -p dist
  cp -R extension dist/chrome
  rm -rf dist/chrome/pkg
  mkdir -p dist/chrome/pkg
  # snippets/: the JavaScript half of the report crossing (src/wasm_report.js), imported by postguard.js.
  cp -R target/pkg/postguard.js target/pkg/postguard_bg.wasm target/pkg/snippets dist/chrome/pkg/
  cp -R dist/chrome dist/chrome-test
  # The test variant differs only in also running on local fixture pages, and in holding the host
  # permission for https://*.postguard.test from install: headless Chromium cannot answer the permission
  # prompt of chrome.permissions.request, which resolves at once for a permission already held, so the
  # options page's "add a site" path runs unchanged for those test hosts (tests/e2e/added-sites.test.mjs).
  node -e '
    const fs = require("fs");
    const file = process.argv[1];
    const manifest = JSON.parse(fs.readFileSync(file, "utf8"));
    for (const script of manifest.content_scripts || []) {
      script.matches = [...script.matches, "http://127.0.0.1/*", "http://localhost/*"];
    }
    manifest.host_permissions = ["https://*.postguard.test/*"];
    fs.writeFileSync(file, JSON.stringify(manifest, null, 2) + "\n");
  ' dist/chrome-test/manifest.json
  rm -f dist/postguard-chrome.zip
  (cd dist/chrome && python3 -m zipfile -c ../postguard-chrome.zip ./*)
}

# --- Firefox -------------------------------------------------------------------------------------

assemble_firefox() {
  # dist/firefox = dist/chrome with the manifest rewritten for Firefox (tools/firefox-manifest.mjs).
  step "assembling dist/firefox"
  rm -rf dist/firefox
  cp -R dist/chrome dist/firefox
  node tools/firefox-manifest.mjs dist/chrome/manifest.json dist/firefox/manifest.json
  rm -f dist/postguard-firefox.zip
  (cd dist/firefox && python3 -m zipfile -c ../postguard-firefox.zip ./*)
}

ensure_tools_node_modules() {
  # web-ext, pinned in tools/package-lock.json.
  npm_ci_once tools node_modules/.bin/web-ext "build tools"
}

ensure_firefox() {
  if ! command -v firefox >/dev/null && ! command -v firefox-esr >/dev/null; then
    step "installing Debian's firefox-esr"
    apt_install firefox-esr
  fi
  local geckodriver="$HOME/.cargo/bin/geckodriver"
  if [ "$("$geckodriver" --version 2>/dev/null | head -n 1 | cut -d' ' -f2)" != "$GECKODRIVER_VERSION" ]; then
    step "installing geckodriver $GECKODRIVER_VERSION from crates.io (a few minutes, once)"
    cargo_install geckodriver "$GECKODRIVER_VERSION"
  fi
  # Not exported: with GECKODRIVER in its environment wasm-bindgen-test-runner picks Firefox even for --chrome.
  GECKODRIVER="$geckodriver"
}

lint_firefox() {
  step "web-ext lint of dist/firefox"
  tools/node_modules/.bin/web-ext lint --source-dir dist/firefox --self-hosted --no-input --output text
}

test_firefox_extension() {
  # The Firefox build force-installed through docs/policies/firefox-policies.json in headless Firefox ESR.
  step "the Firefox build deployed by policies.json in headless Firefox"
  GECKODRIVER="$GECKODRIVER" node --test tools/firefox-policy.test.mjs
}

test_wasm_firefox() {
  step "wasm tests in headless Firefox"
  # Only GECKODRIVER is set here, so the runner cannot pick Chromium instead.
  env -u CHROMEDRIVER WASM_BINDGEN_TEST_TIMEOUT=60 GECKODRIVER="$GECKODRIVER" wasm-pack test --headless --firefox
}

test_bench_harness() {
  # Issue 7's harness, so it cannot rot between benchmark runs: Presidio's venv and script over a fraction of
  # a second, then the table's unit tests and bench/run.mjs (seconds) with that output. Figures not judged.
  ensure_bench_node_modules
  step "benchmark harness (bench/presidio.sh --seconds 0.2, node --test bench/harness.test.mjs)"
  bench/presidio.sh target/release/postguard target/bench/harness/presidio.json --seconds 0.2
  BENCH_PRESIDIO=target/bench/harness/presidio.json node --test bench/harness.test.mjs
}

build_cli() {
  step "building the postguard CLI"
  cargo build --release --bin postguard
}

build() {
  ensure_rust
  ensure_wasm_bindgen
  ensure_wasm_opt
  build_wasm
  build_cli
  assemble
  assemble_firefox
  local wasm_size zip_size
  wasm_size=$(wc -c < dist/chrome/pkg/postguard_bg.wasm)
  zip_size=$(wc -c < dist/postguard-chrome.zip)
  cat <<EOF

Built PostGuard:
  dist/chrome/              the unpacked extension (wasm core: $wasm_size bytes)
  dist/postguard-chrome.zip the same, zipped ($zip_size bytes)
  dist/chrome-test/         the end-to-end test variant (also runs on http://127.0.0.1 and localhost,
                            holds the host permission for https://*.postguard.test)
  dist/firefox/             the Firefox build (background scripts, gecko id postguard@postguard.dev)
  dist/postguard-firefox.zip the same, zipped
  target/release/postguard  the command-line checker

Load it: open chrome://extensions (or edge://extensions), turn on Developer mode, choose
"Load unpacked" and pick $ROOT/dist/chrome
EOF
}

run_tests() {
  build
  ensure_wasm_pack
  ensure_chromium
  ensure_node_modules
  ensure_firefox
  ensure_tools_node_modules

  step "formatting and lints"
  cargo fmt --all -- --check
  cargo clippy --all-targets -- -D warnings
  cargo clippy --lib --target wasm32-unknown-unknown -- -D warnings

  step "native tests"
  cargo test

  step "size and time bounds (release: 1 MB and 10 MB pastes, pathological inputs)"
  cargo test --release --test bounds -- --include-ignored

  step "native benchmarks, each run once as a test (criterion's test mode; benches/first_check.rs)"
  cargo test --release --bench check --bench first_check

  if rustup toolchain list | grep -q '^nightly' && command -v cargo-fuzz >/dev/null; then
    step "fuzzing smoke (${FUZZ_SECONDS:-20} s per target; longer runs: SECURITY.md)"
    for target in check redact policy long_paste; do
      (cd fuzz && cargo +nightly fuzz run -O "$target" -- -max_total_time="${FUZZ_SECONDS:-20}" -jobs=1 -workers=1)
    done
  else
    echo "(nightly or cargo-fuzz missing; fuzzing smoke skipped: cargo install cargo-fuzz --locked)"
  fi

  step "wasm tests in headless Chromium"
  env -u GECKODRIVER WASM_BINDGEN_TEST_TIMEOUT=60 wasm-pack test --headless --chrome

  test_wasm_firefox
  lint_firefox
  test_firefox_extension

  step "end-to-end tests of the built extension in headless Chromium"
  POSTGUARD_EXTENSION="$ROOT/dist/chrome-test" CHROMIUM=/usr/bin/chromium node --test tests/e2e/

  test_bench_harness

  step "every labeled set follows the spec (tools/corpus/validate.py)"
  local checked
  checked=$(python3 tools/corpus/validate.py corpus/labeled/*.jsonl corpus/extra/*.jsonl) ||
    { grep -v ' 0 problems$' <<< "$checked"; die "a labeled set breaks the spec"; }
  echo "$(wc -l <<< "$checked") sets, no problems"

  step "retraining gives the committed models byte for byte; held-out score gate"
  cargo run --release --quiet --bin postguard-train -- train --out target/retrain --eval target/eval
  for file in src/data/model/*.bin src/data/model/thresholds.txt; do
    cmp "$file" "target/retrain/$(basename "$file")" || die "$file differs from what ./build.sh train makes"
  done
  score_held_out --gate

  echo
  echo "All checks passed."
}

# The six labeled sets written apart from the project: the honest held-out figures.
HELD_OUT_SETS="community hard non-clinical nurses physicians practices"

score_held_out() {
  # Scores target/eval (written by postguard-train eval or train): the six independent sets, then every set
  # by file, then privacy findings on social posts. With --gate, fails under the figures it must keep
  # (a little under what was measured; src/data/model/README.md).
  local gate=() corpora=() set
  cat $(for set in $HELD_OUT_SETS; do echo "target/eval/$set.jsonl"; done) > target/eval/held-out.pred
  for set in $HELD_OUT_SETS; do corpora+=(--corpus "corpus/labeled/$set.jsonl"); done
  if [ "${1:-}" = "--gate" ]; then
    gate=(--min warn_recall="${MIN_WARN_RECALL:-0.81}" --min false_warn_max="${MAX_FALSE_WARN:-0.03}"
      --min span_recall="${MIN_SPAN_RECALL:-0.78}" --min kind_recall="${MIN_KIND_RECALL:-0.70}")
  fi
  step "held out: the six independent sets, each scored by models trained without it"
  python3 tools/eval/score.py "${corpora[@]}" --by-file --predictions target/eval/held-out.pred "${gate[@]}"
  step "held out: every labeled set"
  corpora=()
  : > target/eval/all.pred
  for set in corpus/labeled/*.jsonl corpus/extra/*.jsonl; do
    corpora+=(--corpus "$set")
    cat "target/eval/$(basename "$set")" >> target/eval/all.pred
  done
  python3 tools/eval/score.py "${corpora[@]}" --by-file --predictions target/eval/all.pred
  step "privacy findings on ordinary social posts (no care context), shipped models"
  local file
  for file in corpus/social/wnut17-dev.jsonl corpus/social/wnut17-train.jsonl; do
    target/release/postguard check --jsonl --policy corpus/org-policy.json < "$file" | python3 -c '
import json, sys
posts = privacy = 0
for line in sys.stdin:
    kinds = [f["kind"] for f in json.loads(line).get("findings", [])]
    posts += 1
    privacy += any(k.startswith("phi.") for k in kinds)
print(f"{sys.argv[1]}: {posts} posts, privacy findings on {privacy} ({100 * privacy / posts:.2f} %)")
if sys.argv[2] == "gate" and privacy > 0.01 * posts:
    sys.exit("over the 1 % gate")
' "$(basename "$file")" "${1:+gate}"
  done
}

run_bench() {
  # Self-contained: see BENCHMARKS.md. Writes target/bench/results.json.
  build
  ensure_chromium
  ensure_bench_node_modules
  step "native benchmarks (criterion)"
  cargo bench --bench check
  local presidio=()
  if [ "${1:-}" = "--compare" ]; then
    step "Presidio comparison"
    bench/presidio.sh target/release/postguard target/bench/presidio.json
    presidio=(--presidio target/bench/presidio.json)
  fi
  step "wasm in headless Chromium, sizes"
  node bench/run.mjs --pkg target/pkg "${presidio[@]}"
}

case "${1:-build}" in
  build) build ;;
  test) run_tests ;;
  bench) run_bench "${2:-}" ;;
  train) ensure_rust; cargo run --release --bin postguard-train -- train --out src/data/model --eval target/eval ;;
  eval)
    ensure_rust
    cargo build --release --bin postguard
    cargo run --release --bin postguard-train -- eval --out target/eval
    score_held_out
    ;;
  -h|--help|help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//' ;;
  *) die "unknown command '$1'; use ./build.sh, ./build.sh test, bench, train or eval" ;;
esac
