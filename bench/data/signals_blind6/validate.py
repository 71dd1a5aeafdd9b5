"""Check the signals_blind6 escalation sets (test only) and print their count tables (bench/data/signals_validate.py)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from signals_validate import run

BUSINESSES = {"hair_salon", "riding_school", "swim_school", "tree_surgery", "photography", "hearing_aid", "car_dealer",
              "holiday_park", "appliance_repair", "cake_maker", "alarm_install", "dance_school"}

if __name__ == "__main__":
    sys.exit(run(Path(__file__).resolve().parent, 6, BUSINESSES))
