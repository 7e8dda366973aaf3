use std::collections::BTreeSet;
use std::path::Path;

use super::*;

/// Every `{name}` in a message.
fn placeholders(text: &str) -> BTreeSet<&str> {
    let mut found = BTreeSet::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        found.insert(&after[..close]);
        rest = &after[close + 1..];
    }
    found
}

#[test]
fn every_language_has_every_message_with_its_placeholders() {
    let english = &MESSAGES[0];
    let mut missing = Vec::new();
    for (ui, messages) in Ui::ALL.iter().zip(MESSAGES.iter()).skip(1) {
        for (key, text) in english {
            // Only English has a singular form.
            if key.ends_with(".one") {
                continue;
            }
            match messages.get(key) {
                None => missing.push(format!("{}: {key} is missing", ui.tag())),
                Some(own) if placeholders(own) != placeholders(text) => missing.push(format!(
                    "{}: {key} has placeholders {:?}, English {:?}",
                    ui.tag(),
                    placeholders(own),
                    placeholders(text)
                )),
                Some(_) => {}
            }
        }
        for key in messages.keys() {
            if !english.contains_key(key) {
                missing.push(format!("{}: {key} is not an English key", ui.tag()));
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

#[test]
fn message_files_have_only_well_formed_lines() {
    for (ui, file) in Ui::ALL.iter().zip(FILES) {
        for (n, line) in file.lines().enumerate() {
            let trimmed = line.trim();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            let well_formed = line
                .split_once(" = ")
                .is_some_and(|(key, text)| !key.trim().is_empty() && !text.trim().is_empty());
            assert!(
                well_formed,
                "{}.txt line {}: not `key = text`: {line}",
                ui.tag(),
                n + 1
            );
        }
    }
}

/// Every string literal in the run-time crate and the app shaped like a message key (a known
/// key's first part, a dot, more: `"card.read"`, however it reaches [`Ui::text`]) is an English
/// message.
#[test]
fn every_key_the_code_asks_for_exists() {
    let english = &MESSAGES[0];
    let sections: BTreeSet<&str> = english
        .keys()
        .filter_map(|key| key.split('.').next())
        .collect();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in [root.join("src"), root.join("../../src")] {
        collect_rust_files(&dir, &mut files);
    }
    assert!(files.len() > 20, "found only {} source files", files.len());
    let (mut unknown, mut checked) = (Vec::new(), 0);
    for file in files {
        // This file asks for missing keys on purpose.
        if file.ends_with("i18n/tests.rs") {
            continue;
        }
        let Ok(source) = std::fs::read_to_string(&file) else {
            continue;
        };
        for line in source.lines().filter(|l| !l.trim_start().starts_with("//")) {
            for literal in line.split('"').skip(1).step_by(2) {
                let looks_like_key = literal.split_once('.').is_some_and(|(head, tail)| {
                    sections.contains(head)
                        && !tail.is_empty()
                        && literal
                            .chars()
                            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-'))
                });
                if looks_like_key {
                    checked += 1;
                    if !english.contains_key(literal) {
                        unknown.push(format!("{}: {literal}", file.display()));
                    }
                }
            }
        }
    }
    assert!(checked > 100, "found only {checked} keys in the code");
    assert!(
        unknown.is_empty(),
        "keys English lacks:\n{}",
        unknown.join("\n")
    );
}

fn collect_rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn browser_preferences_pick_the_first_spoken_language() {
    assert_eq!(Ui::from_preferences(["fr-FR", "th-TH", "en"]), Ui::Th);
    assert_eq!(Ui::from_preferences(["zh-Hant-TW"]), Ui::Zh);
    assert_eq!(Ui::from_preferences(["de"]), Ui::En);
    assert_eq!(Ui::from_preferences([]), Ui::En);
    assert_eq!(Ui::parse("VI"), Some(Ui::Vi));
    assert_eq!(Ui::parse("xx"), None);
    assert_eq!(Ui::parse(""), None);
}

#[test]
fn counts_take_the_singular_only_where_the_language_has_one() {
    assert_eq!(Ui::En.count("results.count", 1, &[]), "1 article");
    assert_eq!(Ui::En.count("results.count", 12345, &[]), "12,345 articles");
    assert_eq!(Ui::Vi.number(12345), "12.345");
    // Every language but English gives one form for every count.
    for ui in &Ui::ALL[1..] {
        assert_eq!(
            ui.count("results.count", 1, &[]),
            ui.fill("results.count", &[("n", "1")])
        );
    }
}

#[test]
fn placeholders_are_filled_and_unknown_ones_kept() {
    assert_eq!(fill("a {x} b {y}", &[("x", "1")]), "a 1 b {y}");
    assert_eq!(fill("open { brace", &[]), "open { brace");
    assert_eq!(
        Ui::En.fill("chip.country", &[("name", "Cambodia")]),
        "Country: Cambodia"
    );
}

#[test]
fn a_missing_key_falls_back_to_english_then_to_itself() {
    assert_eq!(Ui::Th.text("no.such.key"), "no.such.key");
    assert_eq!(Ui::En.language_name("vi"), "Vietnamese");
    assert_eq!(Ui::En.language_name("xx"), "xx");
}
