//! The date histogram: articles per day, week, month, quarter, year, decade, century or
//! millennium, with the bucket size chosen from the span, and the `from`/`to` bounds that select
//! each bucket.
//!
//! The bucket count is bounded whatever the dates: at most [`MAX_BUCKETS`], the finest size that
//! fits being chosen, so a stray date in year 1 or 9999 makes millennia rather than thousands of
//! empty years (a date past year 9999, which no seed or URL can give, could make a few more: at
//! most 66, the millennia of a `u16` year).
//!
//! [`timeline`] counts the articles passing the text query and every filter EXCEPT the date
//! facet (the range and the undated mode), within the selected range if there is one: selecting
//! a bucket zooms in (a year's months, a month's days), and [`ViewState::zoom_out`] goes back
//! up a level, so the reader moves from years to days in a few clicks without typed dates.

use crate::date::{days_in_month, Date};
use crate::store::catalog::Catalog;
use crate::view::filter::{Facet, Filter, TextMask, TextMatches};
use crate::view::state::{DateBound, ViewState};

/// The most buckets a chart gets (for dates up to year 9999, all a seed or a URL can hold).
pub const MAX_BUCKETS: u32 = 60;

/// How wide each bucket is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum BucketSize {
    /// One calendar day.
    #[default]
    Day,
    /// Monday to Sunday.
    Week,
    /// One calendar month.
    Month,
    /// January–March, April–June, July–September or October–December.
    Quarter,
    /// One calendar year.
    Year,
    /// Ten calendar years, `1990`–`1999` (the first decade starts in year 1).
    Decade,
    /// A hundred calendar years, `1900`–`1999` (the first century starts in year 1).
    Century,
    /// A thousand calendar years, `1000`–`1999` (the first millennium starts in year 1).
    Millennium,
}

impl BucketSize {
    /// Every size, finest first.
    pub const ALL: [BucketSize; 8] = [
        BucketSize::Day,
        BucketSize::Week,
        BucketSize::Month,
        BucketSize::Quarter,
        BucketSize::Year,
        BucketSize::Decade,
        BucketSize::Century,
        BucketSize::Millennium,
    ];

    /// The finest size giving at most [`MAX_BUCKETS`] buckets from `first` to `last`
    /// (millennia when none does, which only a year past 9999 can cause). Finest-that-fits means
    /// at least 8 buckets whenever the span is over 60 days, and at least 7 once it is over 60
    /// years (a tenth of 60 finer buckets, plus the partial ones at either end).
    pub fn for_span(first: Date, last: Date) -> BucketSize {
        let (first, last) = (first.min(last), first.max(last));
        BucketSize::ALL
            .into_iter()
            .find(|size| size.key(last) - size.key(first) < i64::from(MAX_BUCKETS))
            .unwrap_or(BucketSize::Millennium)
    }

    /// Years per bucket of the sizes of a year or more.
    fn years(self) -> Option<i64> {
        match self {
            BucketSize::Day | BucketSize::Week | BucketSize::Month | BucketSize::Quarter => None,
            BucketSize::Year => Some(1),
            BucketSize::Decade => Some(10),
            BucketSize::Century => Some(100),
            BucketSize::Millennium => Some(1000),
        }
    }

    /// A number per bucket, consecutive for consecutive buckets.
    fn key(self, date: Date) -> i64 {
        let (year, month) = (i64::from(date.year), i64::from(date.month) - 1);
        match self {
            BucketSize::Day => i64::from(date.day_number()),
            // Day 0 (0001-01-01) was a Monday, so weeks are runs of 7 day numbers.
            BucketSize::Week => i64::from(date.day_number()).div_euclid(7),
            BucketSize::Month => year * 12 + month,
            BucketSize::Quarter => year * 4 + month / 3,
            BucketSize::Year
            | BucketSize::Decade
            | BucketSize::Century
            | BucketSize::Millennium => year.div_euclid(self.years().unwrap_or(1)),
        }
    }

