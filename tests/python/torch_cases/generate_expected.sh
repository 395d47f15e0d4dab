#!/usr/bin/env bash
# Regenerates tests/python/torch_expected/<name>.txt for every
# tests/python/torch_cases/<name>.py by running it with Debian's PyTorch 1.13
# (`/usr/bin/python3`; a plain `python3` may have no torch), the oracle for
# the torch module of the cell language.
#
# Each expected file is what `/usr/bin/python3 case.py` prints: stdout, then
# stderr. Tracebacks are normalised to the lesson runtime's cell naming (the
# case's path becomes "<cell 1>") and CPython 3.11's ^~~~ marker lines are
# dropped (the runtime prints the source line but not the markers).
#
# Usage: tests/python/torch_cases/generate_expected.sh [case-name ...]
set -euo pipefail
cd "$(dirname "$0")"
here="$(pwd)"
expected_dir="$here/../torch_expected"
python=/usr/bin/python3

if ! "$python" -c 'import torch; assert torch.__version__.startswith("1.13")' 2>/dev/null; then
  echo "generate_expected.sh: $python has no PyTorch 1.13 (apt-get install python3-torch)" >&2
  exit 1
fi

if [[ $# -gt 0 ]]; then
  cases=()
  for n in "$@"; do cases+=("${n%.py}.py"); done
else
  cases=(*.py)
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
for case in "${cases[@]}"; do
  name="$(basename "$case" .py)"
  abs="$here/$case"
  status=0
  (cd "$tmp" && PYTHONHASHSEED=0 PYTHONDONTWRITEBYTECODE=1 OMP_NUM_THREADS=1 "$python" "$abs" </dev/null >"$tmp/out" 2>"$tmp/err") || status=$?
  {
    cat "$tmp/out"
    sed -e "s|File \"$abs\"|File \"<cell 1>\"|g" "$tmp/err" | { grep -Ev '^[[:space:]]*[~^]+[[:space:]]*$' || true; }
  } >"$expected_dir/$name.txt"
  echo "$name (exit $status)"
done
