"""Translated words for core values: task states, error kinds, modes, validation messages.

Core speaks English (its messages also go to logs and the CLI); the window shows these instead,
with the core's own detail in tooltips.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication

from core.config.connections import LOCAL_CONNECTION
from core.errors import ClipDeskError, ErrorKind, InvalidInput
from core.library import IMPORTED
from core.providers.catalog import ModelSpec
from core.tasks.journal import TaskState
from core.tasks.request import MODE_FIRST_LAST, MODE_IMAGE, MODE_REFERENCE, MODE_TEXT, GenerationRequest
from gui.i18n import current_language, is_chinese

translate = QCoreApplication.translate
# The queue writes a state and an error word for every change of every task (1,000 tasks running:
# thousands a second); each table below is translated once per language.
_tables: dict[tuple[str, str], dict[Any, str]] = {}


def _table(name: str, make: Callable[[], dict[Any, str]]) -> dict[Any, str]:
    key = (name, current_language())
    table = _tables.get(key)
    if table is None:
        table = _tables[key] = make()
    return table


def state_name(state: TaskState) -> str:
    return _table("states", _state_names)[state]


def _state_names() -> dict[Any, str]:
    return {
        TaskState.QUEUED: translate("TaskState", "Queued"),
        TaskState.UPLOADING: translate("TaskState", "Uploading"),
        TaskState.SUBMITTING: translate("TaskState", "Submitting"),
        TaskState.RUNNING: translate("TaskState", "Generating"),
        TaskState.DOWNLOADING: translate("TaskState", "Downloading"),
        TaskState.SUCCEEDED: translate("TaskState", "Done"),
        TaskState.FAILED: translate("TaskState", "Failed"),
        TaskState.CANCELLED: translate("TaskState", "Cancelled"),
        TaskState.EXPIRED: translate("TaskState", "Expired"),
        TaskState.UNKNOWN: translate("TaskState", "Needs a decision"),
        TaskState.HELD: translate("TaskState", "Held by budget"),
    }


def error_summary(kind: str | None) -> str:
    """A few words for the queue's error column."""
    if not kind:
        return ""
    try:
        return _table("errors", _error_words)[ErrorKind(kind)]
    except ValueError:
        return kind


def _error_words() -> dict[Any, str]:
    return {
        ErrorKind.AUTH: translate("ErrorKind", "API key refused"),
        ErrorKind.BALANCE: translate("ErrorKind", "Insufficient balance"),
        ErrorKind.BUDGET: translate("ErrorKind", "Over a spending cap"),
        ErrorKind.MODERATION: translate("ErrorKind", "Blocked by content moderation"),
        ErrorKind.INVALID_INPUT: translate("ErrorKind", "Not valid for this model"),
        ErrorKind.RATE_LIMITED: translate("ErrorKind", "Rate limited, waiting"),
        ErrorKind.NETWORK: translate("ErrorKind", "Provider unreachable"),
        ErrorKind.UPSTREAM_FAILED: translate("ErrorKind", "The provider failed to generate"),
        ErrorKind.EXPIRED: translate("ErrorKind", "Expired at the provider"),
        ErrorKind.NOT_FOUND: translate("ErrorKind", "Task unknown to the provider"),
        ErrorKind.CANCELLED: translate("ErrorKind", "Cancelled"),
        ErrorKind.UNKNOWN: translate("ErrorKind", "Unexpected error"),
    }


def error_advice(kind: str | None) -> str:
    """A full sentence about what happened and what to do."""
    advice = {
        ErrorKind.AUTH: translate(
            "ErrorKind", "The API key was refused. Check the key in Settings → Connections."
        ),
        ErrorKind.BALANCE: translate(
            "ErrorKind", "The account has insufficient balance or quota for this generation."
        ),
        ErrorKind.BUDGET: translate(
            "ErrorKind",
            "This generation would pass a spending cap, so nothing was sent. Raise the cap in "
            "Settings → Connections, or wait for a new day or month.",
        ),
        ErrorKind.MODERATION: translate(
            "ErrorKind", "The provider's content moderation rejected the prompt, an image or the result."
        ),
        ErrorKind.INVALID_INPUT: translate(
            "ErrorKind", "The provider says the request is not valid for this model."
        ),
        ErrorKind.RATE_LIMITED: translate(
            "ErrorKind", "The provider is limiting requests; ClipDesk waits and tries again."
        ),
        ErrorKind.NETWORK: translate(
            "ErrorKind", "The provider could not be reached. Check the network and proxy."
        ),
        ErrorKind.UPSTREAM_FAILED: translate("ErrorKind", "The provider failed to generate the video."),
        ErrorKind.EXPIRED: translate("ErrorKind", "The task or its result link has expired at the provider."),
        ErrorKind.NOT_FOUND: translate("ErrorKind", "The provider does not know this task."),
        ErrorKind.CANCELLED: translate("ErrorKind", "The task was cancelled."),
        ErrorKind.UNKNOWN: translate("ErrorKind", "Something unexpected happened."),
    }
    try:
        return advice[ErrorKind(kind)] if kind else ""
    except ValueError:
        return ""


