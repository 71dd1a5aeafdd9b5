#!/usr/bin/env python3
"""Check mining_blind2 (its *.jsonl files, or those named) with the shared checks in ../mining_validate.py."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from mining_validate import run

if __name__ == "__main__":
    sys.exit(run(Path(__file__).resolve().parent, sys.argv[1:]))
