//! `bench probe decode [DIR]`: time to decode the blob (what start-up pays), then every
//! article's text (what start-up no longer pays), three times.

use corpus::CorpusBlob;

use super::{no_args, timed, Prepared};
use crate::Outcome;

pub fn run(prepared: Prepared, args: &[String]) -> Outcome {
    no_args(args)?;
    let path = prepared.path("blob.bin");
    // The app decodes a blob embedded in its binary.
    let bytes: &'static [u8] = prepared.bytes.leak();
    for _ in 0..3 {
        let (blob, head) = timed(|| CorpusBlob::from_static(bytes));
        let blob = blob.map_err(|e| format!("{}: {e}", path.display()))?;
        let (decoded, all) = timed(|| blob.articles().count());
        println!(
            "{} articles: blob decoded in {:.1} ms, then every article in {:.1} ms ({decoded})",
            blob.len(),
            head * 1e3,
            all * 1e3
        );
    }
    Ok(())
}
