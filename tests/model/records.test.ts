import { describe, expect, it } from 'vitest';
import { ImportRecord, PARTIAL_DATE_FIELDS, RECORD_FIELDS, WRITE_ORDER } from '../../src/model/records.js';
import { collapsePartialDate, expandPartialDate } from '../../src/model/recordCodec.js';

describe('record format', () => {
  it('exports every field of every record type, so an export loses nothing the import takes', () => {
    const schemas = ImportRecord.options.map((schema) => [schema.shape.type.value, Object.keys(schema.shape)] as const);
    expect(schemas.map(([type]) => type).sort()).toEqual([...WRITE_ORDER].sort());
    for (const [type, keys] of schemas) {
      expect([...RECORD_FIELDS[type]].sort()).toEqual(keys.filter((key) => key !== 'type').sort());
    }
  });

  it('collapses a stored date back to the partial date it was imported as', () => {
    for (const value of ['2022-05-23', '2022-05', '2022']) {
      const { date, precision } = expandPartialDate(value);
      expect(collapsePartialDate(date, precision)).toBe(value);
    }
    expect(expandPartialDate('2022-05')).toEqual({ date: '2022-05-01', precision: 'MONTH' });
    expect(collapsePartialDate(null, null)).toBeNull();
    expect(PARTIAL_DATE_FIELDS.has('reportedOn')).toBe(true);
  });
});
