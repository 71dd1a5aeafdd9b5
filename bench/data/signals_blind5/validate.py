"""Check the signals_blind5 escalation sets (test only) and print their count tables (bench/data/signals_validate.py)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from signals_validate import run

BUSINESSES = {"piano_tuning", "bike_repair", "pest_control", "dry_cleaning", "tattoo", "escape_room", "catering",
              "window_cleaning", "phone_repair", "trampoline_park", "tyre_fitting", "party_hire"}

if __name__ == "__main__":
    sys.exit(run(Path(__file__).resolve().parent, 5, BUSINESSES))
