/// A fixed-capacity ring buffer that overwrites its oldest sample when full.
#[derive(Debug, Clone)]
pub struct Ring {
    data: Vec<f64>,
    start: usize,
    len: usize,
}

impl Ring {
    pub fn with_capacity(capacity: usize) -> Ring {
        assert!(capacity > 0, "ring capacity must be positive");
        Ring { data: vec![0.0; capacity], start: 0, len: 0 }
    }

    pub fn capacity(&self) -> usize {
        self.data.len()
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn push(&mut self, value: f64) {
        let cap = self.capacity();
        if self.len < cap {
            let index = (self.start + self.len) % cap;
            self.data[index] = value;
            self.len += 1;
        } else {
            self.data[self.start] = value;
            self.start = (self.start + 1) % cap;
        }
    }

    /// Samples from oldest to newest.
    pub fn iter(&self) -> impl Iterator<Item = f64> + '_ {
        (0..self.len).map(move |i| self.data[(self.start + i) % self.capacity()])
    }

    pub fn newest(&self) -> Option<f64> {
        if self.len == 0 {
            None
        } else {
            Some(self.data[(self.start + self.len - 1) % self.capacity()])
        }
    }

    pub fn to_vec(&self) -> Vec<f64> {
        self.iter().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn push_until_full() {
        let mut ring = Ring::with_capacity(3);
        ring.push(1.0);
        ring.push(2.0);
        assert_eq!(ring.len(), 2);
        assert_eq!(ring.to_vec(), vec![1.0, 2.0]);
    }

    #[test]
    fn overwrites_oldest() {
        let mut ring = Ring::with_capacity(3);
        for v in 1..=5 {
            ring.push(v as f64);
        }
        assert_eq!(ring.to_vec(), vec![3.0, 4.0, 5.0]);
        assert_eq!(ring.newest(), Some(5.0));
    }

    #[test]
    fn empty_has_no_newest() {
        let ring = Ring::with_capacity(2);
        assert!(ring.is_empty());
        assert_eq!(ring.newest(), None);
    }

    #[test]
    #[should_panic(expected = "ring capacity must be positive")]
    fn zero_capacity_panics() {
        Ring::with_capacity(0);
    }
}
