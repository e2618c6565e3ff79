import type { AsOf } from './asOf.js';
import { bestNode, compareClaims, type Claim } from './claim.js';
import type { EntityPrefix } from './entityKinds.js';
import { Confidence, DatePrecision, ValidTimeEvent } from './enums.js';

/**
 * Valid time beside known time. `asOf` asks what was known on a day (claims reported by then); valid time
 * asks when something was in force: a partnership from its start to its end, a device from its launch
 * until it is discontinued. Each date is a claim of its own (a ValidTime record, stored as a (:ValidTime)
 * node below its subject), so a start or an end can be reported, rumoured or denied like anything else.
 */

/** Which bound of a span an event sets: `evidence` says the subject was in force on that day. */
type Bound = 'start' | 'end' | 'evidence' | 'note';

/** Each event, declared once: the subjects it may describe and the bound it sets. */
export const VALID_TIME_EVENTS: Record<ValidTimeEvent, { subjects: readonly EntityPrefix[]; bound: Bound }> = {
  STARTED: { subjects: ['partnership'], bound: 'start' },
  ACTIVE: { subjects: ['partnership'], bound: 'evidence' },
  EXTENDED: { subjects: ['partnership'], bound: 'evidence' },
  ENDED: { subjects: ['partnership'], bound: 'end' },
  LAST_DEVICE: { subjects: ['partnership'], bound: 'note' },
  ANNOUNCED: { subjects: ['device', 'chip'], bound: 'evidence' },
  LAUNCH_SCHEDULED: { subjects: ['device', 'chip'], bound: 'start' },
  RELEASED: { subjects: ['device', 'chip'], bound: 'start' },
  LAUNCH_POSTPONED: { subjects: ['device', 'chip'], bound: 'note' },
  DELAYED: { subjects: ['device', 'chip'], bound: 'note' },
  DISCONTINUED: { subjects: ['device', 'chip'], bound: 'end' },
  CANCELLED: { subjects: ['device', 'chip'], bound: 'end' },
};

/** A valid-time claim as stored: the event, its day (null when the source gives none) and the claim's provenance. */
export interface ValidTimeClaimRecord extends Claim {
  subjectId: string;
  event: ValidTimeEvent;
  on: string | null;
  onPrecision: DatePrecision | null;
  summary: string | null;
  deviceId: string | null;
}

/**
 * When a subject was in force, as the claims known on a day support it. `start` is the believed start, or
 * else the earliest believed evidence of being in force (its claim's event says which); `end` is null while
 * no believed claim ends it (open-ended).
 */
export interface ValidSpan {
  start: ValidTimeClaimRecord | null;
  end: ValidTimeClaimRecord | null;
}

/** A period of days, both ends included (ISO days). */
export interface Period {
  from: string;
  to: string;
}

/**
 * The belief rule of single values (bestNode, model/claim.ts) applied to a bound: each day claimed for it
 * is a value, decided by its newest, most certain claim, so a denial of "ended on 18 November 2020" drops
 * that day and leaves the others; of the days still believed, the one with the deciding claim wins.
 */
function believedDay(claims: ValidTimeClaimRecord[]): ValidTimeClaimRecord | null {
  const dated = claims.filter((claim) => claim.on !== null);
  return bestNode(dated.map((claim) => ({ node: { id: claim.on!, claim }, claim })))?.claim ?? null;
}

/** The earliest day that is believed (its deciding claim not a denial) among evidence claims. */
function earliestBelievedDay(claims: ValidTimeClaimRecord[]): ValidTimeClaimRecord | null {
  const deciding = new Map<string, ValidTimeClaimRecord>();
  for (const claim of claims.filter((c) => c.on !== null).sort(compareClaims)) if (!deciding.has(claim.on!)) deciding.set(claim.on!, claim);
  const believed = [...deciding.values()].filter((claim) => claim.confidence !== Confidence.DENIED);
  return believed.sort((a, b) => a.on!.localeCompare(b.on!))[0] ?? null;
}

