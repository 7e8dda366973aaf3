//! The index against a brute-force scan of the same rules, and its layout's edge cases.

use super::build::tf_flags;
use super::*;
use crate::search::tokenize::SegmentKind;
use crate::search::Query;
use proptest::prelude::*;

fn doc(title: &str, body: &str) -> DocText {
    DocText {
        title: title.into(),
        body: body.into(),
    }
}

fn ids(index: &SearchIndex, docs: &[DocText], q: &str) -> Vec<u32> {
    index
        .search(&Query::parse_exact(q), docs)
        .into_iter()
        .map(|(d, _)| d)
        .collect()
}

fn corpus() -> Vec<DocText> {
    vec![
        doc(
            "Hợp tác với Thái Lan",
            "Việt Nam và Thái Lan ký kết hợp tác.",
        ),
        doc("Đông Nam Á", "Kinh tế Đông Nam Á tăng trưởng."),
        doc("ตำรวจจับแก๊ง", "ตำรวจจับแก๊งคอลเซ็นเตอร์ที่ชายแดน"),
        doc("打击网络诈骗", "警方打击网络诈骗犯罪。"),
        doc("Lan Thai", "Lan thai is not Thailand."),
        doc("Random", "Nothing about it. Thái Lan once."),
    ]
}

#[test]
fn index_folded_words_match() {
    let docs = corpus();
    let index = SearchIndex::build(&docs);
    assert_eq!(ids(&index, &docs, "dong nam a"), [1]);
    assert_eq!(ids(&index, &docs, "ĐÔNG NAM Á"), [1]);
    let mut thai_lan = ids(&index, &docs, "thai lan");
    thai_lan.sort_unstable();
    assert_eq!(thai_lan, [0, 4, 5]);
}

#[test]
fn index_substrings_thai_and_chinese() {
    let docs = corpus();
    let index = SearchIndex::build(&docs);
    assert_eq!(ids(&index, &docs, "คอลเซ็นเตอร์"), [2]);
    assert_eq!(ids(&index, &docs, "网络诈骗"), [3]);
    // Crosses the words 网络|诈骗.
    assert_eq!(ids(&index, &docs, "络诈"), [3]);
    // One cluster.
    assert_eq!(ids(&index, &docs, "骗"), [3]);
    assert_eq!(ids(&index, &docs, "诈骗 警方"), [3]);
    assert!(ids(&index, &docs, "诈网").is_empty());
}

#[test]
fn either_chinese_written_form_finds_both() {
    let docs = vec![
        doc("打击网络诈骗", "警方打击网络诈骗犯罪。"),
        doc("打擊網絡詐騙", "警方打擊網絡詐騙犯罪。"),
        doc("Other", "Nothing here."),
    ];
    let index = SearchIndex::build(&docs);
    for q in ["网络诈骗", "網絡詐騙", "网絡诈騙", "詐"] {
        let mut found = ids(&index, &docs, q);
        found.sort_unstable();
        assert_eq!(found, [0, 1], "{q}");
    }
    let hits = crate::search::highlight(&docs[1].body, &Query::parse_exact("诈骗"));
    assert_eq!(
        hits.iter()
            .map(|r| &docs[1].body[r.clone()])
            .collect::<Vec<_>>(),
        ["詐騙"]
    );
}

#[test]
fn index_and_semantics() {
    let docs = corpus();
    let index = SearchIndex::build(&docs);
    assert_eq!(ids(&index, &docs, "thai lan hop"), [0]);
    assert!(ids(&index, &docs, "thai lan kinh").is_empty());
    assert!(ids(&index, &docs, "thai zzz").is_empty());
}

#[test]
fn index_phrase_order() {
    let docs = corpus();
    let index = SearchIndex::build(&docs);
    assert_eq!(ids(&index, &docs, "\"lan thai\""), [4]);
    let mut v = ids(&index, &docs, "\"thai lan\"");
    v.sort_unstable();
    assert_eq!(v, [0, 5]);
}

