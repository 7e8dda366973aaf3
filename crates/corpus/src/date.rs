//! Calendar dates as seed headers and URL parameters write them (`YYYY-MM-DD`), validated.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A real calendar date (proleptic Gregorian). Ordering is chronological.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

/// Why a `YYYY-MM-DD` string is not a date.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("`{0}` is not in the form YYYY-MM-DD")]
    Format(String),
    #[error("`{0}` is not a real calendar date")]
    Impossible(String),
}

impl Date {
    /// Builds a date, or `None` when the day does not exist (2025-02-29, month 13, year 0).
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let valid =
            year >= 1 && (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        valid.then_some(Date { year, month, day })
    }

    /// Parses exactly `YYYY-MM-DD` (ASCII digits, zero-padded).
    pub fn parse(text: &str) -> Result<Date, DateError> {
        let bytes = text.as_bytes();
        let shaped = bytes.len() == 10
            && bytes[4] == b'-'
            && bytes[7] == b'-'
            && bytes
                .iter()
                .enumerate()
                .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
        if !shaped {
            return Err(DateError::Format(text.to_owned()));
        }
        let number = |range: std::ops::Range<usize>| text[range].parse::<u16>().unwrap_or(0);
        let (year, month, day) = (number(0..4), number(5..7), number(8..10));
        let month = u8::try_from(month).unwrap_or(0);
        let day = u8::try_from(day).unwrap_or(0);
        Date::new(year, month, day).ok_or_else(|| DateError::Impossible(text.to_owned()))
    }

    /// Days since 0001-01-01 (that day is 0): for bucketing and ranges.
    pub fn day_number(self) -> i32 {
        // Algorithm from Howard Hinnant's `days_from_civil`, shifted to a 0001-01-01 epoch.
        let y = i32::from(self.year) - i32::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i32::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i32::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 306
    }

    /// The inverse of [`Date::day_number`].
    pub fn from_day_number(n: i32) -> Date {
        let z = n + 306;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i32::from(month <= 2)) as u16;
        Date { year, month, day }
    }

    /// Monday = 0 … Sunday = 6.
    pub fn weekday(self) -> u8 {
        // 0001-01-01 was a Monday.
        self.day_number().rem_euclid(7) as u8
    }
}

/// Number of days in `month` of `year`.
pub fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

fn is_leap_year(year: u16) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// `Jan` … `Dec` for months 1 to 12 (`?` otherwise).
pub fn month_abbr(month: u8) -> &'static str {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    usize::from(month)
        .checked_sub(1)
        .and_then(|m| MONTHS.get(m))
        .copied()
        .unwrap_or("?")
}

impl Date {
    /// The date as the page shows it everywhere (cards, the timeline): `16 Oct 2025`. ISO
    /// (`Display`) is for `datetime` attributes and URLs.
    pub fn label(self) -> String {
        format!("{} {} {}", self.day, month_abbr(self.month), self.year)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_real_dates_and_rejects_impossible_ones() {
        assert_eq!(
            Date::parse("2025-10-16"),
            Ok(Date {
                year: 2025,
                month: 10,
                day: 16
            })
        );
        assert_eq!(Date::parse("2024-02-29").map(|d| d.day), Ok(29));
        assert!(matches!(
            Date::parse("2025-02-29"),
            Err(DateError::Impossible(_))
        ));
        assert!(matches!(
            Date::parse("2025-13-45"),
            Err(DateError::Impossible(_))
        ));
        assert!(matches!(
            Date::parse("0000-01-01"),
            Err(DateError::Impossible(_))
        ));
        assert!(matches!(
            Date::parse("2025-1-16"),
            Err(DateError::Format(_))
        ));
        assert!(matches!(
            Date::parse("２０２５-10-16"),
            Err(DateError::Format(_))
        ));
    }

    #[test]
    fn day_numbers_round_trip_and_know_the_weekday() {
        for text in [
            "0001-01-01",
            "1970-01-01",
            "2000-02-29",
            "2025-10-16",
            "2026-12-31",
        ] {
            let date = Date::parse(text).expect("valid");
            assert_eq!(Date::from_day_number(date.day_number()), date);
        }
        assert_eq!(Date::parse("0001-01-01").map(Date::day_number), Ok(0));
        // 2025-10-16 was a Thursday.
        assert_eq!(Date::parse("2025-10-16").map(Date::weekday), Ok(3));
    }

    #[test]
    fn labels_as_the_page_shows_dates() {
        let date = Date::parse("2025-10-06").expect("valid");
        assert_eq!(date.label(), "6 Oct 2025");
        assert_eq!(month_abbr(1), "Jan");
        assert_eq!(month_abbr(13), "?");
        assert_eq!(month_abbr(0), "?");
    }

    #[test]
    fn displays_zero_padded() {
        assert_eq!(
            Date {
                year: 2025,
                month: 1,
                day: 5
            }
            .to_string(),
            "2025-01-05"
        );
    }
}
