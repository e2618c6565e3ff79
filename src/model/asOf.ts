import { BadUserInputError } from '../errors/errors.js';
import { isCalendarDay } from './keyset.js';

/**
 * Time travel. A record read "as of" a day carries that day in `asOf`, and every field below it
 * answers with only what was known then: claims whose reportedOn is on or before it. null means today.
 * The day travels on the records rather than in the request context because two aliased fields of
 * one request may look at different days.
 *
 * A record viewed as of a day answers with a snapshot id of its own, `<id>@<day>` such as
 * `brand:leica@2022-05-20`, so that normalised client caches (Apollo, urql, Relay), which key records by
 * id, keep each day's view apart from today's. Today's ids never end in `@` and a day (see SNAPSHOT_SEPARATOR).
 */
export type AsOf = string | null;

export interface WithAsOf {
  asOf?: AsOf;
}

export function withAsOf<TRecord extends object>(record: TRecord, asOf: AsOf): TRecord & WithAsOf {
  return asOf === null ? record : { ...record, asOf };
}

/**
 * Between an id and its day in a snapshot id. Entity ids have no `@`; claim ids have one before their
 * sources (`CAMERA_BY:device:x->brand:y@source:z`), which always begin with a letter, where a day begins
 * with a digit.
 */
const SNAPSHOT_SEPARATOR = '@';

/** The id a record viewed as of `asOf` answers with: `id` itself today, `<id>@<day>` in a past view. */
export function snapshotId(id: string, asOf: AsOf | undefined): string {
  return asOf ? `${id}${SNAPSHOT_SEPARATOR}${asOf}` : id;
}

/** What an id argument names: the id of an entity or claim, and the day of the view (null: today). */
export interface IdAsOf {
  id: string;
  asOf: AsOf;
}

/** Takes a snapshot id apart (any other id names today's view); a malformed one is BAD_USER_INPUT. */
export function parseSnapshotId(text: string, field = 'id'): IdAsOf {
  const day = snapshotDayOf(text);
  if (day === null) return { id: text, asOf: null };
  const id = text.slice(0, -(day.length + SNAPSHOT_SEPARATOR.length));
  if (id === '' || snapshotDayOf(id) !== null || !isCalendarDay(day)) {
    throw new BadUserInputError(`${field} "${text}" is not a snapshot id such as "brand:leica@2022-05-20"`, field);
  }
  return { id, asOf: day };
}

/** What follows the last `@` when it is (or tries to be) a day: it begins with a digit, or is empty. */
function snapshotDayOf(text: string): string | null {
  const separator = text.lastIndexOf(SNAPSHOT_SEPARATOR);
  if (separator === -1) return null;
  const tail = text.slice(separator + SNAPSHOT_SEPARATOR.length);
  return tail === '' || /^\d/.test(tail) ? tail : null;
}