#[test]
fn index_ranking_title_and_frequency() {
    let docs = vec![
        doc("Other", "biên giới once"),
        doc("Biên giới", "something"),
        doc("Other", "biên giới, biên giới và biên giới"),
    ];
    let index = SearchIndex::build(&docs);
    // Best first: the title, then three occurrences in the body, then one.
    let ranked = |q: &str| {
        let mut scored = index.search(&Query::parse_exact(q), &docs);
        scored.sort_by(|a, b| b.1.total_cmp(&a.1));
        scored
    };
    assert_eq!(
        ranked("bien gioi").iter().map(|h| h.0).collect::<Vec<_>>(),
        [1, 2, 0]
    );
    let scored = ranked("bien");
    assert!(scored[0].1 > scored[1].1 && scored[1].1 > scored[2].1);
    assert_eq!(
        ids(&index, &docs, "bien gioi"),
        [0, 1, 2],
        "hits come in doc order"
    );
}

#[test]
fn index_prefix_while_typing() {
    let docs = corpus();
    let index = SearchIndex::build(&docs);
    let r = index.search(&Query::parse("thai la"), &docs);
    let mut v: Vec<u32> = r.iter().map(|x| x.0).collect();
    v.sort_unstable();
    assert_eq!(v, [0, 4, 5]);
    let r = index.search(&Query::parse("thail"), &docs);
    assert_eq!(r.iter().map(|x| x.0).collect::<Vec<_>>(), [4]);
}

#[test]
fn index_empty_query_returns_all_in_order() {
    let docs = corpus();
    let index = SearchIndex::build(&docs);
    assert_eq!(ids(&index, &docs, " "), [0, 1, 2, 3, 4, 5]);
}

#[test]
fn index_postcard_roundtrip_and_articles() {
    let docs = corpus();
    let index = SearchIndex::build(&docs);
    let bytes = postcard::to_allocvec(&index).expect("serialise");
    let back: SearchIndex = postcard::from_bytes(&bytes).expect("decode");
    assert_eq!(back, index);
    assert_eq!(ids(&back, &docs, "络诈"), [3]);
    // Confirmation through Article parts gives the same answer.
    let articles: Vec<Article> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| Article {
            id: i.to_string(),
            file: String::new(),
            date: None,
            title: d.title.clone(),
            title_derived: false,
            lang: "und".into(),
            countries: vec![],
            source: None,
            captions: vec![],
            paragraphs: d.body.split('\n').map(String::from).collect(),
            warnings: vec![],
        })
        .collect();
    let from_articles: Vec<DocText> = articles.iter().map(DocText::from_article).collect();
    assert_eq!(from_articles, docs);
    let q = Query::parse_exact("คอลเซ็นเตอร์");
    assert_eq!(index.search(&q, &articles), index.search(&q, &docs));
}

#[test]
fn index_dictionary_lookup_across_blocks() {
    let docs: Vec<DocText> = (0..200)
        .map(|i| doc(&format!("w{i:03}"), &format!("x{} common", i % 7)))
        .collect();
    let index = SearchIndex::build(&docs);
    assert!(index.term_count() > 2 * BLOCK as u32);
    for i in [0, 15, 16, 17, 100, 199] {
        assert_eq!(ids(&index, &docs, &format!("w{i:03}")), [i as u32]);
    }
    assert_eq!(ids(&index, &docs, "common").len(), 200);
    assert_eq!(
        ids(&index, &docs, "x3").len(),
        (0..200).filter(|i| i % 7 == 3).count()
    );
    assert!(ids(&index, &docs, "w2000").is_empty());
    assert!(ids(&index, &docs, "a").is_empty());
    assert!(ids(&index, &docs, "zzz").is_empty());
    let r = index.search(&Query::parse("w1"), &docs);
    assert_eq!(r.len(), 100);
}

