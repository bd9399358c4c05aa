#!/usr/bin/env bash
# Round-scale measurement of the validator loop (docs/performance.md, "Round loop"). Makes its data under $WORK
# (default /tmp/roundscale; about 2 GB, never commit it; each run prepares its pool afresh):
#   big   2,560 tasks over the 2 Mb chr20 slice of examples/ref.fa.gz, ~3,000 truth variants each, with a ~97%
#         accurate prepared answer per task; then 256 command miners x 10 rounds (256 tasks per round).
#   long  16,000 tasks of ~300 variants; then 16 miners x 1,000 rounds in a 256 MB heap, with heap after GC, RSS
#         and the JVM's native memory (NMT) every 100 rounds.
# Usage: bench/round-scale.sh [big|long|all]   (needs: mvn -q -DskipTests package; JDK 25; bash)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
WORK="${WORK:-/tmp/roundscale}"
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
jar="$here/bench/target/benchmarks.jar"
[[ -f "$jar" ]] || { echo "build first: mvn -q -DskipTests package" >&2; exit 2; }
# rs JVM_OPTS STEP ARGS...
# shellcheck disable=SC2086
rs() { local opts="$1"; shift; "$java" "@$here/config/jvm.args" $opts -cp "$jar" io.callscore.bench.round.RoundScale \
  "$@" 2> >(grep -v -e '^WARNING' -e '^SLF4J' >&2); }
what="${1:-all}"
mkdir -p "$WORK"

if [[ "$what" == big || "$what" == all ]]; then
  rm -rf "$WORK/big" # a run uses up its pool: every task is claimed once
  rs -Xmx2g prepare --dir "$WORK/big" --reference "$here/examples/ref.fa.gz" --tasks 2560 --variants 3000 --seed 1
  rs "${JAVA_OPTS:--Xmx2g}" run --dir "$WORK/big" --miners 256 --rounds 10 --seed 1 | tee "$WORK/big-run.txt"
fi
if [[ "$what" == long || "$what" == all ]]; then
  rm -rf "$WORK/long"
  rs -Xmx2g prepare --dir "$WORK/long" --reference "$here/examples/ref.fa.gz" --tasks 16000 --variants 300 --seed 2
  rs "${JAVA_OPTS:--Xmx256m -XX:NativeMemoryTracking=summary}" run --dir "$WORK/long" --miners 16 --rounds 1000 \
      --report-every 100 --seed 2 | tee "$WORK/long-run.txt"
fi
