import { describe, expect, it } from 'vitest';
import { DatePrecision } from '../../src/model/enums.js';
import { partialDateOf } from '../../src/model/partialDate.js';

describe('a stored day and its precision as one partial date', () => {
  it('says as much as is known, and the days it spans', () => {
    expect(partialDateOf('2022-05-23', DatePrecision.DAY)).toEqual({ text: '2022-05-23', precision: 'DAY', from: '2022-05-23', to: '2022-05-23' });
    expect(partialDateOf('2016-02-01', DatePrecision.MONTH)).toEqual({ text: '2016-02', precision: 'MONTH', from: '2016-02-01', to: '2016-02-29' });
    expect(partialDateOf('2021-01-01', DatePrecision.YEAR)).toEqual({ text: '2021', precision: 'YEAR', from: '2021-01-01', to: '2021-12-31' });
  });

  it('is null without a day, and a whole day without a precision', () => {
    expect(partialDateOf(null, DatePrecision.MONTH)).toBeNull();
    expect(partialDateOf('2022-07-04', null)).toMatchObject({ text: '2022-07-04', precision: 'DAY' });
  });
});
