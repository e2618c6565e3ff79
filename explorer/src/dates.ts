import type { DatePrecision } from './api.js';
import type { ExplorerDateFragment } from './generated/graphql.js';

/**
 * A day as the API stores it ("2016-02-01") with how much of it is known (MONTH): a month-precision day is a
 * month, never the first of it. Every date the Explorer shows goes through here.
 */
export interface PartialDate {
  day: string;
  precision: DatePrecision;
}

const SHOWN_LENGTH: Record<DatePrecision, number> = { DAY: 10, MONTH: 7, YEAR: 4 };

/** A date the API sends as one value (reported, announced, started, ended, published): its first day and precision. */
export function fromApi(date: ExplorerDateFragment | null | undefined): PartialDate | null {
  return date ? { day: date.from, precision: date.precision } : null;
}

/** A date from a pair of fields (a span's startedOn and startedOnPrecision); DAY when the API sent no precision. */
export function partialDate(day: string | null | undefined, precision: DatePrecision | null | undefined): PartialDate | null {
  return day ? { day, precision: precision ?? 'DAY' } : null;
}

/** "2022-05-23", "2016-02" or "2001": only as much as is known. */
export function formatDate(date: PartialDate | null): string {
  return date ? date.day.slice(0, SHOWN_LENGTH[date.precision]) : 'unknown';
}

/** "2016-02 (month precision)", for panels that explain themselves. */
export function describeDate(date: PartialDate | null): string {
  return date ? `${formatDate(date)} (${date.precision.toLowerCase()} precision)` : 'unknown';
}

const DAY_MS = 86_400_000;

/** Where a date sits on a time axis, in days since 1970; a month or a year sits at its middle, not its first day. */
export function dayNumber(date: PartialDate): number {
  const start = Date.parse(`${date.day}T00:00:00Z`);
  const [year, month] = [Number(date.day.slice(0, 4)), Number(date.day.slice(5, 7))];
  const end = date.precision === 'YEAR' ? Date.UTC(year + 1, 0, 1) : date.precision === 'MONTH' ? Date.UTC(year, month, 1) : start + DAY_MS;
  return (start + end) / 2 / DAY_MS;
}
