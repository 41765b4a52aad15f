//! Work spread over the machine's cores after the walk, when the walker's
//! threads are done: re-reading API pages, indexing lines and rendering
//! the JSON findings of a report.

/// `f` applied to every item, on as many scoped threads as the machine has
/// (at most one per item); the results in the items' order.
pub fn map<T: Send, R: Send>(items: Vec<T>, f: impl Fn(T) -> R + Sync) -> Vec<R> {
    let threads = threads();
    if threads < 2 || items.len() < 2 {
        return items.into_iter().map(f).collect();
    }
    let per_thread = items.len().div_ceil(threads);
    let mut chunks: Vec<Vec<T>> = Vec::new();
    let mut items = items.into_iter().peekable();
    while items.peek().is_some() {
        chunks.push(items.by_ref().take(per_thread).collect());
    }
    let f = &f;
    std::thread::scope(|scope| {
        let handles: Vec<_> = chunks
            .into_iter()
            .map(|chunk| scope.spawn(move || chunk.into_iter().map(f).collect::<Vec<R>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| match h.join() {
                Ok(r) => r,
                // A panic in `f` is a bug: raised again on this thread.
                Err(e) => std::panic::resume_unwind(e),
            })
            .collect()
    })
}

/// The machine's cores, asked once: each asking reads the cgroup files.
fn threads() -> usize {
    static THREADS: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *THREADS.get_or_init(|| std::thread::available_parallelism().map_or(1, usize::from))
}

#[cfg(test)]
mod tests {
    #[test]
    fn keeps_the_order() {
        let v: Vec<usize> = (0..1000).collect();
        assert_eq!(
            super::map(v.clone(), |x| x * 2),
            v.iter().map(|x| x * 2).collect::<Vec<_>>()
        );
        assert_eq!(super::map(Vec::<usize>::new(), |x| x), Vec::<usize>::new());
    }
}
