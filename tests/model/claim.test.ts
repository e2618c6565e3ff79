import { expect, it } from 'vitest';
import { bestNode, distinctNodes, type ClaimEdgeRecord } from '../../src/model/claim.js';
import { Confidence, DatePrecision } from '../../src/model/enums.js';

const edge = (nodeId: string, confidence: Confidence, reportedOn: string): ClaimEdgeRecord<{ id: string }> => ({
  node: { id: nodeId },
  claim: { id: `${nodeId}@${reportedOn}`, confidence, reportedOn, reportedOnPrecision: DatePrecision.DAY, sourceIds: ['source:x'] },
});

it('believes a node while its newest claim is not a denial', () => {
  const reported = edge('chip:a', Confidence.REPORTED, '2022-05-25');
  const denied = edge('chip:a', Confidence.DENIED, '2022-06-01');
  const confirmedAgain = edge('chip:a', Confidence.CONFIRMED, '2022-07-01');
  expect(bestNode([reported])).toEqual({ id: 'chip:a' });
  expect(bestNode([reported, denied])).toBeNull();
  expect(distinctNodes([reported, denied])).toEqual([]);
  expect(bestNode([denied, confirmedAgain, reported])).toEqual({ id: 'chip:a' });
});

it('ranks the newest claim first, then the most certain, for single values', () => {
  const older = edge('chip:old', Confidence.CONFIRMED, '2022-01-01');
  const newer = edge('chip:new', Confidence.RUMORED, '2022-02-01');
  expect(bestNode([older, newer])).toEqual({ id: 'chip:new' });
  const sameDayRumour = edge('chip:rumour', Confidence.RUMORED, '2022-02-01');
  const sameDayReport = edge('chip:report', Confidence.REPORTED, '2022-02-01');
  expect(bestNode([sameDayRumour, sameDayReport])).toEqual({ id: 'chip:report' });
});

it('lists each believed node once, in edge order', () => {
  const edges = [
    edge('brand:b', Confidence.RUMORED, '2022-01-01'),
    edge('brand:a', Confidence.CONFIRMED, '2022-01-02'),
    edge('brand:b', Confidence.REPORTED, '2022-03-01'),
  ];
  expect(distinctNodes(edges)).toEqual([{ id: 'brand:b' }, { id: 'brand:a' }]);
});
