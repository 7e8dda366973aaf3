//! The date histogram: articles per day, week, month, quarter or year, with the bucket size
//! chosen from the span, and the `from`/`to` bounds that select each bucket.
//!
//! [`timeline`] counts the articles passing the text query and every filter EXCEPT the date
//! facet (the range and the undated mode), so the reader always sees the whole timeline of their
//! other choices and where the selected range sits in it (highlight with [`Bucket::in_range`]);
//! selecting a bucket therefore does not re-bucket the chart. To zoom into the results instead,
//! build a chart from any dates with [`Timeline::from_dates`].

use crate::date::{days_in_month, Date};
use crate::store::catalog::Catalog;
use crate::view::filter::{Facet, Filter, TextMask, TextMatches};
use crate::view::state::{DateBound, ViewState};

/// The most buckets a chart gets unless even years are more (a span over 60 years).
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
}

impl BucketSize {
    /// Every size, finest first.
    pub const ALL: [BucketSize; 5] = [
        BucketSize::Day,
        BucketSize::Week,
        BucketSize::Month,
        BucketSize::Quarter,
        BucketSize::Year,
    ];

    /// The finest size giving at most [`MAX_BUCKETS`] buckets from `first` to `last` (years when
    /// none does). Finest-that-fits means at least 8 buckets whenever the span is over 60 days.
    pub fn for_span(first: Date, last: Date) -> BucketSize {
        let (first, last) = (first.min(last), first.max(last));
        BucketSize::ALL
            .into_iter()
            .find(|size| size.key(last) - size.key(first) < i64::from(MAX_BUCKETS))
            .unwrap_or(BucketSize::Year)
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
            BucketSize::Year => year,
        }
    }

    /// First and last day of the bucket with this key.
    fn bounds(self, key: i64) -> (Date, Date) {
        let day = |n: i64| Date::from_day_number(i32::try_from(n).unwrap_or(0));
        let year = |y: i64| u16::try_from(y).unwrap_or(1);
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
            BucketSize::Year => month_span(year(key), 1, 12),
        }
    }

    /// A readable label: `16 Oct 2025`, `Week of 13 Oct 2025`, `Oct 2025`, `2025 Q4`, `2025`.
    fn label(self, start: Date) -> String {
        match self {
            BucketSize::Day => day_label(start),
            BucketSize::Week => format!("Week of {}", day_label(start)),
            BucketSize::Month => format!("{} {}", month_abbr(start.month), start.year),
            BucketSize::Quarter => {
                format!("{} Q{}", start.year, start.month.saturating_sub(1) / 3 + 1)
            }
            BucketSize::Year => start.year.to_string(),
        }
    }

    /// The `from`/`to` bounds selecting exactly the bucket: months and years at their own
    /// precision, days, weeks and quarters as full dates.
    fn url_bounds(self, start: Date, end: Date) -> (DateBound, DateBound) {
        match self {
            BucketSize::Day | BucketSize::Week | BucketSize::Quarter => {
                (DateBound::Day(start), DateBound::Day(end))
            }
            BucketSize::Month => {
                let month = DateBound::Month(start.year, start.month);
                (month, month)
            }
            BucketSize::Year => (DateBound::Year(start.year), DateBound::Year(start.year)),
        }
    }

    /// The English name: `day`, `week`, `month`, `quarter`, `year`.
    pub fn as_str(self) -> &'static str {
        match self {
            BucketSize::Day => "day",
            BucketSize::Week => "week",
            BucketSize::Month => "month",
            BucketSize::Quarter => "quarter",
            BucketSize::Year => "year",
        }
    }
}

fn month_abbr(month: u8) -> &'static str {
    match month {
        1 => "Jan",
        2 => "Feb",
        3 => "Mar",
        4 => "Apr",
        5 => "May",
        6 => "Jun",
        7 => "Jul",
        8 => "Aug",
        9 => "Sep",
        10 => "Oct",
        11 => "Nov",
        12 => "Dec",
        _ => "?",
    }
}

fn day_label(date: Date) -> String {
    format!("{} {} {}", date.day, month_abbr(date.month), date.year)
}

/// One bar of the histogram.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bucket {
    /// First day covered.
    pub start: Date,
    /// Last day covered (inclusive).
    pub end: Date,
    /// Readable label (see [`BucketSize`]'s sizes): `16 Oct 2025`, `Week of 13 Oct 2025`,
    /// `Oct 2025`, `2025 Q4` or `2025`.
    pub label: String,
    /// Articles dated within the bucket.
    pub count: u32,
    /// The `from` value selecting this bucket (`2025-10` for a month, `2025` for a year, a full
    /// date otherwise).
    pub from: DateBound,
    /// The `to` value selecting this bucket.
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
    Timeline::from_dates((0..catalog.len()).filter_map(|i| {
        let keep = mask.score(i).is_some() && filter.matches(i, Some(Facet::Date));
        keep.then_some(catalog.date(i))
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
                BucketSize::Year => {
                    assert_eq!((bucket.start.month, bucket.start.day), (1, 1));
                    assert_eq!((bucket.end.month, bucket.end.day), (12, 31));
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
        assert_eq!(size("1900-01-01", "2026-06-30"), BucketSize::Year);
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
    fn timeline_ignores_the_date_facet_but_not_the_others() {
        use crate::article::Article;
        let article = |id: &str, date: Option<&str>, country: &str| {
            Article::for_test(id, date, "vi", &[country])
        };
        let articles = [
            article("a", Some("2025-10-16"), "VN"),
            article("b", Some("2024-06-16"), "VN"),
            article("c", None, "VN"),
            article("d", Some("2025-01-01"), "TH"),
        ];
        let articles = Catalog::from_articles(&articles).expect("catalog");
        let (state, _) = ViewState::parse("country=VN&from=2025&undated=exclude");
        let chart = timeline(&articles, &state, TextMatches::All);
        assert_eq!(chart.dated(), 2);
        assert_eq!(chart.undated, 1);
        assert_eq!(chart.size, BucketSize::Month);
        let selected: Vec<&str> = chart
            .buckets
            .iter()
            .filter(|b| b.in_range(&state))
            .map(|b| b.label.as_str())
            .collect();
        assert_eq!(selected.first(), Some(&"Jan 2025"));
        assert_eq!(selected.last(), Some(&"Oct 2025"));
        let hits = [(1, 1.0), (2, 1.0)];
        let chart = timeline(&articles, &state, TextMatches::Hits(&hits));
        assert_eq!((chart.dated(), chart.undated), (1, 1));
        assert_eq!(chart.buckets.len(), 1);
        assert!(!chart.buckets[0].in_range(&state));
        assert!(!chart.buckets[0].in_range(&ViewState::default()));
    }
}
