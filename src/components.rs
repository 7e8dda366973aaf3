//! Reusable components, one file each. They render what their props say and tell the page what
//! the reader asked for as an [`Intent`](crate::intent::Intent).

pub mod article_card;
pub mod compare_chart;
pub mod copy_link;
pub mod export_menu;
pub mod facet_chips;
pub mod kwic_list;
pub mod marked_text;
pub mod region_map;
pub mod search_box;
pub mod summary_bar;
pub mod timeline;
pub mod ui_switch;
