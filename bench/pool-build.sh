#!/usr/bin/env bash
# Measures `callscore pool build` on a 30x BAM (docs/performance.md, "Pool build").
# Makes its data under $WORK (default /tmp/poolbench; several GB, never commit it):
#   reference  GRCh38 chr20+chr21, first 10 Mb each (shared/data/grch38-chr20-chr21-10M)
#   truth      15,000 seeded synthetic variants (callscore make-callsets --perfect)
#   reads      30x 2x150 bp pairs simulated over chr20 from the truth haplotypes (callscore pool build --simulate),
#              aligned with bwa mem, sorted and indexed with samtools
# then times the BAM path: 1 and 4 windows of 2 Mb at 30x, 15x and 6x (chr20 has room for 4-5 non-overlapping
# windows).
# Needs: bwa, samtools (Debian packages), a built callscore (mvn -DskipTests package) registered as `callscore pool`.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cs="$here/bin/callscore"
WORK="${WORK:-/tmp/poolbench}"
SHARED="${SHARED:-$here/../shared/data/grch38-chr20-chr21-10M}"
WINDOWS="${WINDOWS:-4}"
# One thread by default: the target is per core. THREADS=2 shows the wall time on both cores.
THREADS="${THREADS:-1}"
mkdir -p "$WORK"
cd "$WORK"

if [[ ! -s ref.fa.fai ]]; then
  zcat "$SHARED/grch38.chr20_and_21_10M.fa.gz" > ref.fa
  samtools faidx ref.fa
fi
if [[ ! -s cs/truth.vcf.gz ]]; then
  "$cs" make-callsets -r ref.fa -o cs --variants 15000 --seed 11 --perfect
fi
if [[ ! -s source.bam.bai ]]; then
  rm -rf sim
  "$cs" pool build --simulate --reference ref.fa --truth cs/truth.vcf.gz --confident cs/regions.bed \
      --genome SRC --out sim --windows 1 --window-size 10000000 --coverages 30 --snvs 0 --indels 0 \
      --spike-out 0 --compression 1
  task="$(ls sim/tasks)"
  [[ -s ref.fa.bwt ]] || bwa index ref.fa
  bwa mem -t 2 -R '@RG\tID:src\tSM:BENCH' ref.fa "sim/tasks/$task/reads_1.fq.gz" "sim/tasks/$task/reads_2.fq.gz" \
      2> bwa-mem.log | samtools sort -@2 -m 1G -o source.bam -
  samtools index source.bam
fi

# The reads cover chr20 only: keep the windows there.
grep -P '^chr20\t' cs/regions.bed > conf20.bed
ls -l source.bam
# Each build is timed whole (/usr/bin/time -v). A build has fixed costs (JVM start, reading the reference and
# truth, planning, creating the store, JIT warm-up) that 100 windows would share, so the script also builds one
# window and reports the marginal CPU per window: (CPU of N windows - CPU of 1 window) / (N - 1).
build() { # $1 = windows, $2 = log
  rm -rf pool
  CALLSCORE_JAVA_OPTS="${CALLSCORE_JAVA_OPTS:--Xmx2g}" /usr/bin/time -v "$cs" pool build --reference ref.fa \
      --truth cs/truth.vcf.gz --confident conf20.bed \
      --bam source.bam --genome BENCH --out pool --windows "$1" --window-size 2000000 --coverages 30,15,6 \
      --snvs 20 --indels 10 --seed 3 --threads "$THREADS" ${COMPRESSION:+--compression $COMPRESSION} > "$2" 2>&1
  grep -E "deflate|window [0-9]" "$2"
}
cpu() { awk -F': ' '/User time|System time/ {s += $2} END {printf "%.2f", s}' "$1"; }
build 1 pool-build-1.log
build "$WINDOWS" pool-build.log
grep -E "Elapsed|Maximum resident|User time|System time" pool-build.log
# Source megabytes per window: the BAM's bytes per covered Mb times 2 Mb.
mb_per_window="$(python3 -c "import os; print(os.path.getsize('source.bam') / 1e6 / 9.94 * 2)")"
python3 - "$(cpu pool-build-1.log)" "$(cpu pool-build.log)" "$WINDOWS" "$mb_per_window" <<'PY'
import sys
one, many, n, mb = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
marginal = (many - one) / (n - 1)
print(f"CPU: 1 window {one:.2f} s, {n} windows {many:.2f} s; marginal {marginal:.2f} s per window of {mb:.1f} MB")
print(f"MB of source BAM per CPU-second: whole run {n * mb / many:.1f}, per further window {mb / marginal:.1f}")
PY
du -sh pool/tasks
