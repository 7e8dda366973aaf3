//! The hand-kept part of the country gazetteer, read from the reviewed data file
//! `crates/ingest/data/country_aliases.tsv` (compiled in): what CLDR lacks (demonyms, everyday short
//! forms, variant spellings, abbreviations, Zawgyi Burmese) and what must never count (false-hit
//! phrases, given names that are also country names). The file's header documents its format.

use std::sync::LazyLock;

/// The data file, as reviewed.
const DATA: &str = include_str!("../../data/country_aliases.tsv");

/// The parsed table.
#[derive(Debug, Default)]
pub(super) struct AliasTable {
    /// Text → one or more ISO 3166-1 codes.
    pub(super) aliases: Vec<(String, Vec<String>)>,
    /// Phrases that contain a country name but do not name the country.
    pub(super) not_countries: Vec<String>,
    /// Country names that are also given names.
    pub(super) given_names: Vec<String>,
    /// Code → the English name a news reader expects where CLDR's differs.
    pub(super) english_names: Vec<(String, String)>,
}

pub(super) static TABLE: LazyLock<AliasTable> =
    LazyLock::new(|| parse(DATA).unwrap_or_else(|error| panic!("country_aliases.tsv: {error}")));

/// Parses the data file; an error names the line.
pub(super) fn parse(data: &str) -> Result<AliasTable, String> {
    let mut table = AliasTable::default();
    for (number, line) in data.lines().enumerate() {
        let number = number + 1;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let text = fields.get(1).copied().unwrap_or("").to_owned();
        if text.is_empty() || text != text.trim() {
            return Err(format!("line {number}: empty or padded text in {line:?}"));
        }
        let codes = || -> Result<Vec<String>, String> {
            let codes: Vec<String> = fields
                .get(2)
                .copied()
                .unwrap_or("")
                .split(' ')
                .filter(|c| !c.is_empty())
                .map(str::to_owned)
                .collect();
            let valid = |c: &String| c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase());
            if codes.is_empty() || !codes.iter().all(valid) {
                return Err(format!("line {number}: bad country codes in {line:?}"));
            }
            Ok(codes)
        };
        match (fields[0], fields.len()) {
            ("alias", 3) => table.aliases.push((text, codes()?)),
            ("not", 2) => table.not_countries.push(text),
            ("given", 2) => table.given_names.push(text),
            ("english", 3) => {
                let code = text;
                let name = fields[2].to_owned();
                if code.len() != 2 || name.is_empty() {
                    return Err(format!("line {number}: bad English name {line:?}"));
                }
                table.english_names.push((code, name));
            }
            _ => return Err(format!("line {number}: not an entry: {line:?}")),
        }
    }
    Ok(table)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_data_file_parses() {
        let table = &*TABLE;
        assert!(table.aliases.len() > 100);
        assert!(table.not_countries.len() > 50);
        assert!(table.given_names.contains(&"Đức".to_owned()));
        assert!(table
            .english_names
            .contains(&("MM".to_owned(), "Myanmar".to_owned())));
        let two = table
            .aliases
            .iter()
            .find(|(text, _)| text == "泰缅")
            .expect("泰缅");
        assert_eq!(two.1, ["TH", "MM"]);
    }

    #[test]
    fn bad_lines_are_errors_with_their_line() {
        assert!(parse("alias\tThai\tth\n")
            .expect_err("bad code")
            .contains("line 1"));
        assert!(parse("# c\nalias\tThai\n")
            .expect_err("no code")
            .contains("line 2"));
        assert!(parse("nope\tThai\tTH\n").is_err());
        assert!(parse("not\t Thai\n").is_err());
        assert!(parse("# only a comment\n\n").is_ok());
    }
}
