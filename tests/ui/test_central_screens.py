"""What a person sees of the central database: Staff → Network, the status bar's sync state
and Sync now, and the reports' choice of every workstation or this one, on a real
PostgreSQL (skipped where it is absent)."""

from __future__ import annotations

import stat
import sys
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.central.test_reports import copy_to_central
from tests.postgres import CentralServer
from tests.results.conftest import make_people, make_taker
from tests.ui.helpers import finish, settle
from tests.ui.test_gui_responsiveness import Heartbeat
from trainer.access import Role, StaffSession
from trainer.central import config as central_config
from trainer.central import network
from trainer.central.config import CentralConfig
from trainer.results import query
from trainer.results.export import TableFormat
from trainer.storage.results import ResultFilter, Scope
from trainer.ui import dialogs, i18n
from trainer.ui.screens import network as network_screen
from trainer.ui.screens.item_analysis import ItemAnalysisScreen
from trainer.ui.screens.network import NetworkScreen
from trainer.ui.screens.programme_summary import ProgrammeSummaryScreen
from trainer.ui.screens.results import ResultsScreen
from trainer.ui.sync_status import SyncStatusWidget
from trainer.workspace import Workspace


@pytest.fixture
def coordinator(workspace: Workspace) -> Workspace:
    workspace.sign_in(StaffSession("Coordinator", Role.COORDINATOR, timeout=0))
    return workspace


