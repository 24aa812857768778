#!/usr/bin/env bash
# Runs a command beside a throwaway Postgres cluster: `scripts/postgres.sh <command> [args…]`.
# The cluster lives in a temporary folder, listens on a free port of 127.0.0.1 only (its socket
# in the same folder), and is stopped and removed when the command ends, also on failure or
# Ctrl-C. The command sees ZIGRAL_TEST_POSTGRES_URL (the superuser's URL of the `postgres`
# database) and ZIGRAL_TEST_POSTGRES_BIN (the server's binaries, for restart tests).
# The server refuses to run as root: as root, initdb and pg_ctl run as the `postgres` user.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

bash "$root/scripts/debian-packages.sh" postgresql
bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"

as_owner=()
if [ "$(id -u)" -eq 0 ]; then as_owner=(runuser -u postgres --); fi

dir="$(mktemp -d "${TMPDIR:-/tmp}/zigral-pg-XXXXXX")"
chmod 755 "$dir"
[ ${#as_owner[@]} -gt 0 ] && chown postgres: "$dir"
stop() {
  "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop > /dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT
trap 'exit 130' INT TERM

port="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
"${as_owner[@]}" "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 > "$dir/initdb.log" 2>&1 ||
  { cat "$dir/initdb.log" >&2; exit 1; }
# Enough connections for several service replicas and parallel test files.
cat >> "$dir/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
max_connections = 300
CONF
# Throwaway data: no fsync (a clean stop still writes everything), unless asked to be durable.
if [ "${ZIGRAL_PG_DURABLE:-}" != 1 ]; then
  cat >> "$dir/data/postgresql.conf" <<CONF
fsync = off
full_page_writes = off
synchronous_commit = off
CONF
fi
"${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start > /dev/null ||
  { cat "$dir/server.log" >&2; exit 1; }

export ZIGRAL_TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:$port/postgres"
export ZIGRAL_TEST_POSTGRES_BIN="$bin"
export ZIGRAL_TEST_POSTGRES_DATA="$dir/data"
set +e
"$@"
status=$?
set -e
exit $status