#[test]
fn index_flags_follow_their_postings_across_blocks() {
    // Word i is in document i only, i % 3 == 0 times in the title and i % 6 times in the
    // body; `even` once in every even document. Lists of one posting each start their flags
    // in both halves of a byte, in many blocks.
    let docs: Vec<DocText> = (0..120)
        .map(|i| {
            let w = format!("w{i:03}");
            let title = if i % 3 == 0 { w.clone() } else { String::new() };
            let mut body = vec![w.as_str(); i % 6].join(" ");
            if i % 2 == 0 {
                body.push_str(" even");
            }
            doc(&title, &body)
        })
        .collect();
    let index = SearchIndex::build(&docs);
    assert!(index.term_count() > 2 * BLOCK as u32);
    for i in 0..120u32 {
        let (title, body) = (u32::from(i % 3 == 0), i % 6);
        let entry = index.lookup(&format!("w{i:03}"));
        if title + body == 0 {
            assert!(entry.is_none(), "w{i:03}");
            continue;
        }
        let entry = entry.expect("indexed");
        let got: Vec<(u32, u8)> = index.postings(&entry).collect();
        assert_eq!(got, [(i, tf_flags((title, body)))], "w{i:03}");
    }
    let even = index.lookup("even").expect("indexed");
    let got: Vec<(u32, u8)> = index.postings(&even).collect();
    let want: Vec<(u32, u8)> = (0..120).step_by(2).map(|i| (i, tf_flags((0, 1)))).collect();
    assert_eq!(got, want);
}

/// Brute force, written independently of `FieldScan`: cluster boundaries of the whole field.
fn brute(q: &Query, d: &DocText) -> bool {
    use crate::search::fold::fold;
    use crate::search::tokenize::segments;
    use unicode_segmentation::UnicodeSegmentation;
    q.items().iter().all(|item| {
        [&d.title, &d.body].iter().any(|field| {
            field.split('\n').any(|line| {
                let f = fold(line);
                let segs: Vec<_> = segments(&f).collect();
                match item.parts.as_slice() {
                    [p] if p.kind == SegmentKind::Run => {
                        let bounds: Vec<usize> = f
                            .grapheme_indices(true)
                            .map(|(i, _)| i)
                            .chain([f.len()])
                            .collect();
                        bounds.iter().any(|&b| {
                            f[b..].starts_with(&p.text) && bounds.contains(&(b + p.text.len()))
                        })
                    }
                    [p] => segs.iter().any(|s| {
                        s.kind == SegmentKind::Word
                            && (s.text == p.text || (item.prefix && s.text.starts_with(&p.text)))
                    }),
                    parts => segs.windows(parts.len()).any(|w| {
                        let k = parts.len();
                        w.iter().zip(parts).enumerate().all(|(i, (s, p))| {
                            if s.kind != p.kind {
                                return false;
                            }
                            if s.kind == SegmentKind::Word || (i > 0 && i + 1 < k) {
                                return s.text == p.text;
                            }
                            let sb: Vec<usize> = s
                                .text
                                .grapheme_indices(true)
                                .map(|(i, _)| i)
                                .chain([s.text.len()])
                                .collect();
                            if i == 0 {
                                s.text.ends_with(&p.text)
                                    && sb.contains(&(s.text.len() - p.text.len()))
                            } else {
                                s.text.starts_with(&p.text) && sb.contains(&p.text.len())
                            }
                        })
                    }),
                }
            })
        })
    })
}

