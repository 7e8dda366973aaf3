//! The counts a view shows besides its cards, in one comparable shape: the bench checks the
//! app's facets and timeline against a brute-force count of the same view.

use std::collections::BTreeMap;

use corpus::view::timeline::Timeline;
use corpus::view::Counts;

/// Result total, country and language chip counts, dated articles per year on the timeline, and
/// undated articles on the timeline.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ViewCounts {
    pub total: u32,
    pub countries: BTreeMap<String, u32>,
    pub langs: BTreeMap<String, u32>,
    pub years: BTreeMap<u16, u32>,
    pub undated: u32,
}

/// A timeline's dated articles per year of their bucket's start (a zoomed chart's weeks can
/// start in the year before).
pub fn years_of(timeline: &Timeline) -> BTreeMap<u16, u32> {
    let mut years: BTreeMap<u16, u32> = BTreeMap::new();
    for bucket in &timeline.buckets {
        if bucket.count > 0 {
            *years.entry(bucket.start.year).or_default() += bucket.count;
        }
    }
    years
}

impl ViewCounts {
    /// What the app shows for a view ([`corpus::view::Answer::counts`]), with zero counts
    /// dropped so both sides compare equal.
    pub fn from_app(counts: &Counts) -> ViewCounts {
        let (f, t) = (&counts.facets, &counts.timeline);
        let years = years_of(t);
        let nonzero = |v: &[(String, u32)]| v.iter().filter(|(_, n)| *n > 0).cloned().collect();
        ViewCounts {
            total: f.total,
            countries: nonzero(&f.countries),
            langs: nonzero(&f.langs),
            years,
            undated: t.undated,
        }
    }

    /// Compact JSON with keys in order, the same on both sides of the check (no serde_json in
    /// the wasm module).
    pub fn to_json(&self) -> String {
        fn object<K: std::fmt::Display>(map: &BTreeMap<K, u32>) -> String {
            let body: Vec<String> = map
                .iter()
                .map(|(k, v)| format!("\"{}\":{v}", k.to_string().replace(['"', '\\'], "")))
                .collect();
            format!("{{{}}}", body.join(","))
        }
        format!(
            "{{\"total\":{},\"countries\":{},\"langs\":{},\"years\":{},\"undated\":{}}}",
            self.total,
            object(&self.countries),
            object(&self.langs),
            object(&self.years),
            self.undated
        )
    }
}
