#!/usr/bin/env bash
# Regenerates tests/python/expected/<name>.out for every tests/python/cases/<name>.py
# by running it with CPython 3.11 (`python3`), the oracle for plain Python.
#
# Each expected file is what `python3 case.py` prints: stdout, then stderr.
# Tracebacks are normalised to the lesson runtime's cell naming (the case's
# path becomes "<cell 1>") and CPython 3.11's ^~~~ marker lines are dropped
# (the runtime prints the source line but not the markers).
#
# The mpl_* cases use matplotlib: they run with $MPL_PYTHON (default
# /usr/bin/python3, Debian's CPython 3.11 with python3-matplotlib 3.6 and the
# Agg backend), since the plain `python3` may have no matplotlib.
#
# Usage: tests/python/generate_expected.sh [case-name ...]
set -euo pipefail
cd "$(dirname "$0")"
here="$(pwd)"

version="$(python3 -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
if [[ "$version" != "3.11" ]]; then
  echo "generate_expected.sh: python3 is $version; the expected files come from CPython 3.11" >&2
  exit 1
fi

if [[ $# -gt 0 ]]; then
  cases=()
  for n in "$@"; do cases+=("cases/${n%.py}.py"); done
else
  cases=(cases/*.py)
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
for case in "${cases[@]}"; do
  name="$(basename "$case" .py)"
  abs="$here/$case"
  status=0
  interpreter=python3
  if [[ "$name" == mpl_* ]]; then interpreter="${MPL_PYTHON:-/usr/bin/python3}"; fi
  (cd "$tmp" && MPLBACKEND=Agg PYTHONHASHSEED=0 PYTHONDONTWRITEBYTECODE=1 "$interpreter" "$abs" </dev/null >"$tmp/out" 2>"$tmp/err") || status=$?
  {
    cat "$tmp/out"
    sed -e "s|File \"$abs\"|File \"<cell 1>\"|g" "$tmp/err" | { grep -Ev '^[[:space:]]*[~^]+[[:space:]]*$' || true; }
  } >"expected/$name.out"
  echo "$name (exit $status)"
done
