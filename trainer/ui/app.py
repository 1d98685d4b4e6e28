"""Start the GUI: application, language, error handling, main window."""

from __future__ import annotations

import argparse
import logging
import logging.handlers
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from trainer import APP_NAME, __version__
from trainer.errors import TrainerError
from trainer.ui import dialogs, i18n
from trainer.workspace import Workspace

log = logging.getLogger("trainer")


def setup_logging(workspace: Workspace) -> str:
    path = workspace.data.logs / "tip-trainer.log"
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return str(path)


def install_excepthook(log_path: str) -> None:
    """A TrainerError becomes a clear message; anything else is logged and reported."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        window = QApplication.activeWindow()
        if isinstance(value, TrainerError):
            log.warning("%s", value)
            dialogs.show_error(window, value)
            return
        log.error("unexpected error:\n%s", "".join(traceback.format_exception(kind, value, tb)))
        dialogs.show_crash(window, log_path)

    sys.excepthook = hook


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv or [sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    return app


def run_gui(args: argparse.Namespace) -> int:
    app = create_application()
    try:
        workspace = Workspace(args.data_dir)
    except TrainerError as exc:
        dialogs.show_error(None, exc)
        return 2
    log_path = setup_logging(workspace)
    install_excepthook(log_path)
    from trainer.ui.main_window import MainWindow

    language = args.lang or workspace.db.get_setting("ui_language") or i18n.system_language()
    window = MainWindow(workspace, language=language)
    window.show()
    if args.exit_when_ready:
        # Runs once the event loop is idle, i.e. after the window has been shown.
        QTimer.singleShot(0, app.quit)
    code = app.exec()
    workspace.close()
    return int(code)
