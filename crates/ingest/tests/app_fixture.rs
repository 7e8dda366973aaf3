//! The app's component tests (`tests/app.rs`, in a browser with no site to fetch from) open the
//! corpus the build would pack from `seeds/`, committed as `tests/fixtures/seeds.blob`. This test
//! keeps that file current: it fails when the seeds or the blob format change without it.

use std::path::Path;

#[test]
fn the_component_tests_blob_is_the_packed_seeds() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let report = ingest::load_seeds(&root.join("seeds"));
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    let packed = report.to_checked_bytes().expect("the seeds pack");
    let committed = std::fs::read(root.join("tests/fixtures/seeds.blob")).unwrap_or_default();
    assert!(
        packed == committed,
        "tests/fixtures/seeds.blob is not the packed seeds: rewrite it with \
         `cargo run --profile cli -p ingest -- pack seeds tests/fixtures/seeds.blob`"
    );
}
