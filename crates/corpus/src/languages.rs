//! English names for the ISO 639-1 codes (and Chinese's two written forms, `zh-Hans` and `zh-Hant`) the corpus can hold (small, so it ships in the wasm).

/// English name of a language code; unknown codes come back as themselves, `und` as "Unknown".
pub fn language_name(code: &str) -> &str {
    match code {
        "en" => "English",
        "vi" => "Vietnamese",
        "th" => "Thai",
        "zh" => "Chinese",
        "zh-Hans" => "Chinese (Simplified)",
        "zh-Hant" => "Chinese (Traditional)",
        "id" => "Indonesian",
        "ms" => "Malay",
        "tl" => "Tagalog",
        "km" => "Khmer",
        "lo" => "Lao",
        "my" => "Burmese",
        "ja" => "Japanese",
        "ko" => "Korean",
        "und" => "Unknown",
        other => other,
    }
}