/** The span the claims known on `asOf` support (claims reported after it are not known yet). */
export function believedSpan(claims: readonly ValidTimeClaimRecord[], asOf: AsOf): ValidSpan {
  const known = claims.filter((claim) => asOf === null || claim.reportedOn <= asOf);
  const of = (bound: Bound) => known.filter((claim) => VALID_TIME_EVENTS[claim.event].bound === bound);
  return {
    start: believedDay(of('start')) ?? earliestBelievedDay(of('evidence')),
    end: believedDay(of('end')),
  };
}

/** The last day a partial date may mean: 2022 (YEAR) may be as late as 2022-12-31. */
function lastDayOf(day: string, precision: DatePrecision | null): string {
  if (precision === DatePrecision.YEAR) return `${day.slice(0, 4)}-12-31`;
  if (precision === DatePrecision.MONTH) {
    const [year, month] = day.split('-').map(Number) as [number, number];
    return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
  }
  return day;
}

/**
 * Whether the span may have been in force at some day of `period`: it started on or before the period's
 * last day and had not ended before its first day (an end "2022" may mean any day of 2022). A span with no
 * start is not known to have been in force at all.
 */
export function isActiveDuring(span: ValidSpan, period: Period): boolean {
  if (!span.start?.on || span.start.on > period.to) return false;
  return span.end?.on == null || lastDayOf(span.end.on, span.end.onPrecision) >= period.from;
}

/**
 * A partnership record's own dates (startedOn, announcedOn as evidence, endedOn), as claims with the
 * record's provenance. They stand in only for a partnership no ValidTime claim is about: the record holds
 * one date of each kind and no report day of its own for it, so an end dated 2022 would otherwise be
 * known from the partnership's first report in 2016.
 */
export function partnershipRecordClaims(partnership: PartnershipDates): ValidTimeClaimRecord[] {
  const dates: Array<[ValidTimeEvent, string | null, DatePrecision | null]> = [
    [ValidTimeEvent.STARTED, partnership.startedOn, partnership.startedOnPrecision],
    [ValidTimeEvent.ACTIVE, partnership.announcedOn, partnership.announcedOnPrecision],
    [ValidTimeEvent.ENDED, partnership.endedOn, partnership.endedOnPrecision],
  ];
  return (
    dates
      // A date the record lacks is absent from the stored node, not null.
      .filter(([, on]) => on != null)
      .map(([event, on, onPrecision]) => ({
        id: `${partnership.id}#${event}`,
        subjectId: partnership.id,
        event,
        on,
        onPrecision: onPrecision ?? null,
        summary: null,
        deviceId: null,
        confidence: partnership.confidence,
        reportedOn: partnership.reportedOn,
        reportedOnPrecision: partnership.reportedOnPrecision,
        sourceIds: partnership.sourceIds,
      }))
  );
}

/** The stored properties a partnership's span is made of (PartnershipDates): what a read must bring back to compute it. */
export const PARTNERSHIP_DATE_PROPERTIES = [
  'id',
  'confidence',
  'reportedOn',
  'reportedOnPrecision',
  'sourceIds',
  'announcedOn',
  'announcedOnPrecision',
  'startedOn',
  'startedOnPrecision',
  'endedOn',
  'endedOnPrecision',
] as const satisfies ReadonlyArray<keyof PartnershipDates>;

/** The fields of a partnership record partnershipRecordClaims reads. */
export interface PartnershipDates extends Claim {
  announcedOn: string | null;
  announcedOnPrecision: DatePrecision | null;
  startedOn: string | null;
  startedOnPrecision: DatePrecision | null;
  endedOn: string | null;
  endedOnPrecision: DatePrecision | null;
}

/** The valid-time claims of a subject: its own ValidTime claims, else (for a partnership) its record's dates. */
export function validTimeClaimsOf(stored: ValidTimeClaimRecord[], partnership: PartnershipDates | null): ValidTimeClaimRecord[] {
  return stored.length > 0 || partnership === null ? stored : partnershipRecordClaims(partnership);
}
