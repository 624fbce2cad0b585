#!/usr/bin/env bash
# Runs every test of Skillprint. Installs and starts what the tests need when it is missing:
# PostgreSQL (Debian packages, as root) and a private server cluster on a loopback port, and
# Chromium for the browser tests.
# Ends with one line: "tests: N passed, N failed, N skipped", counted from the TRX results.
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)

say() { echo "test.sh: $*" >&2; }

# --- PostgreSQL ------------------------------------------------------------------------------
pg_bin=""
find_pg() { pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1); }
find_pg
if [ -z "$pg_bin" ] && [ "$(id -u)" = 0 ]; then
  say "installing PostgreSQL (Debian package postgresql)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null 2>&1 ||
    { apt-get update -q >/dev/null 2>&1; DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null; }
  find_pg
fi
pg_port=${SKILLPRINT_TEST_PG_PORT:-54329}
pg_dir=/tmp/skillprint-test-pg
pg_started=""
if [ -n "$pg_bin" ]; then
  as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
  if ! as_pg "$pg_bin/pg_isready" -q -h 127.0.0.1 -p "$pg_port" 2>/dev/null; then
    rm -rf "$pg_dir"; mkdir -p "$pg_dir"
    [ "$(id -u)" = 0 ] && chown postgres "$pg_dir"
    as_pg "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 >/dev/null &&
      as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/log" -w \
        -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null &&
      pg_started=1 || say "could not start PostgreSQL (see $pg_dir/log)"
  fi
  export SKILLPRINT_TEST_PG="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
else
  say "PostgreSQL is not installed and cannot be installed here; PostgreSQL tests will fail under CI"
fi
cleanup() { [ -n "$pg_started" ] && as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast stop >/dev/null 2>&1; }
trap cleanup EXIT

# --- Chromium (the browser tests of tests/Skillprint.Web.Tests) --------------------------------
# Installed from Debian when missing; without it those tests fail (they never skip).
if [ ! -x /usr/bin/chromium ] && [ "$(id -u)" = 0 ]; then
  say "installing Chromium (Debian package chromium)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium >/dev/null 2>&1 ||
    { apt-get update -q >/dev/null 2>&1; DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium >/dev/null; }
fi
[ -x /usr/bin/chromium ] || say "Chromium is not installed and cannot be installed here; the browser tests will fail"

# --- Build and style ------------------------------------------------------------------------
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
if ! dotnet build Skillprint.slnx -c Release -nologo -v q; then
  say "build failed"
  echo "tests: 0 passed, 1 failed, 0 skipped"
  exit 1
fi
style_failed=0
if ! dotnet format Skillprint.slnx --verify-no-changes --no-restore -v q; then
  say "dotnet format found code that is not formatted (run: dotnet format Skillprint.slnx)"
  style_failed=1
fi

# --- Tests ---------------------------------------------------------------------------------
results="$root/TestResults"
rm -rf "$results"
dotnet test Skillprint.slnx -c Release --no-build --logger "trx" --results-directory "$results" \
  --logger "console;verbosity=minimal"
test_rc=$?

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get notExecuted)))
done
failed=$((failed + style_failed))
echo "tests: $passed passed, $failed failed, $skipped skipped"
if [ "$failed" -gt 0 ] || [ "$test_rc" -ne 0 ] || [ "$passed" -eq 0 ]; then
  exit 1
fi
exit 0
