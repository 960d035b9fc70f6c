#!/usr/bin/env python3
"""Builds the throughput corpus from ../shared/corpora (read at run time, never committed).

    python3 bench/make_corpus.py OUT [--scale 1] [--shared ../shared]

OUT/bbc/copy-K/<topic>/<n>.txt: BBC News copied 8 × scale times; each copy gets one added
last line naming the copy, so no file is a byte-identical duplicate of another (they are
near duplicates, as syndicated copies are). OUT/reuters-K.jsonl: Reuters-21578 as JSON lines
(id, title, published, publisher, text), scale times, the K-th copy with ids suffixed and
an added sentence. About 60 MB at scale 1. Standard library only.
"""
import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("--scale", type=int, default=1, help="copies of the whole corpus (1 is about 60 MB)")
    ap.add_argument("--shared", type=Path, default=HERE.parent.parent / "shared")
    args = ap.parse_args()
    bbc = args.shared / "corpora" / "bbc-news-2225" / "bbc"
    reuters_src = args.shared / "corpora" / "reuters-21578"
    if not bbc.is_dir() or not reuters_src.is_dir():
        sys.exit(f"make_corpus: {bbc} or {reuters_src} is missing (set --shared)")
    if args.out.exists():
        shutil.rmtree(args.out)
    args.out.mkdir(parents=True)
    articles = sorted(p for p in bbc.rglob("*.txt") if p.name != "README.TXT")
    for k in range(8 * args.scale):
        for p in articles:
            dest = args.out / "bbc" / f"copy-{k}" / p.relative_to(bbc)
            dest.parent.mkdir(parents=True, exist_ok=True)
            text = p.read_bytes().decode("latin-1")
            dest.write_text(text.rstrip("\n") + f"\n\nArchive copy {k + 1}.\n", encoding="utf-8")
    lines = subprocess.run([sys.executable, str(HERE / "reuters_to_jsonl.py"), str(reuters_src)],
                           capture_output=True, text=True, check=True).stdout.splitlines()
    for k in range(args.scale):
        with (args.out / f"reuters-{k}.jsonl").open("w", encoding="utf-8") as f:
            for line in lines:
                record = json.loads(line)
                if k:
                    record["id"] = f"{record['id']}-copy{k}"
                    record["text"] += f"\nArchive copy {k + 1}."
                f.write(json.dumps(record, ensure_ascii=False) + "\n")
    total = sum(p.stat().st_size for p in args.out.rglob("*") if p.is_file())
    print(f"{args.out}: {total / 1e6:.1f} MB", file=sys.stderr)


if __name__ == "__main__":
    main()
