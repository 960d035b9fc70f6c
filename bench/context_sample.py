#!/usr/bin/env python3
"""A fixed random sample of claims from a run over the BBC and Reuters corpora, as a sheet
for judging the context columns by hand.

    python3 bench/context_sample.py > sample.jsonl          # seed 4, 200 claims

Run from anywhere; it works in the repository root. Converts Reuters-21578 to JSON lines
(bench/out/reuters.jsonl, by bench/reuters_to_jsonl.py), runs
`figtrace dump claims --ids` over both corpora (the same claims, with the same ids, as
`figtrace run` writes to claims.parquet), and prints the sample, one claim a line, with
the fields to judge: subject, subject_key, unit, geography, period, per, attribution.
Standard library only; FIGTRACE names the binary (default: the release build under
CARGO_TARGET_DIR or target/).
"""
import argparse
import json
import random
import sys

from corpora import corpus_claims

FIELDS = ["subject", "subject_key", "unit", "geography", "period", "per", "attribution"]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default="../shared", help="the shared folder holding corpora/")
    ap.add_argument("--seed", type=int, default=4)
    ap.add_argument("-n", type=int, default=200)
    args = ap.parse_args()
    claims = corpus_claims(args.shared)
    sample = random.Random(args.seed).sample(claims, args.n)
    print(f"{len(claims)} claims; sample of {args.n} with seed {args.seed}", file=sys.stderr)
    for c in sample:
        row = {k: c[k] for k in ["claim_id", "at", "published", "surface", "kind", "sentence"]}
        row.update({k: c[k] for k in FIELDS})
        print(json.dumps(row, ensure_ascii=False))


if __name__ == "__main__":
    main()
