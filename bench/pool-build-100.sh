#!/usr/bin/env bash
# Measures the pool-build target as issue 4 states it: 100 windows of 2 Mb at 30x, 15x and 6x from a 30x BAM, one
# worker thread, with -Xmx2g (docs/performance.md, "Pool build").
# The bench chr20 of bench/pool-build.sh (run that first) has room for 4-5 windows. This script makes a genome of
# 31 copies of it (contigs c01..c31: the same 10 Mb, the same reads, the same truth), so that 100 windows fit and
# every window costs what a real one costs. The copies are made under $WORK/x31 (about 7 GB; never commit them):
#   base.bam     the bench BAM's chr20 reads whose mate is on chr20 too (so each copy's reads stay on its contig)
#   source.bam   31 copies of base.bam under new contig names, merged by samtools (contig order c01..c31)
#   ref.fa, truth.vcf.gz, conf.bed  the reference, truth and confident regions, copied the same way
# Needs: samtools, bcftools, bgzip, tabix (Debian packages), a built callscore.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cs="$here/bin/callscore"
WORK="${WORK:-/tmp/poolbench}"
COPIES="${COPIES:-31}"
WINDOWS="${WINDOWS:-100}"
THREADS="${THREADS:-1}"
[[ -s "$WORK/source.bam.bai" ]] || { echo "run bench/pool-build.sh first (it makes $WORK/source.bam)" >&2; exit 2; }
mkdir -p "$WORK/x31"
cd "$WORK/x31"

if [[ ! -s source.bam.bai ]]; then
  samtools view -@2 -b -e 'rname=="chr20" && (rnext=="chr20" || rnext=="=" || rnext=="*")' -o base.bam \
      ../source.bam chr20
  len="$(awk '$1 == "chr20" {print $2}' ../ref.fa.fai)"
  samtools view -H ../source.bam | grep -v -e '^@SQ' -e '^@PG' -e '^@HD' > rest.sam
  : > ref.fa; : > conf.bed; : > truth.body; : > truth.contigs; parts=()
  for k in $(seq -w 1 "$COPIES"); do
    c="c$k"
    samtools faidx ../ref.fa chr20 | sed "1s/.*/>$c/" >> ref.fa
    awk -v c="$c" 'BEGIN {OFS = "\t"} $1 == "chr20" {$1 = c; print}' ../conf20.bed >> conf.bed
    bcftools view -H ../cs/truth.vcf.gz | awk -v c="$c" 'BEGIN {OFS = "\t"} $1 == "chr20" {$1 = c; print}' \
        >> truth.body
    echo "##contig=<ID=$c,length=$len>" >> truth.contigs
    { printf '@HD\tVN:1.6\tSO:coordinate\n@SQ\tSN:%s\tLN:%s\n' "$c" "$len"; cat rest.sam; } > "h$k.sam"
    samtools reheader "h$k.sam" base.bam > "part$k.bam"
    parts+=("part$k.bam")
  done
  { bcftools view -h ../cs/truth.vcf.gz | grep '^##' | grep -v '^##contig'; cat truth.contigs
    bcftools view -h ../cs/truth.vcf.gz | grep '^#CHROM'; cat truth.body; } | bgzip > truth.vcf.gz
  tabix -f -p vcf truth.vcf.gz
  samtools faidx ref.fa
  samtools merge -f -c -p -@2 -o source.bam "${parts[@]}"
  samtools index source.bam
  rm -f part*.bam h*.sam rest.sam truth.body truth.contigs base.bam
fi

rm -rf pool
CALLSCORE_JAVA_OPTS="${CALLSCORE_JAVA_OPTS:--Xmx2g}" /usr/bin/time -v "$cs" pool build --reference ref.fa \
    --truth truth.vcf.gz --confident conf.bed --bam source.bam --genome BENCH --out pool --windows "$WINDOWS" \
    --window-size 2000000 --coverages 30,15,6 --snvs 20 --indels 10 --seed 3 --threads "$THREADS" \
    > pool-build.log 2>&1
grep -E "windows planned|windows built|Elapsed|Maximum resident|User time|System time" pool-build.log
built="$(grep -c '^\[pool\] window ' pool-build.log)"
# Source megabytes per window: the BAM's bytes per covered Mb (each copy covers 9.94 Mb) times 2 Mb.
python3 - "$built" "$(stat -c %s source.bam)" "$COPIES" "$THREADS" pool-build.log <<'PY'
import re, sys
built, size, copies, threads, log = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
text = open(log).read()
cpu = sum(float(v) for v in re.findall(r'(?:User|System) time \(seconds\): ([0-9.]+)', text))
h, m, s = (['0'] + re.search(r'Elapsed .*: ([0-9:.]+)', text).group(1).split(':'))[-3:]
wall = int(h) * 3600 + int(m) * 60 + float(s)
mb = built * size / 1e6 / (copies * 9.94) * 2
print(f"{built} windows, {mb:.0f} MB of source BAM: {cpu:.1f} CPU-s, {wall:.1f} s wall on {threads} worker thread(s)")
print(f"MB of source BAM per CPU-second (all threads: JIT, GC, start-up, store import): {mb / cpu:.1f}")
print(f"MB per second of wall time per worker thread: {mb / wall / threads:.1f}")
PY
