"""A .part that already holds the whole file is finished, not fetched again (the link may be gone)."""

from __future__ import annotations

import asyncio
import hashlib
from pathlib import Path
from typing import Any

from core.net.download import download
from core.net.http import HttpLayer


def test_complete_part_is_finished_on_416(dashscope_emu: Any, tmp_path: Path) -> None:
    body = dashscope_emu.content().all()
    url = f"{dashscope_emu.base_url}/files/{dashscope_emu.add_file()}.mp4"
    part = tmp_path / "result.part"
    part.write_bytes(body)

    async def go() -> Any:
        http = HttpLayer(dashscope_emu.base_url)
        try:
            return await download(http, url, part, tmp_path / "lib" / "v.mp4")
        finally:
            await http.aclose()

    done = asyncio.run(go())
    assert done.sha256 == hashlib.sha256(body).hexdigest() and done.path.read_bytes() == body
    ranges = [r.header("Range") for r in dashscope_emu.requests if r.path.startswith("/files/")]
    assert ranges == [f"bytes={len(body)}-"]
