//! The places, people and organizations the generator writes, per language: forms the build's
//! extractor (`ingest::detect::entities`) knows, each with the id it gives them.
//!
//! - **Places** are names of `crates/ingest/data/places.tsv` and `place_aliases.tsv` in the
//!   language's own script or spelling (`Phnôm Pênh`, `พนมเปญ`, `金边`);
//! - **organizations** are names or short forms of `crates/ingest/data/organizations.tsv` that the
//!   table lists for the language (or for English, which every language's text is read with);
//! - **people** are invented names written after a title the extractor's rules know (`Gen.`,
//!   `ông`, `Đại tá`, `นาย`, `พล.ต.อ.`, `Datuk`, `Bapak`…); their id is `person:` and the name
//!   without the title. Chinese is written as Chinese news writes it (`警官张志明`): a family
//!   name and one or two characters after a title.
//!
//! No form names a country, and none contains a country's name (tested in `super::tests`). Each
//! kind's list is ordered most often written first (the generator draws from it Zipf-like).

/// What a named thing is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Place,
    Person,
    Organization,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Place, Kind::Person, Kind::Organization];
}

/// One thing the generator can write: its kind, the extractor's id for it, and the text written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Named {
    pub kind: Kind,
    pub id: &'static str,
    pub form: &'static str,
}

const fn place(id: &'static str, form: &'static str) -> Named {
    Named {
        kind: Kind::Place,
        id,
        form,
    }
}

const fn org(id: &'static str, form: &'static str) -> Named {
    Named {
        kind: Kind::Organization,
        id,
        form,
    }
}

/// A person: `id` is `person:` and the name, `form` the title and the name.
const fn person(id: &'static str, form: &'static str) -> Named {
    Named {
        kind: Kind::Person,
        id,
        form,
    }
}

const EN: &[Named] = &[
    place("geonames:1609350", "Bangkok"),
    place("geonames:1821306", "Phnom Penh"),
    place("geonames:1831142", "Sihanoukville"),
    place("geonames:1152188", "Mae Sot"),
    place("geonames:1308052", "Myawaddy"),
    place("geonames:1830194", "Poipet"),
    place("alias:golden-triangle", "Golden Triangle"),
    place("alias:kk-park", "KK Park"),
    place("geonames:13561226", "Shwe Kokko"),
    place("geonames:1735161", "Kuala Lumpur"),
    place("geonames:1701668", "Manila"),
    place("geonames:1298824", "Yangon"),
    place("geonames:1295301", "Tachileik"),
    place("geonames:1581130", "Hanoi"),
    place("geonames:1642911", "Jakarta"),
    person("person:Sokha Vireak", "Gen. Sokha Vireak"),
    person("person:Anan Chaiyasit", "Mr. Anan Chaiyasit"),
    person("person:Kenji Morita", "Ambassador Kenji Morita"),
    person("person:Ramon Dizon", "Commissioner Ramon Dizon"),
    person("person:Lina Harjono", "Dr. Lina Harjono"),
    person("person:Zaw Min Htut", "Col. Zaw Min Htut"),
    org("intl-interpol", "INTERPOL"),
    org("intl-unodc", "UNODC"),
    org("asean-asean", "ASEAN"),
    org("th-amlo", "AMLO"),
    org("kh-prince-group", "Prince Group"),
    org("kh-huione-group", "Huione Group"),
    org("mm-tatmadaw", "Tatmadaw"),
    org("intl-iom", "International Organization for Migration"),
    org("th-dsi", "Department of Special Investigation"),
    org("kh-licadho", "LICADHO"),
];

