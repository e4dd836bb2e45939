#!/usr/bin/env bash
# Pipeline benchmark (issue 5, item 7; issue 15, item 7): products per second end to end on one of the two test
# shops — the demo shop (selectors fit) or the market shop (found without selectors, through its sitemap) — with 1
# or 2 replicas of each worker, and the time per stage. A tool, not a test: it needs the stack from `./stagewire up`, starts the
# extra replicas itself, stops them (by PID) when it ends, and gives up after --timeout seconds.
#
#   benchmarks/pipeline-benchmark.sh --replicas 1 --jobs 1 [--shop demo|market] [--products 48] [--user bob] [--out FILE]
#
# Prints one JSON line per run (also appended to --out): wall time from the first POST /api/jobs to the last
# job:completed, products/s, and per job the summary's totalProcessingTime and stageDurations, plus the OCR
# worker's own ms per page (ocr-results durationMs).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
REPLICAS=1 JOBS=1 PRODUCTS=48 USER_NAME=bob OUT=/tmp/stagewire-pipeline-bench.jsonl TIMEOUT=600 SHOP=demo
# The second replicas must use the database the stack's services use (./stagewire test's services: stagewire_system).
DATABASE=${STAGEWIRE_PG_DATABASE:-stagewire}
API=http://localhost:8080 GATEWAY=${STAGEWIRE_GATEWAY_URL:-http://localhost:8090} KEYCLOAK=${STAGEWIRE_OIDC_URL:-http://localhost:8180/realms/stagewire}
while [[ $# -gt 0 ]]; do
  case $1 in
    --replicas) REPLICAS=$2; shift 2 ;;
    --shop) SHOP=$2; shift 2 ;;
    --jobs) JOBS=$2; shift 2 ;;
    --products) PRODUCTS=$2; shift 2 ;;
    --user) USER_NAME=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    --timeout) TIMEOUT=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[[ $REPLICAS == 1 || $REPLICAS == 2 ]] || { echo "--replicas is 1 or 2" >&2; exit 2; }
case $SHOP in
  demo) SHOP_URL=http://localhost:8070/ ;;
  market) SHOP_URL=http://localhost:8071/ ;;
  *) echo "--shop is demo or market" >&2; exit 2 ;;
esac
SHOP_DIR=$ROOT/deploy/$SHOP-shop

say() { printf '[bench] %s\n' "$*" >&2; }
"$ROOT/stagewire" status >/dev/null || { say "the stack is not up: ./stagewire up"; exit 1; }

