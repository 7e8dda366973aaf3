//! Page-level views, one file each.

pub mod explorer;
