"""Check qa_blind19 (conversations.jsonl and kb/) and print its counts table (bench/data/qa_validate.py)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from qa_validate import run

if __name__ == "__main__":
    sys.exit(run(Path(__file__).resolve().parent, "https://help.starchway.example/articles/", first_id=1701))
