#!/usr/bin/env bash
# Request Tracker 5 (Debian's request-tracker5 + rt5-db-sqlite + rt5-standalone) on loopback, for the
# generic reader's end-to-end test. Idempotent: installs what is missing, builds a throwaway instance
# in a temp dir (its SQLite database copied from a cached, freshly initialised one), creates a ticket
# and starts RT's own Plack server on 127.0.0.1. Prints one JSON line (ticket URL, login, data dir),
# then keeps the server in the foreground: kill this process (or its group) to stop it.
#   usage: setup.sh [PORT]        env: REALDESK_CACHE (default /tmp/tandem-realdesks-cache)
set -euo pipefail

PORT="${1:-0}"
CACHE="${REALDESK_CACHE:-/tmp/tandem-realdesks-cache}/rt"
HERE="$(cd "$(dirname "$0")" && pwd)"
PACKAGES=(request-tracker5 rt5-db-sqlite rt5-standalone)
log() { echo "[rt] $*" >&2; }

# 1. Packages (Debian). Recommends are skipped: no Apache, no mail server needed.
missing=()
for p in "${PACKAGES[@]}"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p"); done
if ((${#missing[@]})); then
  [[ $(id -u) == 0 ]] || { log "need root to apt-get install ${missing[*]}"; exit 2; }
  t0=$(date +%s)
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q --no-install-recommends "${missing[@]}" >&2 || { apt-get update -q >&2 && apt-get install -y -q --no-install-recommends "${missing[@]}" >&2; }
  log "installed ${missing[*]} in $(( $(date +%s) - t0 )) s"
fi
VERSION=$(dpkg-query -W -f='${Version}' request-tracker5)

if [[ "$PORT" == 0 ]]; then PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'); fi
DIR=$(mktemp -d /tmp/tandem-rt-XXXXXX)
mkdir -p "$DIR/siteconfig.d" "$CACHE"
ORIGIN="http://127.0.0.1:$PORT"

# 2. A site config of our own: RT reads RT_SITE_CONFIG / RT_SITE_CONFIG_DIR instead of /etc.
write_config() { # $1 = database file
  cat > "$DIR/RT_SiteConfig.pm" <<EOF
Set(\$rtname, 'harborandpine');
Set(\$Organization, 'harborandpine.example');
Set(\$CorrespondAddress, 'support\@harborandpine.example');
Set(\$CommentAddress, 'support-comment\@harborandpine.example');
Set(\$DatabaseType, 'SQLite');
Set(\$DatabaseName, '$1');
Set(\$WebDomain, '127.0.0.1');
Set(\$WebPort, $PORT);
Set(\$WebPath, '');
Set(\$WebBaseURL, '$ORIGIN');
Set(\$Timezone, 'UTC');
Set(\$LogToSTDERR, 'warning');
Set(\$LogToSyslog, undef);
Set(\$LogToFile, undef);
Set(\$MailCommand, 'testfile');
Set(\$RestrictReferrer, 0);
Set(\$RestrictLoginReferrer, 0);
Set(\$WebSecureCookies, 0);
Set(\$DevelMode, 0);
1;
EOF
}
export RT_SITE_CONFIG="$DIR/RT_SiteConfig.pm" RT_SITE_CONFIG_DIR="$DIR/siteconfig.d"

# 3. The database: initialising RT's schema and initial data takes ~20 s, so it is done once per
#    package version and copied afterwards.
TEMPLATE="$CACHE/rtdb-$VERSION.sqlite"
if [[ ! -s "$TEMPLATE" ]]; then
  t0=$(date +%s)
  write_config "$DIR/template.sqlite"
  /usr/sbin/rt-setup-database-5 --action init --skip-create --dba '' --dba-password '' >&2 2>&1 \
    || /usr/sbin/rt-setup-database-5 --action init --dba '' --dba-password '' >&2
  mv "$DIR/template.sqlite" "$TEMPLATE.tmp" && mv "$TEMPLATE.tmp" "$TEMPLATE"
  log "initialised RT's database in $(( $(date +%s) - t0 )) s (cached in $TEMPLATE)"
fi
cp "$TEMPLATE" "$DIR/rt.sqlite"
write_config "$DIR/rt.sqlite"

# 4. Users and the ticket (RT's own Perl API, the same objects the web UI uses).
TICKETS=$(perl -I/usr/share/request-tracker5/lib "$HERE/make_ticket.pl")
log "tickets $TICKETS created"

# 5. RT's standalone server on loopback only.
python3 - "$ORIGIN" "$TICKETS" "$DIR" <<'EOF'
import json, sys
origin, tickets, folder = sys.argv[1:4]
ids = tickets.split()
print(json.dumps({"app": "rt", "origin": origin, "ticket_urls": [f"{origin}/Ticket/Display.html?id={i}" for i in ids],
                  "login_url": f"{origin}/", "user": "sam", "password": "tandem-agent-pw",
                  "login_form": {"user": "input[name=user]", "password": "input[name=pass]", "submit": "form:has(input[name=user]) [type=submit]"},
                  "ticket_ids": ids, "dir": folder}), flush=True)
EOF
exec /usr/share/request-tracker5/libexec/rt-server --server Standalone --listen "127.0.0.1:$PORT" >&2
