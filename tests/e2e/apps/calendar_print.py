# A calendar printer: leap years, day of week by Zeller's congruence, month grids laid out three
# across like `cal`, day-of-year, days between dates, and the Fridays the 13th of a year.

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
DAYS = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]


def is_leap(y: int) -> bool:
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def month_days(y: int, m: int) -> int:
    return [31, 29 if is_leap(y) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]


def weekday(y: int, m: int, d: int) -> int:
    """0 = Monday ... 6 = Sunday."""
    if m < 3:
        m += 12
        y -= 1
    k, j = y % 100, y // 100
    h = (d + 13 * (m + 1) // 5 + k + k // 4 + j // 4 + 5 * j) % 7
    return (h + 5) % 7


def month_lines(y, m):
    title = MONTHS[m - 1]
    lines = [f"{title:^20}", " ".join(DAYS)]
    cells = ["  "] * weekday(y, m, 1) + [f"{d:>2}" for d in range(1, month_days(y, m) + 1)]
    for i in range(0, len(cells), 7):
        lines.append(" ".join(cells[i:i + 7]))
    while len(lines) < 8:
        lines.append("")
    return [f"{ln:<20}" for ln in lines]


def print_year(y, months=range(1, 13)):
    print(f"{y:^64}".rstrip())
    ms = list(months)
    for i in range(0, len(ms), 3):
        blocks = [month_lines(y, m) for m in ms[i:i + 3]]
        for row in zip(*blocks):
            print("  ".join(row).rstrip())


def ordinal(y, m, d):
    days = d
    for mm in range(1, m):
        days += month_days(y, mm)
    for yy in range(1, y):
        days += 366 if is_leap(yy) else 365
    return days


def day_of_year(y, m, d):
    return sum(month_days(y, mm) for mm in range(1, m)) + d


print_year(2024, range(1, 7))
print()
for date in [(2000, 1, 1), (1969, 7, 20), (2024, 2, 29), (1900, 3, 1), (2038, 1, 19)]:
    y, m, d = date
    print(f"{y:04}-{m:02}-{d:02} is a {['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'][weekday(*date)]}, "
          f"day {day_of_year(*date)} of {366 if is_leap(y) else 365}")
print("leap years 1896-1912:", [y for y in range(1896, 1913) if is_leap(y)])
print("days from 1969-07-20 to 2024-02-29:", ordinal(2024, 2, 29) - ordinal(1969, 7, 20))
for year in (2015, 2026):
    fridays = [MONTHS[m - 1][:3] for m in range(1, 13) if weekday(year, m, 13) == 4]
    print(f"Friday 13ths in {year}:", fridays)
counts = [0] * 7
for y in range(2001, 2401):
    counts[weekday(y, 1, 1)] += 1
print("New Year weekdays over 400 years:", dict(zip(DAYS, counts)))
