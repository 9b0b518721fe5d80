//! Feed a deterministic pseudo-random signal through a window and print the rolling summary.
use ringstat::{summarize, Ring};

fn main() {
    let steps: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(100);
    let mut ring = Ring::with_capacity(16);
    let mut state: u64 = 0x2545F4914F6CDD1D;
    for step in 0..steps {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let sample = (state % 10_000) as f64 / 100.0;
        ring.push(sample);
        let s = summarize(&ring).expect("not empty");
        println!(
            "step {:>5} sample {:>6.2} window n={:>2} min={:>6.2} max={:>6.2} mean={:>7.3} sd={:>7.3}",
            step, sample, s.count, s.min, s.max, s.mean, s.stddev
        );
    }
}
