//! Reading front-matter dates: the forms writers and static-site generators
//! use (`2024-03-05`, `2024-03-05T10:00:00Z`, `2024-03-05 10:00`), and a
//! precise reason when a date-shaped value does not exist.

use chrono::{DateTime, NaiveDate, NaiveDateTime};
use std::sync::LazyLock;

/// Why a value is not a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// Shaped like a date, but not on the calendar; the text says why.
    NoSuchDay(String),
    /// Not shaped like a date at all.
    NotADate,
}

static DATE_PREFIX: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T ])").expect("static regex")
});

/// Parse a front-matter date value.
pub fn parse(value: &str) -> Result<NaiveDate, DateError> {
    let value = value.trim();
    // Plain YYYY-MM-DD is by far the most common form: no format parsing.
    if value.len() == 10
        && let Some(caps) = DATE_PREFIX.captures(value)
        && let (Ok(y), Ok(m), Ok(d)) = (caps[1].parse(), caps[2].parse(), caps[3].parse())
        && let Some(date) = NaiveDate::from_ymd_opt(y, m, d)
    {
        return Ok(date);
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(value) {
        return Ok(dt.date_naive());
    }
    // US month-first dates, as Microsoft Learn's `ms.date` writes them.
    if value.contains('/')
        && let Ok(date) = NaiveDate::parse_from_str(value, "%m/%d/%Y")
    {
        return Ok(date);
    }
    for fmt in [
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M",
    ] {
        if let Ok(dt) = NaiveDateTime::parse_from_str(value, fmt) {
            return Ok(dt.date());
        }
    }
    let Some(caps) = DATE_PREFIX.captures(value) else {
        return Err(DateError::NotADate);
    };
    let num = |i: usize| caps[i].parse::<u32>().unwrap_or(0);
    let (year, month, day) = (num(1) as i32, num(2), num(3));
    if !(1..=12).contains(&month) {
        return Err(DateError::NoSuchDay(format!("there is no month {month}")));
    }
    if day == 0 {
        // Not "January 2024 has 31 days": the day is too small, not too large.
        return Err(DateError::NoSuchDay("there is no day 0".into()));
    }
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(d) if value.len() == caps[0].len() => Ok(d),
        Some(_) => Err(DateError::NotADate),
        None => {
            let days = days_in_month(year, month);
            let month_name = NaiveDate::from_ymd_opt(year, month, 1)
                .map_or_else(|| month.to_string(), |d| d.format("%B %Y").to_string());
            Err(DateError::NoSuchDay(format!(
                "{month_name} has {days} days"
            )))
        }
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    (28..=31)
        .rev()
        .find(|&d| NaiveDate::from_ymd_opt(year, month, d).is_some())
        .unwrap_or(28)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_first_dates_with_slashes_are_read() {
        assert_eq!(
            parse("05/12/2024").unwrap(),
            NaiveDate::from_ymd_opt(2024, 5, 12).unwrap()
        );
        assert!(parse("13/05/2024").is_err());
    }

    #[test]
    fn common_forms_parse() {
        let d = NaiveDate::from_ymd_opt(2024, 3, 5).unwrap();
        assert_eq!(parse("2024-03-05"), Ok(d));
        assert_eq!(parse("2024-03-05T10:00:00Z"), Ok(d));
        assert_eq!(parse("2024-03-05 10:00"), Ok(d));
    }

    #[test]
    fn impossible_days_say_why() {
        assert_eq!(
            parse("2024-02-30"),
            Err(DateError::NoSuchDay("February 2024 has 29 days".into()))
        );
        assert_eq!(
            parse("2023-02-29"),
            Err(DateError::NoSuchDay("February 2023 has 28 days".into()))
        );
        assert_eq!(
            parse("2024-13-01"),
            Err(DateError::NoSuchDay("there is no month 13".into()))
        );
        assert_eq!(parse("next tuesday"), Err(DateError::NotADate));
    }

    #[test]
    fn issue_13_day_zero_is_not_explained_by_the_month_length() {
        assert_eq!(
            parse("2024-01-00"),
            Err(DateError::NoSuchDay("there is no day 0".into()))
        );
    }
}