const VI: &[Named] = &[
    place("geonames:1581130", "Hà Nội"),
    place("geonames:1566083", "Thành phố Hồ Chí Minh"),
    place("geonames:1821306", "Phnôm Pênh"),
    place("geonames:1609350", "Bangkok"),
    place("geonames:1583992", "Đà Nẵng"),
    place("iso3166-2:VN-13", "Quảng Ninh"),
    place("geonames:1566559", "Tây Ninh"),
    place("iso3166-2:VN-44", "An Giang"),
    place("geonames:1831142", "Sihanoukville"),
    place("geonames:1829516", "Bavet"),
    place("geonames:1308052", "Myawaddy"),
    place("geonames:1735161", "Kuala Lumpur"),
    person("person:Nguyễn Minh Khoa", "ông Nguyễn Minh Khoa"),
    person("person:Trần Quốc Huy", "Đại tá Trần Quốc Huy"),
    person("person:Lê Thị Hương", "bà Lê Thị Hương"),
    person("person:Phạm Văn Hải", "Thiếu tướng Phạm Văn Hải"),
    person("person:Đỗ Thanh Tùng", "Trung tá Đỗ Thanh Tùng"),
    org("vn-ministry-of-public-security", "Bộ Công an"),
    org("vn-border-guard", "Bộ đội Biên phòng"),
    org("vn-ministry-of-foreign-affairs", "Bộ Ngoại giao"),
    org("vn-immigration-department", "Cục Quản lý xuất nhập cảnh"),
    org("intl-united-nations", "Liên Hợp Quốc"),
    org("intl-unodc", "UNODC"),
    org("asean-asean", "ASEAN"),
    org("intl-interpol", "INTERPOL"),
    org("intl-iom", "Tổ chức Di cư Quốc tế"),
    org("kh-prince-group", "Tập đoàn Prince"),
];

const TH: &[Named] = &[
    place("geonames:1609350", "กรุงเทพมหานคร"),
    place("geonames:1152188", "แม่สอด"),
    place("geonames:1821306", "พนมเปญ"),
    place("geonames:1830194", "ปอยเปต"),
    place("geonames:1308052", "เมียวดี"),
    place("geonames:1295301", "ท่าขี้เหล็ก"),
    place("alias:golden-triangle", "สามเหลี่ยมทองคำ"),
    place("geonames:1153669", "เชียงราย"),
    place("geonames:1614295", "พัทยา"),
    place("geonames:1151254", "ภูเก็ต"),
    place("geonames:1606807", "สระแก้ว"),
    place("geonames:1735161", "กัวลาลัมเปอร์"),
    place("geonames:1298824", "ย่างกุ้ง"),
    person("person:สุรชัย บุญประเสริฐ", "นายสุรชัย บุญประเสริฐ"),
    person("person:ธีระพงษ์ แสงอรุณ", "พล.ต.อ.ธีระพงษ์ แสงอรุณ"),
    person("person:พิมพ์ชนก ศรีวงศ์", "นางสาวพิมพ์ชนก ศรีวงศ์"),
    person("person:อนันต์ ชัยมงคล", "พ.ต.อ.อนันต์ ชัยมงคล"),
    person("person:วราภรณ์ สุขเจริญ", "นางวราภรณ์ สุขเจริญ"),
    org("intl-interpol", "องค์การตำรวจสากล"),
    org("th-immigration-bureau", "สำนักงานตรวจคนเข้าเมือง"),
    org("th-dsi", "กรมสอบสวนคดีพิเศษ"),
    org("th-amlo", "ปปง."),
    org("asean-asean", "อาเซียน"),
    org("intl-united-nations", "สหประชาชาติ"),
    org("th-ministry-of-justice", "กระทรวงยุติธรรม"),
    org(
        "th-central-investigation-bureau",
        "กองบัญชาการตำรวจสอบสวนกลาง",
    ),
    org("th-royal-thai-police", "สำนักงานตำรวจแห่งชาติ"),
];

