//! The app's custom hooks, one file each. The view hook itself, `use_view`, lives in
//! `view_url.rs`, the one module that reads and writes the URL.

mod use_dispatch;
mod use_focus_article;
mod use_fold_text_ahead;
mod use_shown_cards;
mod use_sidebar_counts;
mod use_texts;
mod use_title;

pub use use_dispatch::use_dispatch;
pub use use_focus_article::{show_match_when_open, use_focus_article};
pub use use_fold_text_ahead::use_fold_text_ahead;
pub use use_shown_cards::{
    cards_in_reach_now, use_cards_in_reach, use_shown_cards, view_key, ShownCards,
};
pub use use_sidebar_counts::{use_sidebar_counts, SidebarCounts};
pub use use_texts::{use_texts, Texts};
pub use use_title::use_title;
