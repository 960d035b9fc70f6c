"""Shared by the sampling and scoring scripts in bench/: the figtrace binary to run, and the
claims of one run over the BBC and Reuters corpora. Standard library only."""
import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def figtrace_binary():
    """FIGTRACE if set, else the release build under CARGO_TARGET_DIR (default target/)."""
    target = os.environ.get("CARGO_TARGET_DIR", str(REPO / "target"))
    return os.environ.get("FIGTRACE", str(Path(target) / "release" / "figtrace"))


def corpus_claims(shared):
    """Every claim of BBC News and Reuters-21578 as `figtrace dump claims --ids` prints it.

    Ids hash the paths as given, so the inputs are named the same way on every run:
    `figtrace run ../shared/corpora/bbc-news-2225 bench/out/reuters.jsonl`, from the
    repository root, writes these claims with these ids. bench/out/reuters.jsonl is made
    when missing. Changes the working folder to the repository root.
    """
    corpora = Path(shared) / "corpora"
    os.chdir(REPO)
    reuters = Path("bench/out/reuters.jsonl")
    if not reuters.exists():
        reuters.parent.mkdir(parents=True, exist_ok=True)
        with reuters.open("w") as f:
            subprocess.run([sys.executable, "bench/reuters_to_jsonl.py", str(corpora / "reuters-21578")],
                           stdout=f, check=True)
    out = subprocess.run([figtrace_binary(), "dump", "claims", "--ids", str(corpora / "bbc-news-2225"), str(reuters)],
                         capture_output=True, text=True, check=True).stdout
    return [json.loads(line) for line in out.splitlines()]
