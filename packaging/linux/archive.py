"""Turn the PyInstaller folder into the Linux archive a person unpacks and runs.

``python packaging/linux/archive.py dist/tip-trainer dist/tip-trainer-VERSION-linux-x86_64.tar.gz``
adds the desktop entry, the icon, the menu installer and a README beside the program,
then writes a .tar.gz whose single top folder is ``tip-trainer-VERSION``.
"""

from __future__ import annotations

import os
import shutil
import sys
import tarfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
sys.path.insert(0, str(HERE.parent))

from make_icons import main as make_icons  # noqa: E402

from trainer import __version__  # noqa: E402


def add_desktop_files(folder: Path) -> None:
    shutil.copy2(HERE / "tip-trainer.desktop", folder / "tip-trainer.desktop")
    shutil.copy2(HERE / "install-desktop-entry.sh", folder / "install-desktop-entry.sh")
    (folder / "install-desktop-entry.sh").chmod(0o755)
    readme = (HERE / "README.txt").read_text(encoding="utf-8").replace("@VERSION@", __version__)
    (folder / "README.txt").write_text(readme, encoding="utf-8")
    if make_icons([str(folder)]) != 0:
        raise SystemExit("the icon could not be drawn")
    (folder / "tip-trainer.ico").unlink()  # Windows only


def write_archive(folder: Path, archive: Path) -> None:
    top = f"tip-trainer-{__version__}"
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    mtime = int(epoch) if epoch.isdigit() else int(time.time())

    def normalise(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        info.mtime = mtime
        return info

    tmp = archive.with_name(archive.name + ".part")
    with tarfile.open(tmp, "w:gz", compresslevel=6) as tar:
        for path in sorted(folder.rglob("*")):
            if path.is_dir() and not path.is_symlink():
                continue
            name = f"{top}/{path.relative_to(folder).as_posix()}"
            tar.add(path, arcname=name, recursive=False, filter=normalise)
    tmp.replace(archive)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    folder, archive = Path(argv[0]), Path(argv[1])
    if not (folder / "tip-trainer").is_file():
        print(f"error: {folder} holds no built program; run make dist", file=sys.stderr)
        return 1
    add_desktop_files(folder)
    write_archive(folder, archive)
    print(f"wrote {archive} ({archive.stat().st_size / 1e6:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
