//! Integration tests: one binary (each binary linking polars is large), one module per
//! concern. Test inputs are written by these tests or live in `corpus/`.

mod cli;
mod corpus;
mod formats;
mod layouts;
mod provenance;
mod util;
