#!/usr/bin/env bash
# fuzz/run.sh TARGET MINUTES — fuzz one parser with afl++ through SharpFuzz for MINUTES minutes.
# TARGET: gmsh | case | study | expression (selftest: crashes on "!!", a check of the pipeline). Needs
# afl++ (Debian package afl++) and the SharpFuzz dotnet tool (restored from fuzz/dotnet-tools.json).
# Work files go to fuzz/out/TARGET/ (ignored by git): bin/ (an instrumented copy of the build), seeds/, findings/ (afl's output) and summary.txt.
# Every crash is replayed without afl at the end (stack trace in summary.txt); check each one in as a
# regression input (tests/catalog/) once fixed. See docs/reliability.md.
set -euo pipefail
if [ $# -ne 2 ] || ! [[ "$2" =~ ^[0-9]+$ ]]; then
  echo "usage: fuzz/run.sh gmsh|case|study|expression|selftest MINUTES" >&2
  exit 2
fi
target=$1
minutes=$2
root=$(cd "$(dirname "$0")/.." && pwd)
work="$root/fuzz/out/$target"
case "$target" in
  gmsh) instrument=(PdeFlows.Mesh.dll) ;;
  case | study) instrument=(PdeFlows.Runs.dll Tomlyn.dll) ;;
  expression) instrument=(PdeFlows.Runs.dll) ;;
  selftest) instrument=(PdeFlows.Mesh.dll) ;; # the harness assembly itself must stay plain; afl finds "!!" from the dictionary
  *) echo "fuzz/run.sh: unknown target '$target' (gmsh, case, study, expression)" >&2; exit 2 ;;
esac
command -v afl-fuzz >/dev/null || { echo "fuzz/run.sh: afl-fuzz not found (apt-get install afl++)" >&2; exit 2; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# 1. Build (plain), copy the output and instrument the copy (the build output itself stays plain).
dotnet build "$root/fuzz/PdeFlows.Fuzz.csproj" -c Release -nologo -v q
rm -rf "$work/bin" "$work/seeds"
mkdir -p "$work/bin" "$work/seeds"
cp -r "$root/fuzz/bin/Release/net10.0/linux-x64/." "$work/bin/"
(cd "$root/fuzz" && dotnet tool restore >/dev/null && for dll in "${instrument[@]}"; do dotnet sharpfuzz "$work/bin/$dll"; done)

# 2. Seed corpus: the repository's own valid and invalid inputs of this kind.
seed() { for f in "$@"; do [ -f "$f" ] && cp "$f" "$work/seeds/$(echo "${f#"$root"/}" | tr '/' '_')"; done; return 0; }
shopt -s nullglob
case "$target" in
  gmsh) seed "$root"/examples/meshes/*.msh "$root"/tests/PdeFlows.Mesh.Tests/Fixtures/*.msh "$root"/tests/catalog/mesh/*.msh ;;
  case) seed "$root"/examples/*.toml "$root"/Runs/Demo/Cases/*.toml "$root"/tests/catalog/case/*.toml ;;
  study) seed "$root"/Runs/Studies/Builtin/*.toml "$root"/tests/PdeFlows.Runs.Tests/Studies/*.toml "$root"/tests/catalog/study/*.toml ;;
  expression)
    seed "$root"/fuzz/seeds/expression/*.txt
    # every expression of the examples (potential, density, source), one file each
    n=0
    grep -hoE '^(potential|density|source) = "[^"]*"' "$root"/examples/*.toml "$root"/Runs/Demo/Cases/*.toml | sed -E 's/^[a-z]+ = "(.*)"$/\1/' | sort -u |
      while IFS= read -r e; do n=$((n + 1)); printf '%s' "$e" > "$work/seeds/example-$n.txt"; done
    ;;
  selftest) printf 'hello, fuzzer' > "$work/seeds/hello.txt" ;;
esac
echo "fuzz/run.sh: $target: $(ls "$work/seeds" | wc -l) seeds, instrumented ${instrument[*]}, $minutes min"

# 3. Fuzz. The .NET program is not instrumented by afl's compiler (SharpFuzz instruments the IL).
# A dictionary of the format's tokens (section and key names, choices) helps afl past the key table.
case "$target" in gmsh | expression | selftest) dict=$target ;; *) dict=toml ;; esac
mkdir -p "$work/findings"
resume=-
[ -f "$work/findings/default/fuzzer_stats" ] || resume="$work/seeds"
AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 \
  afl-fuzz -i "$resume" -o "$work/findings" -x "$root/fuzz/dict/$dict.dict" -t 10000 -m none -V $((minutes * 60)) -- \
  dotnet "$work/bin/PdeFlows.Fuzz.dll" "$target" > "$work/afl.log" 2>&1 || { tail -30 "$work/afl.log" >&2; exit 1; }

# 4. Summary: executions, corpus (paths), coverage, crashes and hangs; replay every crash.
stats="$work/findings/default/fuzzer_stats"
{
  echo "target $target, $minutes min, $(date -u +%Y-%m-%dT%H:%MZ)"
  grep -E '^(run_time|execs_done|execs_per_sec|corpus_count|corpus_found|bitmap_cvg|edges_found|total_edges|saved_crashes|saved_hangs|stability) ' "$stats"
  crashes=("$work"/findings/default/crashes/id:*)
  if [ ${#crashes[@]} -gt 0 ]; then
    echo "replay of the saved crashes:"
    dotnet "$root/fuzz/bin/Release/net10.0/linux-x64/PdeFlows.Fuzz.dll" "$target" "${crashes[@]}" || true
  fi
} | tee "$work/summary.txt"
