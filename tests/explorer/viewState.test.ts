import { describe, expect, it } from 'vitest';
import { mergeSlices, type GraphEdge, type Slice } from '../../explorer/src/api.js';
import { sliceToCsv } from '../../explorer/src/csv.js';
import { readViewState, writeViewState } from '../../explorer/src/viewState.js';

describe('the view state in the URL', () => {
  it('round-trips every parameter and leaves defaults out', () => {
    const state = {
      focus: 'brand:leica',
      depth: 3,
      asOf: '2022-05-20',
      minConfidence: 'RUMORED' as const,
      expanded: ['brand:sharp', 'partnership:leica-sharp'],
    };
    const search = writeViewState(state);
    expect(search).toBe('?focus=brand%3Aleica&depth=3&asOf=2022-05-20&minConfidence=RUMORED&expand=brand%3Asharp%2Cpartnership%3Aleica-sharp');
    expect(readViewState(search)).toEqual(state);
    expect(writeViewState({ ...state, depth: 2, asOf: null, minConfidence: null, expanded: [] })).toBe('?focus=brand%3Aleica');
  });

  it('ignores values a hand-edited link gets wrong instead of sending them to the API', () => {
    expect(readViewState('?focus=brand:leica&depth=9&asOf=20-05-2022&minConfidence=SURE')).toEqual({
      focus: 'brand:leica',
      depth: 2,
      asOf: null,
      minConfidence: null,
      expanded: [],
    });
  });
});

const DAY = { text: '2022-05-23', precision: 'DAY', from: '2022-05-23', to: '2022-05-23' } as const;

const edge = (id: string, source: string, target: string, title: string): GraphEdge => ({
  id,
  type: 'PARTY_TO',
  source,
  target,
  confidence: 'CONFIRMED',
  reported: DAY,
  sources: [{ id: `source:${id}`, title, publisher: 'Xiaomi', author: null, url: null, published: DAY }],
});

describe('a view made of several slices', () => {
  const focus: Slice = {
    nodes: [
      { id: 'brand:leica', type: 'BRAND', label: 'Leica' },
      { id: 'partnership:leica-xiaomi', type: 'PARTNERSHIP', label: 'Leica × Xiaomi' },
    ],
    edges: [edge('e1', 'brand:leica', 'partnership:leica-xiaomi', 'Xiaomi and Leica, "a new chapter"')],
    truncated: false,
  };
  const opened: Slice = {
    nodes: [
      { id: 'partnership:leica-xiaomi', type: 'PARTNERSHIP', label: 'Leica × Xiaomi' },
      { id: 'brand:xiaomi', type: 'BRAND', label: 'Xiaomi' },
    ],
    edges: [
      edge('e1', 'brand:leica', 'partnership:leica-xiaomi', 'Xiaomi and Leica, "a new chapter"'),
      edge('e2', 'brand:xiaomi', 'partnership:leica-xiaomi', 'Press release'),
    ],
    truncated: true,
  };

  it('holds each node and edge once, and is truncated when any slice was', () => {
    const merged = mergeSlices([focus, opened]);
    expect(merged.nodes.map((node) => node.id)).toEqual(['brand:leica', 'partnership:leica-xiaomi', 'brand:xiaomi']);
    expect(merged.edges.map((e) => e.id)).toEqual(['e1', 'e2']);
    expect(merged.truncated).toBe(true);
  });

  it('exports as CSV with the provenance of each edge, quoting what needs it', () => {
    expect(sliceToCsv(mergeSlices([focus, opened])).split('\n')).toEqual([
      'element,id,type,label,source,target,confidence,reportedOn,reportedOnPrecision,sources',
      'node,brand:leica,BRAND,Leica,,,,,,',
      'node,partnership:leica-xiaomi,PARTNERSHIP,Leica × Xiaomi,,,,,,',
      'node,brand:xiaomi,BRAND,Xiaomi,,,,,,',
      'edge,e1,PARTY_TO,,brand:leica,partnership:leica-xiaomi,CONFIRMED,2022-05-23,DAY,"Xiaomi and Leica, ""a new chapter"" (Xiaomi, 2022-05-23)"',
      'edge,e2,PARTY_TO,,brand:xiaomi,partnership:leica-xiaomi,CONFIRMED,2022-05-23,DAY,"Press release (Xiaomi, 2022-05-23)"',
      '',
    ]);
  });
});
