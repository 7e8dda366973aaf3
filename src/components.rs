//! Reusable components, one file each.

pub mod article_card;
