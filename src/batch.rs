//! Running a batch on every core while keeping its output in input order and its memory bounded.
//!
//! [`for_each_ordered`] pulls items from an iterator on worker threads (the calling thread is
//! one of them), runs the per-item work there, and hands the results to a sink on the calling
//! thread, between its own items, strictly in input order. The iterator is advanced lazily under a
//! lock, so a folder of 200,000 files is never listed in full, and a window caps how far the
//! workers may run ahead of the sink: at most `window` items are read, analyzed or waiting to be
//! written at any time, whatever the size of the batch. This module knows nothing of articles;
//! `ringkas::input` supplies the items and the binary the work and the sink.

use std::collections::BTreeMap;
use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{mpsc, Condvar, Mutex, MutexGuard};

/// How a batch runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Batch {
    /// Worker threads (at least 1).
    pub threads: usize,
    /// Items in flight at most: taken from the iterator but not yet given to the sink. It bounds
    /// memory, and absorbs slow items: the other workers run on until the window is full.
    pub window: usize,
}

impl Batch {
    /// `threads` workers (0 means one per core) and a window of 32 items per worker.
    pub fn new(threads: usize) -> Batch {
        let threads =
            if threads == 0 { std::thread::available_parallelism().map_or(1, |n| n.get()) } else { threads };
        Batch { threads, window: 32 * threads }
    }
}

/// The iterator and the position of the next item, shared by the workers.
struct Source<I> {
    items: I,
    next: usize,
    exhausted: bool,
}

/// What the workers and the sink share.
struct Shared<I> {
    source: Mutex<Source<I>>,
    /// Signalled when the sink has consumed an item (the window moves) or the batch stops.
    moved: Condvar,
    /// How many items the sink has consumed.
    consumed: AtomicUsize,
    stop: AtomicBool,
}

impl<I> Shared<I> {
    fn lock(&self) -> Option<MutexGuard<'_, Source<I>>> {
        // A poisoned lock means the iterator panicked on another worker; that panic is re-raised
        // when the scope joins, so here it only means "stop".
        self.source.lock().ok()
    }

    fn halt(&self) {
        self.stop.store(true, Ordering::SeqCst);
        let _guard = self.source.lock();
        self.moved.notify_all();
    }
}

