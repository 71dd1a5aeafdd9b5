"""The operating point proposed from history (`tandem eval history --calibrate`) and storing it (`--apply`)."""

from __future__ import annotations

import msgspec
import numpy as np

from backend.errors import InvalidInput
from backend.services.evaluation.report import EvalReport, OperatingPoint, _rate
from backend.services.runtime import Runtime


def propose_operating_point(current: float, labelled: list[tuple[float, bool]]) -> OperatingPoint:
    """This KB's operating point from (confidence, the KB answers it) per reply agents sent: answer as often as
    they could be answered, keeping false abstention within the shipped target."""
    yes = [c for c, a in labelled if a]
    no = [c for c, a in labelled if not a]

    def rates(threshold: float) -> tuple[float | None, float | None, float | None]:
        answered = sum(c >= threshold for c, _ in labelled)
        return (_rate(answered, len(labelled)), _rate(sum(c >= threshold for c in no), len(no)),
                _rate(sum(c < threshold for c in yes), len(yes)))

    proposed = None
    note = ""
    if len(yes) < 20 or len(no) < 5:
        note = (f"too few labelled replies to propose an operating point ({len(yes)} answerable, {len(no)} not; "
                "need 20 and 5)")
    else:
        # The highest threshold keeping false abstention within the shipped target (10%).
        candidates = [t for t in np.arange(0.02, 0.96, 0.01) if (rates(float(t))[2] or 0.0) <= 0.10]
        proposed = round(float(max(candidates)), 2) if candidates else None
    before, after = rates(current), rates(proposed) if proposed is not None else (None, None, None)
    return OperatingPoint(current=current, proposed=proposed, answerable=len(yes), not_answerable=len(no),
                          answered_rate={"current": before[0], "proposed": after[0]},
                          false_answer_rate={"current": before[1], "proposed": after[1]},
                          false_abstain={"current": before[2], "proposed": after[2]}, note=note)


def apply_operating_point(rt: Runtime, report: EvalReport) -> EvalReport:
    """Store the proposed operating point with the KB's calibration (`--apply`)."""
    from backend.services.calibration import set_operating_point

    proposal = report.operating_point
    if proposal is None or proposal.proposed is None:
        raise InvalidInput(proposal.note if proposal and proposal.note else "no operating point was proposed")
    set_operating_point(rt, proposal.proposed, source="history")
    return msgspec.structs.replace(report, operating_point=msgspec.structs.replace(proposal, applied=True))
