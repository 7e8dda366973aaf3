//! Parts laid end to end in one string or byte array: stored as their lengths (small numbers
//! compress well), held in memory as their ends (a part is then one slice).

use std::ops::Range;

/// Running sums of `lens`: where each part ends. `None` when the total passes `u32::MAX`.
pub(crate) fn ends_of(lens: &[u32]) -> Option<Vec<u32>> {
    let mut end = 0u32;
    lens.iter()
        .map(|&len| {
            end = end.checked_add(len)?;
            Some(end)
        })
        .collect()
}

/// Lengths of the parts ending at `ends`.
pub(crate) fn lens_of(ends: &[u32]) -> Vec<u32> {
    let mut start = 0;
    ends.iter()
        .map(|&end| {
            let len = end.saturating_sub(start);
            start = end;
            len
        })
        .collect()
}

/// Where part `index` lies (empty past the end).
pub(crate) fn span(ends: &[u32], index: usize) -> Range<usize> {
    let start = index
        .checked_sub(1)
        .and_then(|i| ends.get(i))
        .map_or(0, |&e| e as usize);
    let end = ends.get(index).map_or(start, |&e| e as usize);
    start..end.max(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_ends_and_spans_agree() {
        let lens = [3, 0, 2];
        let ends = ends_of(&lens).expect("fits");
        assert_eq!(ends, [3, 3, 5]);
        assert_eq!(lens_of(&ends), lens);
        assert_eq!(
            (0..4).map(|i| span(&ends, i)).collect::<Vec<_>>(),
            [0..3, 3..3, 3..5, 5..5]
        );
        assert_eq!(ends_of(&[u32::MAX, 1]), None);
    }
}
