"""`tandem eval`: measure Tandem on your own questions and past conversations before agents rely on it."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from cli.context import pass_app, print_json
from cli.dates import parse_date
from cli.remote import remote_options


@click.group("eval")
def eval_() -> None:
    """Measure Tandem on your own KB: golden questions, or a shadow replay of past conversations."""


def _progress(total: int | None, label: str):
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    return Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                    console=Console(stderr=True), transient=True, disable=not sys.stderr.isatty())


def _finish(report, *, as_json: bool, out: Path | None, interrupted: bool) -> None:
    from backend.services.evaluation import render_html

    if as_json:  # the results first: a report file that cannot be written must not lose them
        print_json(report)
    else:
        _print_text(report)
    if out is not None:
        try:
            out.write_text(render_html(report), encoding="utf-8")
        except OSError as exc:
            raise click.ClickException(f"cannot write {out}: {exc.strerror or exc}") from None
        click.echo(f"wrote {out}", err=True)
    if interrupted:
        click.echo("stopped by Ctrl-C: the numbers above cover what was measured so far", err=True)
        sys.exit(130)


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f}%"


def _print_text(report) -> None:
    click.echo(f"{report.items} {'questions' if report.kind == 'questions' else 'agent replies replayed'} "
               f"({report.engine} engine, {report.embedder}, KB version {report.kb_version}, {report.seconds:.1f} s)")
    click.echo(f"answered {_pct(report.answered_rate)}, abstained {_pct(report.abstain_rate)}; "
               f"false abstention {_pct(report.false_abstain)}, out-of-scope abstention {_pct(report.oos_abstain)}")
    if report.recall_at_1 is not None:
        click.echo(f"R@1 {_pct(report.recall_at_1)}, R@5 {_pct(report.recall_at_5)}, MRR {report.mrr:.3f}")
    if report.calibration_error is not None:
        click.echo(f"calibration error (ECE) {report.calibration_error:.3f}")
    if report.agreement is not None:
        a = report.agreement
        click.echo(f"agreement with the agents' replies: cosine {a.cosine if a.cosine is not None else '–'}, "
                   f"ROUGE-L {a.rouge_l if a.rouge_l is not None else '–'}")
    if report.citation is not None:
        click.echo(f"replies linking or naming an article: {report.citation.checked}, "
                   f"Tandem cited the same one: {report.citation.matched}")
    if report.escalation is not None:
        e = report.escalation
        click.echo(f"escalated conversations: {e.actual}, flagged by Tandem: {e.predicted} "
                   f"(precision {_pct(e.precision)}, recall {_pct(e.recall)})")
    if report.operating_point is not None:
        op = report.operating_point
        if op.proposed is None:
            click.echo(f"operating point: {op.note or 'none proposed'}")
        else:
            click.echo(f"operating point {op.current:.2f} -> {op.proposed:.2f}{' (applied)' if op.applied else ''}: "
                       f"answered {_pct(op.answered_rate['current'])} -> {_pct(op.answered_rate['proposed'])}, "
                       f"false answers {_pct(op.false_answer_rate['current'])} -> "
                       f"{_pct(op.false_answer_rate['proposed'])}, false abstention "
                       f"{_pct(op.false_abstain['current'])} -> {_pct(op.false_abstain['proposed'])}")
    for note in report.notes:
        click.echo(f"note: {note}")
    if report.worst:
        click.echo("misses:" if report.kind == "questions" else "worst cases:")
        for case in report.worst[:20]:
            where = f"line {case.line}: " if case.line else ""
            click.echo(f"  {where}{case.query[:90]!r} expected {case.expected_article_id or '-'} got "
                       f"{case.got or '-'} ({case.confidence:.2f}): {case.reason}")
        if len(report.worst) > 20:
            click.echo(f"  … {len(report.worst) - 20} more (--json or --out for all)")


def _remote_evaluator(remote, k: int):
    """A question evaluator that searches the server (GET /v1/kb/search) and scores here."""
    import msgspec

    from backend.models import Hit
    from backend.services import evaluation

    def about() -> evaluation.About:
        health = remote.call("GET", "/healthz")
        return evaluation.About(health["engine"], health["embedder"], health["kb_version"])

    known = {a["article_id"]: a["title"] for a in remote.call("GET", "/v1/kb/articles")}
    return evaluation.QuestionEvaluator(
        lambda query, n: msgspec.convert(remote.call("GET", "/v1/kb/search", params={"q": query, "k": n}), list[Hit]),
        known, about, k)


@eval_.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-k", "k", type=click.IntRange(1, 20), default=5, show_default=True, help="Hits searched per question.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Also write an HTML report here.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@remote_options
@pass_app
def questions(app, file, k, out, as_json, remote):
    """Score golden questions: JSONL/CSV of {query, expected_article_id} (null or empty: the KB should not answer)."""
    from backend.services import evaluation

    golden = evaluation.read_questions(file)
    interrupted = False
    # Against a server each question is one search there (any number of them, each a small request); the
    # report is computed here, as it is locally.
    evaluator = _remote_evaluator(remote, k) if remote else evaluation.QuestionEvaluator.on(app.runtime, k)
    with _progress(len(golden), "questions") as bar:
        task = bar.add_task("eval", total=len(golden))
        try:
            for question in golden:
                evaluator.add(question)
                bar.advance(task)
        except KeyboardInterrupt:
            interrupted = True
    report = evaluator.report(interrupted=interrupted)
    _finish(report, as_json=as_json, out=out, interrupted=interrupted)


@eval_.command()
@click.argument("files", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--imported", is_flag=True, help="Replay the conversations imported with `tandem conversations import`.")
@click.option("--since", callback=parse_date, help="Only conversations last active on or after this date (--imported).")
@click.option("--until", callback=parse_date, help="Only conversations last active before this date (--imported).")
@click.option("--limit", type=click.IntRange(min=1), help="Stop after this many agent replies.")
@click.option("--calibrate", is_flag=True, help="Propose this KB's grounding operating point from the agents' replies.")
@click.option("--apply", "apply_", is_flag=True, help="With --calibrate: store the proposed operating point.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Also write an HTML report here.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@pass_app
def history(app, files, imported, since, until, limit, calibrate, apply_, out, as_json):
    """Replay past conversations: what would Tandem have suggested before each agent reply?

    Runs assist on the messages before every agent reply (nothing is stored) and compares its best
    suggestion with what the agent sent. FILES are conversation files in any format `conversations import`
    reads; --imported replays what is already imported.
    """
    from backend.services import evaluation

    if bool(files) == imported:
        raise click.UsageError("give conversation FILES or --imported (one of them)")
    if apply_ and not calibrate:
        raise click.UsageError("--apply needs --calibrate")
    if (since or until) and not imported:
        raise click.UsageError("--since/--until filter imported conversations (use --imported)")
    rt = app.runtime
    evaluator = evaluation.HistoryEvaluator(rt)
    interrupted = False
    replayed = 0
    with _progress(limit, "replies") as bar:
        task = bar.add_task("eval", total=limit)
        try:
            for thread in evaluation.history_threads(rt, list(files), since=since, until=until):
                for point in evaluation.replay_points(thread):
                    evaluator.add(point)
                    replayed += 1
                    bar.advance(task)
                    if limit and replayed >= limit:
                        break
                if limit and replayed >= limit:
                    break
        except KeyboardInterrupt:
            interrupted = True
    report = evaluator.report(interrupted=interrupted, calibrate=calibrate)
    if apply_ and not interrupted:
        report = evaluation.apply_operating_point(rt, report)
    _finish(report, as_json=as_json, out=out, interrupted=interrupted)
