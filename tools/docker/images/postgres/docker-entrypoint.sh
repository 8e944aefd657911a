#!/usr/bin/env bash
# Entrypoint of kafka-commerce/postgres, a reduced postgres:15 docker-entrypoint.sh:
# - POSTGRES_USER (default postgres), POSTGRES_PASSWORD (required unless
#   POSTGRES_HOST_AUTH_METHOD=trust), POSTGRES_DB (default $POSTGRES_USER),
#   POSTGRES_INITDB_ARGS, POSTGRES_HOST_AUTH_METHOD (default scram-sha-256);
# - on first init runs /docker-entrypoint-initdb.d/*.sh (sourced unless
#   executable) and *.sql (psql, stop on error) in name order;
# - starts as root, fixes ownership of $PGDATA, then drops to the postgres user.
set -euo pipefail

: "${PGDATA:=/var/lib/postgresql/data}"
export PGDATA
export POSTGRES_USER="${POSTGRES_USER:-postgres}"
export POSTGRES_DB="${POSTGRES_DB:-$POSTGRES_USER}"
POSTGRES_HOST_AUTH_METHOD="${POSTGRES_HOST_AUTH_METHOD:-scram-sha-256}"

# "docker run image -c foo=bar" means "postgres -c foo=bar", as upstream.
[[ ${1:-} == -* ]] && set -- postgres "$@"

if [[ ${1:-} != postgres ]]; then
  exec "$@"
fi

if ((EUID == 0)); then
  mkdir -p "$PGDATA"
  chown postgres:postgres "$PGDATA" && chmod 700 "$PGDATA"
  exec setpriv --reuid=postgres --regid=postgres --init-groups "$0" "$@"
fi

psql_init() {
  psql -v ON_ERROR_STOP=1 --no-psqlrc --no-password --username "$POSTGRES_USER" "$@"
}

init_cluster() {
  if [[ -z ${POSTGRES_PASSWORD:-} && $POSTGRES_HOST_AUTH_METHOD != trust ]]; then
    echo "Error: database is uninitialized and POSTGRES_PASSWORD is not set" \
      "(set it, or POSTGRES_HOST_AUTH_METHOD=trust to allow all connections without one)." >&2
    exit 1
  fi
  local initdb_args=()
  read -r -a initdb_args <<<"${POSTGRES_INITDB_ARGS:-}"
  initdb --username="$POSTGRES_USER" --pwfile=<(printf '%s\n' "${POSTGRES_PASSWORD:-}") \
    --encoding=UTF8 --auth-local=trust --auth-host="$POSTGRES_HOST_AUTH_METHOD" "${initdb_args[@]}"
  echo "listen_addresses = '*'" >>"$PGDATA/postgresql.conf"
  echo "host all all all $POSTGRES_HOST_AUTH_METHOD" >>"$PGDATA/pg_hba.conf"

  # Temporary server on the unix socket only, so nobody connects mid-init.
  pg_ctl -D "$PGDATA" -o "-c listen_addresses=''" -w start
  if [[ $POSTGRES_DB != postgres ]]; then
    psql_init --dbname postgres --set db="$POSTGRES_DB" <<<'CREATE DATABASE :"db";'
  fi
  local f
  for f in /docker-entrypoint-initdb.d/*; do
    case "$f" in
      *.sh)
        echo "$0: running $f"
        if [[ -x $f ]]; then
          "$f"
        else
          # shellcheck disable=SC1090 # the script is only known at run time
          source "$f"
        fi
        ;;
      *.sql) echo "$0: running $f"; psql_init --dbname "$POSTGRES_DB" -f "$f" ;;
      *) if [[ -e $f ]]; then echo "$0: ignoring $f"; fi ;;
    esac
  done
  pg_ctl -D "$PGDATA" -m fast -w stop
  echo "PostgreSQL init process complete; ready for start up."
}

[[ -s $PGDATA/PG_VERSION ]] || init_cluster
exec "$@"
