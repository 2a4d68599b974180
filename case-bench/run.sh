#!/usr/bin/env bash
# Runs every casekit benchmark, each beside its baseline, and prints the figures.
#
#   case-bench/run.sh [quick|full] [--postgresql JDBC_URL] [--mariadb JDBC_URL]
#
# quick: one short fork per benchmark, 10,000 vs 100,000 cases for the scale and query benchmarks
#        (a few minutes; wide errors, for a look).
# full:  the annotated warm-up and measurement, 10,000 vs 1,000,000 cases (the figures of
#        docs/benchmarks.md).
# The query benchmark keeps its filled tables (prefix bq) between its trials; the script drops them
# at its end.
# The database URLs default to the local servers: jdbc:postgresql://127.0.0.1:5432/test?user=postgres
# and jdbc:mariadb://127.0.0.1:3306/test?user=root. Results go to case-bench/target/results-*.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-quick}
shift || true
pg="jdbc:postgresql://127.0.0.1:5432/test?user=postgres"
maria="jdbc:mariadb://127.0.0.1:3306/test?user=root"
while [ $# -gt 0 ]; do
  case "$1" in
    --postgresql) pg=$2; shift 2 ;;
    --mariadb) maria=$2; shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done

case "$mode" in
  quick) timing=(-f 1 -wi 1 -w 1s -i 3 -r 1s); scale="10000,100000" ;;
  full) timing=(); scale="10000,1000000" ;;
  *) echo "mode is quick or full, not $mode" >&2; exit 2 ;;
esac

mvn -B -q -DskipTests -pl case-bench -am package
jar=case-bench/target/benchmarks.jar
out=case-bench/target
props=(-Dcasekit.bench.postgresql="$pg" -Dcasekit.bench.mariadb="$maria")

extra=()
run() {
  local name=$1; shift
  java "${props[@]}" "${extra[@]}" -jar "$jar" "$@" "${timing[@]}" -rf json -rff "$out/results-$mode-$name.json" \
    | tee "$out/results-$mode-$name.txt"
}

run decode DecodeAndValidateBenchmark
run dates DateParsingBenchmark
run modify ModifyEndToEndBenchmark
run modify-memory ModifyInMemoryBenchmark
run scale ScaleBenchmark -p cases="$scale"
run query QueryBenchmark -p cases="$scale"
java "${props[@]}" -cp "$jar" io.casekit.bench.QueryData drop
# H2 again with its default page cache (16 MiB), the reading of the scale section's second H2 line.
extra=(-Dcasekit.bench.h2settings=)
run scale-h2-default-cache ScaleBenchmark -p cases="$scale" -p store=h2
extra=()
for threads in 1 2 8; do
  run "contention-$threads" ContentionBenchmark -t "$threads"
done
# One hot case, the re-apply backoff on and off: the uncontended cost (1 thread) and the give-ups of
# a crowd of writers (12 and 16 threads), on both databases.
for threads in 1 12 16; do
  run "contention-hot-$threads" ContentionBenchmark -p store=mariadb,postgresql -p hotCases=1 -p backoff=on,off -t "$threads"
done
java -Xmx2g -cp "$jar" io.casekit.bench.MemoryFootprint 1000000 | tee "$out/results-$mode-memory.txt"