@pytest.fixture
def quiet(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    said: list[str] = []
    monkeypatch.setattr(dialogs, "show_info", lambda _p, _t, text: said.append(text))
    monkeypatch.setattr(dialogs, "show_error", lambda _p, e: said.append(f"ERROR {e}"))
    return said


def _fill(screen: NetworkScreen, config: CentralConfig, password: str | None) -> None:
    screen.host.setText(config.host)
    screen.port.setValue(config.port)
    screen.dbname.setText(config.dbname)
    screen.user.setText(config.user)
    screen.tls.setCurrentIndex(0)  # the test server has no TLS
    if password is not None:
        if not screen.password.isEnabled():
            screen.change_password_button.click()
        screen.password.setText(password)


def _join(coordinator: Workspace, central_db: CentralServer) -> CentralConfig:
    config = central_db.add_workstation(coordinator.db.workstation_uid, "Lab 1", coordinator=True)
    network.join(coordinator, config)
    return config


def test_network_screen_tests_joins_and_leaves(
    qtbot: QtBot,
    coordinator: Workspace,
    central_db: CentralServer,
    monkeypatch: pytest.MonkeyPatch,
    quiet: list[str],
) -> None:
    config = central_db.add_workstation(coordinator.db.workstation_uid, "Lab 1")
    screen = NetworkScreen(coordinator)
    qtbot.addWidget(screen)
    assert not screen.leave_button.isEnabled()
    assert "not joined" in screen.state.text()
    _fill(screen, config, config.password)
    checked = screen._checked()
    assert checked is not None
    finish(qtbot, screen.test(checked))
    assert "The connection works: PostgreSQL" in screen.result.text()
    with qtbot.waitSignal(screen.changed, timeout=30000):
        screen.save_button.click()
    saved = central_config.load(coordinator.data.root)
    assert saved is not None and saved.password == config.password
    if sys.platform != "win32":
        secret = central_config.password_path(coordinator.data.root)
        assert stat.S_IMODE(secret.stat().st_mode) == 0o600
    # the password is never shown again: the field is empty until Change password
    assert screen.password.text() == "" and not screen.password.isEnabled()
    assert screen.change_password_button.isVisibleTo(screen)
    assert config.password is not None and config.password not in screen.state.text()
    assert "Joined as station" in screen.result.text()
    audit = coordinator.db.query_one(
        "SELECT detail FROM audit_log WHERE action = 'central.connect' ORDER BY id DESC"
    )
    assert audit is not None and config.password not in audit[0]
    # leaving keeps everything local and forgets the address
    monkeypatch.setattr(network_screen, "confirm_leave", lambda *_: True)
    with qtbot.waitSignal(screen.changed):
        screen.leave_button.click()
    assert central_config.load(coordinator.data.root) is None
    assert not central_config.password_path(coordinator.data.root).exists()
    assert not screen.leave_button.isEnabled()


def test_a_wrong_password_is_said_plainly_and_nothing_is_saved(
    qtbot: QtBot, coordinator: Workspace, central_db: CentralServer, quiet: list[str]
) -> None:
    config = central_db.add_workstation(coordinator.db.workstation_uid, "Lab 1")
    screen = NetworkScreen(coordinator)
    qtbot.addWidget(screen)
    _fill(screen, config, "not the password")
    checked = screen._checked()
    assert checked is not None
    testing = screen.test(checked)
    qtbot.waitUntil(lambda: testing.finished, timeout=30000)
    assert "refused the user name" in screen.result.text()
    joining = screen.join(checked)
    qtbot.waitUntil(lambda: joining.finished, timeout=30000)
    assert screen.result.text().startswith("Not joined:")
    assert central_config.load(coordinator.data.root) is None


def test_bad_addresses_are_refused_before_any_connection(
    qtbot: QtBot, coordinator: Workspace, quiet: list[str]
) -> None:
    screen = NetworkScreen(coordinator)
    qtbot.addWidget(screen)
    screen.host.setText("db server; drop")
    screen.user.setText("ws")
    assert screen._checked() is None
    assert quiet and "not valid" in quiet[-1]
    screen.host.setText("db.local")
    screen.tls.setCurrentIndex(2)  # verify-full needs the CA file
    assert screen.ca_file.isEnabled()
    assert screen._checked() is None
    assert "certificate authority" in screen.result.text()


def test_the_ca_file_is_chosen_by_file_dialog(
    qtbot: QtBot, coordinator: Workspace, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    screen = NetworkScreen(coordinator)
    qtbot.addWidget(screen)
    ca = tmp_path / "ca.pem"
    monkeypatch.setattr(network_screen, "choose_ca_file", lambda *_: ca)
    screen.tls.setCurrentIndex(2)
    screen.ca_button.click()
    assert screen.ca_file.text() == str(ca)
    assert screen.config().sslrootcert == str(ca)
    screen.tls.setCurrentIndex(1)
    assert screen.config().sslrootcert is None and not screen.ca_button.isEnabled()


def test_status_bar_hidden_until_joined(qtbot: QtBot, coordinator: Workspace) -> None:
    widget = SyncStatusWidget(coordinator)
    qtbot.addWidget(widget)
    assert widget.isHidden()
    assert widget.sync(manual=True) is None


def test_status_bar_counts_waiting_answers_and_syncs_now(
    qtbot: QtBot, coordinator: Workspace, central_db: CentralServer, quiet: list[str]
) -> None:
    _join(coordinator, central_db)
    people = make_people(coordinator)
    make_taker(coordinator)(people["alice"], right=True)
    widget = SyncStatusWidget(coordinator, sync_every_ms=3_600_000)
    qtbot.addWidget(widget)
    widget.sync_timer.stop()  # the first automatic sync: run by hand below
    assert not widget.isHidden()
    assert "4 answers waiting" in widget.label.text()
    assert "Never synced" in widget.label.text()
    with qtbot.waitSignal(widget.synced, timeout=30000) as done:
        widget.button.click()
    assert not isinstance(done.args[0], Exception), done.args
    settle(qtbot)
    assert widget.label.text() == "Synced just now"
    assert central_db.query("SELECT count(*) FROM attempt_questions") == [(4,)]
    assert widget.sync_timer.isActive()  # the next sync is planned


def test_status_bar_words_in_french(qtbot: QtBot, coordinator: Workspace) -> None:
    widget = SyncStatusWidget(coordinator)
    qtbot.addWidget(widget)
    now = datetime(2026, 5, 4, 12, 0, tzinfo=UTC)
    assert widget.synced_text(now - timedelta(minutes=2), now) == "Synced 2 min ago"
    assert widget.synced_text(now - timedelta(hours=3), now) == "Synced 3 h ago"
    assert widget.synced_text(None, now) == "Never synced"
    i18n.install("fr")
    assert widget.synced_text(now - timedelta(minutes=1), now) == "Synchronisée il y a 1 min"
    assert widget.tr("%n answer(s) waiting", "", 1) == "1 réponse en attente"
    assert widget.tr("%n answer(s) waiting", "", 14) == "14 réponses en attente"
    i18n.install("en")
    assert widget.tr("%n answer(s) waiting", "", 1) == "1 answer waiting"


def test_a_sync_against_a_server_that_is_down_never_blocks_the_window(
    qtbot: QtBot, coordinator: Workspace, central_db: CentralServer, quiet: list[str]
) -> None:
    """The sync runs on a worker: the GUI thread keeps beating while it fails, and the
    status bar then says the central database was not reached; the manual sync says why."""
    config = _join(coordinator, central_db)
    make_taker(coordinator)(make_people(coordinator)["bruno"], right=False)
    down = replace(config, port=_closed_port(), connect_timeout=2)
    central_config.save(coordinator.data.root, down, down.password)
    widget = SyncStatusWidget(coordinator, sync_every_ms=3_600_000)
    qtbot.addWidget(widget)
    widget.sync_timer.stop()
    with Heartbeat() as beat, qtbot.waitSignal(widget.synced, timeout=30000) as done:
        widget.sync(manual=True)
    settle(qtbot)
    assert beat.largest_ms < 100, beat.largest_ms
    assert getattr(done.args[0], "code", None) is not None
    assert "Central database not reached" in widget.label.text()
    assert "3 answers waiting" in widget.label.text()  # one question left unanswered
    assert quiet and quiet[-1].startswith("ERROR")
    # local work goes on: the attempt is still here, waiting
    assert query.count_attempts(coordinator.db, ResultFilter()) == 1


def _closed_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])  # closed again once the socket is


