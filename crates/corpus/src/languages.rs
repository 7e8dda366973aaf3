//! English names for the ISO 639-1 codes (and Chinese's two written forms, `zh-Hans` and `zh-Hant`) the corpus can hold (small, so it ships in the wasm).

/// English name of a language code; unknown codes come back as themselves, `und` as "Unknown".
/// The names are the English message file's (`lang.*`, see [`crate::i18n`]).
pub fn language_name(code: &str) -> &str {
    crate::i18n::Ui::En
        .known_language_name(code)
        .unwrap_or(code)
}
