"""`tandem faq`: review FAQ drafts mined from the questions customers repeat."""

from __future__ import annotations

from typing import Any

import click

from backend.vocabulary import DRAFT_STATUSES as STATUSES
from cli.context import pass_app, print_json, to_builtins
from cli.dates import parse_date
from cli.remote import remote_options


def _console():
    from rich.console import Console

    return Console(soft_wrap=True, highlight=False)


class LocalDrafts:
    """FAQ actions on this machine's store (results as plain JSON-like data, like the remote ones)."""

    def __init__(self, app) -> None:
        self.app = app

    def _do(self, name: str, *args: Any, **kwargs: Any) -> Any:
        from backend.errors import TandemError
        from backend.services import faq as faq_service

        try:
            return to_builtins(getattr(faq_service, name)(self.app.runtime, *args, **kwargs))
        except TandemError as exc:
            raise click.ClickException(str(exc)) from exc

    def mine(self, since, min_count):
        return self._do("mine", since=since, min_count=min_count)

    def list(self, status):
        return self._do("list_drafts", status)

    def get(self, draft_id):
        return self._do("get_draft", draft_id)

    def approve(self, draft_id, question=None, answer=None):
        return self._do("approve", draft_id, user=self.app.user, question=question, answer=answer)

    def reject(self, draft_id, reason):
        return self._do("reject", draft_id, user=self.app.user, reason=reason)

    def merge(self, draft_id, article_id, answer=None):
        return self._do("merge", draft_id, article_id, user=self.app.user, answer=answer)

    def article(self, article_id):
        from backend.services import kb as kb_service

        return to_builtins(kb_service.get_article(self.app.runtime, article_id))


class RemoteDrafts:
    """The same actions through a server's /v1/faq API."""

    def __init__(self, remote) -> None:
        self.remote = remote

    def mine(self, since, min_count):
        return self.remote.call("POST", "/v1/faq/mine", json={"since": since, "min_count": min_count})

    def list(self, status):
        return self.remote.call("GET", "/v1/faq", params={"status": status or "all"})

    def get(self, draft_id):
        return self.remote.call("GET", f"/v1/faq/{draft_id}")

    def approve(self, draft_id, question=None, answer=None):
        return self.remote.call("POST", f"/v1/faq/{draft_id}/approve", json={"question": question, "answer": answer})

    def reject(self, draft_id, reason):
        return self.remote.call("POST", f"/v1/faq/{draft_id}/reject", json={"reason": reason})

    def merge(self, draft_id, article_id, answer=None):
        return self.remote.call("POST", f"/v1/faq/{draft_id}/merge", json={"article_id": article_id, "answer": answer})

    def article(self, article_id):
        try:
            return self.remote.call("GET", f"/v1/kb/articles/{article_id}")
        except click.ClickException:
            return None


def _drafts(app, remote):
    return RemoteDrafts(remote) if remote else LocalDrafts(app)


def _show(draft: dict, nearest_article: dict | None = None) -> None:
    """Print a draft with its evidence for a reviewer."""
    out = _console()
    out.print(f"[bold]#{draft['id']}[/] [{draft['status']}] {draft['suggested_action']}  "
              f"({draft['cluster_size']} questions, {len(draft['source_conversation_ids'])} conversations)")
    if draft.get("kind") == "update":
        _show_update(out, draft)
    else:
        out.print(f"[bold]Q:[/] {draft['question']}")
        out.print(f"[bold]A:[/] {draft['answer'] or '(no agent answer found: edit before approving)'}")
        out.print("[bold]Customers asked:[/]")
        for example in draft["example_queries"][:5]:
            out.print(f"  - {example}")
    nearest = draft.get("nearest_article")
    if nearest:
        out.print(f"[bold]Nearest article:[/] {nearest['article_id']} (similarity {nearest['similarity']:.2f})")
        if nearest_article:
            body = nearest_article["body"].strip().replace("\n", " ")
            out.print(f"  {nearest_article['title']}: {body[:300]}{'…' if len(body) > 300 else ''}")
    if draft.get("reason"):
        out.print(f"[bold]Reason:[/] {draft['reason']}")
    if draft.get("decided_by"):
        out.print(f"Decided by {draft['decided_by']} at {draft['decided_at']}")


def _show_update(out, draft: dict) -> None:
    """An update draft: which article, what agents say instead, the new text and the agents' replies."""
    out.print(f"[bold]Update of article {draft['article_id']}:[/] {draft['question']}")
    for detail in draft["example_queries"]:
        out.print(f"  - {detail}")
    out.print(f"[bold]New text:[/] {draft['answer']}")
    out.print("[bold]What agents said:[/]")
    for evidence in draft.get("evidence", [])[:5]:
        out.print(f"  - [{evidence['ticket_id'] or evidence['message_id']}] {evidence['text']}")


def _edit(question: str, answer: str) -> tuple[str, str]:
    """Open $EDITOR on the draft; the first line is the question, the rest the answer."""
    text = click.edit(f"{question}\n\n{answer}\n", extension=".md", require_save=False)
    if text is None:
        return question, answer
    lines = text.strip().splitlines()
    if not lines:
        raise click.ClickException("the edited draft is empty")
    return lines[0].strip(), "\n".join(lines[1:]).strip()


