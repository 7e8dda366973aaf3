//! Language detection for an article body (build time only): script first, then `lingua` for Latin.
//!
//! Thai, Lao, Khmer, Myanmar, Han, Hangul and kana text is decided by its dominant script alone:
//! statistical detectors are weak or blind there. Latin-script text is Vietnamese when Vietnamese
//! letters are frequent; otherwise `lingua`, restricted to the languages this corpus expects
//! (English, Vietnamese, Indonesian, Malay, Tagalog), decides, and a close call gives `None`.
//! Callers pass the body (never the title alone) and turn `None` into `und` plus a warning.

use std::sync::LazyLock;

use icu_normalizer::ComposingNormalizerBorrowed;
use lingua::{Language, LanguageDetector, LanguageDetectorBuilder};

/// Fewer letters than this in the dominant non-Latin script: too short to call.
const MIN_SCRIPT_LETTERS: usize = 8;
/// Fewer Latin letters than this: too short to call.
const MIN_LATIN_LETTERS: usize = 24;
/// Fewer words than this in Latin-script text: too short to call.
const MIN_LATIN_WORDS: usize = 4;
/// Latin text is Vietnamese when at least this share (per mille) of its letters are letters only
/// Vietnamese uses (ă â đ ê ô ơ ư and the precomposed tone-marked vowels). Vietnamese prose runs at
/// 150–300 ‰; an English text quoting a Vietnamese name stays far below 40 ‰.
const VIETNAMESE_LETTERS_PER_MILLE: usize = 60;
/// `lingua`'s best language must have at least this confidence…
const MIN_CONFIDENCE: f64 = 0.6;
/// …and lead the runner-up by at least this much (Indonesian vs Malay often fails this).
const MIN_LEAD: f64 = 0.25;
/// Only the first this many bytes (rounded down to a char boundary) go to `lingua`: plenty to
/// decide, and it keeps detection time flat for long articles.
const MAX_LINGUA_BYTES: usize = 4000;

/// The languages `lingua` chooses among; everything else in this corpus is decided by script.
const LATIN_LANGUAGES: [Language; 5] = [
    Language::English,
    Language::Vietnamese,
    Language::Indonesian,
    Language::Malay,
    Language::Tagalog,
];

static DETECTOR: LazyLock<LanguageDetector> = LazyLock::new(|| {
    LanguageDetectorBuilder::from_languages(&LATIN_LANGUAGES)
        .with_preloaded_language_models()
        .build()
});

/// The writing systems told apart before any statistics.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Script {
    Latin,
    Thai,
    Lao,
    Khmer,
    Myanmar,
    Han,
    Kana,
    Hangul,
    Other,
}

fn script_of(c: char) -> Option<Script> {
    let script = match c as u32 {
        0x0E00..=0x0E7F => Script::Thai,
        0x0E80..=0x0EFF => Script::Lao,
        0x1780..=0x17FF | 0x19E0..=0x19FF => Script::Khmer,
        0x1000..=0x109F | 0xA9E0..=0xA9FF | 0xAA60..=0xAA7F => Script::Myanmar,
        0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF => Script::Hangul,
        0x3040..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F => Script::Kana,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F => Script::Han,
        _ if c.is_ascii_alphabetic() => Script::Latin,
        // Latin-1 letters, Latin Extended-A/B, combining accents (decomposed text), Latin Extended
        // Additional (precomposed Vietnamese).
        0x00C0..=0x024F | 0x0300..=0x036F | 0x1E00..=0x1EFF
            if c.is_alphabetic() || is_accent(c) =>
        {
            Script::Latin
        }
        _ if c.is_alphabetic() => Script::Other,
        _ => return None,
    };
    Some(script)
}

fn is_accent(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F)
}

/// Letters that, in this corpus's languages, only Vietnamese uses.
fn is_vietnamese_letter(c: char) -> bool {
    matches!(
        c,
        'ă' | 'Ă' | 'â' | 'Â' | 'đ' | 'Đ' | 'ê' | 'Ê' | 'ô' | 'Ô' | 'ơ' | 'Ơ' | 'ư' | 'Ư'
    ) || matches!(c as u32, 0x1EA0..=0x1EF9)
}

