"""Where a task came from: its parent and how (the relation), and the families and chains these
links make.

Every task may name a parent (``TaskRecord.parent_id``) and a relation to it:

``retry``      the same request again, after a failure
``reuse``      the parent's settings, maybe changed, sent as a new task
``variation``  one of several takes of the same settings (another seed, model or connection);
               the takes made together share a ``batch_id`` (their group)
``continues``  the parent's last frame is this task's first frame
``extends``    carries the parent on in another way (a provider's own "extend")

A *family* is every task linked to another by parent links, shown as a tree from its oldest
ancestor. A *chain* is a line of ``continues``/``extends`` links: clips meant to play one after
another. A *stack* is the copies and variations of one prompt made together (the library shows
one as a single tile that opens). Everything here is pure: it reads the records it is given and
changes none of them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from core.tasks.journal import TaskRecord, TaskState

RETRY = "retry"
REUSE = "reuse"
VARIATION = "variation"
CONTINUES = "continues"
EXTENDS = "extends"
RELATIONS = (RETRY, REUSE, VARIATION, CONTINUES, EXTENDS)
CHAIN_RELATIONS = frozenset({CONTINUES, EXTENDS})
CLI_RELATIONS = (CONTINUES, VARIATION, EXTENDS, REUSE)  # what ``generate --relation`` takes


@dataclass(frozen=True)
class Member:
    """One task of a family, as a tree row: its depth below the family's root."""

    record: TaskRecord
    depth: int


def children_of(records: Mapping[str, TaskRecord]) -> dict[str, list[TaskRecord]]:
    """Each parent id's children, oldest first."""
    children: dict[str, list[TaskRecord]] = {}
    for record in sorted(records.values(), key=lambda r: r.created_at):
        if record.parent_id:
            children.setdefault(record.parent_id, []).append(record)
    return children


def root_of(records: Mapping[str, TaskRecord], task_id: str) -> str:
    """The oldest ancestor of ``task_id`` still among ``records`` (itself when it has none)."""
    seen = {task_id}
    current = task_id
    while True:
        parent = records[current].parent_id if current in records else None
        if parent is None or parent not in records or parent in seen:
            return current
        seen.add(parent)
        current = parent


def family(records: Mapping[str, TaskRecord], task_id: str) -> list[Member]:
    """``task_id``'s whole family as a tree, depth first from its root (empty for an unknown id)."""
    if task_id not in records:
        return []
    children = children_of(records)
    members: list[Member] = []
    stack = [(records[root_of(records, task_id)], 0)]
    seen: set[str] = set()
    while stack:
        record, depth = stack.pop()
        if record.id in seen:
            continue
        seen.add(record.id)
        members.append(Member(record, depth))
        stack.extend((child, depth + 1) for child in reversed(children.get(record.id, [])))
    return members


def chain(records: Mapping[str, TaskRecord], task_id: str) -> list[TaskRecord]:
    """The clips of ``task_id``'s chain in playing order: back through its ``continues``/``extends``
    parents, then on through such children (where a clip has several, the newest that succeeded,
    else the newest). A task in no chain is a chain of one."""
    if task_id not in records:
        return []
    back = [records[task_id]]
    while (
        back[-1].relation in CHAIN_RELATIONS
        and back[-1].parent_id in records
        and back[-1].parent_id not in {r.id for r in back}
    ):
        back.append(records[back[-1].parent_id])  # type: ignore[index]
    line = back[::-1]
    children = children_of(records)
    seen = {r.id for r in line}
    while True:
        nexts = [
            c for c in children.get(line[-1].id, []) if c.relation in CHAIN_RELATIONS and c.id not in seen
        ]
        if not nexts:
            return line
        done = [c for c in nexts if c.state is TaskState.SUCCEEDED]
        line.append((done or nexts)[-1])
        seen.add(line[-1].id)


def group(records: Iterable[TaskRecord], batch_id: str) -> list[TaskRecord]:
    """The tasks made together as one group (a batch or a set of variations), oldest first."""
    return sorted((r for r in records if r.batch_id == batch_id), key=lambda r: r.created_at)


def stack_key(record: TaskRecord) -> str | None:
    """What copies and variations of one prompt share: made together (one ``batch_id``: copies
    from the form, or a set of variations) from the same prompt and first frame. A batch of
    different prompts or images (a CSV, a folder) gives each its own key; a task made alone has
    none."""
    if not record.batch_id:
        return None
    return "\n".join((record.batch_id, record.request.prompt, record.request.image or ""))


def stacks(records: Iterable[TaskRecord]) -> list[list[TaskRecord]]:
    """``records`` with those of one :func:`stack_key` put together, in the order their first
    member comes (each stack keeps its members' order)."""
    out: list[list[TaskRecord]] = []
    by_key: dict[str, list[TaskRecord]] = {}
    for record in records:
        key = stack_key(record)
        if key is None:
            out.append([record])
        elif key in by_key:
            by_key[key].append(record)
        else:
            by_key[key] = [record]
            out.append(by_key[key])
    return out