@click.group()
def faq() -> None:
    """Review FAQ drafts mined from repeated customer questions."""


@faq.command()
@click.option("--since", callback=parse_date, help="Only messages from this date on (YYYY-MM-DD).")
@click.option("--min-count", type=click.IntRange(2), default=5, show_default=True,
              help="Conversations a question must come up in.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@remote_options
@pass_app
def mine(app, since, min_count, as_json, remote):
    """Find repeated questions and draft FAQ entries from what agents answered."""
    report = _drafts(app, remote).mine(since, min_count)
    if as_json:
        print_json(report)
        return
    click.echo(f"{report['candidates']} questions, {report['clusters']} repeated topics: {report['new_drafts']} new "
               f"drafts, {report['grown_drafts']} existing drafts grew, {report['already_answered']} already answered "
               f"by the KB, {report.get('update_drafts', 0)} article updates proposed ({report['seconds']:.1f} s)")


@faq.command("list")
@click.option("--status", type=click.Choice([*STATUSES, "all"]), default="pending", show_default=True,
              help="Which drafts to list.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (the FAQ draft contract).")
@remote_options
@pass_app
def list_(app, status, as_json, remote):
    """List drafts, largest clusters first."""
    rows = _drafts(app, remote).list(status)
    if as_json:
        print_json(rows)
        return
    if not rows:
        click.echo(f"no {status if status != 'all' else ''} drafts".replace("  ", " "))
        return
    from rich.table import Table

    table = Table("id", "status", "size", "action", "question")
    for d in rows:
        table.add_row(str(d["id"]), d["status"], str(d["cluster_size"]), d["suggested_action"], d["question"])
    _console().print(table)


@faq.command()
@click.argument("draft_id", type=int)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@remote_options
@pass_app
def show(app, draft_id, as_json, remote):
    """Show a draft with its evidence and the nearest KB article."""
    drafts = _drafts(app, remote)
    draft = drafts.get(draft_id)
    if as_json:
        print_json(draft)
        return
    nearest = draft.get("nearest_article")
    _show(draft, drafts.article(nearest["article_id"]) if nearest else None)


@faq.command()
@click.argument("draft_id", type=int)
@click.option("--edit", is_flag=True, help="Edit question and answer in $EDITOR first.")
@click.option("--question", help="Replace the question.")
@click.option("--answer", help="Replace the answer.")
@click.option("--json", "as_json", is_flag=True, help="Print the decided draft as JSON.")
@remote_options
@pass_app
def approve(app, draft_id, edit, question, answer, as_json, remote):
    """Approve a draft: it becomes a KB article (source `faq`), searchable at once."""
    drafts = _drafts(app, remote)
    if edit:
        draft = drafts.get(draft_id)
        question, answer = _edit(question or draft["question"], answer or draft["answer"])
    done = drafts.approve(draft_id, question, answer)
    if as_json:
        print_json(done)
    else:
        updated = " updated and marked reviewed" if done.get("kind") == "update" else ""
        click.echo(f"approved #{draft_id}: KB article {done['article_id']}{updated}")


@faq.command()
@click.argument("draft_id", type=int)
@click.option("--reason", required=True, help="Why (kept with the draft).")
@remote_options
@pass_app
def reject(app, draft_id, reason, remote):
    """Reject a draft with a reason; mining will not propose it again."""
    _drafts(app, remote).reject(draft_id, reason)
    click.echo(f"rejected #{draft_id}")


@faq.command()
@click.option("--status", type=click.Choice(["pending"]), default="pending", hidden=True)
@remote_options
@pass_app
def review(app, status, remote):
    """Go through pending drafts one by one: approve, edit, reject, merge or skip."""
    drafts = _drafts(app, remote)
    pending = drafts.list(status)
    if not pending:
        click.echo("nothing to review")
        return
    counts = {"approved": 0, "rejected": 0, "merged": 0, "skipped": 0}
    for index, draft in enumerate(pending, 1):
        click.echo(f"\n--- {index}/{len(pending)} ---")
        nearest = draft.get("nearest_article")
        _show(draft, drafts.article(nearest["article_id"]) if nearest else None)
        while True:
            choice = click.prompt("[a]pprove, [e]dit then approve, [r]eject, [m]erge into article, [s]kip, [q]uit",
                                  type=click.Choice(list("aermsq")), show_choices=False)
            try:
                if choice == "a":
                    drafts.approve(draft["id"])
                    counts["approved"] += 1
                elif choice == "e":
                    question, answer = _edit(draft["question"], draft["answer"])
                    drafts.approve(draft["id"], question, answer)
                    counts["approved"] += 1
                elif choice == "r":
                    drafts.reject(draft["id"], click.prompt("reason"))
                    counts["rejected"] += 1
                elif choice == "m":
                    default = nearest["article_id"] if nearest else None
                    drafts.merge(draft["id"], click.prompt("article id", default=default))
                    counts["merged"] += 1
                elif choice == "s":
                    counts["skipped"] += 1
                else:
                    click.echo(_tally(counts))
                    return
            except click.ClickException as exc:
                click.echo(f"error: {exc.format_message()}", err=True)
                continue
            break
    click.echo(_tally(counts))


def _tally(counts: dict) -> str:
    return ", ".join(f"{n} {what}" for what, n in counts.items())