/// Letter counts per script.
#[derive(Debug, Default)]
struct ScriptCounts {
    latin: usize,
    vietnamese: usize,
    thai: usize,
    lao: usize,
    khmer: usize,
    myanmar: usize,
    han: usize,
    kana: usize,
    hangul: usize,
    other: usize,
}

impl ScriptCounts {
    fn of(text: &str) -> ScriptCounts {
        let mut counts = ScriptCounts::default();
        for c in text.chars() {
            let Some(script) = script_of(c) else { continue };
            let slot = match script {
                Script::Latin => {
                    if is_vietnamese_letter(c) {
                        counts.vietnamese += 1;
                    }
                    &mut counts.latin
                }
                Script::Thai => &mut counts.thai,
                Script::Lao => &mut counts.lao,
                Script::Khmer => &mut counts.khmer,
                Script::Myanmar => &mut counts.myanmar,
                Script::Han => &mut counts.han,
                Script::Kana => &mut counts.kana,
                Script::Hangul => &mut counts.hangul,
                Script::Other => &mut counts.other,
            };
            *slot += 1;
        }
        counts
    }

    /// The script with the most letters (Han and kana together count as one, Japanese or Chinese).
    fn dominant(&self) -> (Script, usize) {
        let candidates = [
            (Script::Latin, self.latin),
            (Script::Thai, self.thai),
            (Script::Lao, self.lao),
            (Script::Khmer, self.khmer),
            (Script::Myanmar, self.myanmar),
            (Script::Han, self.han + self.kana),
            (Script::Hangul, self.hangul),
            (Script::Other, self.other),
        ];
        candidates
            .into_iter()
            .fold((Script::Other, 0), |best, next| {
                if next.1 > best.1 {
                    next
                } else {
                    best
                }
            })
    }
}

/// Detects the language of an article body.
///
/// Returns an ISO 639-1 code (`th`, `lo`, `km`, `my`, `zh`, `ja`, `ko`, `vi`, `en`, `id`, `ms`,
/// `tl`), or `None` when the text is too short or the call too close (typically Indonesian vs
/// Malay). The dominant script decides first, so a Thai article quoting English names is `th`.
pub fn detect_language(text: &str) -> Option<&'static str> {
    let text = ComposingNormalizerBorrowed::new_nfc().normalize(text);
    let counts = ScriptCounts::of(&text);
    let (script, letters) = counts.dominant();
    match script {
        Script::Latin => detect_latin(&text, &counts),
        Script::Other => None,
        _ if letters < MIN_SCRIPT_LETTERS => None,
        Script::Thai => Some("th"),
        Script::Lao => Some("lo"),
        Script::Khmer => Some("km"),
        Script::Myanmar => Some("my"),
        Script::Hangul => Some("ko"),
        // Japanese writes many Han characters but always some kana; Chinese none.
        Script::Han if counts.kana * 10 >= counts.han + counts.kana => Some("ja"),
        Script::Han | Script::Kana => Some(chinese_written_form(&text)),
    }
}

/// `zh-Hant` when the text uses more Traditional-only characters than Simplified-only ones,
/// otherwise `zh-Hans` (a text of only shared characters reads the same in both).
fn chinese_written_form(text: &str) -> &'static str {
    let (traditional, simplified) = corpus::search::han::written_form_counts(text);
    if traditional > simplified {
        "zh-Hant"
    } else {
        "zh-Hans"
    }
}