def test_results_screen_reads_every_workstation(
    qtbot: QtBot,
    coordinator: Workspace,
    central_db: CentralServer,
    quiet: list[str],
    tmp_path: Path,
) -> None:
    people = make_people(coordinator)
    take = make_taker(coordinator)
    take(people["alice"], right=True)
    take(people["bruno"], right=False)
    copy_to_central(coordinator, central_db)
    central_db.query(
        "INSERT INTO workstations (uid, role_name, name, station) VALUES (%s, 'tip_ws_x', 'Lab 2', 7)",
        ("9" * 32,),
    )
    config = central_db.add_workstation("c" * 32, "Coordinator", coordinator=True)
    central_config.save(coordinator.data.root, config, config.password)
    screen = ResultsScreen(coordinator, "en")
    qtbot.addWidget(screen)
    assert not screen.scope.isHidden()
    assert screen.model.total == 2
    with qtbot.waitSignal(screen.scope.changed, timeout=30000):
        screen.scope.choose(Scope.CENTRAL)
    settle(qtbot)
    assert screen.scope.scope is Scope.CENTRAL
    assert screen.model.total == 2
    assert screen.workstation.count() == 1 + 3  # every joined workstation
    assert not screen.transcript_button.isEnabled()
    out = tmp_path / "responses.csv"
    assert finish(qtbot, screen.export_to(out, "responses", TableFormat.CSV)) == 8
    with qtbot.waitSignal(screen.scope.changed):
        screen.scope.choose(Scope.LOCAL)
    assert screen.scope.source is None and screen.transcript_button.isEnabled()


def test_item_analysis_and_summary_read_every_workstation(
    qtbot: QtBot, coordinator: Workspace, central_db: CentralServer, quiet: list[str]
) -> None:
    people = make_people(coordinator)
    make_taker(coordinator)(people["chantal"], right=True)
    copy_to_central(coordinator, central_db)
    config = central_db.add_workstation("c" * 32, "Coordinator", coordinator=True)
    central_config.save(coordinator.data.root, config, config.password)
    analysis_screen = ItemAnalysisScreen(coordinator, "en")
    qtbot.addWidget(analysis_screen)
    settle(qtbot)
    with qtbot.waitSignal(analysis_screen.analysed, timeout=30000) as shown:
        analysis_screen.scope.choose(Scope.CENTRAL)
    assert shown.args[0].attempts == 1
    summary_screen = ProgrammeSummaryScreen(coordinator, "en")
    qtbot.addWidget(summary_screen)
    local = summary_screen.result
    with qtbot.waitSignal(summary_screen.scope.changed, timeout=30000):
        summary_screen.scope.choose(Scope.CENTRAL)
    settle(qtbot)
    assert summary_screen.result is not None and local is not None
    assert summary_screen.result.total == local.total
    assert not summary_screen.figures_button.isEnabled()


def test_an_unreachable_central_database_keeps_this_workstation(
    qtbot: QtBot, coordinator: Workspace, quiet: list[str]
) -> None:
    down = CentralConfig(
        host="127.0.0.1", dbname="tip", user="ws", port=_closed_port(), connect_timeout=1
    )
    central_config.save(coordinator.data.root, down, "secret")
    screen = ResultsScreen(coordinator, "en")
    qtbot.addWidget(screen)
    opening = screen.scope.choose(Scope.CENTRAL)
    assert opening is not None
    qtbot.waitUntil(lambda: opening.finished, timeout=30000)
    assert screen.scope.scope is Scope.LOCAL
    assert screen.scope.combo.currentIndex() == 0
    assert quiet and "cannot be reached" in quiet[-1]


def test_the_window_takes_the_address_given_on_the_command_line(
    qtbot: QtBot, workspace: Workspace
) -> None:
    from trainer.cli import build_parser
    from trainer.ui.main_window import MainWindow

    url = f"postgresql://ws@127.0.0.1:{_closed_port()}/tip?sslmode=disable"
    args = build_parser().parse_args(["--central", url])
    assert args.central == url
    window = MainWindow(workspace, central_url=args.central)
    qtbot.addWidget(window)
    window.sync_status.sync_timer.stop()
    assert not window.sync_status.isHidden()
    assert window.sync_status.config is not None and window.sync_status.config.dbname == "tip"
    assert "Never synced" in window.sync_status.label.text()


def test_a_bad_address_is_said_in_the_status_bar(qtbot: QtBot, workspace: Workspace) -> None:
    widget = SyncStatusWidget(workspace, url="http://not-a-database")
    qtbot.addWidget(widget)
    assert not widget.isHidden() and not widget.button.isEnabled()
    assert widget.label.text() == "Not connected to a central database"
    assert "not valid" in widget.label.toolTip()


def test_the_network_entry_is_a_coordinators(qtbot: QtBot, workspace: Workspace) -> None:
    from trainer.ui import staff

    entry = next(e for e in staff.entries() if e.key == "network")
    assert entry.role is Role.COORDINATOR