def mode_name(mode: str) -> str:
    names = {
        MODE_TEXT: translate("Mode", "Text to video"),
        MODE_IMAGE: translate("Mode", "Image to video"),
        MODE_FIRST_LAST: translate("Mode", "First and last frame"),
        MODE_REFERENCE: translate("Mode", "Reference images"),
    }
    return names.get(mode, mode)


def value_text(value: Any) -> str:
    if value is True:
        return translate("Texts", "Yes")
    if value is False:
        return translate("Texts", "No")
    return str(value)


def rule_reason(spec: ModelSpec, reason: str | None) -> str | None:
    """A catalog rule's reason in the interface language (the catalog carries both)."""
    if reason and is_chinese():
        for rule in spec.rules:
            if rule.reason == reason and rule.reason_zh:
                return rule.reason_zh
    return reason


def explain_invalid(exc: InvalidInput, spec: ModelSpec, request: GenerationRequest) -> str:
    """The first problem with a request, for the form's inline message."""
    rule = rule_reason(spec, exc.message)
    if any(r.reason == exc.message for r in spec.rules):
        return rule or exc.message
    name = exc.field or ""
    mode = request.mode
    if name == "model":
        return translate("Texts", "Choose a model.")
    if name == "prompt":
        if not request.prompt.strip() and mode == MODE_TEXT:
            return translate("Texts", "Enter a prompt: text to video needs one.")
        if not request.prompt.strip():
            return translate("Texts", "Enter a prompt: this model needs one in every mode.")
        if len(request.prompt) > spec.prompt_max:
            return (
                translate("Texts", "The prompt is %1 characters; this model takes at most %2.")
                .replace("%1", str(len(request.prompt)))
                .replace("%2", str(spec.prompt_max))
            )
        return translate("Texts", "The prompt contains control characters.")
    if name == "negative_prompt":
        if "negative_prompt" not in spec.fields:
            return translate("Texts", "This model takes no negative prompt.")
        if len(request.negative_prompt) > spec.negative_prompt_max:
            return translate("Texts", "The negative prompt is longer than %1 characters.").replace(
                "%1", str(spec.negative_prompt_max)
            )
        return translate("Texts", "The negative prompt contains control characters.")
    if name == "image":
        if request.last_image and not request.image:
            return translate("Texts", "A last frame needs a first frame.")
        return translate("Texts", "This model needs a first-frame image in every mode.")
    if name == "mode":
        if mode == MODE_TEXT:
            return translate("Texts", "This model needs a first-frame image.")
        if MODE_TEXT in spec.modes and len(spec.modes) == 1:
            return translate("Texts", "This model makes video from text only: remove the images.")
        return translate("Texts", "This model does not support %1.").replace("%1", mode_name(mode))
    if name == "ref_images" and len(request.ref_images) < spec.min_ref_images:
        return translate("Texts", "This model needs at least %1 reference images.").replace(
            "%1", str(spec.min_ref_images)
        )
    if name == "ref_images":
        return translate("Texts", "This model takes at most %1 reference images.").replace(
            "%1", str(spec.max_ref_images)
        )
    if name == "duration":
        return translate("Texts", "This model cannot make a %1 s video.").replace("%1", str(request.duration))
    if name == "resolution":
        return translate("Texts", "This model has no %1 resolution.").replace("%1", str(request.resolution))
    if name == "seed":
        return translate("Texts", "The seed is out of range.")
    if name in request.params and spec.known and name not in spec.params:
        return translate("Texts", "This model takes no %1.").replace("%1", name)
    if name in request.params and name in spec.param_max:
        return (
            translate("Texts", "%1 is longer than %2 characters.")
            .replace("%1", name)
            .replace("%2", str(spec.param_max[name]))
        )
    if name in request.params:
        return (
            translate("Texts", "“%1” is not an allowed value for %2.")
            .replace("%1", value_text(request.params[name]))
            .replace("%2", name)
        )
    return exc.message


