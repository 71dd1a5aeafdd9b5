#!/usr/bin/env python3
"""Parse the hand-written source files, shuffle with a fixed seed, dump JSONL.

Source format (one file or several per business, named <prefix>_*.txt):
    ## topic-slug
    q: a customer's first message
    r: the agent's reply to the message just above (optional)
Lines starting with a single '#' are comments; blank lines are ignored.
The section `## tail` holds one-off messages; each gets its own topic tail-1, tail-2, ...

This script does no text generation of any kind: it only parses, numbers tail
messages, shuffles and writes.

Usage: python build.py            (dry run: prints counts)
       python build.py --write    (writes ../<slug>.jsonl)
"""
import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent
BUSINESSES = {
    # file prefix -> (output slug, shuffle seed)
    "gigwell": ("gigwell-tickets", 20240611),
    "kestrel": ("kestrel-mobile", 20240612),
}


def parse(paths):
    rows = []
    topic = None
    tail_n = 0
    for path in paths:
        for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            line = raw.strip()
            if not line or (line.startswith("#") and not line.startswith("## ")):
                continue
            if line.startswith("## "):
                topic = line[3:].strip()
                continue
            if line.startswith("q:"):
                if topic is None:
                    raise SystemExit(f"{path.name}:{n}: question before any topic")
                text = line[2:].strip()
                if topic == "tail":
                    tail_n += 1
                    t = f"tail-{tail_n}"
                else:
                    t = topic
                rows.append({"question": text, "topic": t, "reply": None})
                continue
            if line.startswith("r:"):
                if not rows or rows[-1]["reply"] is not None:
                    raise SystemExit(f"{path.name}:{n}: reply without a question")
                rows[-1]["reply"] = line[2:].strip()
                continue
            raise SystemExit(f"{path.name}:{n}: unrecognised line: {line[:60]!r}")
    return rows


def main(write):
    for prefix, (slug, seed) in BUSINESSES.items():
        paths = sorted(HERE.glob(f"{prefix}_*.txt"))
        if not paths:
            print(f"{prefix}: no source files")
            continue
        rows = parse(paths)
        random.Random(seed).shuffle(rows)
        print(f"{slug}: {len(rows)} rows from {len(paths)} files")
        if write:
            out = OUT / f"{slug}.jsonl"
            with open(out, "w", encoding="utf-8") as f:
                for r in rows:
                    f.write(json.dumps(r, ensure_ascii=False) + "\n")
            print(f"  wrote {out}")


if __name__ == "__main__":
    main("--write" in sys.argv[1:])
