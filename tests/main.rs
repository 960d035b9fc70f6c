//! Integration tests: one binary (each binary linking polars is large), one module per
//! concern. Test inputs are written by these tests or live in `corpus/`, `tests/context/` and `tests/reconcile/`.

mod cli;
mod context;
mod corpus;
mod formats;
mod inputs;
mod layouts;
mod provenance;
mod reconcile;
mod shards;
mod trace;
mod util;
