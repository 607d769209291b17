/**
 * China Standard Time: the programme runs in Wuhan, so its calendar days and years are UTC+8, with
 * no daylight saving. The one place that knows the offset; everything else asks these functions.
 */

/** UTC+8, in milliseconds. */
export const CST_OFFSET_MS = 8 * 3_600_000;

/** The wall-clock parts of an instant (a Date or epoch milliseconds) in China Standard Time. */
export function cstParts(instant: Date | number) {
  const d = new Date((typeof instant === 'number' ? instant : instant.getTime()) + CST_OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/** The programme's calendar date of an instant: 2040-06-29T16:00:00Z → '2040-06-30'. */
export function cstDate(instant: Date): string {
  return new Date(instant.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/** The programme's calendar year of an instant: 2024-12-31T16:00:00Z → 2025. */
export const cstYear = (instant: Date): number => cstParts(instant).year;

/**
 * The instant CST midnight begins the day `days` days after the CST day of `instant` (0: the start
 * of that day itself): 2027-04-01T02:00:00Z (10:00 CST), 7 → 2027-04-07T16:00:00Z (4月8日 00:00 CST).
 */
export function cstMidnight(instant: Date, days = 0): Date {
  const { year, month, day } = cstParts(instant);
  return new Date(Date.UTC(year, month - 1, day + days) - CST_OFFSET_MS);
}