fn text_strategy() -> impl Strategy<Value = String> {
    let atoms = prop::sample::select(vec![
        "a",
        "b",
        "ab",
        "á",
        "Â",
        "ạ",
        "đ",
        "Đ",
        "e",
        "ê",
        " ",
        " ",
        "-",
        "\n",
        "ก",
        "่",
        "้",
        "อ",
        "น",
        "ผู้",
        "ใ",
        "网",
        "络",
        "诈",
        "A\u{301}",
        "ก่",
        "\"",
    ]);
    prop::collection::vec(atoms, 0..24).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]
    #[test]
    fn index_search_equals_brute_force(
        docs in prop::collection::vec((text_strategy(), text_strategy()), 0..8),
        q in text_strategy(),
        typing in any::<bool>(),
    ) {
        let docs: Vec<DocText> = docs.into_iter().map(|(t, b)| doc(&t, &b)).collect();
        let index = SearchIndex::build(&docs);
        // Whatever the builder writes passes the decoder's checks.
        prop_assert_eq!(index.validate(), Ok(()));
        let query = if typing { Query::parse(&q) } else { Query::parse_exact(&q) };
        let mut got: Vec<u32> = index.search(&query, &docs).into_iter().map(|(d, _)| d).collect();
        got.sort_unstable();
        let want: Vec<u32> = (0..docs.len() as u32)
            .filter(|&i| query.is_empty() || brute(&query, &docs[i as usize]))
            .collect();
        prop_assert_eq!(&got, &want);
        // Also query with a piece of a document, so that matches are common.
        if let Some(d) = docs.first() {
            let text = format!("{}\n{}", d.title, d.body);
            let cut: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
            let a = cut[q.len() % cut.len()];
            let b = cut[(q.len() * 7 + 3) % cut.len()];
            let piece = &text[a.min(b)..a.max(b)];
            for query in [Query::parse(piece), Query::parse_exact(piece), Query::parse_exact(&format!("\"{piece}\""))] {
                let mut got: Vec<u32> = index.search(&query, &docs).into_iter().map(|(d, _)| d).collect();
                got.sort_unstable();
                let want: Vec<u32> = (0..docs.len() as u32)
                    .filter(|&i| query.is_empty() || brute(&query, &docs[i as usize]))
                    .collect();
                prop_assert_eq!(got, want, "piece {:?}", piece);
            }
        }
        // The public brute-force helper agrees too.
        let helper: Vec<u32> = (0..docs.len() as u32)
            .filter(|&i| {
                let d = &docs[i as usize];
                query.is_empty() || query.matches_fields(&d.title, d.body.split('\n'))
            })
            .collect();
        prop_assert_eq!(&helper, &want);
    }
}

/// The index of `corpus()` with its postings or dictionary changed by `damage`.
fn damaged(damage: impl FnOnce(&mut SearchIndex)) -> SearchIndex {
    let mut index = SearchIndex::build(&corpus());
    assert_eq!(index.validate(), Ok(()));
    damage(&mut index);
    index
}

/// Every query of the other tests on a damaged index: none panics, every hit is a document.
fn search_everything(index: &SearchIndex) {
    let docs = corpus();
    for q in [
        "thai lan",
        "thai la",
        "dong",
        "\"lan thai\"",
        "คอลเซ็นเตอร์",
        "网络诈骗",
        "骗",
        "络诈",
        "诈骗 警方",
        "a",
        "z",
    ] {
        for (doc, _) in index.search(&Query::parse(q), &docs) {
            assert!(doc < index.doc_count(), "{q}: {doc}");
        }
    }
}

/// A block's first term must stand alone: it is read on its own by the binary search.
#[test]
fn validate_rejects_a_block_head_sharing_a_prefix() {
    let docs: Vec<DocText> = (0..40).map(|i| doc(&format!("w{i:03}"), "")).collect();
    let mut index = SearchIndex::build(&docs);
    assert_eq!(index.validate(), Ok(()));
    let second_block = index.heads[HEAD_LEN] as usize;
    assert_eq!(index.dict.0[second_block], 0);
    index.dict.0[second_block] = 1;
    assert_eq!(index.validate(), Err("index dictionary order"));
    for i in [0, 16, 17, 39] {
        let _ = ids(&index, &docs, &format!("w{i:03}"));
    }
}

#[test]
fn validate_accepts_what_the_builder_writes() {
    assert_eq!(SearchIndex::build(&[]).validate(), Ok(()));
    assert_eq!(SearchIndex::build(&corpus()).validate(), Ok(()));
    let many: Vec<DocText> = (0..300)
        .map(|i| {
            doc(
                &format!("w{i:03} 中文{i}"),
                &format!("x{} common ภาษาไทย", i % 7),
            )
        })
        .collect();
    assert_eq!(SearchIndex::build(&many).validate(), Ok(()));
}