    /// First and last day of the bucket with this key.
    fn bounds(self, key: i64) -> (Date, Date) {
        let day = |n: i64| Date::from_day_number(i32::try_from(n).unwrap_or(0));
        let year = |y: i64| u16::try_from(y.clamp(1, i64::from(u16::MAX))).unwrap_or(1);
        let month = |m: i64| u8::try_from(m + 1).unwrap_or(1);
        let month_span = |y: u16, first: u8, last: u8| {
            (
                Date {
                    year: y,
                    month: first,
                    day: 1,
                },
                Date {
                    year: y,
                    month: last,
                    day: days_in_month(y, last),
                },
            )
        };
        match self {
            BucketSize::Day => (day(key), day(key)),
            BucketSize::Week => (day(key * 7), day(key * 7 + 6)),
            BucketSize::Month => {
                let m = month(key.rem_euclid(12));
                month_span(year(key.div_euclid(12)), m, m)
            }
            BucketSize::Quarter => {
                let first = month(key.rem_euclid(4) * 3);
                month_span(year(key.div_euclid(4)), first, first + 2)
            }
            BucketSize::Year
            | BucketSize::Decade
            | BucketSize::Century
            | BucketSize::Millennium => {
                let n = self.years().unwrap_or(1);
                let (first, _) = month_span(year(key.saturating_mul(n)), 1, 12);
                let (_, last) =
                    month_span(year(key.saturating_mul(n).saturating_add(n - 1)), 1, 12);
                (first, last)
            }
        }
    }

    /// A readable label: `16 Oct 2025`, `Week of 13 Oct 2025`, `Oct 2025`, `2025 Q4`, `2025`,
    /// `1990–1999`.
    fn label(self, start: Date) -> String {
        match self {
            BucketSize::Day => day_label(start),
            BucketSize::Week => format!("Week of {}", day_label(start)),
            BucketSize::Month => format!("{} {}", month_abbr(start.month), start.year),
            BucketSize::Quarter => {
                format!("{} Q{}", start.year, start.month.saturating_sub(1) / 3 + 1)
            }
            BucketSize::Year => start.year.to_string(),
            BucketSize::Decade | BucketSize::Century | BucketSize::Millennium => {
                format!("{}–{}", start.year, self.bounds(self.key(start)).1.year)
            }
        }
    }

    /// The `from`/`to` bounds selecting exactly the bucket: months and years at their own
    /// precision (`from=1990&to=1999` for a decade), days, weeks and quarters as full dates.
    fn url_bounds(self, start: Date, end: Date) -> (DateBound, DateBound) {
        match self {
            BucketSize::Day | BucketSize::Week | BucketSize::Quarter => {
                (DateBound::Day(start), DateBound::Day(end))
            }
            BucketSize::Month => {
                let month = DateBound::Month(start.year, start.month);
                (month, month)
            }
            BucketSize::Year
            | BucketSize::Decade
            | BucketSize::Century
            | BucketSize::Millennium => (DateBound::Year(start.year), DateBound::Year(end.year)),
        }
    }

    /// The English name: `day`, `week`, `month`, `quarter`, `year`, `decade`, `century`,
    /// `millennium`.
    pub fn as_str(self) -> &'static str {
        match self {
            BucketSize::Day => "day",
            BucketSize::Week => "week",
            BucketSize::Month => "month",
            BucketSize::Quarter => "quarter",
            BucketSize::Year => "year",
            BucketSize::Decade => "decade",
            BucketSize::Century => "century",
            BucketSize::Millennium => "millennium",
        }
    }
}

fn month_abbr(month: u8) -> &'static str {
    crate::date::month_abbr(month)
}

fn day_label(date: Date) -> String {
    date.label()
}

/// One bar of the histogram.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bucket {
    /// First day covered.
    pub start: Date,
    /// Last day covered (inclusive).
    pub end: Date,
    /// Readable label (see [`BucketSize`]'s sizes): `16 Oct 2025`, `Week of 13 Oct 2025`,
    /// `Oct 2025`, `2025 Q4`, `2025` or (decades, centuries, millennia) `1990–1999`.
    pub label: String,
    /// Articles dated within the bucket.
    pub count: u32,
    /// The `from` value selecting this bucket (`2025-10` for a month, `2025` for a year, `1990`
    /// for the decade 1990–1999, a full date otherwise).
    pub from: DateBound,
    /// The `to` value selecting this bucket (`1999` for the decade 1990–1999).
    pub to: DateBound,
}

impl Bucket {
    /// The view narrowed to exactly this bucket (other choices kept).
    pub fn select(&self, state: &ViewState) -> ViewState {
        state.set_range(Some(self.from), Some(self.to))
    }

    /// True when the view's range is exactly this bucket (e.g. to make a click toggle it off).
    pub fn is_selected(&self, state: &ViewState) -> bool {
        state.from == Some(self.from) && state.to == Some(self.to)
    }