/// Runs `work` over `items` on `batch.threads` threads and gives each result to `sink`, in the
/// order of `items`. The first error `sink` returns stops the batch (items already taken are
/// dropped) and is returned. A panic in `work` or in the iterator stops the batch and is re-raised
/// here, after every worker has stopped.
pub fn for_each_ordered<T, R, E>(
    batch: Batch,
    items: impl Iterator<Item = T> + Send,
    work: impl Fn(T) -> R + Sync,
    mut sink: impl FnMut(R) -> Result<(), E>,
) -> Result<(), E>
where
    T: Send,
    R: Send,
{
    let window = batch.window.max(1);
    let shared = Shared {
        source: Mutex::new(Source { items, next: 0, exhausted: false }),
        moved: Condvar::new(),
        consumed: AtomicUsize::new(0),
        stop: AtomicBool::new(false),
    };
    let (tx, rx) = mpsc::channel::<(usize, std::thread::Result<R>)>();
    std::thread::scope(|scope| {
        // The calling thread is one of the workers: between its own items it hands the finished
        // results to the sink. Had it only waited for results, it would sleep and wake once per
        // item (some three context switches per article) and, with one worker per core, take a
        // core from a worker each time.
        for _ in 1..batch.threads.max(1) {
            let tx = tx.clone();
            let (shared, work) = (&shared, &work);
            scope.spawn(move || {
                let _halt = HaltOnPanic(shared);
                while let Some((seq, item)) = take(shared, window) {
                    let result = panic::catch_unwind(AssertUnwindSafe(|| work(item)));
                    if tx.send((seq, result)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx); // the receiver ends when the last worker has

        let _halt = HaltOnPanic(&shared);
        let mut pending: BTreeMap<usize, std::thread::Result<R>> = BTreeMap::new();
        let mut next = 0;
        let outcome = loop {
            pending.extend(rx.try_iter());
            if let Err(e) = drain(&shared, &mut pending, &mut next, &mut sink) {
                break Err(e);
            }
            match try_take(&shared, window) {
                Taken::Item(seq, item) => {
                    pending.insert(seq, panic::catch_unwind(AssertUnwindSafe(|| work(item))));
                }
                // Nothing this thread may start: wait for another worker's result.
                Taken::WindowFull | Taken::Done => match rx.recv() {
                    Ok((seq, result)) => {
                        pending.insert(seq, result);
                    }
                    // No other worker is left: every result came before, and the drain above
                    // handed them all over (nothing was added since). The window cannot be full
                    // with nothing in flight, so the items are exhausted or the batch stopped.
                    Err(_) => {
                        debug_assert!(pending.is_empty(), "a result was left unwritten");
                        break Ok(());
                    }
                },
            }
        };
        shared.halt();
        outcome
    })
}

/// Hands the results that are next in input order to the sink and moves the window. A panic of
/// the work is re-raised here, after the batch is told to stop.
fn drain<I, R, E>(
    shared: &Shared<I>,
    pending: &mut BTreeMap<usize, std::thread::Result<R>>,
    next: &mut usize,
    sink: &mut impl FnMut(R) -> Result<(), E>,
) -> Result<(), E> {
    let before = *next;
    let mut outcome = Ok(());
    while let Some(result) = pending.remove(next) {
        *next += 1;
        outcome = match result {
            Ok(r) => sink(r),
            Err(payload) => {
                shared.halt();
                panic::resume_unwind(payload);
            }
        };
        if outcome.is_err() {
            break;
        }
    }
    if *next != before {
        shared.consumed.store(*next, Ordering::SeqCst);
        let _guard = shared.source.lock();
        shared.moved.notify_all();
    }
    outcome
}

/// Stops the batch when a worker unwinds (the iterator panicked), so that no other worker waits
/// for a window that will never move.
struct HaltOnPanic<'a, I>(&'a Shared<I>);

impl<I> Drop for HaltOnPanic<'_, I> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.0.halt();
        }
    }
}

/// Takes the next item and its position, waiting while the window is full. `None` once the
/// items are exhausted or the batch stops.
fn take<I: Iterator>(shared: &Shared<I>, window: usize) -> Option<(usize, I::Item)> {
    let mut source = shared.lock()?;
    loop {
        match step(shared, &mut source, window) {
            Taken::Item(seq, item) => return Some((seq, item)),
            Taken::Done => return None,
            Taken::WindowFull => source = shared.moved.wait(source).ok()?,
        }
    }
}

/// What [`step`] found.
enum Taken<T> {
    Item(usize, T),
    /// The window is full: an item may be taken once the sink has moved on.
    WindowFull,
    /// The items are exhausted or the batch stops.
    Done,
}

/// [`take`] without waiting for the window, for the thread that also feeds the sink.
fn try_take<I: Iterator>(shared: &Shared<I>, window: usize) -> Taken<I::Item> {
    match shared.lock() {
        Some(mut source) => step(shared, &mut source, window),
        None => Taken::Done,
    }
}