def error_message(exc: BaseException) -> str:
    """A failure from a background action, for a message box."""
    if isinstance(exc, InvalidInput):  # found by ClipDesk before anything was sent
        return translate("Texts", "ClipDesk's check, nothing was sent: %1").replace("%1", exc.message)
    if isinstance(exc, ClipDeskError):
        advice = error_advice(exc.kind.value)
        if exc.message and exc.message != advice:
            return f"{advice}\n\n{exc.message}" if advice else exc.message
        return advice
    return translate("Texts", "Something unexpected happened: %1").replace(
        "%1", f"{type(exc).__name__}: {exc}"
    )


def fmt_duration(seconds: float | None) -> str:
    if seconds is None or seconds != seconds:
        return ""
    seconds = max(0, round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def fmt_bytes(size: int) -> str:
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} B"


def param_label(name: str) -> str:
    """A dialect field's name as a form label (unknown fields keep their own name)."""
    labels = {
        "camera_movement": translate("Param", "Camera movement"),
        "aspect_ratio": translate("Param", "Aspect ratio"),
        "fps": translate("Param", "Frame rate"),
        "motion_mode": translate("Param", "Motion"),
        "style": translate("Param", "Style"),
        "prompt_extend": translate("Param", "Rewrite prompt"),
        "watermark": translate("Param", "Watermark"),
        "audio": translate("Param", "Audio"),
        "audio_url": translate("Param", "Audio URL"),
        "movement_amplitude": translate("Param", "Movement amplitude"),
        "bgm": translate("Param", "Background music"),
        "mode": translate("Param", "Quality mode"),
        "size": translate("Param", "Size"),
        "cfg_scale": translate("Param", "Prompt strength (CFG)"),
        "quality": translate("Param", "Quality"),
        "template": translate("Param", "Template"),
        "thinking_type": translate("Param", "Thinking"),
        "sound_effect_switch": translate("Param", "Sound effects"),
        "sound_effect_content": translate("Param", "Sound effect description"),
        "lip_sync_tts_switch": translate("Param", "Lip sync"),
        "lip_sync_tts_content": translate("Param", "Lip sync text"),
        "lip_sync_tts_speaker_id": translate("Param", "Lip sync voice"),
        "template_id": translate("Param", "Template id"),
        "generate_audio_switch": translate("Param", "Generate audio"),
        "generate_multi_clip_switch": translate("Param", "Multiple shots"),
    }
    key = re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name).lower()  # motionMode -> motion_mode
    return labels.get(key, name.replace("_", " ").capitalize())


def param_value_label(name: str, value: Any) -> str:
    """A field's value for a combo box; camera moves and common words are translated."""
    if isinstance(value, bool):
        return value_text(value)
    words = {
        "zoom_in": translate("Param", "Zoom in"),
        "zoom_out": translate("Param", "Zoom out"),
        "smooth_zoom_in": translate("Param", "Smooth zoom in"),
        "quickly_zoom_in": translate("Param", "Quick zoom in"),
        "quickly_zoom_out": translate("Param", "Quick zoom out"),
        "horizontal_left": translate("Param", "Truck left"),
        "horizontal_right": translate("Param", "Truck right"),
        "vertical_up": translate("Param", "Pedestal up"),
        "vertical_down": translate("Param", "Pedestal down"),
        "pan_left": translate("Param", "Pan left"),
        "pan_right": translate("Param", "Pan right"),
        "crane_up": translate("Param", "Crane up"),
        "camera_rotation": translate("Param", "Camera roll"),
        "super_dolly_out": translate("Param", "Super dolly out"),
        "fix_bg": translate("Param", "Static"),
        "normal": translate("Param", "Normal"),
        "fast": translate("Param", "Fast"),
        "auto": translate("Param", "Auto"),
        "small": translate("Param", "Small"),
        "medium": translate("Param", "Medium"),
        "large": translate("Param", "Large"),
        "general": translate("Param", "General"),
        "anime": translate("Param", "Anime"),
        "std": translate("Param", "Standard"),
        "pro": translate("Param", "Pro"),
    }
    if isinstance(value, str) and value in words:
        return f"{words[value]} ({value})" if is_chinese() else words[value]
    if name == "fps":
        return f"{value} fps"
    return str(value)


def connection_label(name: str) -> str:
    """A connection as shown: the built-in offline preview and imported videos in the interface
    language."""
    if name == LOCAL_CONNECTION:
        return translate("Texts", "Offline preview")
    if name == IMPORTED:
        return translate("Texts", "Imported videos")
    return name


def model_label(dialect: str, spec: ModelSpec) -> str:
    if is_chinese() and spec.label_zh:
        return spec.label_zh
    return spec.label or spec.id


