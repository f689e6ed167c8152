//! Ordering for the short lists this guide sorts: a plan's steps, the questions still open,
//! a step's one or two working-day figures, the bundled years of holidays.
//!
//! Why not `slice::sort_by_key`: std's driftsort and pattern-defeating quicksort came to about
//! 15 KB of the wasm (twiggy), instantiated once per element type, for lists of a few dozen
//! items at most. An insertion sort is a few hundred bytes and just as fast at these sizes.

/// Sorts `items` by `key`, keeping items with equal keys in their order (stable).
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && key(&items[j - 1]) > key(&items[j]) {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}
