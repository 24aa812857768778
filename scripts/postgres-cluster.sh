#!/usr/bin/env bash
# One throwaway Postgres cluster in a folder of its own, for tests and benchmarks:
#   postgres-cluster.sh init <dir> <port>   creates <dir>/data and starts it on 127.0.0.1:<port>
#   postgres-cluster.sh start <dir>         starts it again (after a stop), waiting until it serves
#   postgres-cluster.sh stop <dir> [mode]   stops it (mode fast by default; immediate to drop it)
#   postgres-cluster.sh bin                 prints the folder of the server's binaries
# scripts/postgres.sh runs a command beside one; test/helpers/postgres-cluster.ts starts one per
# test file (restart tests stop their own cluster, never the shared one). Its socket and log are
# in <dir>. The server refuses to run as root: as root, initdb and pg_ctl run as `postgres`.
# ZIGRAL_PG_DURABLE=1 (init): fsync and synchronous commit stay on, as in production.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

command="${1:?usage: postgres-cluster.sh <init|start|stop|bin> [dir] [port|mode]}"
if [ "$command" = init ] || [ "$command" = bin ]; then
  bash "$root/scripts/debian-packages.sh" postgresql
fi
bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
as_owner=()
if [ "$(id -u)" -eq 0 ]; then as_owner=(runuser -u postgres --); fi

case "$command" in
  bin)
    echo "$bin"
    ;;
  init)
    dir="${2:?dir}"
    port="${3:?port}"
    mkdir -p "$dir"
    chmod 755 "$dir"
    if [ ${#as_owner[@]} -gt 0 ]; then chown postgres: "$dir"; fi
    "${as_owner[@]}" "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
      > "$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
    # Enough connections for several service replicas and parallel test files.
    cat >> "$dir/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
max_connections = 300
CONF
    # Throwaway data: no fsync (a clean stop still writes everything), unless ZIGRAL_PG_DURABLE=1
    # keeps Postgres's durable defaults (fsync, full page writes, synchronous commit), as the
    # benchmark wants.
    if [ "${ZIGRAL_PG_DURABLE:-}" != 1 ]; then
      cat >> "$dir/data/postgresql.conf" <<CONF
fsync = off
full_page_writes = off
synchronous_commit = off
CONF
    fi
    exec bash "$0" start "$dir"
    ;;
  start)
    dir="${2:?dir}"
    "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start > /dev/null ||
      { cat "$dir/server.log" >&2; exit 1; }
    ;;
  stop)
    dir="${2:?dir}"
    "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -m "${3:-fast}" -w stop > /dev/null
    ;;
  *)
    echo "postgres-cluster.sh: unknown command $command" >&2
    exit 2
    ;;
esac