#[test]
fn validate_names_each_damaged_part() {
    type Damage = Box<dyn FnOnce(&mut SearchIndex)>;
    let cases: Vec<(&str, Damage)> = vec![
        (
            "index field lengths",
            Box::new(|i| {
                i.title_lens.pop();
            }),
        ),
        (
            "index average lengths",
            Box::new(|i| i.avg_body_len = f32::NAN),
        ),
        ("index average lengths", Box::new(|i| i.avg_title_len = 0.0)),
        ("index block heads", Box::new(|i| i.heads.push(0))),
        ("index block heads", Box::new(|i| i.heads[1] += 1)),
        (
            "index block heads",
            Box::new(|i| i.term_count += BLOCK as u32),
        ),
        (
            "index dictionary",
            Box::new(|i| {
                i.dict.0.pop();
            }),
        ),
        ("index dictionary", Box::new(|i| i.dict.0.push(0))),
        ("index dictionary", Box::new(|i| i.term_count += 1)),
        ("index postings", Box::new(|i| i.postings.0.push(0))),
        (
            "index postings",
            Box::new(|i| {
                i.postings.0.pop();
            }),
        ),
        ("index flags", Box::new(|i| i.flags.0.push(0))),
        (
            "index flags",
            Box::new(|i| {
                i.flags.0.pop();
            }),
        ),
        // The last document's ids past the documents.
        (
            "index postings",
            Box::new(|i| {
                i.doc_count -= 1;
                i.title_lens.pop();
                i.body_lens.pop();
            }),
        ),
    ];
    for (want, damage) in cases {
        let index = damaged(damage);
        assert_eq!(index.validate(), Err(want));
        search_everything(&index);
    }
}