const ZH: &[Named] = &[
    place("geonames:1609350", "曼谷"),
    place("geonames:1821306", "金边"),
    place("geonames:1831142", "西港"),
    place("geonames:1308052", "妙瓦底"),
    place("geonames:1152188", "美索"),
    place("geonames:1295301", "大其力"),
    place("alias:golden-triangle", "金三角"),
    place("alias:kk-park", "KK园区"),
    place("geonames:13561226", "亚太新城"),
    place("geonames:1735161", "吉隆坡"),
    place("geonames:1701668", "马尼拉"),
    place("geonames:1298824", "仰光"),
    place("geonames:1566083", "胡志明市"),
    place("iso3166-2:MY-01", "柔佛"),
    place("iso3166-2:MY-12", "沙巴"),
    person("person:张志明", "警官张志明"),
    person("person:林建华", "发言人林建华"),
    person("person:陈国栋", "大使陈国栋"),
    org("intl-interpol", "国际刑警组织"),
    org("intl-united-nations", "联合国"),
    org("asean-asean", "东盟"),
    org("kh-prince-group", "太子集团"),
    org("kh-huione-group", "汇旺集团"),
    org("cn-national-anti-fraud-center", "国家反诈中心"),
    org("cn-national-immigration-administration", "国家移民管理局"),
    org("intl-unodc", "联合国毒品和犯罪问题办公室"),
    org("intl-iom", "国际移民组织"),
];

const ID: &[Named] = &[
    place("geonames:1642911", "Jakarta"),
    place("geonames:6295587", "Batam"),
    place("geonames:1214520", "Medan"),
    place("geonames:1625822", "Surabaya"),
    place("iso3166-2:ID-BA", "Bali"),
    place("iso3166-2:ID-KB", "Kalimantan Barat"),
    place("geonames:1821306", "Phnom Penh"),
    place("geonames:1831142", "Sihanoukville"),
    place("geonames:1609350", "Bangkok"),
    place("geonames:1701668", "Manila"),
    place("geonames:1735161", "Kuala Lumpur"),
    place("geonames:1308052", "Myawaddy"),
    person("person:Hendra Gunawan", "Bapak Hendra Gunawan"),
    person("person:Ratna Sari", "Ibu Ratna Sari"),
    person("person:Arif Nugroho", "Menteri Arif Nugroho"),
    person("person:Joko Susilo", "Pak Joko Susilo"),
    org("id-polri", "Polri"),
    org("id-bareskrim", "Bareskrim"),
    org("id-bnn", "Badan Narkotika Nasional"),
    org("id-ppatk", "PPATK"),
    org(
        "id-directorate-general-of-immigration",
        "Direktorat Jenderal Imigrasi",
    ),
    org("intl-interpol", "Interpol"),
    org("asean-asean", "ASEAN"),
    org("intl-united-nations", "PBB"),
    org("intl-unodc", "UNODC"),
    org("id-ministry-of-foreign-affairs", "Kemlu"),
];

const MS: &[Named] = &[
    place("geonames:1735161", "Kuala Lumpur"),
    place("geonames:1732752", "Johor"),
    place("iso3166-2:MY-12", "Sabah"),
    place("iso3166-2:MY-07", "Pulau Pinang"),
    place("geonames:1733432", "Kota Kinabalu"),
    place("iso3166-2:MY-13", "Sarawak"),
    place("geonames:1821306", "Phnom Penh"),
    place("geonames:1609350", "Bangkok"),
    place("geonames:1831142", "Sihanoukville"),
    person("person:Razak Hamzah", "Datuk Razak Hamzah"),
    person("person:Kamal Ariffin", "Encik Kamal Ariffin"),
    person("person:Noraini Yusoff", "Puan Noraini Yusoff"),
    person("person:Hisham Nordin", "Tuan Hisham Nordin"),
    org("my-royal-malaysia-police", "PDRM"),
    org("my-immigration-department", "Jabatan Imigresen"),
    org("my-ministry-of-home-affairs", "Kementerian Dalam Negeri"),
    org("my-marine-operations-force", "Pasukan Gerakan Marin"),
    org("my-nsrc", "NSRC"),
    org("intl-interpol", "Interpol"),
    org("asean-asean", "ASEAN"),
    org("intl-unodc", "UNODC"),
    org("my-ministry-of-foreign-affairs", "Wisma Putra"),
];

/// What the generator may write in the language `code` (one of [`super::LANGUAGES`]).
pub fn named(code: &str) -> &'static [Named] {
    match code {
        "en" => EN,
        "vi" => VI,
        "th" => TH,
        "zh" => ZH,
        "id" => ID,
        "ms" => MS,
        _ => &[],
    }
}
