"""Assemble the hand-written source files into shuffled JSONL files.

Every question and reply in the *.txt files was written individually by hand;
this script only parses them, shuffles the lines with a fixed seed and dumps them.

Source format (one item per line):
    ## <topic>        starts a topic
    q: <text>         a customer's first message
    r: <text>         the agent's reply to the q directly above (optional; absent -> null)
    # ...             comment
"""
import json
import random
import sys
from collections import Counter, OrderedDict
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent
BUSINESSES = {
    "harbourline-ferries": "ferries_",
    "spokeshare-bikes": "bikes_",
}


def parse(prefix):
    items = []
    topic = None
    for path in sorted(HERE.glob(prefix + "*.txt")):
        for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            line = raw.strip()
            if not line or (line.startswith("#") and not line.startswith("## ")):
                continue
            where = f"{path.name}:{n}"
            if line.startswith("## "):
                topic = line[3:].strip()
            elif line.startswith("q: "):
                if topic is None:
                    sys.exit(f"{where}: question before any topic")
                items.append({"question": line[3:].strip(), "topic": topic, "reply": None})
            elif line.startswith("r: "):
                if not items or items[-1]["reply"] is not None or items[-1]["topic"] != topic:
                    sys.exit(f"{where}: reply without a question")
                items[-1]["reply"] = line[3:].strip()
            else:
                sys.exit(f"{where}: cannot parse: {line[:60]}")
    return items


def main():
    for slug, prefix in BUSINESSES.items():
        items = parse(prefix)
        if not items:
            continue
        counts = OrderedDict()
        for it in items:
            counts[it["topic"]] = counts.get(it["topic"], 0) + 1
        replies = sum(it["reply"] is not None for it in items)
        if "-v" in sys.argv:
            for t, c in counts.items():
                print(f"  {t:40s} {c}")
        main_topics = [t for t in counts if not t.startswith("tail-")]
        print(f"{slug}: {len(items)} messages, {len(main_topics)} topics, "
              f"{len(counts) - len(main_topics)} tail, "
              f"{sum(counts[t] for t in main_topics)} in topics, replies {replies / len(items):.0%}")
        dup = [q for q, c in Counter(it["question"] for it in items).items() if c > 1]
        if dup:
            print("  duplicate questions:", dup)
        rng = random.Random(f"mining-blind-{slug}")
        rng.shuffle(items)
        if "--write" in sys.argv:
            with open(OUT / f"{slug}.jsonl", "w", encoding="utf-8") as f:
                for it in items:
                    f.write(json.dumps(it, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