def money(amount: float | None, currency: str | None) -> str:
    """An amount as a creator reads it: "¥1.50", "$0.40", "45 credits"; "?" when unknown."""
    if amount is None or currency is None:
        return "?"
    if currency == "CNY":
        return f"¥{amount:.2f}"
    if currency == "USD":
        return f"${amount:.2f}"
    return translate("Cost", "%1 credits").replace("%1", f"{amount:g}")


def cost_text(estimate: dict[str, Any] | None, charge: dict[str, Any] | None) -> str:
    """A task's cost: the charge once the provider reported it, else the estimate, marked as one."""
    if charge is not None and charge.get("not_charged"):
        return translate("Cost", "Not charged")
    if charge is not None and charge.get("amount") is not None:
        return translate("Cost", "Charged: %1").replace("%1", money(charge["amount"], charge.get("currency")))
    if estimate is not None and estimate.get("amount") is not None:
        return translate("Cost", "Estimate: %1").replace(
            "%1", money(estimate["amount"], estimate.get("currency"))
        )
    return translate("Cost", "Cost unknown")


def balance_text(balance: dict[str, Any] | None) -> str:
    """The account's balance as a provider's balance call reported it ('' when none)."""
    if not balance:
        return ""
    if balance.get("currency") == "credits":
        parts = [balance.get("credit_monthly"), balance.get("credit_package")]
        amount: Any = sum(v for v in parts if isinstance(v, int | float))
    else:
        amount = balance.get("remaining")
    if not isinstance(amount, int | float):
        return ""
    return translate("Cost", "Balance: %1").replace("%1", money(float(amount), balance.get("currency")))


def _probe_sentences() -> dict[Any, str]:
    """core/providers/probe.py's SENTENCES, in the interface language (the same ids and {names})."""
    return {
        "local": translate("Probe", "The offline preview needs no key and no network."),
        "no_key": translate("Probe", "There is no API key for this connection."),
        # the network error's detail is English from core: the dialog shows it in a tooltip
        "unreachable": translate(
            "Probe", "The server could not be reached: check the base URL, the network and any proxy."
        ),
        "refused_key": translate(
            "Probe", "The server answered, but refused the key (HTTP {status}: {words})."
        ),
        "wrong_url": translate(
            "Probe",
            "Something answered HTTP {status}, but not as this API would: check the base URL "
            "(with any path prefix the gateway needs, such as /alibailian).",
        ),
        "unexpected": translate("Probe", "The server answered HTTP {status}: {words}. The key may be fine."),
        "dashscope_ok": translate(
            "Probe",
            "The key was accepted: asked for a task that cannot exist, DashScope answered {status}. "
            "Nothing was created. DashScope offers no balance call for an API key; see the Model "
            "Studio console.",
        ),
        "balance_ok": translate("Probe", "The key was accepted. Balance: {amount} credits."),
        "video_not_found": translate(
            "Probe", "The key was accepted: {name} answered 'not found' for a video that cannot exist."
        ),
        "task_not_found": translate(
            "Probe", "The key was accepted: {name} answered 'not found' for a task that cannot exist."
        ),
        "balance_usd": translate("Probe", "Balance: {amount} USD."),
        "aisphere_guess": translate(
            "Probe", "(AiSphere's look-up route is a guess until its docs name one.)"
        ),
        "pixverse_refused": translate("Probe", "PixVerse refused the key: {words}"),
        "list_ok": translate("Probe", "The key was accepted: the list of videos came back."),
    }


def probe_sentences() -> dict[Any, str]:
    return _table("probe", _probe_sentences)


def probe_text(said: list[tuple[str, dict[str, str]]]) -> str:
    """A connection test's findings (core/providers/probe.py's ``said``) in the interface language;
    the provider's own words and a network error's detail stay as they came."""
    sentences = probe_sentences()
    parts = []
    for key, values in said:
        text = sentences.get(key, key)
        for name, value in values.items():
            text = text.replace("{" + name + "}", value)
        parts.append(text)
    separator = "" if is_chinese() else " "
    return separator.join(parts)


def provider_label(dialect: str, label: str) -> str:
    """A provider's name and what it serves, in the interface language (``label`` where unknown)."""
    labels = {
        "dashscope": translate("Provider", "Alibaba Bailian / DashScope"),
        "pixverse": translate("Provider", "PixVerse"),
        "newapi": translate("Provider", "new-api gateway (Kling, Jimeng, Vidu)"),
        "openai-videos": translate("Provider", "OpenAI videos (Sora) or a compatible gateway"),
        "aisphere": translate("Provider", "AiSphere gateway (PixVerse models)"),
        "uniall": translate("Provider", "UniAll (Vidu Q3)"),
        "local": translate("Provider", "Offline preview"),
    }
    return labels.get(dialect, label)
