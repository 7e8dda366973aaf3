//! `bench probe parts [DIR]`: writes the blob's parts to `DIR/parts/{catalog,texts,...}.bin`,
//! so that their compressed sizes can be compared.

use super::{no_args, Prepared};
use crate::fs::{self, write};
use crate::Outcome;

pub fn run(prepared: Prepared, args: &[String]) -> Outcome {
    no_args(args)?;
    let blob = prepared.blob()?;
    let out = prepared.path("parts");
    fs::create_dir_all(&out)?;
    let catalog = postcard::to_allocvec(blob.catalog()).map_err(|e| format!("catalog: {e}"))?;
    write(&out.join("catalog.bin"), &catalog)?;
    let table = blob.catalog().entity_table();
    let entities = postcard::to_allocvec(table).map_err(|e| format!("entities: {e}"))?;
    write(&out.join("entity-table.bin"), &entities)?;
    let refs: Vec<u32> = (0..blob.len())
        .flat_map(|i| blob.catalog().entity_ids(i).to_vec())
        .collect();
    let refs = postcard::to_allocvec(&refs).map_err(|e| format!("entity refs: {e}"))?;
    write(&out.join("entity-refs.bin"), &refs)?;
    println!(
        "entities: {} in the table, {} mentions",
        table.len(),
        (0..blob.len())
            .map(|i| blob.catalog().entity_ids(i).len())
            .sum::<usize>()
    );
    let expansions =
        postcard::to_allocvec(blob.expansions()).map_err(|e| format!("expansions: {e}"))?;
    write(&out.join("expansions.bin"), &expansions)?;
    let bytes = &prepared.bytes;
    // A sharded site's core has no texts after its head.
    let texts = if blob.chunk_count() > 0 {
        &[][..]
    } else {
        bytes
            .len()
            .checked_sub(blob.text_bytes())
            .and_then(|start| bytes.get(start..))
            .ok_or_else(|| "the blob is shorter than its texts".to_owned())?
    };
    write(&out.join("texts.bin"), texts)?;
    for (name, part) in blob.index().encoded_parts() {
        write(&out.join(format!("{name}.bin")), &part)?;
    }
    println!(
        "blob {} bytes; catalog {}, texts {}",
        bytes.len(),
        catalog.len(),
        texts.len()
    );
    Ok(())
}
