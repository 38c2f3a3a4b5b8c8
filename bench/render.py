"""Bench: ClipDesk's offline renderer against the ffmpeg CLI, a 5 s 720p 30 fps zoom from a still.

    .venv/bin/python bench/render.py [--reps 5] [--keep DIR]

Both sides render the same generated 2400x1600 PNG to 1280x720 H.264 (libx264, preset veryfast,
crf 20, yuv420p, +faststart), zooming 1.0 -> 1.3 toward the centre. Each run is a child process
(so both pay their start-up), the two alternate, and every child's wall time and peak RSS
(``os.wait4`` rusage) is recorded. Prints the medians and the ClipDesk / ffmpeg ratio.

The ffmpeg side is the zoompan chain from the platform notes (section 5); it needs the ``ffmpeg``
CLI on PATH (Debian package ``ffmpeg``; bench only, ClipDesk itself never runs it).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
W, H, FPS, SECONDS = 1280, 720, 30, 5
FRAMES = FPS * SECONDS


def make_still(path: Path, w: int = 2400, h: int = 1600) -> None:
    """A photo-like test picture: gradients, noise, a grid and circles (about 7 MB as PNG)."""
    from PIL import Image, ImageDraw

    r = Image.linear_gradient("L").resize((w, h))
    g = Image.linear_gradient("L").rotate(90).resize((w, h))
    b = Image.radial_gradient("L").resize((w, h))
    img = Image.merge("RGB", (r, g, b))
    img = Image.blend(img, Image.effect_noise((w, h), 40).convert("RGB"), 0.25)
    draw = ImageDraw.Draw(img)
    for x in range(0, w, 100):
        draw.line([(x, 0), (x, h)], fill=(255, 255, 255), width=3)
    for y in range(0, h, 100):
        draw.line([(0, y), (w, y)], fill=(0, 0, 0), width=3)
    rnd = random.Random(1)
    for _ in range(60):
        x, y, rad = rnd.randrange(w), rnd.randrange(h), rnd.randrange(20, 200)
        colour = (rnd.randrange(256), rnd.randrange(256), rnd.randrange(256))
        draw.ellipse([x - rad, y - rad, x + rad, y + rad], outline=colour, width=8)
    img.save(path)


def ffmpeg_command(still: Path, out: Path) -> list[str]:
    vf = (
        "crop=w=iw:h=trunc(iw*9/16/2)*2,scale=3840:-2,"
        f"zoompan=z='1+0.3*on/{FRAMES - 1}':x='iw/2-(iw/zoom/2)':y='ih/2-(ih/zoom/2)'"
        f":d={FRAMES}:s={W}x{H}:fps={FPS},format=yuv420p"
    )
    return [
        "ffmpeg", "-loglevel", "error", "-y", "-loop", "1", "-framerate", str(FPS), "-i", str(still),
        "-vf", vf, "-frames:v", str(FRAMES), "-c:v", "libx264", "-preset", "veryfast", "-crf", "20",
        "-movflags", "+faststart", str(out),
    ]  # fmt: skip


def clipdesk_command(still: Path, out: Path) -> list[str]:
    return [sys.executable, str(Path(__file__).resolve()), "--child", str(still), str(out)]


def child_render(still: Path, out: Path) -> None:
    """Runs in the ClipDesk child process: the real renderer, as LocalProvider's worker runs it."""
    sys.path.insert(0, str(ROOT))
    from core.media.render import RenderSpec, render_video

    t0 = time.perf_counter()
    spec = RenderSpec(resolution="720p", aspect_ratio="16:9", duration=SECONDS, fps=FPS,
                      camera_movement="zoom_in", first_image=still, prompt="bench")  # fmt: skip
    render_video(spec, out)
    print(f"{time.perf_counter() - t0:.3f}", flush=True)


