#!/usr/bin/env python3
"""Roundup (PyPI `roundup`) on loopback for the generic reader's end-to-end test.

Idempotent: installs Roundup into a cached venv if missing, creates a throwaway tracker from the
"classic" template in a temp dir, files two issues, each with a customer description, an agent reply and a
customer follow-up, and starts roundup-server on 127.0.0.1. Prints one JSON line (issue URL, login,
data dir), then keeps the server in the foreground: kill this process (or its group) to stop it.
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
VENV = CACHE / "roundup-venv"
VERSION = "2.6.0"  # pinned: the test reads the pages this version renders
TEMPLATE = os.environ.get("ROUNDUP_TEMPLATE", "classic")
AGENT, AGENT_PW = "sam", "tandem-agent-pw"


def log(text):
    print(f"[roundup] {text}", file=sys.stderr, flush=True)


def ensure_roundup():
    """Roundup in its own venv (kept in the cache between runs)."""
    python = VENV / "bin/python"
    probe = [str(python), "-c", "import roundup, sys; sys.exit(roundup.__version__ != %r)" % VERSION]
    if python.exists() and subprocess.run(probe, capture_output=True).returncode == 0:
        return python
    t0 = time.time()
    subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    subprocess.run([str(VENV / "bin/pip"), "install", "-q", "--disable-pip-version-check", f"roundup=={VERSION}"], check=True)
    log(f"installed roundup {VERSION} in {time.time() - t0:.1f} s")
    return python


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# Runs inside the Roundup venv: users and the issue, through Roundup's own API.
MAKE_ISSUE = r'''
import sys
from roundup import instance, date
home, agent, agent_pw = sys.argv[1:4]
tracker = instance.open(home)
db = tracker.open("admin")
from roundup.password import Password
customer = db.user.create(username="maya.lindqvist", realname="Maya Lindqvist",
                          address="maya.lindqvist@example.net", roles="User")
staff = db.user.create(username=agent, realname="Sam Porter", address="sam@harborandpine.example",
                       password=Password(agent_pw, config=db.config), roles="User,Admin")
def msg(author, text, when):
    return db.msg.create(author=author, content=text, date=date.Date(when))
m1 = msg(customer, "Hello,\n\nI sent back the Alder floor lamp from order HP-418207 because the shade arrived cracked. "
         "The tracking page says your warehouse received the parcel on March 3rd, but I have not seen any money back "
         "on my credit card yet. Could you tell me when the refund for the returned lamp will arrive?\n\n"
         "Best regards,\nMaya Lindqvist", "2026-03-10.09:12:00")
m2 = msg(staff, "Hi Maya,\n\nThanks for getting in touch. I can see the lamp arrived at our warehouse and the return "
         "has been checked in. I have asked the team to confirm the refund for you.\n\nSam Porter\n"
         "Harbor & Pine customer care", "2026-03-10.14:30:00")
m3 = msg(customer, "Thanks Sam.\n\nIt has been twelve days since you received the lamp and the refund still is not on my "
         "credit card statement. How many business days does a refund to a card usually take?\n\nMaya",
         "2026-03-15.08:05:00")
issue = db.issue.create(title="Refund for the returned floor lamp", messages=[m1, m2, m3],
                        nosy=[customer, staff], assignedto=staff, status=db.status.lookup("chatting"))
kofi = db.user.create(username="kofi.mensah", realname="Kofi Mensah", address="kofi.mensah@example.net", roles="User")
m4 = msg(kofi, "Hi,\n\nI entered the promo code SPRING15 at checkout for the Linden bookshelf but the total did not "
         "change. The code is in the newsletter I got yesterday. Why did my promo code not work?\n\nKofi Mensah",
         "2026-03-18.10:02:00")
m5 = msg(staff, "Hi Kofi,\n\nThanks for writing in. I can see the order is still open, so nothing is lost yet. "
         "I am checking the code for you now.\n\nSam Porter", "2026-03-18.11:40:00")
m6 = msg(kofi, "Thanks. The newsletter says SPRING15 takes 15% off furniture. Does the code not work on items "
         "that are already on sale?", "2026-03-18.12:15:00")
second = db.issue.create(title="Promo code did not apply", messages=[m4, m5, m6], nosy=[kofi, staff],
                         assignedto=staff, status=db.status.lookup("chatting"))
db.commit()
print(issue, second)
'''


def main():
    port = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1] != "0" else free_port()
    python = ensure_roundup()
    bindir = python.parent
    home = Path(tempfile.mkdtemp(prefix="tandem-roundup-")) / "tracker"
    origin = f"http://127.0.0.1:{port}"
    web = f"{origin}/support/"
    t0 = time.time()
    subprocess.run([str(bindir / "roundup-admin"), "-i", str(home), "install", TEMPLATE, "sqlite",
                    f"tracker_web=http://127.0.0.1:{port}/support/,mail_domain=harborandpine.example,"
                    f"mail_host=localhost,mail_debug={home.parent}/outgoing-mail.txt,tracker_name=Harbor and Pine support"], check=True, stdout=subprocess.DEVNULL)
    subprocess.run([str(bindir / "roundup-admin"), "-i", str(home), "initialise", "admin-pw"], check=True, stdout=subprocess.DEVNULL)
    issue, second = subprocess.run([str(python), "-c", MAKE_ISSUE, str(home), AGENT, AGENT_PW], check=True,
                           stdout=subprocess.PIPE, text=True).stdout.split()
    log(f"tracker and issues {issue}, {second} ready in {time.time() - t0:.1f} s")
    print(json.dumps({
        "app": "roundup", "origin": origin, "ticket_urls": [f"{web}issue{issue}", f"{web}issue{second}"], "login_url": web,
        "user": AGENT, "password": AGENT_PW,
        "login_form": {"user": "input[name=__login_name]", "password": "input[name=__login_password]",
                       "submit": "form:has(input[name=__login_name]) input[type=submit]"},
        "ticket_ids": [issue, second], "dir": str(home.parent),
    }), flush=True)
    server = [str(bindir / "roundup-server"), "-n", "127.0.0.1", "-p", str(port)]
    if os.geteuid() == 0:
        server += ["-u", "nobody", "-g", "nogroup"]  # roundup-server will not keep root privileges
        subprocess.run(["chown", "-R", "nobody:nogroup", str(home.parent)], check=True)
    os.dup2(2, 1)  # the JSON line is the only thing on stdout; the server logs to stderr
    os.execv(server[0], server + [f"support={home}"])


if __name__ == "__main__":
    main()
