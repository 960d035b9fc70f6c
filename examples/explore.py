#!/usr/bin/env python3
"""A first look at a figtrace output in pandas, polars and DuckDB.

    python examples/explore.py [OUTPUT_DIR] [--plot series.png]

Prints the tables' sizes, the conflicting figures with the sentences that disagree, the
figures most sources state, and one series (a subject measured over several periods);
with --plot, draws the series with matplotlib (pip install matplotlib). Needs pandas,
polars, duckdb and pyarrow: pip install -r tests/python/requirements.txt
"""
import argparse
from pathlib import Path

import duckdb
import pandas as pd
import polars as pl


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("output", nargs="?", default="output", type=Path)
    ap.add_argument("--plot", type=Path, help="draw the series into this PNG file")
    args = ap.parse_args()
    out = args.output

    # pandas: the three tables, and claims with their document's title and publisher.
    docs = pd.read_parquet(out / "documents.parquet")
    claims = pd.read_parquet(out / "claims.parquet")
    figures = pd.read_parquet(out / "figures.parquet")
    print(f"{len(docs)} documents, {len(claims)} claims, {len(figures)} figures")
    body = claims[~claims.in_boilerplate].merge(docs[["doc_id", "title", "publisher"]], on="doc_id")
    print(body[["source_path", "line", "column", "surface", "kind", "subject"]].head(10).to_string(index=False))

    # polars: conflicting figures, each with the claims that disagree and where they stand.
    pf = pl.read_parquet(out / "figures.parquet")
    pc = pl.read_parquet(out / "claims.parquet")
    conflicts = pf.filter(pl.col("status") == "conflicting")
    print(f"\n{conflicts.height} conflicting figures")
    for f in conflicts.iter_rows(named=True):
        print(f"  {f['figure_id']} {f['subject']}: {f['value_min']:,} to {f['value_max']:,} in {f['n_documents']} documents")
        off = pc.filter(pl.col("claim_id").is_in(f["conflicting_claim_ids"]))
        for c in off.iter_rows(named=True):
            print(f"    disagrees: {c['surface']} at {c['source_path']}:{c['line']}:{c['column']}: {c['sentence']}")

    # DuckDB: figures by the number of sources, through the list of their claims.
    print("\nfigures stated by the most documents")
    duckdb.sql(f"""
        SELECT f.figure_id, f.status, f.subject, f.value_median, f.n_documents,
               string_agg(DISTINCT c.source_path, ', ') AS sources
        FROM '{out}/figures.parquet' f, unnest(f.claim_ids) AS u(claim_id)
        JOIN '{out}/claims.parquet' c ON c.claim_id = u.claim_id
        GROUP BY ALL ORDER BY f.n_documents DESC, f.figure_id LIMIT 5
    """).show()

    # A series: one subject key, place and kind over several periods.
    series = (
        pf.filter(pl.col("subject_key").is_not_null() & pl.col("period").is_not_null())
        .group_by("subject_key", "geography", "kind", "unit")
        .agg(pl.col("period").n_unique().alias("periods"))
        .filter(pl.col("periods") > 1)
        .sort("periods", descending=True)
    )
    if series.height == 0:
        print("no series here (no subject stated for more than one period)")
        return
    key = series.row(0, named=True)
    points = (
        pf.filter((pl.col("subject_key") == key["subject_key"]) & (pl.col("kind") == key["kind"]))
        .filter(pl.col("geography").eq_missing(key["geography"]) & pl.col("unit").eq_missing(key["unit"]))
        .filter(pl.col("period").is_not_null())
        .group_by("period").agg(pl.col("value_median").median())
        .sort("period")
    )
    print(f"\nseries: {key['subject_key']} ({key['geography'] or 'anywhere'}), {points.height} periods")
    print(points)
    if args.plot:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        fig, ax = plt.subplots(figsize=(7, 3.5))
        ax.plot(points["period"].to_list(), points["value_median"].to_list(), marker="o")
        ax.set_title(f"{key['subject_key']} ({key['geography'] or 'anywhere'})")
        ax.set_xlabel("period")
        fig.autofmt_xdate()
        fig.tight_layout()
        fig.savefig(args.plot, dpi=120)
        print(f"plot: {args.plot}")


if __name__ == "__main__":
    main()