/// One attempt to take the next item, the source locked.
fn step<I: Iterator>(shared: &Shared<I>, source: &mut Source<I>, window: usize) -> Taken<I::Item> {
    if shared.stop.load(Ordering::SeqCst) || source.exhausted {
        return Taken::Done;
    }
    if source.next >= shared.consumed.load(Ordering::SeqCst).saturating_add(window) {
        return Taken::WindowFull;
    }
    match source.items.next() {
        Some(item) => {
            let seq = source.next;
            source.next += 1;
            Taken::Item(seq, item)
        }
        None => {
            source.exhausted = true;
            shared.moved.notify_all();
            Taken::Done
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicUsize;
    use std::time::Duration;

    #[test]
    fn output_follows_input_order_whatever_the_timing() {
        for threads in [1, 2, 7] {
            let mut got = Vec::new();
            let batch = Batch { threads, window: 5 };
            let r: Result<(), ()> = for_each_ordered(
                batch,
                0..200u64,
                |i| {
                    // Early items are the slow ones, so later ones finish first.
                    std::thread::sleep(Duration::from_micros((200 - i) * 20 % 700));
                    i * 2
                },
                |r| {
                    got.push(r);
                    Ok(())
                },
            );
            r.unwrap();
            assert_eq!(got, (0..200).map(|i| i * 2).collect::<Vec<_>>(), "{threads} threads");
        }
    }

    #[test]
    fn the_window_bounds_items_in_flight() {
        let in_flight = AtomicUsize::new(0);
        let max_seen = AtomicUsize::new(0);
        let items = (0..300).inspect(|_| {
            let now = in_flight.fetch_add(1, Ordering::SeqCst) + 1;
            max_seen.fetch_max(now, Ordering::SeqCst);
        });
        let r: Result<(), ()> = for_each_ordered(
            Batch { threads: 4, window: 8 },
            items,
            |i| i,
            |_| {
                std::thread::sleep(Duration::from_micros(50));
                in_flight.fetch_sub(1, Ordering::SeqCst);
                Ok(())
            },
        );
        r.unwrap();
        assert!(max_seen.load(Ordering::SeqCst) <= 8, "{}", max_seen.load(Ordering::SeqCst));
    }

    #[test]
    fn a_sink_error_stops_the_batch() {
        let taken = AtomicUsize::new(0);
        let items = (0..1_000_000).inspect(|_| {
            taken.fetch_add(1, Ordering::SeqCst);
        });
        let mut seen = 0;
        let r = for_each_ordered(
            Batch { threads: 2, window: 16 },
            items,
            |i| i,
            |i| {
                seen += 1;
                if i == 10 {
                    Err("closed")
                } else {
                    Ok(())
                }
            },
        );
        assert_eq!(r, Err("closed"));
        assert_eq!(seen, 11);
        assert!(taken.load(Ordering::SeqCst) <= 11 + 16);
    }

    #[test]
    fn one_thread_runs_everything_on_the_caller_and_more_share_the_work() {
        let caller = std::thread::current().id();
        for threads in [1, 3] {
            let on_caller = AtomicUsize::new(0);
            let mut got = Vec::new();
            let r: Result<(), ()> = for_each_ordered(
                Batch { threads, window: 4 },
                0..100,
                |i| {
                    if std::thread::current().id() == caller {
                        on_caller.fetch_add(1, Ordering::SeqCst);
                    }
                    std::thread::sleep(Duration::from_micros(100));
                    i
                },
                |i| {
                    got.push(i);
                    Ok(())
                },
            );
            r.unwrap();
            assert_eq!(got, (0..100).collect::<Vec<_>>());
            let mine = on_caller.load(Ordering::SeqCst);
            if threads == 1 {
                assert_eq!(mine, 100);
            } else {
                assert!(mine < 100, "the other workers took none");
            }
        }
    }

    #[test]
    fn a_panic_in_the_items_reaches_the_caller_without_a_hang() {
        for threads in [1, 2, 4] {
            let r = panic::catch_unwind(|| {
                let items = (0..1000).inspect(|&i| assert!(i != 50, "bad item"));
                let _: Result<(), ()> =
                    for_each_ordered(Batch { threads, window: 4 }, items, |i| i, |_| Ok(()));
            });
            assert!(r.is_err(), "{threads} threads");
        }
    }

    #[test]
    fn a_panic_in_the_work_reaches_the_caller() {
        let r = panic::catch_unwind(|| {
            let _: Result<(), ()> = for_each_ordered(
                Batch { threads: 2, window: 4 },
                0..100,
                |i| if i == 37 { panic!("boom") } else { i },
                |_| Ok(()),
            );
        });
        assert!(r.is_err());
    }
}
