#!/usr/bin/env bash
# Runs a command beside a throwaway Postgres cluster: `scripts/postgres.sh <command> [args…]`.
# The cluster (scripts/postgres-cluster.sh) lives in a temporary folder, listens on a free port of
# 127.0.0.1 only (its socket in the same folder), and is stopped and removed when the command
# ends, also on failure or Ctrl-C. The command sees ZIGRAL_TEST_POSTGRES_URL (the superuser's URL
# of the `postgres` database), ZIGRAL_TEST_POSTGRES_BIN (the server's binaries) and
# ZIGRAL_TEST_POSTGRES_DATA (its data folder). ZIGRAL_PG_DURABLE=1 keeps Postgres's durable
# defaults (fsync, synchronous commit), as the benchmark wants; else the cluster trades them for
# speed, as tests may.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cluster="$root/scripts/postgres-cluster.sh"

bin="$(bash "$cluster" bin)"
dir="$(mktemp -d "${TMPDIR:-/tmp}/zigral-pg-XXXXXX")"
stop() {
  bash "$cluster" stop "$dir" immediate > /dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT
trap 'exit 130' INT TERM

port="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
bash "$cluster" init "$dir" "$port"

export ZIGRAL_TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:$port/postgres"
export ZIGRAL_TEST_POSTGRES_BIN="$bin"
export ZIGRAL_TEST_POSTGRES_DATA="$dir/data"
set +e
"$@"
status=$?
set -e
exit $status
