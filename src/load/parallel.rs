//! Work spread over every core with the results taken in their original order.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

/// Runs `work` over `items` on every core and hands each result to `done` on this
/// thread, in the order of `items`, as soon as it and all before it are ready: ids and
/// messages come out exactly as a single pass would make them, and adding the files to
/// the deck overlaps with parsing the ones after them.
pub(super) fn in_order_on_every_core<T: Sync, R: Send>(
    items: &[T],
    work: impl Fn(&T) -> R + Sync,
    mut done: impl FnMut(&T, R),
) {
    let workers = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(items.len() / 4);
    if workers <= 1 {
        for item in items {
            done(item, work(item));
        }
        return;
    }
    let next = AtomicUsize::new(0);
    let (send, receive) = mpsc::channel::<(usize, R)>();
    std::thread::scope(|scope| {
        for _ in 0..workers {
            let send = send.clone();
            let (next, work) = (&next, &work);
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(item) = items.get(i) else { break };
                    if send.send((i, work(item))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(send);
        let mut waiting: BTreeMap<usize, R> = BTreeMap::new();
        let mut expected = 0;
        for (i, result) in receive {
            waiting.insert(i, result);
            while let Some(result) = waiting.remove(&expected) {
                done(&items[expected], result);
                expected += 1;
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_back_in_order_whatever_finishes_first() {
        let items: Vec<u64> = (0..200).collect();
        let mut seen = Vec::new();
        in_order_on_every_core(
            &items,
            |&i| {
                // Early items take longest, so later ones finish first.
                std::thread::sleep(std::time::Duration::from_micros((200 - i) * 20));
                i * 2
            },
            |&item, doubled| seen.push((item, doubled)),
        );
        let expected: Vec<(u64, u64)> = items.iter().map(|&i| (i, i * 2)).collect();
        assert_eq!(seen, expected);
    }
}