/// Damage inside the byte arrays: a first term's length past the dictionary (and past
/// `usize::MAX`), an unsorted term, a gap past the documents, a repeated document, a gap that
/// overflows a document id. Each is an error, and searching anyway neither panics nor wraps.
#[test]
fn validate_rejects_damaged_bytes_and_search_survives_them() {
    // Two one-letter documents: the dictionary is `0 1 a 1 1`, `0 1 b 1 1`, the postings
    // `0`, `1`.
    let docs = vec![doc("a", ""), doc("b", "")];
    let index = SearchIndex::build(&docs);
    assert_eq!(index.dict.0, [0, 1, b'a', 1, 1, 0, 1, b'b', 1, 1]);
    assert_eq!(index.postings.0, [0, 1]);
    assert_eq!(index.validate(), Ok(()));
    let with = |dict: &[u8], postings: &[u8]| {
        let mut damaged = index.clone();
        damaged.dict.0 = dict.to_vec();
        damaged.postings.0 = postings.to_vec();
        damaged
    };
    let huge = [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01];
    let mut huge_len = vec![0];
    huge_len.extend(huge);
    huge_len.extend([b'a', 1, 1, 0, 1, b'b', 1, 1]);
    let cases = [
        ("index dictionary", with(&huge_len, &[0, 1])),
        (
            "index dictionary",
            with(&[0, 200, b'a', 1, 1, 0, 1, b'b', 1, 1], &[0, 1]),
        ),
        (
            "index dictionary order",
            with(&[0, 1, b'b', 1, 1, 0, 1, b'a', 1, 1], &[0, 1]),
        ),
        (
            "index dictionary",
            with(&[0, 1, b'a', 1, 1, 2, 1, b'b', 1, 1], &[0, 1]),
        ),
        (
            "index dictionary",
            with(&[1, 1, b'a', 1, 1, 0, 1, b'b', 1, 1], &[0, 1]),
        ),
        ("index postings", with(&index.dict.0, &[2, 1])),
        (
            "index postings",
            with(&[0, 1, b'a', 2, 2, 0, 1, b'b', 1, 1], &[0, 0, 1]),
        ),
        (
            "index postings",
            with(
                &[0, 1, b'a', 2, 6, 0, 1, b'b', 1, 1],
                &[1, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 1],
            ),
        ),
        (
            "index postings",
            with(&[0, 1, b'a', 1, 10, 0, 1, b'b', 1, 1], &{
                let mut p = huge.to_vec();
                p.push(1);
                p
            }),
        ),
    ];
    for (want, index) in cases {
        assert_eq!(
            index.validate(),
            Err(want),
            "{:?} {:?}",
            index.dict,
            index.postings
        );
        for q in ["a", "b", "a b", "\"a b\"", "c"] {
            for (d, _) in index.search(&Query::parse(q), &docs) {
                assert!(d < 2, "{q}: {d}");
            }
        }
        let _ = index.head_term(0);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    /// An index whose postings are in shards answers as the whole one, scores included, once the
    /// shards a query needs are added, and adds nothing it was not asked for; the core and each
    /// shard pass their checks.
    #[test]
    fn sharded_postings_answer_as_the_whole_index(
        docs in prop::collection::vec((text_strategy(), text_strategy()), 1..12),
        queries in prop::collection::vec(text_strategy(), 1..4),
        target in prop_oneof![Just(1usize), 1usize..64, Just(1 << 20)],
    ) {
        let docs: Vec<DocText> = docs.into_iter().map(|(t, b)| doc(&t, &b)).collect();
        let whole = SearchIndex::build(&docs);
        let (core, shards) = whole.split_postings(target);
        prop_assert_eq!(core.validate(), Ok(()));
        prop_assert_eq!(core.shard_count(), shards.len());
        let (_, postings) = whole.byte_sizes();
        prop_assert!(shards.iter().map(Vec::len).sum::<usize>() >= postings);
        let decoded: SearchIndex = postcard::from_bytes(&postcard::to_allocvec(&core).expect("encodes")).expect("decodes");
        prop_assert_eq!(decoded.validate(), Ok(()));
        let mut asked = std::collections::BTreeSet::new();
        let first_piece = format!("{} {}", docs[0].title, docs[0].body);
        let pieces = queries.iter().map(String::as_str).chain(first_piece.split_whitespace().take(3));
        for q in pieces {
            for query in [Query::parse(q), Query::parse_exact(q)] {
                let missing = decoded.shards_missing_for(&query);
                for &shard in &missing {
                    prop_assert_eq!(decoded.shard_len(shard as usize), shards[shard as usize].len());
                    decoded.add_shard(shard as usize, shards[shard as usize].clone()).expect("a shard the build wrote");
                    asked.insert(shard);
                }
                prop_assert!(decoded.shards_missing_for(&query).is_empty());
                prop_assert_eq!(decoded.search(&query, &docs), whole.search(&query, &docs), "{:?}", q);
            }
        }
        prop_assert_eq!(decoded.shards_here(), asked.len());
    }
}

#[test]
fn shards_hold_whole_blocks_of_about_the_target() {
    let docs: Vec<DocText> = (0..200)
        .map(|i| {
            doc(
                &format!("title {i}"),
                &format!("word{} common w{} ตำรวจ{}", i % 37, i % 101, i % 13),
            )
        })
        .collect();
    let whole = SearchIndex::build(&docs);
    let (_, postings) = whole.byte_sizes();
    for target in [1, 64, 512, postings, usize::MAX] {
        let (core, shards) = whole.split_postings(target);
        assert!(core.is_sharded());
        let blocks = whole.heads.len() / HEAD_LEN;
        // Each shard but the last reaches the target; none holds more than it plus one block.
        for (k, shard) in shards.iter().enumerate() {
            if k + 1 < shards.len() {
                assert!(
                    shard.len() + 1 >= target.min(postings),
                    "shard {k}: {} < {target}",
                    shard.len()
                );
            }
        }
        if target <= 1 {
            assert_eq!(shards.len(), blocks);
        }
        if target >= postings {
            assert_eq!(shards.len(), 1);
        }
        // Damage: a shard of another length, or another shard's bytes, is refused.
        if shards.len() > 1 {
            assert!(core.add_shard(0, shards[1].clone()).is_err() || shards[0] == shards[1]);
            assert!(core.add_shard(0, Vec::new()).is_err());
        }
        assert!(core.add_shard(shards.len(), Vec::new()).is_err());
    }
    // Splitting a split index gives it back.
    let (core, _) = whole.split_postings(64);
    let (again, none) = core.split_postings(64);
    assert!(none.is_empty());
    assert_eq!(again.shard_ends, core.shard_ends);
}
