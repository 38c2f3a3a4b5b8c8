"""The base URLs a connection of each dialect can use, offered beside the Base URL field.

Official endpoints where the provider has one, and a word on gateways: a gateway that relays an
API under a prefix (the seed's ``/alibailian`` for DashScope) takes its address *with* that
prefix, since ClipDesk appends the API's own paths (``/api/v1/…``, ``/v1/…``) to the base URL.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLineEdit, QMenu, QToolButton, QWidget


def known_urls(dialect: str) -> list[tuple[str, str]]:
    """(base URL, what it is) for ``dialect``: its official endpoints, in the order to offer them."""
    official = {
        "dashscope": [
            (
                "https://dashscope.aliyuncs.com",
                QCoreApplication.translate("BaseUrls", "DashScope (Alibaba Cloud Bailian), Beijing"),
            ),
            (
                "https://dashscope-intl.aliyuncs.com",
                QCoreApplication.translate("BaseUrls", "DashScope international, Singapore (its own keys)"),
            ),
        ],
        "pixverse": [
            ("https://app-api.pixverse.ai", QCoreApplication.translate("BaseUrls", "PixVerse Platform API"))
        ],
        "openai-videos": [("https://api.openai.com", QCoreApplication.translate("BaseUrls", "OpenAI"))],
    }
    return official.get(dialect, [])


def gateway_hint(dialect: str) -> str:
    """How to write a gateway's address for ``dialect``."""
    if dialect == "dashscope":
        return QCoreApplication.translate(
            "BaseUrls",
            "Through a gateway: its address with the prefix it relays DashScope under, "
            "e.g. https://gateway.example/alibailian",
        )
    if dialect in ("newapi", "uniall", "openai-videos"):
        return QCoreApplication.translate(
            "BaseUrls", "Through a gateway: its address without /v1, e.g. https://gateway.example"
        )
    if dialect == "aisphere":
        return QCoreApplication.translate(
            "BaseUrls", "The gateway's address without /api, e.g. https://gateway.example"
        )
    return ""


class KnownUrlsButton(QToolButton):
    """A "Known addresses" menu button: the dialect's official base URLs; a choice fills ``edit``."""

    def __init__(self, edit: QLineEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = edit
        self.setText(self.tr("Known a&ddresses"))
        self.setAccessibleName(self.tr("Known base URLs"))
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setMenu(QMenu(self))

    def set_dialect(self, dialect: str) -> None:
        menu = self.menu()
        menu.clear()
        for url, what in known_urls(dialect):
            action = QAction(f"{what} — {url}", menu)
            action.triggered.connect(lambda *_, url=url: self.edit.setText(url))
            menu.addAction(action)
        self.setEnabled(bool(menu.actions()))
