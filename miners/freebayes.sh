#!/usr/bin/env bash
# A callscore miner: freebayes, low-quality calls filtered, normalised with bcftools norm when bcftools is installed.
# FASTQ tasks are aligned with bwa mem and sorted with samtools first.
#
# Usage: miners/freebayes.sh HOTKEY TASK_JSON OUT_VCF
# In a miners file (the validator appends TASK_JSON OUT_VCF):
#   command: [bash, miners/freebayes.sh, 5F...]
# Exit codes: 0 answer written; 2 bad usage or task; 3 a tool is missing (the message names the Debian package);
# 1 a tool failed.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/task.sh"

read_task "$@"
need freebayes freebayes
if [[ "$input_type" == FASTQ ]]; then
  align_fastq
else
  index_reference
fi
# freebayes takes targets as BED (0-based, end exclusive); task regions are 1-based and inclusive.
for r in "${regions[@]}"; do
  contig="${r%:*}"; span="${r##*:}"
  printf '%s\t%d\t%d\n' "$contig" "$(( ${span%-*} - 1 ))" "${span#*-}"
done > "$work/targets.bed"

freebayes -f "$reference" -t "$work/targets.bed" --min-mapping-quality 20 --min-base-quality 13 "$bam" \
  > "$work/raw.vcf" 2>"$work/freebayes.log" || die 1 "freebayes failed: $(tail -n 3 "$work/freebayes.log")"
if command -v bcftools >/dev/null 2>&1; then
  bcftools filter -s LowQual -e 'QUAL<20' -Ou "$work/raw.vcf" 2>"$work/filter.log" \
    | bcftools norm -f "$reference" -Ov -o "$work/calls.vcf" 2>"$work/norm.log" \
    || die 1 "bcftools failed: $(tail -n 3 "$work/filter.log" "$work/norm.log" | tr '\n' ' ')"
else
  # Without bcftools: mark QUAL < 20 as LowQual by hand (no normalisation; the scorer matches haplotypes anyway).
  awk 'BEGIN { FS = OFS = "\t" }
       /^##/ { print; next }
       /^#CHROM/ { print "##FILTER=<ID=LowQual,Description=\"QUAL below 20\">"; print; next }
       { if ($6 != "." && $6 + 0 < 20) $7 = "LowQual"; else if ($7 == ".") $7 = "PASS"; print }' \
    "$work/raw.vcf" > "$work/calls.vcf"
fi
write_answer "$work/calls.vcf"
