import { describe, expect, it } from 'vitest';
import { Confidence, DatePrecision, ValidTimeEvent } from '../../src/model/enums.js';
import { believedSpan, isActiveDuring, validTimeClaimsOf, type PartnershipDates, type ValidTimeClaimRecord } from '../../src/model/validTime.js';

let next = 0;
function claim(event: ValidTimeEvent, on: string | null, confidence: Confidence, reportedOn: string, precision = DatePrecision.DAY): ValidTimeClaimRecord {
  next += 1;
  return {
    id: `claim-${next}`,
    subjectId: 'partnership:a-b',
    event,
    on,
    onPrecision: on ? precision : null,
    summary: null,
    deviceId: null,
    confidence,
    reportedOn,
    reportedOnPrecision: DatePrecision.DAY,
    sourceIds: ['source:x'],
  };
}
const { STARTED, ACTIVE, ENDED, LAUNCH_SCHEDULED, ANNOUNCED, CANCELLED } = ValidTimeEvent;
const { CONFIRMED, REPORTED, RUMORED, DENIED } = Confidence;
const year = (y: number) => ({ from: `${y}-01-01`, to: `${y}-12-31` });
const days = (span: ReturnType<typeof believedSpan>) => [span.start?.on ?? null, span.end?.on ?? null];

describe('valid time: when a partnership was in force', () => {
  const started = claim(STARTED, '2016-02-01', CONFIRMED, '2016-02-25', DatePrecision.MONTH);
  const ended = claim(ENDED, '2022-03-31', CONFIRMED, '2022-05-23');

  it('is open-ended while no source ends it, and ends when one does', () => {
    expect(days(believedSpan([started], null))).toEqual(['2016-02-01', null]);
    expect(days(believedSpan([started, ended], null))).toEqual(['2016-02-01', '2022-03-31']);
  });

  it('answers activeOn by valid time alone: in force during the period, an ended span not after its end', () => {
    const span = believedSpan([started, ended], null);
    expect(isActiveDuring(span, year(2019))).toBe(true);
    expect(isActiveDuring(span, { from: '2022-03-31', to: '2022-03-31' })).toBe(true);
    expect(isActiveDuring(span, { from: '2022-04-01', to: '2022-04-01' })).toBe(false);
    expect(isActiveDuring(span, year(2015))).toBe(false);
    // A MONTH start may be any day of February 2016: the span may have been in force on its first day.
    expect(isActiveDuring(span, { from: '2016-02-01', to: '2016-02-01' })).toBe(true);
    expect(
      isActiveDuring(believedSpan([claim(ENDED, '2022', CONFIRMED, '2022-05-01', DatePrecision.YEAR), started], null), {
        from: '2022-12-31',
        to: '2022-12-31',
      }),
    ).toBe(true);
  });

  it('answers asOf by known time alone: a claim reported later is not known yet', () => {
    const earlierStart = claim(STARTED, '2015-01-01', CONFIRMED, '2022-05-25', DatePrecision.YEAR);
    // Newest report first (the belief rule of single values): the 2015 start revealed in 2022 wins today.
    expect(days(believedSpan([started, earlierStart, ended], null))).toEqual(['2015-01-01', '2022-03-31']);
    expect(days(believedSpan([started, earlierStart, ended], '2020-01-01'))).toEqual(['2016-02-01', null]);
    expect(believedSpan([started], '2016-01-01').start).toBeNull();
  });

  it('combines them: in force in 2015 as known today, not as known on 1 January 2020', () => {
    const claims = [started, claim(STARTED, '2015-01-01', CONFIRMED, '2022-05-25', DatePrecision.YEAR), ended];
    expect(isActiveDuring(believedSpan(claims, null), year(2015))).toBe(true);
    expect(isActiveDuring(believedSpan(claims, '2020-01-01'), year(2015))).toBe(false);
    // In force in 2023: not today (ended in March 2022), yes as known on 1 January 2022 (the end was reported in May).
    expect(isActiveDuring(believedSpan(claims, null), year(2023))).toBe(false);
    expect(isActiveDuring(believedSpan(claims, '2022-01-01'), year(2023))).toBe(true);
  });

  it('keeps a partnership open when its rumoured end is denied, and ends it when a later source confirms the end', () => {
    const rumour = claim(ENDED, '2020-11-18', RUMORED, '2020-11-18');
    const denial = claim(ENDED, '2020-11-18', DENIED, '2020-11-18');
    expect(believedSpan([started, rumour], '2020-12-01').end?.confidence).toBe(RUMORED);
    expect(believedSpan([started, rumour, denial], '2020-12-01').end).toBeNull();
    expect(believedSpan([started, denial, rumour], '2020-12-01').end).toBeNull();
    // The denial drops only the day it denies: the end confirmed later stands.
    expect(believedSpan([started, rumour, denial, ended], null).end).toMatchObject({ on: '2022-03-31', confidence: CONFIRMED });
    const confirmedAfterAll = claim(ENDED, '2020-11-18', REPORTED, '2021-01-10');
    expect(believedSpan([started, rumour, denial, confirmedAfterAll], null).end?.on).toBe('2020-11-18');
  });

  it('takes the earliest believed evidence of being in force as the start when no start is claimed', () => {
    const active = [claim(ACTIVE, '2006-06-01', REPORTED, '2006-06-01', DatePrecision.MONTH), claim(ACTIVE, '2014-09-15', CONFIRMED, '2014-09-15')];
    expect(believedSpan(active, null).start).toMatchObject({ event: ACTIVE, on: '2006-06-01' });
    expect(believedSpan([...active, claim(ACTIVE, '2006-06-01', DENIED, '2007-01-01', DatePrecision.MONTH)], null).start?.on).toBe('2014-09-15');
    expect(isActiveDuring(believedSpan([], null), year(2019))).toBe(false);
  });
});

describe("valid time: a device's availability", () => {
  it('runs from its believed launch, else its announcement, to its cancellation or discontinuation', () => {
    const announced = claim(ANNOUNCED, '2022-07-04', CONFIRMED, '2022-07-04');
    expect(days(believedSpan([announced], null))).toEqual(['2022-07-04', null]);
    const launch = claim(LAUNCH_SCHEDULED, '2022-07-10', CONFIRMED, '2022-07-04');
    expect(believedSpan([announced, launch], null).start).toMatchObject({ event: LAUNCH_SCHEDULED, on: '2022-07-10' });
    expect(believedSpan([claim(CANCELLED, '2022-06-01', CONFIRMED, '2022-06-01')], null)).toMatchObject({ start: null, end: { event: CANCELLED } });
  });
});

describe("a partnership record's own dates", () => {
  const record: PartnershipDates = {
    id: 'partnership:a-b',
    confidence: CONFIRMED,
    reportedOn: '2001-01-01',
    reportedOnPrecision: DatePrecision.YEAR,
    sourceIds: ['source:x'],
    announcedOn: null,
    announcedOnPrecision: null,
    startedOn: '2001-01-01',
    startedOnPrecision: DatePrecision.YEAR,
    endedOn: null,
    endedOnPrecision: null,
  };

  it('stand in, with its provenance, only for a partnership no valid-time claim is about', () => {
    expect(validTimeClaimsOf([], record)).toMatchObject([{ event: STARTED, on: '2001-01-01', onPrecision: DatePrecision.YEAR, reportedOn: '2001-01-01' }]);
    const stored = [claim(STARTED, '2002-01-01', CONFIRMED, '2002-01-01')];
    expect(validTimeClaimsOf(stored, record)).toBe(stored);
    expect(validTimeClaimsOf([], null)).toEqual([]);
  });
});