    /// True when the view has a date range and it overlaps this bucket (for highlighting).
    pub fn in_range(&self, state: &ViewState) -> bool {
        if !state.has_range() {
            return false;
        }
        let (from, to) = state.date_range();
        from.is_none_or(|from| self.end >= from) && to.is_none_or(|to| self.start <= to)
    }
}

/// The histogram: contiguous buckets (empty ones included) from the earliest to the latest
/// date, plus the undated count.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Timeline {
    /// The bucket width chosen by [`BucketSize::for_span`] (`Day` when there are no dates).
    pub size: BucketSize,
    /// Oldest first; empty when no article is dated.
    pub buckets: Vec<Bucket>,
    /// Articles without a date (not in any bucket).
    pub undated: u32,
}

impl Timeline {
    /// Buckets the given dates (`None` counts as undated).
    pub fn from_dates(dates: impl IntoIterator<Item = Option<Date>>) -> Timeline {
        let mut undated = 0u32;
        let dated: Vec<Date> = dates
            .into_iter()
            .filter_map(|date| {
                if date.is_none() {
                    undated = undated.saturating_add(1);
                }
                date
            })
            .collect();
        let (Some(&first), Some(&last)) = (dated.iter().min(), dated.iter().max()) else {
            return Timeline {
                undated,
                ..Timeline::default()
            };
        };
        let size = BucketSize::for_span(first, last);
        let origin = size.key(first);
        let mut counts = vec![0u32; usize::try_from(size.key(last) - origin + 1).unwrap_or(0)];
        for date in &dated {
            let slot = usize::try_from(size.key(*date) - origin)
                .ok()
                .and_then(|i| counts.get_mut(i));
            if let Some(count) = slot {
                *count = count.saturating_add(1);
            }
        }
        let buckets = (origin..)
            .zip(counts)
            .map(|(key, count)| {
                let (start, end) = size.bounds(key);
                let (from, to) = size.url_bounds(start, end);
                Bucket {
                    start,
                    end,
                    label: size.label(start),
                    count,
                    from,
                    to,
                }
            })
            .collect();
        Timeline {
            size,
            buckets,
            undated,
        }
    }

    /// How many dated articles the buckets hold.
    pub fn dated(&self) -> u32 {
        self.buckets
            .iter()
            .fold(0u32, |sum, b| sum.saturating_add(b.count))
    }

    /// The largest bucket count (0 when empty), for scaling bars.
    pub fn max_count(&self) -> u32 {
        self.buckets.iter().map(|b| b.count).max().unwrap_or(0)
    }
}

