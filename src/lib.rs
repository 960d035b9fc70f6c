//! figtrace turns dumps of news articles into a dataset of numeric claims, each traced
//! to the exact characters of its source, and reconciles the same figure across sources.
//!
//! The pipeline is a chain of plain functions, one module per stage; only [`pipeline`]
//! and `run` know about threads, progress bars and timing:
//!
//! ```text
//! paths --ingest--> RawDoc --parse--> Article --clean--> Article (blocks tagged)
//!   --segment--> Sentence[] --extract--> Mention[] --context--> Claim[]
//! all claims --keys--> compact keys --dedup--> links --reconcile--> figures --write--> Parquet
//! ```
//!
//! Spans are byte offsets inside the program ([`model::Span`]); the writer turns them
//! into code-point offsets, lines and columns ([`locate`]).

pub mod clean;
pub mod cli;
pub mod context;
pub mod dedup;
pub mod dump;
pub mod english;
pub mod eval;
pub mod extract;
#[cfg(feature = "parquet")]
pub mod figures;
pub mod ingest;
pub mod keys;
pub mod locate;
#[cfg(feature = "parquet")]
pub mod merge;
pub mod model;
pub mod parse;
pub mod pipeline;
pub mod reconcile;
#[cfg(feature = "parquet")]
pub mod report;
#[cfg(feature = "parquet")]
pub mod run;
pub mod segment;
mod sets;
pub mod spill;
#[cfg(feature = "parquet")]
pub mod trace;
#[cfg(feature = "parquet")]
pub mod write;

pub use pipeline::{Config, Summary, process};
#[cfg(feature = "parquet")]
pub use run::run;
