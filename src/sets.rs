//! Sets shared by dedup and reconcile: disjoint sets (groups of duplicate documents,
//! claims stating one figure) and counts over sorted hash lists (shingles, names, words).

/// Disjoint sets over `0..n`, with path halving. The smaller index is always the root, so
/// groups do not depend on the order of unions. Parents are kept in 32 bits (`n` is a
/// count of documents or claims), half the memory of `usize`.
pub struct UnionFind(Vec<u32>);

impl UnionFind {
    pub fn new(n: usize) -> Self {
        assert!(u32::try_from(n).is_ok(), "at most 2^32 elements");
        UnionFind((0..n as u32).collect())
    }

    pub fn find(&mut self, x: usize) -> usize {
        let mut x = x as u32;
        while self.0[x as usize] != x {
            self.0[x as usize] = self.0[self.0[x as usize] as usize];
            x = self.0[x as usize];
        }
        x as usize
    }

    pub fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.0[hi] = lo as u32;
        }
    }
}

/// Elements common to two sorted lists without repeats, in one merge pass.
pub fn common_count<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_elements_of_sorted_lists() {
        assert_eq!(common_count(&[1, 3, 5, 9], &[2, 3, 9, 10]), 2);
        assert_eq!(common_count(&[], &[1]), 0);
    }

    #[test]
    fn the_smallest_member_is_the_root_whatever_the_order() {
        let mut u = UnionFind::new(5);
        u.union(4, 3);
        u.union(3, 1);
        assert_eq!(u.find(4), 1);
        assert_ne!(u.find(0), u.find(4));
        u.union(2, 0);
        u.union(4, 2);
        assert_eq!((u.find(1), u.find(3), u.find(4)), (0, 0, 0));
    }
}
