use ringstat::parse::parse_samples;
use ringstat::{summarize, Ring};

#[test]
fn rolling_summary_from_text() {
    let samples = parse_samples("4\n8\n15\n16\n23\n42\n").unwrap();
    let mut ring = Ring::with_capacity(3);
    for s in samples {
        ring.push(s);
    }
    let summary = summarize(&ring).expect("window is not empty");
    assert_eq!(summary.count, 3);
    assert_eq!(summary.min, 16.0);
    assert_eq!(summary.max, 42.0);
    assert!((summary.mean - 27.0).abs() < 1e-9, "mean was {}", summary.mean);
}

#[test]
fn newest_follows_pushes() {
    let mut ring = Ring::with_capacity(2);
    ring.push(1.0);
    ring.push(2.0);
    ring.push(3.0);
    assert_eq!(ring.newest(), Some(3.0));
    assert_eq!(ring.to_vec(), [2.0, 3.0]);
}
