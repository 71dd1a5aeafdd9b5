"""Check the signals_blind3 escalation sets (test only) and print their count tables (bench/data/signals_validate.py).

Set 3 is larger than the later ones: 100 English and 120 multilingual rows, 14 businesses."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from signals_validate import Shape, run

BUSINESSES = {"dental", "removals", "wedding_venue", "vet", "parcel_lockers", "solar", "mortgage",
              "student_housing", "ticketing", "cinema", "software_licence", "water", "self_storage",
              "driving_school"}
SHAPE = Shape((100, {"high": 45, "medium": 15, "low": 40}), (120, {"high": 9, "medium": 3, "low": 8}),
              safety_and_negatives=14, businesses=12)

if __name__ == "__main__":
    sys.exit(run(Path(__file__).resolve().parent, 3, BUSINESSES, SHAPE))
