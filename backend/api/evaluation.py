"""`POST /v1/eval/questions`: golden questions scored on the server (the remote `tandem eval questions`)."""

from __future__ import annotations

from litestar import Controller, Request, post
from litestar.params import JSONBody

from backend.api.auth import CURATORS, require
from backend.api.deps import RuntimeDep
from backend.api.schemas import EvalQuestions
from backend.errors import TooLarge
from backend.services import evaluation


class EvalController(Controller):
    path = "/v1/eval"
    tags = ["eval"]
    guards = [require(*CURATORS)]

    @post("/questions", sync_to_thread=True, status_code=200)
    def questions(self, rt: RuntimeDep, request: Request, data: JSONBody[EvalQuestions]) -> evaluation.EvalReport:
        """Score golden questions against this KB (a bounded amount of work): the `tandem eval questions --json`
        report."""
        work = evaluation.work(q.query for q in data.questions)
        if work > evaluation.MAX_API_WORK:
            raise TooLarge(f"{len(data.questions):,} questions are {work:,.1f} units of work (a question is 1, plus 1 per "
                           f"{evaluation.QUESTION_CHARS_PER_UNIT} characters); at most {evaluation.MAX_API_WORK} per "
                           f"request: send fewer, or run `tandem eval questions --server`, which takes any number")
        golden = [evaluation.golden_question(i, q.query, q.expected_article_id)
                  for i, q in enumerate(data.questions, start=1)]
        return evaluation.evaluate_questions(rt, golden, k=data.k)
