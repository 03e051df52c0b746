#!/usr/bin/env bash
# Acceptance measurements of issue 14, in one run, written into docs/performance.md between the
# "generated" markers (everything there is printed by this script and the programs it runs).
#   bash bench/acceptance.sh            # full sizes (about 5 minutes on 2 cores)
# Needs hyperfine. Run on an otherwise idle machine: the load average is recorded with the numbers.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
dotnet publish cli/PdeFlows.Cli.csproj -c Release -o "$out/pdeflows" -nologo -v q >/dev/null
pdeflows="$out/pdeflows/pdeflows"
report="$out/generated.md"
{
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), load average before: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo
  echo "### Whole process (hyperfine, ReadyToRun build from \`dotnet publish\`)"
  echo
  hyperfine --warmup 1 --runs 3 --export-markdown "$out/h1.md" \
    -n "1D strang (2001 nodes, 4000 steps)" "$pdeflows run bench/cases/swfr-1d-double-well.toml --quiet" \
    -n "1D lie-ie" "$pdeflows run bench/cases/swfr-1d-double-well-lie.toml --quiet" \
    -n "2D strang (40,401 nodes, 400 steps)" "$pdeflows run bench/cases/swfr-2d-square.toml --quiet" \
    -n "2D lie-ie" "$pdeflows run bench/cases/swfr-2d-square-lie.toml --quiet" >/dev/null
  cat "$out/h1.md"
  echo
  echo "3D 64³ box (274,625 nodes, 100 strang steps), one run with /usr/bin/time:"
  echo
  /usr/bin/time -f '`%e s wall, %M KB maximum resident memory`' "$pdeflows" run bench/cases/swfr-3d-box-64.toml --quiet 2>&1 | tail -1
  echo
  echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo
  echo "### pdeflows bench"
  echo
  "$pdeflows" bench
  echo
  for c in swfr-1d-double-well swfr-2d-square swfr-3d-box-64; do
    echo "### Profile: $c"
    echo
    "$pdeflows" bench --profile "$c" | tail -n +3
    echo
  done
} > "$report"
python3 - "$report" docs/performance.md <<'PY'
import sys
generated = open(sys.argv[1]).read()
path = sys.argv[2]
text = open(path).read()
begin, end = "<!-- generated:begin -->", "<!-- generated:end -->"
head, rest = text.split(begin, 1)
_, tail = rest.split(end, 1)
open(path, "w").write(head + begin + "\n" + generated + "\n" + end + tail)
PY
echo "docs/performance.md updated ($report)"
