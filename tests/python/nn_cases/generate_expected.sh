#!/usr/bin/env bash
# Regenerates tests/python/nn_expected/<name>.txt for every
# tests/python/nn_cases/<name>.py by running it with Debian's PyTorch 1.13
# (`/usr/bin/python3`; plain `python3` has no torch), the oracle for torch.nn,
# torch.nn.functional, torch.nn.init and torch.optim.
#
# Each expected file is what `/usr/bin/python3 case.py` prints: stdout, then
# stderr. Tracebacks are normalised to the lesson runtime's cell naming (the
# case's path becomes "<cell 1>") and CPython's ^~~~ marker lines are dropped
# (the runtime prints the source line but not the markers), as
# tests/python/generate_expected.sh does.
#
# Usage: tests/python/nn_cases/generate_expected.sh [case-name ...]
set -euo pipefail
cd "$(dirname "$0")"
here="$(pwd)"
out_dir="$here/../nn_expected"
python=/usr/bin/python3

version="$("$python" -c 'import torch; print(torch.__version__.split("+")[0].rsplit(".", 1)[0])' 2>/dev/null || true)"
if [[ "$version" != "1.13" ]]; then
  echo "generate_expected.sh: $python has no PyTorch 1.13 (got '${version:-none}'); apt-get install python3-torch" >&2
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
mkdir -p "$out_dir"
for case in "${cases[@]}"; do
  name="$(basename "$case" .py)"
  abs="$here/$case"
  status=0
  (cd "$tmp" && PYTHONHASHSEED=0 PYTHONDONTWRITEBYTECODE=1 OMP_NUM_THREADS=1 "$python" "$abs" </dev/null >"$tmp/out" 2>"$tmp/err") || status=$?
  {
    cat "$tmp/out"
    sed -e "s|File \"$abs\"|File \"<cell 1>\"|g" "$tmp/err" | { grep -Ev '^[[:space:]]*[~^]+[[:space:]]*$' || true; }
  } >"$out_dir/$name.txt"
  echo "$name (exit $status)"
done