/// The timeline of the articles matching the text query and the country and language filters;
/// the date range and undated mode are deliberately left out (see the module documentation).
pub fn timeline(catalog: &Catalog, state: &ViewState, text: TextMatches<'_>) -> Timeline {
    let filter = Filter::new(catalog, state);
    let mask = TextMask::new(catalog.len(), text);
    // Zoomed in: the chart spans the selected range only (undated articles keep their lane).
    let (from, to) = state.date_range();
    let within = |date: Option<Date>| {
        date.is_none_or(|d| from.is_none_or(|f| d >= f) && to.is_none_or(|t| d <= t))
    };
    Timeline::from_dates((0..catalog.len()).filter_map(|i| {
        let keep = mask.score(i).is_some() && filter.matches(i, Some(Facet::Date));
        let date = catalog.date(i);
        (keep && within(date)).then_some(date)
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        Date::parse(text).expect("valid date")
    }

    fn of(dates: &[&str]) -> Timeline {
        Timeline::from_dates(dates.iter().map(|d| Some(date(d))))
    }

    /// Buckets are contiguous, cover the dates, and their URL bounds select exactly them.
    fn assert_well_formed(timeline: &Timeline) {
        for pair in timeline.buckets.windows(2) {
            assert_eq!(
                pair[1].start.day_number(),
                pair[0].end.day_number() + 1,
                "{pair:?}"
            );
        }
        for bucket in &timeline.buckets {
            assert!(bucket.start <= bucket.end);
            assert_eq!(bucket.from.first_day(), bucket.start, "{bucket:?}");
            assert_eq!(bucket.to.last_day(), bucket.end, "{bucket:?}");
            let state = bucket.select(&ViewState::default());
            assert!(bucket.is_selected(&state));
            assert!(bucket.in_range(&state));
            assert_eq!(ViewState::parse(&state.to_query()), (state, vec![]));
            match timeline.size {
                BucketSize::Day => assert_eq!(bucket.start, bucket.end),
                BucketSize::Week => {
                    assert_eq!(bucket.start.weekday(), 0);
                    assert_eq!(bucket.end.day_number() - bucket.start.day_number(), 6);
                }
                BucketSize::Month => {
                    assert_eq!(
                        (bucket.start.day, bucket.start.month),
                        (1, bucket.end.month)
                    );
                }
                BucketSize::Quarter => {
                    assert!([1, 4, 7, 10].contains(&bucket.start.month));
                    assert_eq!(bucket.end.month, bucket.start.month + 2);
                }
                BucketSize::Year
                | BucketSize::Decade
                | BucketSize::Century
                | BucketSize::Millennium => {
                    assert_eq!((bucket.start.month, bucket.start.day), (1, 1));
                    assert_eq!((bucket.end.month, bucket.end.day), (12, 31));
                    let years = timeline.size.years().expect("years");
                    let key = timeline.size.key(bucket.start);
                    assert_eq!(key, timeline.size.key(bucket.end));
                    assert_eq!(i64::from(bucket.end.year), key * years + years - 1);
                    assert_eq!(i64::from(bucket.start.year), (key * years).max(1));
                }
            }
        }
    }

    #[test]
    fn no_dates() {
        let empty = Timeline::from_dates([]);
        assert!(empty.buckets.is_empty());
        assert_eq!((empty.dated(), empty.undated, empty.max_count()), (0, 0, 0));
        let undated = Timeline::from_dates([None, None]);
        assert!(undated.buckets.is_empty());
        assert_eq!(undated.undated, 2);
    }

    #[test]
    fn one_article_is_one_day() {
        let one = of(&["2025-10-16"]);
        assert_eq!(one.size, BucketSize::Day);
        assert_eq!(one.buckets.len(), 1);
        let bucket = &one.buckets[0];
        assert_eq!(bucket.label, "16 Oct 2025");
        assert_eq!(bucket.count, 1);
        assert_eq!(bucket.from, DateBound::Day(date("2025-10-16")));
        assert_eq!(bucket.to, DateBound::Day(date("2025-10-16")));
        assert_well_formed(&one);
    }

    #[test]
    fn two_articles_fill_the_gap() {
        let two = of(&["2025-10-16", "2025-10-01"]);
        assert_eq!(two.size, BucketSize::Day);
        assert_eq!(two.buckets.len(), 16);
        assert_eq!(two.buckets[0].count, 1);
        assert_eq!(two.buckets[15].count, 1);
        assert!(two.buckets[1..15].iter().all(|b| b.count == 0));
        assert_well_formed(&two);
    }

    #[test]
    fn bucket_size_follows_the_span() {
        let size = |a: &str, b: &str| BucketSize::for_span(date(a), date(b));
        assert_eq!(size("2025-10-16", "2025-10-16"), BucketSize::Day);
        // 60 days is the most for days; 61 switches to weeks.
        assert_eq!(size("2025-01-01", "2025-03-01"), BucketSize::Day);
        assert_eq!(size("2025-01-01", "2025-03-02"), BucketSize::Week);
        assert_eq!(size("2025-03-02", "2025-01-01"), BucketSize::Week);
        assert_eq!(size("2025-01-01", "2025-12-31"), BucketSize::Week);
        assert_eq!(size("2024-01-01", "2025-12-31"), BucketSize::Month);
        assert_eq!(size("2020-01-01", "2025-12-31"), BucketSize::Quarter);
        assert_eq!(size("2010-01-01", "2026-06-30"), BucketSize::Year);
        // Past 60 years, decades; past 60 decades, centuries; past 60 centuries, millennia.
        assert_eq!(size("1966-01-01", "2025-12-31"), BucketSize::Year);
        assert_eq!(size("1965-12-31", "2025-12-31"), BucketSize::Decade);
        assert_eq!(size("1900-01-01", "2026-06-30"), BucketSize::Decade);
        assert_eq!(size("1400-01-01", "2026-06-30"), BucketSize::Century);
        assert_eq!(size("0001-01-01", "2026-06-30"), BucketSize::Century);
        assert_eq!(size("0001-01-01", "9999-12-31"), BucketSize::Millennium);
    }

    /// A stray date in year 1 or 9999 makes a few wide buckets, not thousands of empty years.
    #[test]
    fn extreme_dates_make_few_buckets() {
        let wide = of(&["0001-01-01", "2025-10-16", "9999-12-31"]);
        assert_eq!(wide.size, BucketSize::Millennium);
        assert_eq!(wide.buckets.len(), 10);
        assert_eq!(wide.dated(), 3);
        let first = &wide.buckets[0];
        assert_eq!((first.label.as_str(), first.count), ("1–999", 1));
        assert_eq!(
            (first.from, first.to),
            (DateBound::Year(1), DateBound::Year(999))
        );
        let last = wide.buckets.last().expect("buckets");
        assert_eq!((last.label.as_str(), last.count), ("9000–9999", 1));
        assert_eq!(
            last.select(&ViewState::default()).to_query(),
            "from=9000&to=9999"
        );
        assert_eq!(wide.buckets[2].count, 1);
        assert_well_formed(&wide);

        let old = of(&["0001-06-15", "2025-10-16"]);
        assert_eq!(old.size, BucketSize::Century);
        assert_eq!(old.buckets.len(), 21);
        assert_eq!(old.buckets[0].label, "1–99");
        assert_eq!(old.buckets[20].label, "2000–2099");
        assert_well_formed(&old);

        // The fewest buckets a coarse size gives: just past 60 of the finer size.
        let fewest = of(&["1960-06-01", "2020-06-01"]);
        assert_eq!((fewest.size, fewest.buckets.len()), (BucketSize::Decade, 7));
        assert_well_formed(&fewest);

        let decades = of(&["1900-01-01", "2026-06-30"]);
        assert_eq!(decades.size, BucketSize::Decade);
        assert_eq!(decades.buckets.len(), 13);
        assert_eq!(decades.buckets[12].label, "2020–2029");
        assert_well_formed(&decades);

        let late = of(&["9999-12-30", "9999-12-31"]);
        assert_eq!((late.size, late.buckets.len()), (BucketSize::Day, 2));
        assert_well_formed(&late);

        // Whatever the dates, even years no seed or URL can hold: a bounded chart, no panic.
        let extreme = Timeline::from_dates([
            Some(Date {
                year: 0,
                month: 0,
                day: 0,
            }),
            Some(Date {
                year: u16::MAX,
                month: 12,
                day: 31,
            }),
        ]);
        assert!(extreme.buckets.len() <= 66, "{}", extreme.buckets.len());
        assert_eq!(extreme.size, BucketSize::Millennium);
        for (a, b) in [("0001-01-01", "9999-12-31"), ("2025-01-01", "9999-12-31")] {
            let chart = of(&[a, b]);
            assert!(chart.buckets.len() <= MAX_BUCKETS as usize, "{a} {b}");
        }
    }

    #[test]
    fn labels_and_bounds_per_size() {
        let months = of(&["2024-09-20", "2025-12-03"]);
        assert_eq!(months.size, BucketSize::Month);
        assert_eq!(months.buckets.len(), 16);
        let oct = &months.buckets[13];
        assert_eq!(oct.label, "Oct 2025");
        assert_eq!(oct.from, DateBound::Month(2025, 10));
        assert_eq!(oct.to, DateBound::Month(2025, 10));
        assert_eq!(
            oct.select(&ViewState::default()).to_query(),
            "from=2025-10&to=2025-10"
        );
        assert_well_formed(&months);

        let quarters = of(&["2020-02-29", "2025-10-16"]);
        assert_eq!(quarters.size, BucketSize::Quarter);
        let last = quarters.buckets.last().expect("buckets");
        assert_eq!(last.label, "2025 Q4");
        assert_eq!(last.from, DateBound::Day(date("2025-10-01")));
        assert_eq!(last.to, DateBound::Day(date("2025-12-31")));
        assert_eq!(quarters.buckets[0].start, date("2020-01-01"));
        assert_well_formed(&quarters);

        let weeks = of(&["2025-08-01", "2025-10-16"]);
        assert_eq!(weeks.size, BucketSize::Week);
        let last = weeks.buckets.last().expect("buckets");
        assert_eq!(last.label, "Week of 13 Oct 2025");
        assert_eq!(last.from, DateBound::Day(date("2025-10-13")));
        assert_eq!(last.to, DateBound::Day(date("2025-10-19")));
        assert_eq!(weeks.buckets[0].start, date("2025-07-28"));
        assert_well_formed(&weeks);

        let years = of(&["2010-03-01", "2026-01-02"]);
        assert_eq!(years.size, BucketSize::Year);
        assert_eq!(years.buckets.len(), 17);
        assert_eq!(years.buckets[15].label, "2025");
        assert_eq!(years.buckets[15].from, DateBound::Year(2025));
        assert_well_formed(&years);
    }

    #[test]
    fn ten_thousand_articles_from_2010_to_2026() {
        let first = date("2010-01-01").day_number();
        let last = date("2026-06-30").day_number();
        let span = i64::from(last - first + 1);
        let dates: Vec<Option<Date>> = (0..10_000i64)
            .map(|i| {
                if i % 50 == 0 {
                    None
                } else {
                    let offset = (i * 7919) % span;
                    Some(Date::from_day_number(
                        first + i32::try_from(offset).expect("small"),
                    ))
                }
            })
            .collect();
        let timeline = Timeline::from_dates(dates);
        assert_eq!(timeline.size, BucketSize::Year);
        assert_eq!(timeline.buckets.len(), 17);
        assert_eq!(timeline.undated, 200);
        assert_eq!(timeline.dated(), 9_800);
        assert!(timeline.buckets.iter().all(|b| b.count > 0));
        assert_well_formed(&timeline);
    }

    #[test]
    fn bucket_counts_between_8_and_60_for_many_spans() {
        let start = date("2003-05-17").day_number();
        for days in [
            61, 62, 100, 365, 420, 800, 1_800, 1_900, 5_000, 6_000, 20_000,
        ] {
            let timeline = Timeline::from_dates([
                Some(Date::from_day_number(start)),
                Some(Date::from_day_number(start + days - 1)),
            ]);
            let n = timeline.buckets.len();
            assert!(
                (8..=60).contains(&n),
                "{days} days: {n} {:?}",
                timeline.size
            );
            assert_eq!(timeline.dated(), 2);
            assert_well_formed(&timeline);
        }
    }

    #[test]
    fn timeline_ignores_the_date_facet_but_not_the_others_and_zooms_into_the_range() {
        use crate::article::Article;
        let article = |id: &str, date: Option<&str>, country: &str| {
            Article::for_test(id, date, "vi", &[country])
        };
        let articles = [
            article("a", Some("2025-10-16"), "VN"),
            article("b", Some("2024-06-16"), "VN"),
            article("c", None, "VN"),
            article("d", Some("2025-01-01"), "TH"),
            article("e", Some("2025-03-02"), "VN"),
        ];
        let articles = Catalog::from_articles(&articles).expect("catalog");
        // Without a range: every date of the other filters (the undated mode is ignored too).
        let (state, _) = ViewState::parse("country=VN&undated=exclude");
        let chart = timeline(&articles, &state, TextMatches::All);
        assert_eq!((chart.dated(), chart.undated), (3, 1));
        // Zoomed into 2025: its weeks from March to October only (the finest size that fits).
        let (state, _) = ViewState::parse("country=VN&from=2025&to=2025&undated=exclude");
        let chart = timeline(&articles, &state, TextMatches::All);
        assert_eq!((chart.dated(), chart.undated), (2, 1));
        assert_eq!(chart.size, BucketSize::Week);
        assert!(chart.buckets.iter().all(|b| b.in_range(&state)));
        // A month zooms into days; zooming out goes back up a level at a time.
        let (october, _) = ViewState::parse("country=VN&from=2025-10&to=2025-10&undated=exclude");
        let days = timeline(&articles, &october, TextMatches::All);
        assert_eq!((days.size, days.dated()), (BucketSize::Day, 1));
        let year = october.zoom_out();
        assert_eq!(
            (year.from, year.to),
            (Some(DateBound::Year(2025)), Some(DateBound::Year(2025)))
        );
        assert!(!year.zoom_out().has_range());
        let one_day = days.buckets[0].select(&october);
        assert_eq!(one_day.zoom_out(), october);
        let week = chart.buckets.last().expect("a week").select(&state);
        assert_eq!(week.zoom_out(), october);
        let hits = [(1, 1.0), (2, 1.0)];
        let chart = timeline(&articles, &state, TextMatches::Hits(&hits));
        assert_eq!((chart.dated(), chart.undated), (0, 1));
    }
}
