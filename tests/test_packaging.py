"""Packaging: where an installed program finds its files, what a build records, the Linux
archive and its menu entry, the installers' settings and the offline wheelhouse layout.

The builds themselves are checked by ``make dist-check`` and ``make wheelhouse-check``
(docs/install.md): they take a minute and need PyInstaller or the package index.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tarfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from trainer import APP_NAME, __version__, buildinfo, paths

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
sys.path.insert(0, str(PACKAGING))
sys.path.insert(0, str(PACKAGING / "linux"))

import archive  # noqa: E402
import make_icons  # noqa: E402
import wheelhouse  # noqa: E402


# -- where the program finds question_banks/ and assets/ ---------------------------------
def test_install_root_in_each_layout(tmp_path: Path) -> None:
    package = tmp_path / "site-packages" / "trainer"
    package.mkdir(parents=True)
    # the source tree: beside the package
    assert paths.find_install_root(package, None) == package.parent
    # an installed wheel: inside the package
    (package / paths.SHIPPED_IN_PACKAGE / "question_banks").mkdir(parents=True)
    assert paths.find_install_root(package, None) == package / paths.SHIPPED_IN_PACKAGE
    # the self-contained build: PyInstaller's folder, whatever else exists
    assert paths.find_install_root(package, str(tmp_path / "bundle")) == tmp_path / "bundle"


def test_from_the_source_tree_the_shipped_files_are_found() -> None:
    assert paths.install_root() == ROOT
    assert sorted(p.name for p in paths.shipped_banks_dir().glob("*.yaml"))
    assert (paths.translations_dir() / "tip_trainer_fr.qm").is_file()


# -- build information ------------------------------------------------------------------
def test_without_build_info_it_is_a_development_version(tmp_path: Path) -> None:
    info = buildinfo.read_build_info(tmp_path / "missing.json")
    assert info.development and info.version == __version__ and info.built is None
    assert buildinfo.read_build_info().development  # the source tree has none
    assert not buildinfo.frozen()


def test_build_info_round_trip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1777910400")  # 2026-05-04 16:00 UTC
    path = tmp_path / "trainer" / buildinfo.BUILD_INFO_NAME
    info = buildinfo.write_build_info(path, commit="abc123")
    assert info == buildinfo.BuildInfo(
        __version__, datetime(2026, 5, 4, 16, 0, tzinfo=UTC), "abc123"
    )
    assert not info.development
    assert json.loads(path.read_text(encoding="utf-8"))["version"] == __version__


@pytest.mark.parametrize(
    "content",
    [
        b"not json",
        b'{"built": "yesterday"}',
        b'{"commit": "abc"}',
        b"[1, 2]",
        b'{"built": "2026-05-04T16:00:00+00:00", "commit": "' + b"x" * 70_000 + b'"}',
    ],
)
def test_a_damaged_build_info_file_is_ignored(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / buildinfo.BUILD_INFO_NAME
    path.write_bytes(content)
    assert buildinfo.read_build_info(path).development


def test_build_info_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert buildinfo.main([]) == 2
    target = tmp_path / "b.json"
    assert buildinfo.main([str(target), "deadbeef"]) == 0
    assert buildinfo.read_build_info(target).commit == "deadbeef"
    assert "built" in capsys.readouterr().out


# -- the icon ---------------------------------------------------------------------------
def test_icons_are_drawn_from_the_svg(qtbot: QtBot, tmp_path: Path) -> None:
    assert make_icons.main([str(tmp_path)]) == 0
    png = (tmp_path / "tip-trainer.png").read_bytes()
    assert png.startswith(b"\x89PNG") and int.from_bytes(png[16:20], "big") == 256
    ico = (tmp_path / "tip-trainer.ico").read_bytes()
    assert ico[:4] == b"\0\0\1\0"
    count = int.from_bytes(ico[4:6], "little")
    assert count == len(make_icons.ICO_SIZES)
    sides = [ico[6 + 16 * i] or 256 for i in range(count)]
    assert sides == list(make_icons.ICO_SIZES)
    assert make_icons.main([]) == 2


def test_the_application_has_its_icon(qtbot: QtBot) -> None:
    from trainer.ui.app import create_application

    app = create_application()
    assert not app.windowIcon().isNull()
    assert app.desktopFileName() == "tip-trainer"


# -- the Linux archive and its menu entry -----------------------------------------------
def _fake_build(folder: Path) -> Path:
    (folder / "_internal" / "lib").mkdir(parents=True)
    program = folder / "tip-trainer"
    program.write_text("#!/bin/sh\necho built\n", encoding="utf-8")
    program.chmod(0o755)
    (folder / "_internal" / "lib" / "libQt6Core.so.6").write_bytes(b"\x7fELF")
    (folder / "_internal" / "libQt6Core.so.6").symlink_to("lib/libQt6Core.so.6")
    return folder


def test_archive_holds_one_versioned_folder_with_the_desktop_files(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1777910400")
    build = _fake_build(tmp_path / "tip-trainer")
    target = tmp_path / "out.tar.gz"
    assert archive.main([str(build), str(target)]) == 0
    top = f"tip-trainer-{__version__}"
    with tarfile.open(target) as tar:
        members = {m.name: m for m in tar.getmembers()}
        readme = tar.extractfile(f"{top}/README.txt")
        assert readme is not None and __version__ in readme.read().decode("utf-8")
    assert {
        f"{top}/tip-trainer",
        f"{top}/tip-trainer.desktop",
        f"{top}/tip-trainer.png",
        f"{top}/install-desktop-entry.sh",
        f"{top}/README.txt",
        f"{top}/_internal/lib/libQt6Core.so.6",
    } <= set(members)
    assert f"{top}/tip-trainer.ico" not in members
    assert members[f"{top}/tip-trainer"].mode & 0o111
    assert members[f"{top}/install-desktop-entry.sh"].mode & 0o111
    assert members[f"{top}/_internal/libQt6Core.so.6"].issym()
    assert all(m.uid == 0 and m.mtime == 1777910400 for m in members.values())


def test_archive_refuses_a_folder_without_the_program(tmp_path: Path) -> None:
    assert archive.main([str(tmp_path), str(tmp_path / "x.tar.gz")]) == 1
    assert not (tmp_path / "x.tar.gz").exists()
    assert archive.main([]) == 2


def test_desktop_entry(tmp_path: Path) -> None:
    entry = (PACKAGING / "linux" / "tip-trainer.desktop").read_text(encoding="utf-8")
    lines = entry.splitlines()
    assert lines[0] == "[Desktop Entry]"
    keys = dict(line.split("=", 1) for line in lines[1:] if "=" in line)
    assert keys["Type"] == "Application" and keys["Terminal"] == "false"
    assert {"Exec", "TryExec", "Icon", "Name", "Comment[fr]"} <= set(keys)


@pytest.mark.skipif(os.name == "nt" or not shutil.which("sh"), reason="needs a POSIX shell")
def test_menu_entry_points_at_the_unpacked_folder_and_can_be_removed(tmp_path: Path) -> None:
    folder = tmp_path / "apps" / "tip trainer 0.1"
    folder.mkdir(parents=True)
    for name in ("tip-trainer.desktop", "install-desktop-entry.sh"):
        shutil.copy2(PACKAGING / "linux" / name, folder / name)
    (folder / "tip-trainer.png").write_bytes(b"\x89PNG")
    env = {"HOME": str(tmp_path / "home"), "PATH": os.environ.get("PATH", "/usr/bin:/bin")}
    script = str(folder / "install-desktop-entry.sh")
    subprocess.run(["sh", script], env=env, check=True, capture_output=True)
    share = tmp_path / "home" / ".local" / "share"
    installed = (share / "applications" / "tip-trainer.desktop").read_text(encoding="utf-8")
    assert f'Exec="{folder}/tip-trainer"' in installed.splitlines()
    assert f"Icon={share}/icons/hicolor/256x256/apps/tip-trainer.png" in installed.splitlines()
    subprocess.run(["sh", script, "--remove"], env=env, check=True, capture_output=True)
    assert not (share / "applications" / "tip-trainer.desktop").exists()

    odd = tmp_path / "a$b"
    shutil.copytree(folder, odd)
    done = subprocess.run(
        ["sh", str(odd / "install-desktop-entry.sh")], env=env, capture_output=True, text=True
    )
    assert done.returncode == 1 and "without" in done.stderr
    assert not (share / "applications" / "tip-trainer.desktop").exists()


@pytest.mark.skipif(not shutil.which("sh"), reason="needs a POSIX shell")
def test_shell_scripts_parse() -> None:
    for script in ("dist-check.sh", "install-desktop-entry.sh"):
        subprocess.run(["sh", "-n", str(PACKAGING / "linux" / script)], check=True)


# -- the Windows installer ----------------------------------------------------------------
def test_windows_installer_is_per_user_and_keeps_the_data_folder() -> None:
    script = (PACKAGING / "windows" / "tip-trainer.iss").read_text(encoding="utf-8")
    settings = [line.strip() for line in script.splitlines() if not line.startswith(";")]
    assert "PrivilegesRequired=lowest" in settings
    assert "DefaultDirName={autopf}\\TiP Trainer" in settings
    assert any(line.startswith('Name: "{autoprograms}\\TiP Trainer"') for line in settings)
    # nothing the uninstaller deletes is in the data folder
    deleting = script.split("[UninstallDelete]")[1:] + script.split("[InstallDelete]")[1:]
    assert all("localappdata" not in part.split("\n[")[0] for part in deleting)
    # the data folder the uninstaller names is the one the program uses on Windows
    assert "{localappdata}\\TiP Trainer" in script
    assert APP_NAME == "TiP Trainer"
    build = (PACKAGING / "windows" / "build.ps1").read_text(encoding="utf-8")
    assert "packaging\\tip-trainer.spec" in build and "tip-trainer.iss" in build


# -- the offline wheelhouse ------------------------------------------------------------------
def test_the_project_wheel_carries_banks_assets_and_build_date(tmp_path: Path) -> None:
    stage = wheelhouse.stage_source(tmp_path)
    package = stage / "trainer"
    inside = package / paths.SHIPPED_IN_PACKAGE
    assert sorted(p.name for p in (inside / "question_banks").glob("*.yaml")) == sorted(
        p.name for p in (ROOT / "question_banks").glob("*.yaml")
    )
    shipped_pictures = sorted(
        p.relative_to(ROOT / "question_banks") for p in (ROOT / "question_banks").rglob("*.svg")
    )
    assert shipped_pictures  # the banks' pictures travel with them
    assert all((inside / "question_banks" / p).is_file() for p in shipped_pictures)
    assert (inside / "assets" / "translations" / "tip_trainer_fr.qm").is_file()
    assert not list((inside / "assets").rglob("*.ts"))  # sources for translators stay out
    assert not buildinfo.read_build_info(package / buildinfo.BUILD_INFO_NAME).development
    assert paths.find_install_root(package, None) == inside
    pyproject = (stage / "pyproject.toml").read_text(encoding="utf-8")
    assert '"shipped/**/*"' in pyproject and '"build-info.json"' in pyproject


def test_wheelhouse_asks_for_every_manylinux_tag_up_to_2_34() -> None:
    linux = wheelhouse.PLATFORMS["linux"]
    assert linux[0] == "manylinux_2_34_x86_64"
    assert {"manylinux_2_28_x86_64", "manylinux_2_17_x86_64", "manylinux2014_x86_64"} <= set(linux)
    assert wheelhouse.PLATFORMS["windows"] == ["win_amd64"]


def test_wheelhouse_ignores_this_machines_pip_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PIP_FIND_LINKS", "/somewhere")
    monkeypatch.setenv("PIP_CONSTRAINT", "/etc/other.txt")
    env = wheelhouse.clean_pip_env()
    assert "PIP_FIND_LINKS" not in env and "PIP_CONSTRAINT" not in env
    assert env["PIP_CONFIG_FILE"] == os.devnull
