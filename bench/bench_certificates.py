"""500 certificates (page, QR code encoded and drawn, embedded fonts, register update per
chunk of 25, as a batch does) against a bare QPdfWriter page with the same text drawn
(default font, nothing else), in the same run."""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from trainer.access import Role, StaffSession
from trainer.certificates import issuing, pdf, register
from trainer.certificates.settings import (
    CertificateSettings,
    Signatory,
    load_settings,
    save_settings,
)
from trainer.storage.certificates import (
    CertificateRecord,
    CertifiedModule,
    NewCertificate,
)
from trainer.storage.trainees import Institution
from trainer.workspace import Workspace

COUNT = 500
CHUNK = 25


def _records(ws: Workspace, count: int) -> list[CertificateRecord]:
    ws.sign_in(StaffSession("Bench coordinator", Role.COORDINATOR, timeout=0))
    save_settings(
        ws,
        CertificateSettings(
            institution="Centre de formation de la Police nationale du Burundi",
            signatories=(
                Signatory("Jean-Baptiste Ndayishimiye", "Director of Training"),
                Signatory("Claudine Irakoze", "Programme Coordinator"),
            ),
        ),
    )
    records = []
    for i in range(count):
        trainee = ws.trainees.create(f"Trainee Number {i} Niyonzima", Institution.POLICE)
        new = NewCertificate(
            kind="module",
            trainee_id=trainee.id,
            trainee_name=trainee.name,
            institution=trainee.institution.value,
            attempt_id=None,
            programme_id=None,
            programme_name=None,
            subject="police-identification",
            modules=(
                CertifiedModule(
                    "police-identification",
                    {"en": "Identifying victims of trafficking", "fr": "Identifier les victimes"},
                ),
            ),
            audiences=("police",),
            score=70 + i % 30,
            training_hours=6,
            certified_on=date(2026, 5, 1 + i % 28),
            issuer_key_id=ws.keys.key_id,
            issuer_name="Centre de formation de la Police nationale du Burundi",
        )
        records.append(issuing._issue(ws, new))
    return records


def _bare(path: Path, content: pdf.PageContent) -> None:
    """The same strings on an A4 landscape page, default font, nothing else."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter

    writer = QPdfWriter(str(path))
    writer.setResolution(pdf.RESOLUTION)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Landscape,
            QPageLayout().margins(),
        )
    )
    painter = QPainter(writer)
    texts = [
        content.institution,
        content.title,
        content.certifies,
        content.name,
        content.of_line,
        content.passed_line,
        *content.subjects,
        content.subtitle,
        *(f"{a} {b}" for a, b in content.facts),
        *(f"{a} {b}" for a, b in content.signatories),
        content.number_label,
        content.number,
        content.code_label,
        content.code,
        content.verify,
    ]
    y = 300.0
    for text in texts:
        painter.drawText(QRectF(300, y, 6000, 250), int(Qt.AlignmentFlag.AlignLeft), text)
        y += 250
    painter.end()


def run(count: int = COUNT, where: Path | None = None) -> list[dict[str, Any]]:
    pdf.ensure_application()
    with tempfile.TemporaryDirectory(dir=where) as tmp:
        root = Path(tmp)
        ws = Workspace(root / "data", shipped_banks=root / "none")
        try:
            records = _records(ws, count)
            settings = load_settings(ws)
            contents = [pdf.page_content(r, settings, "en") for r in records]
            out = root / "out"
            out.mkdir()
            ours: list[float] = []
            bare: list[float] = []
            register.render_pdf(ws, records[0], out / "warm.pdf", "en")
            _bare(out / "warm-bare.pdf", contents[0])
            for start in range(0, count, CHUNK):
                chunk = range(start, min(count, start + CHUNK))
                t0 = time.perf_counter()
                # as a batch does: each PDF written, then the register updated once per chunk
                register.write_pdfs(ws, [(records[i], out / f"c{i}.pdf") for i in chunk])
                t1 = time.perf_counter()
                for i in chunk:
                    _bare(out / f"b{i}.pdf", contents[i])
                t2 = time.perf_counter()
                ours.append((t1 - t0) / len(chunk))
                bare.append((t2 - t1) / len(chunk))
            size = statistics.median((out / f"c{i}.pdf").stat().st_size for i in range(count))
        finally:
            ws.close()
    mine, base = statistics.median(ours), statistics.median(bare)
    print(
        f"  {count} certificates: {mine * 1000:.1f} ms each (median of chunks of {CHUNK}), "
        f"bare page {base * 1000:.1f} ms, PDF {size / 1024:.0f} KB"
    )
    return [
        {
            "name": f"certificate PDF ({count}, per certificate)",
            "value": mine,
            "unit": "s",
            "baseline": base,
            "ratio": mine / base,
            "target": "<= 1.5",
        }
    ]
