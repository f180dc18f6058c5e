//! One small stable sort for the family widgets' short lists (a pathway's steps, a chart's
//! points, a plan's leads and updates).
//!
//! Why not `slice::sort_by_key`: the standard library's stable sort (driftsort) is generated
//! again for every element type and key it is called with, about 2.3 kB of wasm each; six such
//! calls made 15 kB raw (about 4 kB brotli) of send-tracker. The lists sorted here hold tens of
//! items, a few hundred at most (the feed's size limit bounds them), where an insertion sort is
//! as quick and is a few hundred bytes per use. Everything else may use the standard sorts.

/// Sorts `items` so that `key` rises, keeping items with equal keys in the order given (a
/// stable sort). `key` is called about twice per comparison: keep it cheap.
pub fn by_key<T, K: PartialOrd>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && key(&items[j - 1]) > key(&items[j]) {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::by_key;

    #[test]
    fn sorts_by_key_and_keeps_equal_keys_in_order() {
        let mut items = [(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        by_key(&mut items, |item| item.0);
        assert_eq!(items, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
    }

    #[test]
    fn agrees_with_the_standard_stable_sort() {
        // Made-up lists: 50 pseudo-random ones of each length up to 40, with keys 0 to 3 (many
        // ties), then a long reversed one.
        let mut seed = 0x2545_f491_u32;
        for len in 0..=40 {
            for _ in 0..50 {
                let items: Vec<(u32, usize)> = (0..len)
                    .map(|i| {
                        seed ^= seed << 13;
                        seed ^= seed >> 17;
                        seed ^= seed << 5;
                        (seed % 4, i)
                    })
                    .collect();
                let mut ours = items.clone();
                let mut std = items;
                by_key(&mut ours, |item| item.0);
                std.sort_by_key(|item| item.0);
                assert_eq!(ours, std);
            }
        }
        let mut long: Vec<i64> = (0..500).rev().collect();
        by_key(&mut long, |&n| n);
        assert!(long.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn sorts_floats_and_descending_keys() {
        let mut items = [2.5_f64, -1.0, 10.0, 0.0];
        by_key(&mut items, |&v| -v);
        assert_eq!(items, [10.0, 2.5, 0.0, -1.0]);
    }
}
