#!/usr/bin/env python3
"""A fixed random sample of claims from a run over the BBC and Reuters corpora, as a sheet
for judging the context columns by hand.

    python3 bench/context_sample.py > sample.jsonl          # seed 4, 200 claims

Run from anywhere; it works in the repository root. Converts Reuters-21578 to JSON lines
(bench/out/reuters.jsonl, by bench/reuters_to_jsonl.py), runs
`figtrace dump claims --ids` over both corpora (the same claims, with the same ids, as
`figtrace run` writes to claims.parquet), and prints the sample, one claim a line, with
the fields to judge: subject, subject_key, unit, geography, period, per, attribution.
Standard library only; FIGTRACE names the binary (default target/release/figtrace).
"""
import argparse
import json
import os
import random
import subprocess
import sys
from pathlib import Path

FIELDS = ["subject", "subject_key", "unit", "geography", "period", "per", "attribution"]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default="../shared", help="the shared folder holding corpora/")
    ap.add_argument("--seed", type=int, default=4)
    ap.add_argument("-n", type=int, default=200)
    args = ap.parse_args()
    here = Path(__file__).resolve().parent
    binary = os.environ.get("FIGTRACE", str(here.parent / "target" / "release" / "figtrace"))
    corpora = Path(args.shared) / "corpora"
    # Ids hash the paths as given, so the inputs are named the same way on every run:
    # `figtrace run ../shared/corpora/bbc-news-2225 bench/out/reuters.jsonl`, from the
    # repository root, writes these claims with these ids.
    os.chdir(here.parent)
    reuters = Path("bench/out/reuters.jsonl")
    reuters.parent.mkdir(parents=True, exist_ok=True)
    with reuters.open("w") as f:
        subprocess.run([sys.executable, "bench/reuters_to_jsonl.py", str(corpora / "reuters-21578")],
                       stdout=f, check=True)
    out = subprocess.run([binary, "dump", "claims", "--ids", str(corpora / "bbc-news-2225"), str(reuters)],
                         capture_output=True, text=True, check=True).stdout
    claims = [json.loads(line) for line in out.splitlines()]
    sample = random.Random(args.seed).sample(claims, args.n)
    print(f"{len(claims)} claims; sample of {args.n} with seed {args.seed}", file=sys.stderr)
    for c in sample:
        row = {k: c[k] for k in ["claim_id", "at", "published", "surface", "kind", "sentence"]}
        row.update({k: c[k] for k in FIELDS})
        print(json.dumps(row, ensure_ascii=False))


if __name__ == "__main__":
    main()
