import { DatePrecision } from './enums.js';

/** A date known to a day, a month or a year, as one value: what it says, how precise it is, and the days it spans. */
export interface PartialDate {
  /** As written: "2022-05-23", "2022-05" or "2022". */
  text: string;
  precision: DatePrecision;
  /** The first day it may be. */
  from: string;
  /** The last day it may be. */
  to: string;
}

/**
 * The partial date a stored day and its precision stand for: the day is stored as the first day of its month or
 * year when only that much is known. Null when there is no day; a day without a precision is a whole day.
 */
export function partialDateOf(day: string | null | undefined, precision: DatePrecision | null | undefined): PartialDate | null {
  if (!day) return null;
  const [year, month] = day.split('-') as [string, string];
  switch (precision ?? DatePrecision.DAY) {
    case DatePrecision.YEAR:
      return { text: year, precision: DatePrecision.YEAR, from: `${year}-01-01`, to: `${year}-12-31` };
    case DatePrecision.MONTH: {
      const lastDay = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
      return {
        text: `${year}-${month}`,
        precision: DatePrecision.MONTH,
        from: `${year}-${month}-01`,
        to: `${year}-${month}-${String(lastDay).padStart(2, '0')}`,
      };
    }
    default:
      return { text: day, precision: DatePrecision.DAY, from: day, to: day };
  }
}

/** The stored properties a partial date is read from: `announced` is the day `announcedOn` and its `announcedOnPrecision`. */
export function storedPropertiesOfPartialDate(field: string): [day: string, precision: string] {
  return [`${field}On`, `${field}OnPrecision`];
}
