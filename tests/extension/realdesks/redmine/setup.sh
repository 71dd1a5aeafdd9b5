#!/usr/bin/env bash
# Redmine 5 (Debian's redmine + redmine-sqlite) on loopback, for the generic reader's end-to-end test.
# Idempotent: installs what is missing, builds a seeded SQLite database once per Redmine version in the
# cache (the agent, two customers, two issues with replies and a private note: seed.rb), copies it to a
# temp dir and starts Redmine under WEBrick on 127.0.0.1 (serve.rb). Prints one JSON line (issue URLs,
# login, data dir), then keeps the server in the foreground: kill this process (or its group) to stop it.
#   usage: setup.sh [PORT]        env: REALDESK_CACHE (default /tmp/tandem-realdesks-cache)
set -euo pipefail

PORT="${1:-0}"
CACHE="${REALDESK_CACHE:-/tmp/tandem-realdesks-cache}/redmine"
HERE="$(cd "$(dirname "$0")" && pwd)"
PACKAGES=(redmine redmine-sqlite ruby-webrick)
AGENT=sam AGENT_PW=tandem-agent-pw
REDMINE=/usr/share/redmine
DEBIAN_DB=/var/lib/dbconfig-common/sqlite3/redmine/instances/default/redmine_default
log() { echo "[redmine] $*" >&2; }

# 1. Packages (Debian). Recommends are skipped: no Apache or Passenger, WEBrick serves it.
missing=()
for p in "${PACKAGES[@]}"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p"); done
if ((${#missing[@]})); then
  [[ $(id -u) == 0 ]] || { log "need root to apt-get install ${missing[*]}"; exit 2; }
  t0=$(date +%s)
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q --no-install-recommends "${missing[@]}" >&2 || { apt-get update -q >&2 && apt-get install -y -q --no-install-recommends "${missing[@]}" >&2; }
  log "installed ${missing[*]} in $(( $(date +%s) - t0 )) s"
fi
VERSION=$(dpkg-query -W -f='${Version}' redmine)
export RAILS_ENV=production RAILS_SERVE_STATIC_FILES=1

# 2. The seeded database, built once per version: Rails boots in ~6 s, seeding takes ~10 s.
mkdir -p "$CACHE"
SEEDED="$CACHE/seeded-$VERSION-$(md5sum "$HERE/seed.rb" | cut -c1-8).sqlite3"  # a new seed.rb builds anew
if [[ ! -s "$SEEDED" ]]; then
  t0=$(date +%s)
  fresh="$CACHE/fresh-$$.sqlite3"
  if [[ -s "$DEBIAN_DB" ]]; then cp "$DEBIAN_DB" "$fresh"  # dbconfig-common migrated it and loaded the default data
  else
    (cd "$REDMINE" && DATABASE_URL="sqlite3:$fresh" ruby bin/rake db:migrate >&2 && DATABASE_URL="sqlite3:$fresh" REDMINE_LANG=en ruby bin/rake redmine:load_default_data >&2)
  fi
  ids=$(cd "$REDMINE" && DATABASE_URL="sqlite3:$fresh" ruby bin/rails runner "$HERE/seed.rb" "$AGENT_PW" | tail -1)
  [[ "$ids" == "[1,2]" ]] || { log "seeding gave $ids"; exit 1; }
  mv "$fresh" "$SEEDED"
  log "seeded database in $(( $(date +%s) - t0 )) s"
fi

if [[ "$PORT" == 0 ]]; then PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'); fi
DIR=$(mktemp -d /tmp/tandem-redmine-XXXXXX)
cp "$SEEDED" "$DIR/redmine.sqlite3"
ORIGIN="http://127.0.0.1:$PORT"
printf '{"app": "redmine", "origin": "%s", "ticket_urls": ["%s/issues/1", "%s/issues/2"], "login_url": "%s/login", "user": "%s", "password": "%s", "login_form": {"user": "#username", "password": "#password", "submit": "#login-submit"}, "version": "%s", "dir": "%s"}\n' \
  "$ORIGIN" "$ORIGIN" "$ORIGIN" "$ORIGIN" "$AGENT" "$AGENT_PW" "$VERSION" "$DIR"
exec env DATABASE_URL="sqlite3:$DIR/redmine.sqlite3" ruby "$HERE/serve.rb" "$PORT" 1>&2
