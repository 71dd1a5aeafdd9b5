#!/usr/bin/env python3
"""Trac (PyPI `trac`) on loopback for the generic reader's end-to-end test.

Idempotent: installs Trac into a cached venv if missing, creates a throwaway environment in a temp
dir, files two tickets (a customer's description, an agent's comment, the customer's follow-up) and
starts tracd on 127.0.0.1 with HTTP basic sign-in. Prints one JSON line (ticket URLs, login, data
dir), then keeps the server in the foreground: kill this process (or its group) to stop it.
    usage: setup.py [PORT]        env: REALDESK_CACHE (default /tmp/tandem-realdesks-cache)
"""
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CACHE = Path(os.environ.get("REALDESK_CACHE", "/tmp/tandem-realdesks-cache"))
VENV = CACHE / "trac-venv"
VERSION = "1.6"  # pinned: the test reads the pages this version renders
AGENT, AGENT_PW = "sam", "tandem-agent-pw"


def log(text):
    print(f"[trac] {text}", file=sys.stderr, flush=True)


def ensure_trac():
    """Trac in its own venv (kept in the cache between runs)."""
    python = VENV / "bin/python"
    probe = [str(python), "-c", f"import trac, sys; sys.exit(trac.__version__ != {VERSION!r})"]
    if python.exists() and subprocess.run(probe, capture_output=True).returncode == 0:
        return python
    t0 = time.time()
    subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    subprocess.run([str(VENV / "bin/pip"), "install", "-q", "--disable-pip-version-check", f"trac=={VERSION}"], check=True)
    log(f"installed trac {VERSION} in {time.time() - t0:.1f} s")
    return python


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# Runs inside the Trac venv: people, permissions and the tickets, through Trac's own API.
MAKE_TICKETS = r'''
import json, sys
from datetime import datetime, timezone
from trac.env import Environment
from trac.perm import PermissionSystem
from trac.ticket.model import Ticket
env = Environment(sys.argv[1])
agent = sys.argv[2]
with env.db_transaction as db:
    for sid, name, email in [(agent, "Sam Porter", "sam@harborandpine.example"),
                             ("jonas.weber", "Jonas Weber", "jonas.weber@example.net"),
                             ("aiko.tanaka", "Aiko Tanaka", "aiko.tanaka@example.net")]:
        db("INSERT INTO session (sid, authenticated, last_visit) VALUES (%s, 1, 0)", (sid,))
        db("INSERT INTO session_attribute (sid, authenticated, name, value) VALUES (%s, 1, 'name', %s)", (sid, name))
        db("INSERT INTO session_attribute (sid, authenticated, name, value) VALUES (%s, 1, 'email', %s)", (sid, email))
PermissionSystem(env).grant_permission(agent, "TRAC_ADMIN")
def at(text):
    return datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=timezone.utc)
def ticket(summary, reporter, description, opened, comments):
    t = Ticket(env)
    t["summary"], t["reporter"], t["description"] = summary, reporter, description
    t["owner"], t["status"], t["type"] = agent, "assigned", "task"
    t.insert(when=at(opened))
    for author, text, when in comments:
        t.save_changes(author=author, comment=text, when=at(when))
    return t.id
first = ticket("Bike never delivered and I was charged twice", "jonas.weber",
    "Hello,\n\nI ordered the Fjord city bike (order HP-552190) two weeks ago. The tracking page has said "
    "'delivered' since Monday, but nothing arrived at my door and none of my neighbours took a parcel in. "
    "What can I do when the parcel is marked delivered but I never received it?\n\nJonas Weber",
    "2026-04-02 08:40",
    [(agent, "Hi Jonas,\n\nSorry to hear the bike has not turned up. I have checked the order and the carrier "
             "scanned it as delivered on Monday at 14:02. I am looking into it with them now.\n\nSam Porter\n"
             "Harbor & Pine customer care", "2026-04-02 11:15"),
     ("jonas.weber", "Thanks Sam. I asked around again today and the bike is definitely not here. "
                     "The package is still missing. Do you open a claim with the carrier or should I?",
      "2026-04-03 09:30")])
second = ticket("Card declined at checkout", "aiko.tanaka",
    "Hi,\n\nI tried to pay for the Linden bookshelf three times this morning and every time the checkout "
    "says my payment was declined. My bank says the card works fine. Why would my payment be declined "
    "on your site?\n\nAiko Tanaka",
    "2026-04-05 07:55",
    [(agent, "Hi Aiko,\n\nThanks for writing in. I can see three attempts on the order page and none of them "
             "reached our payment provider as a successful authorisation. I will look at what happened.\n\n"
             "Sam Porter", "2026-04-05 09:10"),
     ("aiko.tanaka", "I tried once more with the same card and it was declined again. The billing address "
                     "is the same as on my bank statement. What should I check before I try again?",
      "2026-04-05 10:02")])
print(json.dumps([first, second]))
'''


def main():
    port = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1] != "0" else free_port()
    python = ensure_trac()
    bindir = python.parent
    home = Path(tempfile.mkdtemp(prefix="tandem-trac-"))
    env = home / "env"
    origin = f"http://127.0.0.1:{port}"
    t0 = time.time()
    subprocess.run([str(bindir / "trac-admin"), str(env), "initenv", "Harbor and Pine support", "sqlite:db/trac.db"],
                   check=True, stdout=subprocess.DEVNULL)
    for option in ("show_full_names", "show_email_addresses"):
        subprocess.run([str(bindir / "trac-admin"), str(env), "config", "set", "trac", option, "enabled"],
                       check=True, stdout=subprocess.DEVNULL)
    ids = json.loads(subprocess.run([str(python), "-c", MAKE_TICKETS, str(env), AGENT], check=True,
                                    stdout=subprocess.PIPE, text=True).stdout.strip())
    # tracd's --basic-auth reads an htpasswd file; Trac 1.6 accepts {SHA} entries.
    import base64
    import hashlib
    digest = base64.b64encode(hashlib.sha1(AGENT_PW.encode()).digest()).decode()
    (home / "htpasswd").write_text(f"{AGENT}:{{SHA}}{digest}\n")
    log(f"environment and tickets {ids} ready in {time.time() - t0:.1f} s")
    print(json.dumps({
        "app": "trac", "origin": origin, "ticket_urls": [f"{origin}/env/ticket/{i}" for i in ids],
        "login_url": f"{origin}/env/login", "user": AGENT, "password": AGENT_PW, "login_basic": True,
        "ticket_ids": ids, "dir": str(home),
    }), flush=True)
    os.dup2(2, 1)  # the JSON line is the only thing on stdout; the server logs to stderr
    server = [str(bindir / "tracd"), "--hostname", "127.0.0.1", "--port", str(port),
              f"--basic-auth=env,{home / 'htpasswd'},Harbor and Pine", str(env)]
    os.execv(server[0], server)


if __name__ == "__main__":
    main()
