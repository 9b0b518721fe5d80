//! Rolling statistics over a fixed-size window of samples.

pub mod ring;
pub mod stats;
pub mod parse;

pub use ring::Ring;
pub use stats::{Summary, summarize};
