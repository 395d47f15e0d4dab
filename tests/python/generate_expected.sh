#!/usr/bin/env bash
# Regenerates the expected output of the conformance programs by running each
# with its oracle:
#
#   suite   programs                      expected files                    oracle
#   python  tests/python/cases/*.py       tests/python/expected/NAME.out    CPython 3.11 (`python3`)
#   torch   tests/python/torch_cases/*.py tests/python/torch_expected/NAME.txt  PyTorch 1.13 (`/usr/bin/python3`)
#   nn      tests/python/nn_cases/*.py    tests/python/nn_expected/NAME.txt     PyTorch 1.13 (`/usr/bin/python3`)
#
# Each expected file is what `ORACLE case.py` prints: stdout, then stderr.
# Tracebacks are normalised to the lesson runtime's cell naming (the case's
# path becomes "<cell 1>") and CPython 3.11's ^~~~ marker lines are dropped
# (the runtime prints the source line but not the markers).
#
# In the python suite the mpl_* cases use matplotlib: they run with
# $MPL_PYTHON (default /usr/bin/python3, Debian's CPython 3.11 with
# python3-matplotlib 3.6 and the Agg backend), since the plain `python3` may
# have no matplotlib.
#
# Usage: tests/python/generate_expected.sh [--suite python|torch|nn] [case-name ...]
set -euo pipefail
cd "$(dirname "$0")"
here="$(pwd)"

suite=python
if [[ "${1:-}" == "--suite" ]]; then
  suite="${2:?--suite needs a name}"
  shift 2
fi
case "$suite" in
  python) case_dir=cases; out_dir=expected; ext=out; python=python3 ;;
  torch) case_dir=torch_cases; out_dir=torch_expected; ext=txt; python=/usr/bin/python3 ;;
  nn) case_dir=nn_cases; out_dir=nn_expected; ext=txt; python=/usr/bin/python3 ;;
  *) echo "generate_expected.sh: unknown suite '$suite' (python, torch or nn)" >&2; exit 2 ;;
esac

if [[ "$suite" == python ]]; then
  version="$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
  if [[ "$version" != "3.11" ]]; then
    echo "generate_expected.sh: $python is $version; the expected files come from CPython 3.11" >&2
    exit 1
  fi
elif ! "$python" -c 'import torch; assert torch.__version__.startswith("1.13")' 2>/dev/null; then
  echo "generate_expected.sh: $python has no PyTorch 1.13 (apt-get install python3-torch)" >&2
  exit 1
fi

if [[ $# -gt 0 ]]; then
  cases=()
  for n in "$@"; do
    [[ -f "$case_dir/${n%.py}.py" ]] || { echo "generate_expected.sh: no $case_dir/${n%.py}.py" >&2; exit 2; }
    cases+=("$case_dir/${n%.py}.py")
  done
else
  cases=("$case_dir"/*.py)
fi

mkdir -p "$out_dir"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
for case in "${cases[@]}"; do
  name="$(basename "$case" .py)"
  abs="$here/$case"
  status=0
  interpreter="$python"
  if [[ "$suite" == python && "$name" == mpl_* ]]; then interpreter="${MPL_PYTHON:-/usr/bin/python3}"; fi
  (cd "$tmp" && MPLBACKEND=Agg PYTHONHASHSEED=0 PYTHONDONTWRITEBYTECODE=1 OMP_NUM_THREADS=1 "$interpreter" "$abs" \
     </dev/null >"$tmp/out" 2>"$tmp/err") || status=$?
  {
    cat "$tmp/out"
    sed -e "s|File \"$abs\"|File \"<cell 1>\"|g" -e "s|^$abs:\([0-9]\)|<cell 1>:\1|" "$tmp/err" | awk '
      # CPython 3.11 marks the failing expression of each traceback frame with
      # a ~~~^^^ line; the runtime does not print those. A SyntaxError has no
      # frame ("File ..., line N" without ", in ...") and keeps its carets.
      /^[[:space:]]*[~^]+[[:space:]]*$/ && frame2 { frame2 = frame1 = 0; next }
      { frame2 = frame1; frame1 = /^  File ".*", line [0-9]+, in / }
      { print }'
  } >"$out_dir/$name.$ext"
  echo "$name (exit $status)"
done
