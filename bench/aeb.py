#!/usr/bin/env python3
"""Scores figtrace's article text on the Article Extraction Benchmark pages.

    python3 bench/aeb.py [--shared ../shared] [--keep PREDICTIONS.json]

Runs `figtrace dump articles` over ../shared/eval/aeb/pages (the .html.gz files as they
are), takes each page's article text (documents.text without its boilerplate spans) as
the prediction, and scores it with the benchmark's own score_aeb.py (last line
`aeb_f1=…`). Also prints the HTML read speed of `figtrace run` over the same pages, one
thread (MB/s of uncompressed HTML, best of 3). FIGTRACE names the binary (default
target/release/figtrace). Standard library only.
"""
import argparse
import gzip
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from corpora import figtrace_binary


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--keep", help="also write the predictions here")
    args = ap.parse_args()
    binary = figtrace_binary()
    aeb = Path(args.shared) / "eval" / "aeb"
    pages = aeb / "pages"
    out = subprocess.run([binary, "dump", "articles", str(pages)], capture_output=True, text=True, check=True).stdout
    predictions = {}
    for line in out.splitlines():
        d = json.loads(line)
        name = Path(d["path"]).name
        if name.endswith(".html.gz"):
            predictions[name[: -len(".html.gz")]] = d["text"]
    with tempfile.TemporaryDirectory() as tmp:
        pred = Path(args.keep or Path(tmp) / "pred.json")
        pred.write_text(json.dumps(predictions, ensure_ascii=False))
        score = subprocess.run([sys.executable, str(aeb / "score_aeb.py"), str(aeb / "ground_truth.json"), str(pred)],
                               capture_output=True, text=True, check=True).stdout
        print(score.strip())
        # Speed: the uncompressed pages, read by a full one-thread run.
        html = Path(tmp) / "html"
        html.mkdir()
        size = 0
        for p in sorted(pages.glob("*.html.gz")):
            data = gzip.decompress(p.read_bytes())
            size += len(data)
            (html / p.name[:-3]).write_bytes(data)
        best = None
        for _ in range(3):
            t = time.perf_counter()
            subprocess.run([binary, "run", str(html), "-o", str(Path(tmp) / "out"), "--quiet", "--jobs", "1"],
                           check=True, capture_output=True)
            secs = time.perf_counter() - t
            best = secs if best is None else min(best, secs)
        print(f"html_read: {size / 1e6:.1f} MB in {best:.2f} s = {size / 1e6 / best:.1f} MB/s "
              f"(figtrace run, 1 thread, all stages, best of 3)")


if __name__ == "__main__":
    main()
