"""Start the GUI: application, language, error handling, main window."""

from __future__ import annotations

import argparse
import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from trainer import APP_NAME, __version__
from trainer.errors import TrainerError
from trainer.paths import assets_dir
from trainer.storage import backups, settings
from trainer.ui import dialogs, i18n, operations
from trainer.workspace import Workspace

log = logging.getLogger("trainer")


LOG_LIMIT = 1_000_000
LOG_KEEP = 3


def rotate_log(path: Path) -> None:
    """Keep the log small: at start, a log past 1 MB becomes .1 (and .1 becomes .2 ...).

    (logging.handlers would do it too, but importing it costs start-up time.)
    """
    try:
        if not path.exists() or path.stat().st_size < LOG_LIMIT:
            return
        for n in range(LOG_KEEP - 1, 0, -1):
            older = path.with_name(f"{path.name}.{n}")
            if older.exists():
                older.replace(path.with_name(f"{path.name}.{n + 1}"))
        path.replace(path.with_name(f"{path.name}.1"))
    except OSError:
        pass  # a log that cannot rotate is not worth failing the start for


def setup_logging(workspace: Workspace) -> str:
    path = workspace.data.logs / "tip-trainer.log"
    rotate_log(path)
    handler = logging.FileHandler(path, encoding="utf-8")
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
    # the menu entry (tip-trainer.desktop) and the taskbar find the window by this name
    app.setDesktopFileName("tip-trainer")
    app.setWindowIcon(QIcon(str(assets_dir() / "icons" / "tip-trainer.svg")))
    return app


def run_gui(args: argparse.Namespace) -> int:
    from trainer.instance import InstanceLock
    from trainer.paths import resolve_data_dir

    app = create_application()
    root = resolve_data_dir(args.data_dir)
    lock = InstanceLock(root)
    try:
        acquired = lock.acquire()
    except TrainerError as exc:
        dialogs.show_error(None, exc)
        return 2
    if not acquired:
        from trainer.ui import startup

        # Told so, and gone before anything in the data folder is opened.
        startup.tell_already_running(root, quiet=args.exit_when_ready)
        return 3
    try:
        return _run_with_lock(app, args)
    finally:
        lock.release()


def _run_with_lock(app: QApplication, args: argparse.Namespace) -> int:
    from trainer.paths import DataDir, resolve_data_dir
    from trainer.ui import startup

    go_on, recovered = startup.check_database(
        DataDir(resolve_data_dir(args.data_dir)), quiet=args.exit_when_ready
    )
    if not go_on:
        return 2
    try:
        workspace = Workspace(args.data_dir)
    except TrainerError as exc:
        dialogs.show_error(None, exc)
        return 2
    log_path = setup_logging(workspace)
    install_excepthook(log_path)
    startup.record_recovery(workspace, recovered)
    from trainer.ui.main_window import MainWindow

    language = (
        args.lang or settings.read(workspace.db, settings.UI_LANGUAGE) or i18n.system_language()
    )
    window = MainWindow(workspace, language=language, central_url=getattr(args, "central", None))
    startup.schedule_daily_backups(window, workspace)
    window.show()
    # The start-up backup runs once the window is up, so it never delays it.
    QTimer.singleShot(0, lambda: startup.start_backup(window, workspace))
    if args.exit_when_ready:
        # Runs once the event loop is idle, i.e. after the window has been shown.
        QTimer.singleShot(0, app.quit)
    else:
        QTimer.singleShot(0, lambda: startup.offer_setup(window, workspace))
    code = app.exec()
    operations.wait_all()  # a backup or an export being written is finished, not cut
    workspace.close()
    # The next start need not read the whole file again if nothing touches it meanwhile.
    backups.record_clean_close(workspace.data.database)
    return int(code)
