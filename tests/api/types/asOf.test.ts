import { describe, expect, it } from 'vitest';
import { idsAsOf } from '../../../src/api/types/asOf.js';
import { parseSnapshotId, snapshotId } from '../../../src/model/asOf.js';

const CLAIM = 'CAMERA_BY:device:xiaomi-12s->brand:leica@source:gsmarena-12s+source:weibo-post';
const codeOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as { extensions?: { code?: string; field?: string } }).extensions;
  }
  return undefined;
};

describe('snapshot ids', () => {
  it("leave today's ids alone and add the day in a past view", () => {
    expect(snapshotId('brand:leica', null)).toBe('brand:leica');
    expect(snapshotId('brand:leica', '2022-05-20')).toBe('brand:leica@2022-05-20');
    expect(snapshotId(CLAIM, '2022-05-20')).toBe(`${CLAIM}@2022-05-20`);
  });

  it('come apart into the id and the day they were formed from, claim ids with their own @ included', () => {
    for (const id of ['brand:leica', 'leak:3f9c2a7d1b6e4f08', CLAIM]) {
      expect(parseSnapshotId(id)).toEqual({ id, asOf: null });
      expect(parseSnapshotId(snapshotId(id, '2022-05-20'))).toEqual({ id, asOf: '2022-05-20' });
    }
  });

  it('are BAD_USER_INPUT, naming the argument, when malformed', () => {
    for (const text of [
      'brand:leica@2022-02-30',
      'brand:leica@20220520',
      'brand:leica@2022-5-20',
      'brand:leica@',
      '@2022-05-20',
      'brand:leica@2022-05-20@2022-05-21',
    ]) {
      expect({ text, error: codeOf(() => parseSnapshotId(text, 'from')) }).toEqual({ text, error: { code: 'BAD_USER_INPUT', field: 'from' } });
    }
  });

  it('give the day of a field that also takes asOf, and must agree with it and with each other', () => {
    const may20 = new Date('2022-05-20T00:00:00Z');
    expect(idsAsOf({ id: 'brand:leica@2022-05-20' }, null)).toEqual({ ids: { id: 'brand:leica' }, asOf: '2022-05-20' });
    expect(idsAsOf({ id: 'brand:leica@2022-05-20' }, may20)).toEqual({ ids: { id: 'brand:leica' }, asOf: '2022-05-20' });
    expect(idsAsOf({ from: 'brand:xiaomi', to: 'brand:huawei' }, may20)).toEqual({ ids: { from: 'brand:xiaomi', to: 'brand:huawei' }, asOf: '2022-05-20' });
    expect(codeOf(() => idsAsOf({ id: 'brand:leica@2022-05-23' }, may20))).toEqual({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(codeOf(() => idsAsOf({ from: 'brand:xiaomi@2022-05-20', to: 'brand:huawei@2022-05-23' }, null))).toEqual({ code: 'BAD_USER_INPUT', field: 'to' });
  });
});