EXTRA_PIDS=()
cleanup() { local pid; for pid in "${EXTRA_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

# A second replica of each worker, with the environment ./stagewire gives the first (same consumer groups).
if [[ $REPLICAS == 2 ]]; then
  JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
  for entry in crawler-worker:8191 ocr-worker:8192 label-worker:8193; do
    name=${entry%%:*} port=${entry#*:}
    QUARKUS_HTTP_PORT=$port STAGEWIRE_KAFKA_BOOTSTRAP=127.0.0.1:9092 STAGEWIRE_PG_DATABASE=$DATABASE PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 OMP_THREAD_LIMIT=1 \
      STAGEWIRE_CRAWLER_ALLOW_LIST=localhost:8070,127.0.0.1:8070,localhost:8071,127.0.0.1:8071 \
      setsid "$JAVA" -Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:MaxMetaspaceSize=192m \
      -jar "$ROOT/$name/target/quarkus-app/quarkus-run.jar" >"/tmp/stagewire-bench-$name-2.log" 2>&1 </dev/null &
    EXTRA_PIDS+=($!)
    say "second $name on :$port (pid $!)"
  done
  for port in 8191 8192 8193; do
    for _ in $(seq 1 120); do curl -fs -o /dev/null "http://127.0.0.1:$port/q/health/ready" && break; sleep 1; done
    curl -fs -o /dev/null "http://127.0.0.1:$port/q/health/ready" || { say "replica on :$port not ready"; exit 1; }
  done
  # Both replicas must own partitions before the jobs start: the group rebalances when the second one joins.
  sleep 15
fi

TOKEN=$(curl -fsS -d grant_type=password -d client_id=stagewire-cli -d "username=$USER_NAME" -d "password=$USER_NAME" \
  "$KEYCLOAK/protocol/openid-connect/token" | jq -r .access_token)
auth=(-H "Authorization: Bearer $TOKEN")
PRICE_LIST=$(curl -fsS "${auth[@]}" -F "file=@$SHOP_DIR/price-list.xlsx" "$API/api/price-lists" | jq -r .id)

start_ms=$(date +%s%3N)
ids=()
for _ in $(seq 1 "$JOBS"); do
  ids+=("$(curl -fsS "${auth[@]}" -H 'Content-Type: application/json' \
    -d "{\"shopUrl\":\"$SHOP_URL\",\"templateId\":\"default\",\"priceListId\":\"$PRICE_LIST\",\"crawlerConfig\":{\"maxProducts\":$PRODUCTS}}" \
    "$API/api/jobs" | jq -r .id)")
done
say "${#ids[@]} job(s) of $PRODUCTS products on the $SHOP shop, $REPLICAS replica(s) per worker: ${ids[*]}"

# Each job's end is seen as a user sees it: on the gateway's SSE stream of the job (its snapshot, if the job ended
# before the stream opened, or its final event). Polling job-api five times a second with curl and jq cost about
# 7 CPU-seconds per 35 s job on a 2-core box, taken from the pipeline being measured.
FINAL='^event: ?job:(completed|failed|cancelled)$|^data: ?\{"type":"snapshot".*"status":"(completed|failed|cancelled)"'
STREAM=$(mktemp -u /tmp/stagewire-bench-sse.XXXXXX)
deadline=$((SECONDS + TIMEOUT))
for id in "${ids[@]}"; do
  mkfifo "$STREAM"
  curl -sN "${auth[@]}" -H 'Accept: text/event-stream' "$GATEWAY/sse/jobs/$id" >"$STREAM" &
  stream_pid=$!
  missed=0
  timeout $((deadline - SECONDS > 0 ? deadline - SECONDS : 1)) grep -m1 -qE "$FINAL" <"$STREAM" || missed=$?
  kill "$stream_pid" 2>/dev/null || true
  wait "$stream_pid" 2>/dev/null || true
  rm -f "$STREAM"
  (( missed == 0 )) || { say "job $id: no final event within ${TIMEOUT}s (or the stream ended)"; exit 1; }
done
end_ms=$(date +%s%3N)

jobs_json=$(for id in "${ids[@]}"; do
  job=$(curl -fsS "${auth[@]}" "$API/api/jobs/$id")
  ocr=$(curl -fsS "${auth[@]}" "$API/api/jobs/$id/ocr-results" | jq '[.[].durationMs | select(. != null)] | sort')
  jq -n --argjson job "$job" --argjson ocr "$ocr" '{id: $job.id, status: $job.status, summary: $job.summary,
    ocrMsPerPage: {mean: (if ($ocr|length) > 0 then ($ocr|add/length|round) else null end),
                   p50: $ocr[(($ocr|length)/2|floor)], max: $ocr[-1]}}'
done | jq -s .)

wall=$((end_ms - start_ms))
jq -cn --argjson jobs "$jobs_json" --arg shop "$SHOP" --arg replicas "$REPLICAS" --arg wall "$wall" --arg products "$PRODUCTS" \
  --arg cores "$(nproc)" '{shop: $shop, replicas: ($replicas|tonumber), jobCount: ($jobs|length), productsPerJob: ($products|tonumber),
   wallMs: ($wall|tonumber), productsPerSecond: ((($jobs|map(.summary.totalProducts // 0)|add) / (($wall|tonumber)/1000)) * 100 | round / 100),
   cores: ($cores|tonumber), at: (now|todate), jobs: $jobs}' | tee -a "$OUT"
