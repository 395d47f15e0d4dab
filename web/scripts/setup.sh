#!/usr/bin/env bash
# Installs what the project needs and is missing: Debian packages through
# apt-get, npm packages through `npm ci`. Quick and silent when nothing is
# missing. With --browser it also installs Debian's chromium for the tests.
set -euo pipefail
cd "$(dirname "$0")/../.."

packages=(cmake g++ make emscripten xtensor-dev xtl-dev libxsimd-dev doctest-dev nlohmann-json3-dev)
if [[ "${1:-}" == "--browser" ]]; then
  # fonts-nanum: Korean glyphs for the Korean UI in the browser tests' screenshots.
  packages+=(chromium fonts-nanum)
fi

missing=()
for pkg in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$pkg")
done

if ((${#missing[@]})); then
  echo "setup: installing Debian packages: ${missing[*]}"
  sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || { echo "setup: need root or sudo to install ${missing[*]}" >&2; exit 1; }
    sudo=(sudo)
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# npm ci when node_modules is absent or does not hold what the lock file pins
# (npm keeps a copy of what it installed in node_modules/.package-lock.json;
# optional packages for other platforms are skipped).
if ! node -e '
  const want = require("./package-lock.json").packages;
  const have = require("./node_modules/.package-lock.json").packages;
  for (const [name, entry] of Object.entries(want)) {
    // Optional packages for other platforms (esbuild ships one per OS/CPU) are never installed here.
    if (name && entry.optional && !have[name]) continue;
    if (name && (!have[name] || have[name].version !== entry.version)) process.exit(1);
  }' 2>/dev/null; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi
