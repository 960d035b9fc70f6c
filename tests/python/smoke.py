#!/usr/bin/env python3
"""Reads a figtrace output folder the way a notebook would and checks what it promises.

    python tests/python/smoke.py output/

pyarrow: the file metadata (schema version, tool version, run id) and the column types
(large_string, large_list); pandas, polars and DuckDB: every table reads; the joins
claims → figures → documents hold; provenance: documents.text[char_start:char_end] is the
claim's surface. Exits non-zero with a message on the first failure.
"""
import json
import sys
from pathlib import Path

import duckdb
import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq


def check(cond, msg):
    if not cond:
        sys.exit(f"smoke: FAILED: {msg}")


def main(out):
    out = Path(out)
    manifest = json.loads((out / "manifest.json").read_text())
    types = {}
    for table in ("documents", "claims", "figures"):
        f = pq.ParquetFile(out / f"{table}.parquet")
        meta = {k.decode(): v.decode() for k, v in (f.metadata.metadata or {}).items()}
        check(meta.get("figtrace.schema_version") == str(manifest["schema_version"]), f"{table}: schema version in metadata {meta}")
        check(meta.get("figtrace.version") == manifest["version"], f"{table}: tool version in metadata")
        check(meta.get("figtrace.run_id") == manifest["run_id"], f"{table}: run id {meta.get('figtrace.run_id')} != manifest {manifest['run_id']}")
        types[table] = {field.name: field.type for field in f.schema_arrow}
    check(types["claims"]["claim_id"] == pa.large_string(), f"claim_id is {types['claims']['claim_id']}")
    check(types["claims"]["value"] == pa.float64(), "value is float64")
    check(types["claims"]["line"] == pa.int64(), "line is int64")
    check(types["claims"]["in_boilerplate"] == pa.bool_(), "in_boilerplate is bool")
    check(types["figures"]["claim_ids"] == pa.large_list(pa.large_string()), f"claim_ids is {types['figures']['claim_ids']}")
    check(types["documents"]["boilerplate_spans"] == pa.large_list(pa.large_list(pa.int64())), "boilerplate_spans")

    # pandas
    docs = pd.read_parquet(out / "documents.parquet")
    claims = pd.read_parquet(out / "claims.parquet")
    figures = pd.read_parquet(out / "figures.parquet")
    check(len(claims) == manifest["counts"]["claims"], "claims counted in the manifest")
    check(len(figures) == manifest["counts"]["figures"], "figures counted in the manifest")
    check(len(docs) == manifest["counts"]["documents"], "documents counted in the manifest")
    text = dict(zip(docs.doc_id, docs.text))
    for c in claims.itertuples():
        check(text[c.doc_id][c.char_start:c.char_end] == c.surface, f"{c.claim_id}: text[char_start:char_end] != surface")
    members = figures.explode("claim_ids")
    check(set(members.claim_ids.dropna()) == set(claims.loc[claims.figure_id.notna(), "claim_id"]),
          "figures.claim_ids are the claims with a figure_id")

    # polars
    pc = pl.read_parquet(out / "claims.parquet")
    pf = pl.read_parquet(out / "figures.parquet")
    pd_ = pl.read_parquet(out / "documents.parquet")
    joined = pc.join(pf, on="figure_id", how="inner").join(pd_.select("doc_id", "title"), on="doc_id", how="inner")
    check(joined.height == pc.filter(pl.col("figure_id").is_not_null()).height, "polars: every claim with a figure joins")
    check(pf.filter(pl.col("status") == "conflicting").height == manifest["counts"]["figures_by_status"]["conflicting"],
          "polars: conflicting figures")

    # DuckDB
    n = duckdb.sql(f"""
        SELECT count(*) FROM '{out}/figures.parquet' f, unnest(f.claim_ids) AS u(claim_id)
        JOIN '{out}/claims.parquet' c ON c.claim_id = u.claim_id
        JOIN '{out}/documents.parquet' d ON d.doc_id = c.doc_id
    """).fetchall()[0][0]
    check(n == len(members.claim_ids.dropna()), f"duckdb: {n} claims reached through figures")
    print(f"smoke: ok: {len(docs)} documents, {len(claims)} claims, {len(figures)} figures read by pyarrow, "
          f"pandas {pd.__version__}, polars {pl.__version__} and duckdb {duckdb.__version__}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "output")
