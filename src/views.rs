//! Page-level views, one folder or file each: a page shell and its private parts.

pub mod explorer;
