# Shared by the callscore miner scripts (sourced, not run): reading the task JSON, checking tools, resolving the
# input files, aligning FASTQ tasks, writing the answer. Needs bash and coreutils; uses jq when installed and
# sed/grep otherwise (the task JSON is small and written by callscore).

miner_name="$(basename "${0}")"

die() { # exit code, message
  echo "${miner_name}: $2" >&2
  exit "$1"
}

# need TOOL DEBIAN_PACKAGE: exit 3 naming the package when TOOL is not on the PATH.
need() {
  command -v "$1" >/dev/null 2>&1 || die 3 "$1 is not installed; install the Debian package $2 (apt-get install $2)"
}

# task_string KEY: the string value of KEY anywhere in the task JSON (first occurrence), or nothing.
task_string() {
  if command -v jq >/dev/null 2>&1; then
    jq -r --arg k "$1" '[.. | objects | select(has($k)) | .[$k] | strings] | first // empty' "$task_json"
  else
    tr -d '\n\r' < "$task_json" | grep -o "\"$1\"[[:space:]]*:[[:space:]]*\"[^\"]*\"" | head -n 1 \
      | sed 's/^.*:[[:space:]]*"\(.*\)"$/\1/; s/\\\//\//g'
  fi
}

# task_regions: the task's regions, one per line, thousands separators removed.
task_regions() {
  if command -v jq >/dev/null 2>&1; then
    jq -r '.regions[]' "$task_json"
  else
    tr -d '\n\r' < "$task_json" | sed -n 's/.*"regions"[[:space:]]*:[[:space:]]*\[\([^]]*\)\].*/\1/p' \
      | grep -o '"[^"]*"' | tr -d '"'
  fi | sed 's/,//g'
}

# resolve PATH: a data_locator path, relative to the task file's folder unless absolute.
resolve() {
  case "$1" in
    /*) printf '%s\n' "$1" ;;
    *) printf '%s/%s\n' "$(cd "$(dirname "$task_json")" && pwd)" "$1" ;;
  esac
}

# read_task HOTKEY TASK_JSON OUT_VCF: checks the arguments and sets hotkey, task_json, out_vcf, input_type,
# reference, bam (BAM tasks) or r1/r2 (FASTQ tasks), regions (array) and work (a temporary folder, removed on exit).
read_task() {
  [[ $# -eq 3 ]] || die 2 "usage: ${miner_name} HOTKEY TASK_JSON OUT_VCF"
  hotkey="$1"; task_json="$2"; out_vcf="$3"
  [[ "$hotkey" =~ ^[[:graph:]]+$ ]] || die 2 "the hotkey must be one printable word"
  [[ -r "$task_json" ]] || die 2 "$task_json: cannot read the task"
  input_type="$(task_string input_type)"
  local ref
  ref="$(task_string reference)"
  [[ -n "$ref" ]] || die 2 "$task_json: data_locator needs a \"reference\" file"
  reference="$(resolve "$ref")"
  [[ -r "$reference" ]] || die 2 "$reference: cannot read the reference"
  case "$input_type" in
    BAM)
      bam="$(resolve "$(task_string bam)")"
      [[ -r "$bam" ]] || die 2 "$task_json: cannot read the BAM named by data_locator.bam" ;;
    FASTQ)
      r1="$(resolve "$(task_string r1)")"; r2="$(resolve "$(task_string r2)")"
      [[ -r "$r1" && -r "$r2" ]] || die 2 "$task_json: cannot read the FASTQ files named by data_locator.r1/r2" ;;
    *) die 2 "$task_json: input_type must be BAM or FASTQ, got '$input_type'" ;;
  esac
  regions=()
  while IFS= read -r r; do
    [[ -n "$r" ]] && regions+=("$r")
  done < <(task_regions)   # (no mapfile: macOS ships bash 3.2)
  [[ ${#regions[@]} -gt 0 ]] || die 2 "$task_json: no regions"
  work="$(mktemp -d "${TMPDIR:-/tmp}/callscore-miner.XXXXXX")"
  trap 'rm -rf "$work"' EXIT
  threads="$(nproc 2>/dev/null || echo 2)"
}

# index_reference: makes sure the reference has a .fai, using a copy in the work folder when needed.
index_reference() {
  if [[ ! -f "${reference}.fai" ]]; then
    need samtools samtools
    cp "$reference" "$work/ref.fa"
    samtools faidx "$work/ref.fa"
    reference="$work/ref.fa"
  fi
}

# align_fastq: for FASTQ tasks, bwa mem + samtools sort into $work/reads.bam (sets bam).
align_fastq() {
  need bwa bwa
  need samtools samtools
  cp "$reference" "$work/ref.fa"
  samtools faidx "$work/ref.fa"
  bwa index "$work/ref.fa" 2>"$work/bwa-index.log" || die 1 "bwa index failed: $(tail -n 3 "$work/bwa-index.log")"
  bwa mem -t "$threads" -R '@RG\tID:task\tSM:SAMPLE' "$work/ref.fa" "$r1" "$r2" 2>"$work/bwa.log" \
    | samtools sort -@ "$threads" -o "$work/reads.bam" - 2>"$work/sort.log" \
    || die 1 "bwa mem | samtools sort failed: $(tail -n 3 "$work/bwa.log" "$work/sort.log")"
  samtools index "$work/reads.bam"
  bam="$work/reads.bam"
  reference="$work/ref.fa"
}

# write_answer VCF: adds ##miner_hotkey after the first header line and moves the answer into place (no partial
# file is ever left at OUT_VCF).
write_answer() {
  awk -v hk="$hotkey" 'NR == 1 { print; print "##miner_hotkey=" hk; next } !/^##miner_hotkey=/ { print }' "$1" \
    > "${out_vcf}.part"
  mv -f "${out_vcf}.part" "$out_vcf"
}
