#!/usr/bin/env bash
# Acceptance measurements of issue 14, in one run, written into docs/performance.md between the
# "generated" markers (everything there is printed by this script and the programs it runs).
#   bash bench/acceptance.sh            # full sizes (about 8 minutes on 2 cores)
# Needs hyperfine and git (the kernel section builds the code before the kernel work, commit
# 98d4316, in a temporary worktree, and compares run time and energy series with it). Run on an otherwise idle machine: the load average is recorded with the numbers.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
dotnet publish cli/PdeFlows.Cli.csproj -c Release -o "$out/pdeflows" -nologo -v q >/dev/null
pdeflows="$out/pdeflows/pdeflows"
dotnet build bench/PdeFlows.Bench.csproj -c Release -nologo -v q >/dev/null
kernel_base=98d4316 # the last commit before the kernel work of issue 14 item 4 (its bench has 'quick kernel')
git worktree add --detach "$out/base" "$kernel_base" >/dev/null 2>&1
trap 'git worktree remove --force "$out/base" >/dev/null 2>&1 || true' EXIT
dotnet build "$out/base/bench/PdeFlows.Bench.csproj" -c Release -nologo -v q >/dev/null
report="$out/generated.md"
# The builds above keep both cores busy; measure only once the machine has settled (1-minute load
# average below 0.5, or after 3 minutes at most: the wait and the load are printed with the numbers).
waited=0
while awk '{exit !($1 >= 0.5)}' /proc/loadavg && [ "$waited" -lt 180 ]; do sleep 10; waited=$((waited + 10)); done
measured="Measured after waiting ${waited} s for the builds to settle, $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), load average before: $(cut -d' ' -f1-3 /proc/loadavg)."
{
  echo "### Whole process (hyperfine, ReadyToRun build from \`dotnet publish\`)"
  echo
  hyperfine --warmup 1 --runs 10 --export-markdown "$out/h1.md" --export-json "$out/h1.json" \
    -n "1D strang (2001 nodes, 4000 steps)" "$pdeflows run bench/cases/swfr-1d-double-well.toml --quiet" \
    -n "1D lie-ie" "$pdeflows run bench/cases/swfr-1d-double-well-lie.toml --quiet" \
    -n "2D strang (40,401 nodes, 400 steps)" "$pdeflows run bench/cases/swfr-2d-square.toml --quiet" \
    -n "2D lie-ie" "$pdeflows run bench/cases/swfr-2d-square-lie.toml --quiet" >/dev/null
  cat "$out/h1.md"
  echo
  echo "3D 64³ box (274,625 nodes, 100 strang steps), one run with /usr/bin/time:"
  echo
  /usr/bin/time -f '`%e s wall, %M KB maximum resident memory`' "$pdeflows" run bench/cases/swfr-3d-box-64.toml --quiet 2>&1 | tail -1 | tee "$out/time3d.txt"
  echo
  echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo
  echo "### pdeflows bench"
  echo
  "$pdeflows" bench | tee "$out/bench.txt"
  echo
  echo "### Kernel runs, product and λ-FRk rate (\`quick kernel\`), against the code before the kernel work"
  echo
  echo "Before (commit $kernel_base, the same benchmark program on the old kernel code):"
  echo
  echo '```'
  dotnet "$out/base/bench/bin/Release/net10.0/linux-x64/PdeFlows.Bench.dll" quick kernel --repeat 2 --series "$out/base-series.txt" | grep -v "^PdeFlows quick" | tee "$out/kernel-before.txt"
  echo '```'
  echo
  echo "After (this commit; the energy series compared with the one written before):"
  echo
  echo '```'
  dotnet bench/bin/Release/net10.0/linux-x64/PdeFlows.Bench.dll quick kernel --repeat 2 --compare-series "$out/base-series.txt" | grep -v "^PdeFlows quick" | tee "$out/kernel-after.txt"
  echo '```'
  echo
  for c in swfr-1d-double-well swfr-2d-square swfr-3d-box-64; do
    echo "### Profile: $c"
    echo
    "$pdeflows" bench --profile "$c" | tail -n +3
    echo
  done
} > "$out/body.md"
{
  echo "$measured"
  echo
  echo "### Targets"
  echo
  python3 bench/acceptance-targets.py "$out/h1.json" "$out/time3d.txt" "$out/bench.txt" "$out/kernel-before.txt" "$out/kernel-after.txt"
  echo
  cat "$out/body.md"
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
