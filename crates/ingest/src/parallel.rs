//! Work shared among the machine's cores (native only): loading a large seeds directory, and the
//! bench's brute-force scans, are one independent task per file or query.

/// `items.map(f)`, in order, with the work shared among the machine's cores: each thread takes
/// the next item as it finishes one, so a few huge files do not hold one thread's whole share.
pub fn map_on_every_core<T: Send, R: Send>(items: Vec<T>, f: impl Fn(T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZeroUsize::get)
        .min(items.len());
    if threads <= 1 {
        return items.into_iter().map(f).collect();
    }
    let len = items.len();
    let queue = std::sync::Mutex::new(items.into_iter().enumerate());
    let next = || queue.lock().map_or(None, |mut items| items.next());
    let mut done: Vec<(usize, R)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut out = Vec::new();
                    while let Some((i, item)) = next() {
                        out.push((i, f(item)));
                    }
                    out
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|worker| {
                worker
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    });
    debug_assert_eq!(done.len(), len);
    done.sort_unstable_by_key(|&(i, _)| i);
    done.into_iter().map(|(_, r)| r).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn work_shared_among_cores_comes_back_in_order() {
        // Uneven work (every seventh item slow), so threads finish out of order.
        let items: Vec<u64> = (0..500).collect();
        let out = map_on_every_core(items, |i| {
            let spin = if i % 7 == 0 { 20_000 } else { 10 };
            (0..spin).fold(i, |acc, k| acc.wrapping_add(k % 2)) - spin / 2
        });
        assert_eq!(out, (0..500).collect::<Vec<u64>>());
    }

    #[test]
    fn no_items_and_one_item_need_no_threads() {
        assert_eq!(map_on_every_core(Vec::<u8>::new(), |x| x), Vec::<u8>::new());
        assert_eq!(map_on_every_core(vec![3u8], |x| x * 2), vec![6]);
    }
}
