"""Collect every wheel TiP Trainer needs, for Windows and Linux, into one folder.

    python packaging/wheelhouse.py [--out wheelhouse] [--platform linux] [--platform windows]
    python packaging/wheelhouse.py --out build/wheelhouse-check --platform linux --check

The folder then installs on a machine with Python 3.11 and no network:

    pip install --no-index --find-links wheelhouse -c wheelhouse/constraints.txt tip-trainer

The project's own wheel is built into the folder too, with the shipped question banks
and assets inside the package and the build date recorded. ``--check`` then installs the
folder into a fresh virtualenv with ``--no-index`` and runs the installed program.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from trainer import __version__  # noqa: E402
from trainer.buildinfo import BUILD_INFO_NAME, write_build_info  # noqa: E402
from trainer.paths import SHIPPED_IN_PACKAGE  # noqa: E402

PYTHON_VERSION = "3.11"
# Linux: glibc 2.34 or newer (the Qt wheels need it), so every manylinux tag up to 2.34;
# pip does not widen a --platform tag by itself.
PLATFORMS = {
    "linux": [f"manylinux_2_{minor}_x86_64" for minor in range(34, 4, -1)]
    + ["manylinux2014_x86_64", "manylinux2010_x86_64", "manylinux1_x86_64"],
    "windows": ["win_amd64"],
}
INSTALL_NOTE = """\
TiP Trainer {version}: every wheel for Python {python} on Windows (win_amd64) and
Linux (x86_64, glibc 2.34 or newer), for a machine without network.

Install (a virtualenv is best; on Windows use py -3.11 -m venv and .venv\\Scripts\\pip):

    python3.11 -m venv tip-trainer-env
    tip-trainer-env/bin/pip install --no-index --find-links {folder} -c {folder}/constraints.txt tip-trainer

Then start the window with tip-trainer-env/bin/tip-trainer, or run commands with
tip-trainer-env/bin/tip-trainer-cli --help.
"""


def _commit() -> str:
    try:
        done = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "HEAD"],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except OSError:
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


def clean_pip_env() -> dict[str, str]:
    """This machine's pip settings (extra indexes, find-links, constraints) left out."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PIP_")}
    env["PIP_CONFIG_FILE"] = os.devnull
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return env


def stage_source(stage: Path) -> Path:
    """A copy of the sources with question_banks/ and assets/ inside the package."""
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, stage / name)
    shutil.copytree(
        ROOT / "trainer", stage / "trainer", ignore=shutil.ignore_patterns("__pycache__", "*.pyc")
    )
    inside = stage / "trainer" / SHIPPED_IN_PACKAGE
    shutil.copytree(ROOT / "question_banks", inside / "question_banks")
    shutil.copytree(ROOT / "assets", inside / "assets", ignore=shutil.ignore_patterns("*.ts"))
    write_build_info(stage / "trainer" / BUILD_INFO_NAME, commit=_commit())
    return stage


def build_project_wheel(out: Path) -> Path:
    with tempfile.TemporaryDirectory() as tmp:
        stage = stage_source(Path(tmp))
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "wheel",
                "--quiet",
                "--no-deps",
                "-w",
                str(out),
                str(stage),
            ],
            check=True,
        )
    wheels = sorted(out.glob(f"tip_trainer-{__version__}-*.whl"))
    if not wheels:
        raise SystemExit("error: the project's wheel was not built")
    return wheels[-1]


def download(out: Path, project_wheel: Path, platform: str) -> None:
    tags = [arg for tag in PLATFORMS[platform] for arg in ("--platform", tag)]
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--quiet",
            "--dest",
            str(out),
            "--only-binary=:all:",
            "--python-version",
            PYTHON_VERSION,
            "--implementation",
            "cp",
            *tags,
            "-c",
            str(ROOT / "constraints.txt"),
            str(project_wheel),
        ],
        check=True,
        env=clean_pip_env(),
    )


def check(out: Path) -> None:
    """Install the folder into a fresh virtualenv with no index, then run the program."""
    with tempfile.TemporaryDirectory() as tmp:
        env_dir = Path(tmp) / "env"
        venv.EnvBuilder(with_pip=True, clear=True).create(env_dir)
        python = env_dir / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
        env = clean_pip_env()
        subprocess.run(
            [
                str(python),
                "-m",
                "pip",
                "install",
                "--quiet",
                "--no-index",
                "--find-links",
                str(out),
                "-c",
                str(out / "constraints.txt"),
                "tip-trainer",
            ],
            check=True,
            env=env,
        )
        run_env = {**env, "HOME": tmp, "QT_QPA_PLATFORM": "offscreen"}
        run_env.pop("PYTHONPATH", None)
        data = ["--data-dir", str(Path(tmp) / "data")]

        def run(*args: str) -> str:
            done = subprocess.run(
                [str(python), "-m", "trainer", *args],
                cwd=tmp,  # not the source tree: the installed package is what runs
                env=run_env,
                capture_output=True,
                text=True,
                check=False,
            )
            if done.returncode != 0:
                raise SystemExit(f"error: python -m trainer {' '.join(args)}:\n{done.stderr}")
            return done.stdout + done.stderr

        assert "verify-certificate" in run("--help")
        banks = run("banks", *data)
        for bank in ("core", "police", "prosecutors", "judges"):
            if f"\n{bank} " not in "\n" + banks:
                raise SystemExit(f"error: the installed program has no {bank} bank:\n{banks}")
        run("--exit-when-ready", "--lang", "fr", *data)
    print(f"wheelhouse check passed: {out} installs offline and runs")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "wheelhouse")
    parser.add_argument("--platform", action="append", choices=sorted(PLATFORMS))
    parser.add_argument("--check", action="store_true", help="then install it offline and run it")
    args = parser.parse_args(argv)
    platforms = args.platform or sorted(PLATFORMS)
    out: Path = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("tip_trainer-*.whl"):
        old.unlink()
    wheel = build_project_wheel(out)
    for platform in platforms:
        print(f"downloading the wheels for {platform} ...", flush=True)
        download(out, wheel, platform)
    shutil.copy2(ROOT / "constraints.txt", out / "constraints.txt")
    (out / "INSTALL.txt").write_text(
        INSTALL_NOTE.format(version=__version__, python=PYTHON_VERSION, folder=out.name),
        encoding="utf-8",
    )
    wheels = sorted(p.name for p in out.glob("*.whl"))
    size = sum(p.stat().st_size for p in out.glob("*.whl"))
    print(f"{len(wheels)} wheels ({size / 1e6:.0f} MB) in {out}")
    if args.check:
        check(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
