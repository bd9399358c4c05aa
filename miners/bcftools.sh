#!/usr/bin/env bash
# A callscore miner: bcftools mpileup | bcftools call -mv, low-quality calls filtered, normalised with bcftools norm
# (left-aligned against the reference). FASTQ tasks are aligned with bwa mem and sorted with samtools first.
#
# Usage: miners/bcftools.sh HOTKEY TASK_JSON OUT_VCF
# In a miners file (the validator appends TASK_JSON OUT_VCF):
#   - uid: 1
#     hotkey: 5F...
#     transport: command
#     command: [bash, miners/bcftools.sh, 5F...]
# Exit codes: 0 answer written; 2 bad usage or task; 3 a tool is missing (the message names the Debian package);
# 1 a tool failed.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/task.sh"

read_task "$@"
need bcftools bcftools
if [[ "$input_type" == FASTQ ]]; then
  align_fastq
else
  index_reference
fi
region_list="$(IFS=,; echo "${regions[*]}")"

bcftools mpileup --threads "$threads" -f "$reference" -r "$region_list" -a FORMAT/AD,FORMAT/DP -q 20 -Q 13 \
    --max-depth 2000 -Ou "$bam" 2>"$work/mpileup.log" \
  | bcftools call --threads "$threads" -mv -Ou 2>"$work/call.log" \
  | bcftools filter -s LowQual -e 'QUAL<20' -Ou 2>"$work/filter.log" \
  | bcftools norm -f "$reference" -Ov -o "$work/calls.vcf" 2>"$work/norm.log" \
  || die 1 "bcftools failed: $(tail -n 3 "$work"/*.log | tr '\n' ' ')"
write_answer "$work/calls.vcf"
