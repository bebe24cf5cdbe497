#!/usr/bin/env bash
# Starts a throw-away PostgreSQL 15 + PostGIS on a local port and prints its DATABASE_URL.
# Usage: eval "$(.ci/start-postgres.sh [dir] [port])"
set -euo pipefail
dir=${1:-${TMPDIR:-/tmp}/jointops-pg}
port=${2:-55432}
bin=/usr/lib/postgresql/15/bin
run_as=()
if [ "$(id -u)" = 0 ]; then run_as=(runuser -u postgres --); fi
if [ ! -f "$dir/PG_VERSION" ]; then
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres "$dir"
  "${run_as[@]}" "$bin/initdb" -D "$dir" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
fi
options="-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off"
if ! "${run_as[@]}" "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
  "${run_as[@]}" "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -o "$options" start >/dev/null
fi
for db in jointops jointops_test jointops_e2e; do
  "${run_as[@]}" "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$db'" | grep -q 1 \
    || "${run_as[@]}" "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE $db"
done
echo "export DATABASE_URL=postgres://postgres@127.0.0.1:$port/jointops_test"
# How the test that stops the server under a running app stops and starts it again.
echo "export JOINTOPS_TEST_PG_STOP='${run_as[*]} $bin/pg_ctl -D $dir -m fast -w stop'"
echo "export JOINTOPS_TEST_PG_START='${run_as[*]} $bin/pg_ctl -D $dir -l $dir/server.log -w -o \"$options\" start'"
