"""Render the main screens into docs/screenshots/ (``make screenshots``).

Builds a throwaway data folder with the shipped banks, a coordinator, trainees and
attempts, then shows each screen in English and French at 100 % and 200 % text and saves
what a user sees. Runs headless (offscreen) or under Xvfb.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication, Qt  # noqa: E402
from PySide6.QtGui import QImage  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from trainer import admin  # noqa: E402
from trainer.quiz.behaviours import Behaviour  # noqa: E402
from trainer.quiz.kinds.multiple_response import MultipleResponseAnswer  # noqa: E402
from trainer.quiz.questions import correct_response  # noqa: E402
from trainer.storage import settings  # noqa: E402
from trainer.storage.trainees import Institution  # noqa: E402
from trainer.ui import dialogs_auth, i18n, staff  # noqa: E402
from trainer.ui.app import create_application  # noqa: E402
from trainer.ui.main_window import MainWindow  # noqa: E402
from trainer.ui.screens import quiz as quiz_screen  # noqa: E402
from trainer.workspace import Workspace  # noqa: E402

SIZE = {100: (1100, 760), 200: (1280, 800)}
COLOURS = 32  # the palette of a screenshot (docs/screenshots stays well under 3 MB)
KINDS = ("single_choice", "multiple_response", "true_false", "matching", "ordering", "scenario")
COORDINATOR = ("Coordinator", "screenshots only password")


def _settle() -> None:
    for _ in range(3):
        QCoreApplication.processEvents()


def _save(widget: QWidget, path: Path) -> None:
    _settle()
    _write(widget.grab().toImage(), path)


def _write(image: QImage, path: Path) -> None:
    """The picture in a palette of its most used colours, compressed as far as PNG goes.

    Screens use few colours (text, backgrounds, borders and their anti-aliased edges): a
    palette of ``COLOURS`` keeps them looking the same at a third of the size, with no
    tool outside Qt.
    """
    rgb = image.convertToFormat(QImage.Format.Format_RGB32)
    pixels = memoryview(rgb.constBits()).cast("I")
    palette = [colour | 0xFF000000 for colour, _n in Counter(pixels).most_common(COLOURS)]
    small = rgb.convertToFormat(
        QImage.Format.Format_Indexed8,
        palette,
        Qt.ImageConversionFlag.AvoidDither | Qt.ImageConversionFlag.ThresholdDither,
    )
    if not small.save(str(path), quality=0):  # a PNG (by its name), compressed the most
        raise OSError(f"cannot write {path}")


def _populate(ws: Workspace) -> None:
    """Attempts by several trainees, so results and item analysis have something to show."""
    from trainer.certificates import issuing
    from trainer.quiz.session import QuizSession

    summary, module = ws.catalog.modules(None)[0]

    bank = ws.catalog.bank(summary.id)
    people = [
        ("Claudine Irakoze", Institution.PROSECUTION),
        ("Jean-Bosco Niyonzima", Institution.POLICE),
        ("Aline Ndayishimiye", Institution.JUDICIARY),
        ("Eric Hakizimana", Institution.POLICE),
        ("Josiane Nshimirimana", Institution.POLICE),
    ]
    for n, (name, institution) in enumerate(people):
        trainee = ws.trainees.create(name, institution, f"SN-{100 + n}")
        session = QuizSession.start(
            bank,
            module,
            Behaviour.EXAM,
            trainee_id=trainee.id,
            language="fr" if n % 2 else "en",
            recorder=ws.attempts.recorder,
            seed=n,
        )
        for i, slot in enumerate(session.slots):
            if (i + n) % 4:  # some right, some left out
                session.answer(i, correct_response(slot.question))
        session.finish()
        if session.result is not None and session.result.passed:
            issuing.issue_for_attempt(ws, session.attempt_id)


def _screens(window: MainWindow, ws: Workspace) -> Iterator[str]:
    """Show each screen in turn; yields the file name stem once it is showing."""
    yield "home"
    trainee = ws.trainees.list("Claudine")[0]
    window.trainee = trainee
    window.show_modules()
    yield "modules"
    summary, module = ws.catalog.modules(None)[0]
    bank = ws.catalog.bank(summary.id)
    pool = bank.pool(module)
    for kind in KINDS:
        question = next((q for q in pool if str(q.kind) == kind), None)
        if question is None:
            continue
        window.start_quiz(bank, module, Behaviour.PRACTICE, [question.id])
        yield f"question-{kind.replace('_', '-')}"
        if kind == "multiple_response":
            screen = window.current_screen()
            assert isinstance(screen, quiz_screen.QuizScreen) and screen.input is not None
            slot = screen.session.slots[0]
            right = correct_response(slot.question)
            assert isinstance(right, MultipleResponseAnswer)
            screen.session.answer(0, MultipleResponseAnswer(right.choices[:1]))
            screen.go_to(0)
            screen._on_check()
            yield "practice-feedback"
        screen = window.current_screen()
        assert isinstance(screen, quiz_screen.QuizScreen)
        screen.finish()
    window.start_quiz(bank, module, Behaviour.EXAM)
    yield "exam-start"
    start = window.current_screen()
    start.start_button.click()  # type: ignore[union-attr]
    screen = window.current_screen()
    assert isinstance(screen, quiz_screen.QuizScreen)
    for i, slot in enumerate(screen.session.slots):
        screen.session.answer(i, correct_response(slot.question))
    screen.finish()
    yield "exam-result"
    window.show_home()
    wanted = {"bank_library", "results", "item_analysis", "certificates"}
    for entry in staff.entries():
        if entry.key in wanted:
            window.open_staff(entry)
            yield entry.key.replace("_", "-")
    window.show_home()


def _certificate(ws: Workspace, language: str, out: Path) -> None:
    from trainer.certificates import issuing, register
    from trainer.certificates.settings import Signatory, load_settings, save_settings

    records = issuing.repository(ws).records()
    if not records:
        return
    name, password = COORDINATOR
    admin.sign_in(ws, name, password)
    settings = load_settings(ws)
    if not settings.signatories:  # the page as a centre prints it: two signing lines
        save_settings(
            ws,
            dataclasses.replace(
                settings,
                signatories=(
                    Signatory("Jean-Baptiste Ndayishimiye", "Directeur de la formation"),
                    Signatory("Claudine Irakoze", "Coordonnatrice du programme"),
                ),
            ),
        )
    pdf = out.with_suffix(".pdf")
    register.render_pdf(ws, records[0], pdf, language)
    tool = shutil.which("pdftoppm")
    if tool is None:
        return
    subprocess.run(
        [tool, "-png", "-r", "60", "-singlefile", str(pdf), str(out.with_suffix(""))], check=True
    )
    pdf.unlink()
    _write(QImage(str(out)), out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--only", help="render only screens whose name contains this")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    create_application()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    quiz_screen.confirm_finish = lambda *_a: True
    with tempfile.TemporaryDirectory() as tmp:
        ws = Workspace(Path(tmp) / "data", shipped_banks=ROOT / "question_banks")
        name, password = COORDINATOR
        admin.first_setup(ws, "École nationale de police du Burundi", name, password)
        settings.write(ws.db, settings.TOUR_SEEN_BY, frozenset({name}))  # no tour on the shots
        dialogs_auth.ask_sign_in = lambda _p, w: bool(  # type: ignore[assignment]
            admin.sign_in(w, name, password)
        )
        _populate(ws)
        count = 0
        for language in ("en", "fr"):
            for zoom in (100, 200):
                window = MainWindow(ws, language=language)
                window.set_zoom(zoom)
                window.resize(*SIZE[zoom])
                window.show()
                for stem in _screens(window, ws):
                    if args.only and args.only not in stem:
                        continue
                    _save(window, args.out / f"{stem}-{language}-{zoom}.png")
                    count += 1
                window.set_zoom(100)
                window.close()
                window.deleteLater()
                _settle()
            if not args.only or "certificate" in args.only:
                _certificate(ws, language, args.out / f"certificate-{language}.png")
        ws.close()
        i18n.install("en")
    print(f"{count} screens written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
