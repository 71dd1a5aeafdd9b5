"""Check the signals_blind4 escalation sets (test only) and print their count tables (bench/data/signals_validate.py)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from signals_validate import run

BUSINESSES = {"optician", "funeral", "boat_hire", "coworking", "print_shop", "florist", "recruitment",
              "music_streaming", "lift_maintenance", "scaffolding", "car_wash", "locksmith"}

if __name__ == "__main__":
    sys.exit(run(Path(__file__).resolve().parent, 4, BUSINESSES))