fn detect_latin(text: &str, counts: &ScriptCounts) -> Option<&'static str> {
    let words = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .count();
    if counts.latin < MIN_LATIN_LETTERS || words < MIN_LATIN_WORDS {
        return None;
    }
    if counts.vietnamese * 1000 >= counts.latin * VIETNAMESE_LETTERS_PER_MILLE {
        return Some("vi");
    }
    let sample = prefix_at_char_boundary(text, MAX_LINGUA_BYTES);
    let values = DETECTOR.compute_language_confidence_values(sample);
    let (best, best_confidence) = *values.first()?;
    let runner_up = values.get(1).map_or(0.0, |&(_, confidence)| confidence);
    if best_confidence < MIN_CONFIDENCE || best_confidence - runner_up < MIN_LEAD {
        return None;
    }
    Some(match best {
        Language::English => "en",
        Language::Vietnamese => "vi",
        Language::Indonesian => "id",
        Language::Malay => "ms",
        Language::Tagalog => "tl",
        #[allow(unreachable_patterns)] // `Language` has more variants under other lingua features.
        _ => return None,
    })
}

fn prefix_at_char_boundary(text: &str, max_bytes: usize) -> &str {
    if text.len() <= max_bytes {
        return text;
    }
    let mut end = max_bytes;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_prose_is_en() {
        let text = "The foreign ministers met in Bangkok on Tuesday to discuss the border dispute. \
                    Both sides agreed to set up a joint committee to clear landmines along the frontier. \
                    Officials said the talks would resume next month.";
        assert_eq!(detect_language(text), Some("en"));
    }

    #[test]
    fn vietnamese_prose_is_vi() {
        let text = "Thủ tướng đã có cuộc gặp với các nhà đầu tư nước ngoài tại Hà Nội. \
                    Hai bên thống nhất tăng cường hợp tác trong lĩnh vực năng lượng tái tạo. \
                    Dự kiến kim ngạch thương mại sẽ tăng mạnh trong năm tới.";
        assert_eq!(detect_language(text), Some("vi"));
    }

    #[test]
    fn vietnamese_in_decomposed_form_is_vi() {
        let text = "Thủ tướng đã có cuộc gặp với các nhà đầu tư nước ngoài tại Hà Nội. \
                    Hai bên thống nhất tăng cường hợp tác trong lĩnh vực năng lượng tái tạo.";
        let decomposed = icu_normalizer::DecomposingNormalizerBorrowed::new_nfd().normalize(text);
        assert_ne!(decomposed, text, "the sample must really be decomposed");
        assert_eq!(detect_language(&decomposed), Some("vi"));
    }

    #[test]
    fn an_english_text_quoting_vietnamese_names_is_still_en() {
        let text = "Prime Minister Phạm Minh Chính met his counterpart in Hà Nội on Monday. \
                    The two leaders discussed trade, energy and security cooperation, and agreed to \
                    meet again at the regional summit later this year in Kuala Lumpur.";
        assert_eq!(detect_language(text), Some("en"));
    }

    #[test]
    fn indonesian_prose_is_id() {
        let text = "Pemerintah Indonesia akan memperketat pengawasan terhadap penipuan daring yang \
                    melibatkan sindikat lintas negara. Menteri Luar Negeri mengatakan bahwa kerja sama \
                    dengan negara-negara tetangga sangat penting untuk memberantas kejahatan siber. \
                    Polisi telah menangkap puluhan tersangka sejak awal tahun ini.";
        assert_eq!(detect_language(text), Some("id"));
    }

    #[test]
    fn malay_prose_is_ms() {
        let text = "Kerajaan Malaysia akan mengetatkan kawalan sempadan bagi membanteras sindiket \
                    penipuan dalam talian. Menteri Dalam Negeri berkata kerjasama dengan negara jiran \
                    amat penting dan beberapa mesyuarat telah diadakan sejak bulan lepas. \
                    Polis Diraja Malaysia turut menahan beberapa suspek di Johor Bahru semalam.";
        assert_eq!(detect_language(text), Some("ms"));
    }

    #[test]
    fn tagalog_prose_is_tl() {
        let text = "Nagpulong ang mga opisyal ng pamahalaan upang talakayin ang problema sa mga \
                    online na scam sa bansa. Sinabi ng kalihim na kailangan ang mas mahigpit na \
                    pakikipagtulungan sa mga kalapit na bansa upang mahuli ang mga sindikato.";
        assert_eq!(detect_language(text), Some("tl"));
    }

    #[test]
    fn thai_with_tone_marks_is_th() {
        let text = "นายกรัฐมนตรีเดินทางไปเยือนประเทศลาวเพื่อหารือเรื่องความร่วมมือด้านการค้าและความมั่นคง";
        assert_eq!(detect_language(text), Some("th"));
    }

    #[test]
    fn thai_quoting_english_names_is_still_th() {
        let text = "นายอนุทิน ชาญวีรกูล (Anutin Charnvirakul) พบกับ Marco Rubio ที่กรุงเทพฯ \
                    เพื่อหารือเรื่องการปราบปรามแก๊งคอลเซ็นเตอร์และอาชญากรรมข้ามชาติในภูมิภาค";
        assert_eq!(detect_language(text), Some("th"));
    }

    #[test]
    fn chinese_is_zh_in_its_written_form() {
        let text =
            "泰国司法部长表示，中国公安部部长助理将访问泰国边境地区，双方将加强打击电信诈骗合作。";
        assert_eq!(detect_language(text), Some("zh-Hans"));
        let text =
            "泰國司法部長表示，中國公安部部長助理將訪問泰國邊境地區，雙方將加強打擊電信詐騙合作。";
        assert_eq!(detect_language(text), Some("zh-Hant"));
    }

    #[test]
    fn japanese_han_with_kana_is_ja() {
        let text = "タイ政府は、カンボジアとの国境で特殊詐欺の拠点を取り締まると発表した。";
        assert_eq!(detect_language(text), Some("ja"));
    }

    #[test]
    fn korean_is_ko() {
        let text = "태국 정부는 캄보디아 국경 지역의 온라인 사기 조직을 단속하겠다고 밝혔다.";
        assert_eq!(detect_language(text), Some("ko"));
    }

    #[test]
    fn khmer_is_km() {
        let text = "រាជរដ្ឋាភិបាលកម្ពុជាបានសហការជាមួយប្រទេសថៃដើម្បីបង្ក្រាបបទល្មើសបច្ចេកវិទ្យា";
        assert_eq!(detect_language(text), Some("km"));
    }

    #[test]
    fn lao_is_lo() {
        let text = "ນາຍົກລັດຖະມົນຕີໄທໄດ້ເດີນທາງມາຢ້ຽມຢາມ ສປປ ລາວ ເພື່ອສະເຫຼີມສະຫຼອງສາຍພົວພັນການທູດ";
        assert_eq!(detect_language(text), Some("lo"));
    }

    #[test]
    fn burmese_is_my() {
        let text = "မြန်မာနိုင်ငံနှင့် ထိုင်းနိုင်ငံတို့သည် နယ်စပ်ဒေသတွင် အွန်လိုင်းလိမ်လည်မှုများကို နှိမ်နင်းရန် သဘောတူခဲ့သည်။";
        assert_eq!(detect_language(text), Some("my"));
    }

    #[test]
    fn one_word_is_too_short() {
        assert_eq!(detect_language("Thai"), None);
        assert_eq!(detect_language("Breaking news"), None);
        assert_eq!(detect_language("ไทย"), None);
        assert_eq!(detect_language(""), None);
        assert_eq!(detect_language("2025-10-16 — 12:30"), None);
    }

    #[test]
    fn a_short_phrase_shared_by_indonesian_and_malay_is_not_decided() {
        // Word for word the same in both languages: no detector can tell, so no guess.
        let text = "Harga minyak naik lagi di pasar dunia pada minggu ini";
        assert_eq!(detect_language(text), None);
    }

    #[test]
    fn the_real_seeds_bodies() {
        let vietnamese = include_str!("../../../../seeds/001_ea81238345a38f58.txt");
        let english = include_str!("../../../../seeds/000_dee04c71b2f6b000.txt");
        assert_eq!(detect_language(vietnamese), Some("vi"));
        assert_eq!(detect_language(english), Some("en"));
    }
}
