#!/usr/bin/env python3
"""A fixed random sample of conflicting and consistent figures from a run over the BBC and
Reuters corpora, each with its claims, as a sheet for judging reconciliation by hand.

    python3 bench/figure_sample.py > figures.jsonl      # seed 5, 30 of each status

Works in the repository root like bench/context_sample.py (bench/out/reuters.jsonl is
made when missing); FIGTRACE names the binary (default target/release/figtrace).
Standard library only.
"""
import argparse
import json
import os
import random
import subprocess
import sys
from collections import defaultdict
from pathlib import Path


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("-n", type=int, default=30, help="figures of each status")
    args = ap.parse_args()
    here = Path(__file__).resolve().parent
    binary = os.environ.get("FIGTRACE", str(here.parent / "target" / "release" / "figtrace"))
    corpora = Path(args.shared) / "corpora"
    os.chdir(here.parent)
    reuters = Path("bench/out/reuters.jsonl")
    if not reuters.exists():
        reuters.parent.mkdir(parents=True, exist_ok=True)
        with reuters.open("w") as f:
            subprocess.run([sys.executable, "bench/reuters_to_jsonl.py", str(corpora / "reuters-21578")],
                           stdout=f, check=True)
    out = subprocess.run([binary, "dump", "claims", "--ids", str(corpora / "bbc-news-2225"), str(reuters)],
                         capture_output=True, text=True, check=True).stdout
    figures = defaultdict(list)
    status = {}
    for line in out.splitlines():
        c = json.loads(line)
        if c["figure_id"]:
            figures[c["figure_id"]].append(c)
            status[c["figure_id"]] = c["figure_status"]
    rng = random.Random(args.seed)
    for wanted in ["conflicting", "consistent"]:
        ids = sorted(f for f, s in status.items() if s == wanted)
        print(f"{len(ids)} {wanted} figures", file=sys.stderr)
        for fid in rng.sample(ids, min(args.n, len(ids))):
            claims = [{k: c[k] for k in ["claim_id", "at", "publisher", "published", "surface", "value", "subject",
                                          "geography", "period", "duplicate_of", "sentence"]}
                      for c in figures[fid]]
            print(json.dumps({"figure_id": fid, "status": wanted, "claims": claims}, ensure_ascii=False))


if __name__ == "__main__":
    main()
