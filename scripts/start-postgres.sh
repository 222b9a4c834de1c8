#!/usr/bin/env bash
# Start the machine's PostgreSQL 15 cluster for the tests and print the admin URL.
# The tests use that URL only to create their own role and databases.
set -euo pipefail
# Only the URL goes to stdout, which callers capture. The tools' own messages
# ("Removed stale pid file.") go to stderr; the server must not inherit stdout,
# or a caller's $(...) would wait for it to exit.
version=15
if ! pg_lsclusters -h 2>/dev/null | grep -q "^$version main"; then
    pg_createcluster "$version" main >&2
fi
if pg_lsclusters -h | grep -q "^$version main .* online"; then
    # A server started before its package was upgraded cannot load the new
    # libraries (plpgsql): restart it on the installed binaries.
    pg_ctlcluster "$version" main restart >&2
else
    pg_ctlcluster "$version" main start >&2
fi
for _ in $(seq 1 30); do
    pg_isready -q -h 127.0.0.1 -p 5432 && break
    sleep 0.5
done
runuser -u postgres -- psql -qX -c "ALTER ROLE postgres PASSWORD 'postgres'" >/dev/null
echo "postgresql+psycopg://postgres:postgres@127.0.0.1:5432/postgres"
