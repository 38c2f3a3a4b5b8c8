"""The contract every dialect implements, and what it gets from the engine.

A provider describes paths, bodies and how to parse answers. It never builds HTTP clients,
never touches the journal and never sees other connections: the engine hands it a
:class:`ProviderContext` for one connection. Parsers raise only :class:`ProviderError`.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from core.errors import ErrorKind, ProviderError
from core.tasks.request import GenerationRequest

if TYPE_CHECKING:
    from core.media.images import ImageLimits, PreparedImage
    from core.net.http import HttpLayer
    from core.providers.catalog import Catalog


class RemoteStatus(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    CANCELLED = "cancelled"


@dataclass
class PollResult:
    status: RemoteStatus
    progress: float | None = None  # 0..1, None when the provider gives none
    result_url: str | None = None
    result_expires_at: float | None = None  # epoch seconds, when known
    error: ProviderError | None = None  # set when status is FAILED
    poll_after: float | None = None  # server hint, seconds
    # seconds from the provider's receipt of the submit to the end of the task, as the provider
    # reports them (its own clock); None when it does not say
    remote_seconds: float | None = None
    # usage and billing fields exactly as the provider reported them (e.g. AiSphere's
    # {"seconds", "images", "total_tokens", …}, DashScope's {"video_duration", "video_count", …})
    usage: dict[str, Any] | None = None
    raw: Any = None


@dataclass
class Submitted:
    remote_id: str
    status: RemoteStatus = RemoteStatus.QUEUED
    raw: Any = None
    usage: dict[str, Any] | None = None  # as in PollResult, when the submit answer carries it
    # a final answer already in the submit's reply (AiSphere may send the video with it)
    result: PollResult | None = None


@dataclass
class DownloadTarget:
    url: str
    # Send the connection's credentials? Even when True, they go only to the connection's own host.
    with_auth: bool = False


@dataclass
class ProviderContext:
    """What a provider may use for one task: the connection's HTTP layer and the task's inputs."""

    http: HttpLayer
    images: dict[str, list[PreparedImage]] = field(default_factory=dict)  # slot -> images
    uploads: dict[str, Any] = field(default_factory=dict)  # provider's own upload references
    work_dir: Path | None = None  # the task's own folder for intermediate files
    task_id: str = ""
    log: Callable[[str], None] = lambda _msg: None


class Provider(ABC):
    """One API dialect. Subclasses are stateless; one instance serves every task."""

    dialect: ClassVar[str]
    label: ClassVar[str]
    # Path prefix or full root a creator pastes; the connection's base URL is the gateway root.
    doc_url: ClassVar[str] = ""
    auth_style: ClassVar[str] = "bearer"  # "bearer" -> Authorization: Bearer; "api-key" -> API-KEY
    needs_key: ClassVar[bool] = True
    needs_base_url: ClassVar[bool] = True
    billed: ClassVar[bool] = True  # False: a lost submit may be re-sent automatically
    can_cancel: ClassVar[bool] = False
    needs_upload: ClassVar[bool] = False
    # True: a finished task's answer says when the provider received it and when it ended
    # (PollResult.remote_seconds), so this connection's history holds true durations
    reports_duration: ClassVar[bool] = False
    # True: one request lists the connection's running tasks (``running_tasks``)
    lists_tasks: ClassVar[bool] = False
    # how images travel: "url" (public http URL only), "data_uri", "upload"
    image_transport: ClassVar[str] = "data_uri"

    @property
    @abstractmethod
    def catalog(self) -> Catalog: ...

    @property
    @abstractmethod
    def image_limits(self) -> ImageLimits: ...

    def auth_headers(self, key: str) -> dict[str, str]:
        if self.auth_style == "api-key":
            return {"API-KEY": key}
        return {"Authorization": f"Bearer {key}"}

    async def upload(self, ctx: ProviderContext, request: GenerationRequest) -> dict[str, Any]:
        """Upload inputs where the dialect needs it; the result is stored with the task."""
        return {}

    @abstractmethod
    async def submit(self, ctx: ProviderContext, request: GenerationRequest) -> Submitted:
        """Send the billed request. Must raise ProviderError for any refusal."""

    @abstractmethod
    async def poll(self, ctx: ProviderContext, remote_id: str) -> PollResult: ...

    async def cancel(self, ctx: ProviderContext, remote_id: str) -> None:
        raise ProviderError(ErrorKind.INVALID_INPUT, f"{self.label} cannot cancel a task remotely")

    async def running_tasks(self, ctx: ProviderContext) -> dict[str, RemoteStatus]:
        """Where ``lists_tasks``: the connection's tasks still queued or running, by remote id, from
        one request (the engine's polls of many tasks share it; core.tasks.listing)."""
        return {}

    async def find_lost_submit(self, ctx: ProviderContext, request: GenerationRequest) -> str | None:
        """Where the dialect can list tasks, find the one a lost submit created. None: cannot tell."""
        return None

    def download_target(self, ctx: ProviderContext, remote_id: str, result: PollResult) -> DownloadTarget:
        if not result.result_url:
            raise ProviderError(ErrorKind.UPSTREAM_FAILED, "the provider reported success without a video")
        return DownloadTarget(result.result_url, with_auth=False)


# A hook the engine uses for local work (the offline renderer): returns progress updates.
ProgressCallback = Callable[[float], None]
AsyncRunner = Callable[..., Awaitable[Any]]