def run_child(cmd: list[str]) -> tuple[float, float, float, str]:
    """Wall seconds, CPU seconds (user + system), peak RSS in MB, stdout of one child process."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    out = proc.stdout.read().decode() if proc.stdout else ""
    err = proc.stderr.read().decode() if proc.stderr else ""
    if proc.stdout:
        proc.stdout.close()
    if proc.stderr:
        proc.stderr.close()
    if proc.returncode != 0:
        raise SystemExit(f"{cmd[0]} failed ({proc.returncode}): {err.strip()[-2000:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, out.strip()


def probe(path: Path) -> str:
    import av

    with av.open(str(path)) as ic:
        v = ic.streams.video[0]
        frames = sum(1 for _ in ic.decode(video=0))
        return (
            f"{v.codec_context.name} {v.codec_context.pix_fmt} {v.width}x{v.height} {frames} frames "
            f"{(ic.duration or 0) / 1e6:.3f} s {path.stat().st_size / 1e6:.2f} MB"
        )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="keep the still and outputs in this folder")
    parser.add_argument("--child", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child_render(*args.child)
        return
    if not shutil.which("ffmpeg"):
        raise SystemExit("the ffmpeg CLI is not on PATH (Debian: apt-get install ffmpeg)")
    version = subprocess.run(["ffmpeg", "-version"], capture_output=True, text=True).stdout.splitlines()[0]
    work = args.keep or Path(tempfile.mkdtemp(prefix="clipdesk-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    still = work / "still.png"
    if not still.exists():
        make_still(still)
    print(f"{version}; cpus={os.cpu_count()}; still {still.stat().st_size / 1e6:.1f} MB; reps={args.reps}")

    walls: dict[str, list[float]] = {"clipdesk": [], "ffmpeg": []}
    rss: dict[str, list[float]] = {"clipdesk": [], "ffmpeg": []}
    cpu: dict[str, list[float]] = {"clipdesk": [], "ffmpeg": []}
    inner: list[float] = []
    outs = {"clipdesk": work / "clipdesk.mp4", "ffmpeg": work / "ffmpeg.mp4"}
    # one untimed warm-up each (page cache, first-run costs), then alternate, swapping who goes first
    run_child(clipdesk_command(still, outs["clipdesk"]))
    run_child(ffmpeg_command(still, outs["ffmpeg"]))
    for rep in range(args.reps):
        order = ["clipdesk", "ffmpeg"] if rep % 2 == 0 else ["ffmpeg", "clipdesk"]
        for name in order:
            cmd = (
                clipdesk_command(still, outs[name])
                if name == "clipdesk"
                else ffmpeg_command(still, outs[name])
            )
            wall, cpu_s, peak, out = run_child(cmd)
            walls[name].append(wall)
            cpu[name].append(cpu_s)
            rss[name].append(peak)
            if name == "clipdesk" and out:
                inner.append(float(out.splitlines()[-1]))
            print(f"  rep {rep + 1} {name:8s} {wall:6.2f} s wall {cpu_s:6.2f} s CPU  peak RSS {peak:6.0f} MB")
    for name in ("clipdesk", "ffmpeg"):
        print(f"{name:8s} median {statistics.median(walls[name]):.2f} s "
              f"(min {min(walls[name]):.2f}, max {max(walls[name]):.2f}); "
              f"CPU median {statistics.median(cpu[name]):.2f} s; "
              f"peak RSS median {statistics.median(rss[name]):.0f} MB; {probe(outs[name])}")  # fmt: skip
    if inner:
        median = statistics.median(inner)
        print(f"clipdesk in-process render_video median {median:.2f} s (excl. interpreter start-up)")
    ratio = statistics.median(walls["clipdesk"]) / statistics.median(walls["ffmpeg"])
    cpu_ratio = statistics.median(cpu["clipdesk"]) / statistics.median(cpu["ffmpeg"])
    print(
        f"ratio clipdesk/ffmpeg (median wall) = {ratio:.2f}  (goal <= 1.20); CPU time ratio = {cpu_ratio:.2f}"
    )
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
