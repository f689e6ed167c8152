//! The insertion sort that orders a plan's steps and the open questions must order exactly as
//! the standard library's stable sort would: a step out of order is a step done too early.

use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn orders_like_the_standard_stable_sort(items in proptest::collection::vec((0u8..6, any::<u16>()), 0..60)) {
        let mut ours = items.clone();
        let mut std_sorted = items;
        // Sorting by the first field only: equal keys must keep their order (the second field tells).
        passport_sos::sort::sort_by_key(&mut ours, |(key, _)| *key);
        std_sorted.sort_by_key(|(key, _)| *key);
        prop_assert_eq!(ours, std_sorted);
    }
}
