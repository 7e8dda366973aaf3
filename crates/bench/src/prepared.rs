//! The examples' common start: the directory `bench-prep` wrote (the first argument, or a
//! default) and its `blob.bin`.

/// `(directory, blob bytes)`; panics with the path when the blob cannot be read (examples only).
pub fn blob_bytes_from_args(default_dir: &str) -> (String, Vec<u8>) {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| default_dir.into());
    let path = format!("{dir}/blob.bin");
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    (dir, bytes)
}
