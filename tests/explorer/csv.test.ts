import { describe, expect, it } from 'vitest';
import type { GraphEdge, Slice } from '../../explorer/src/api.js';
import { sliceToCsv } from '../../explorer/src/csv.js';

describe('the CSV export', () => {
  it('turns cells a spreadsheet would run as formulas into text with a leading quote', () => {
    const labels = ['=HYPERLINK("https://evil.example","x")', '+1+1', '-2+3', '@SUM(A1)', '\tTab', '\rReturn', 'Leica', 'a=b'];
    const slice: Slice = { nodes: labels.map((label, index) => ({ id: `brand:b${index}`, type: 'BRAND', label })), edges: [], truncated: false };
    const cells = sliceToCsv(slice)
      .split('\n')
      .slice(1, -1)
      .map((row) => row.slice('node,brand:bN,BRAND,'.length, row.length - ',,,,,,'.length));
    expect(cells).toEqual([`"'=HYPERLINK(""https://evil.example"",""x"")"`, "'+1+1", "'-2+3", "'@SUM(A1)", "'\tTab", `"'\rReturn"`, 'Leica', 'a=b']);
  });

  it("gives the first day of a reported month with its precision, and a source's month as the month", () => {
    const may = { text: '2022-05', precision: 'MONTH', from: '2022-05-01', to: '2022-05-31' } as const;
    const source = { id: 'source:s', title: 'A report', publisher: 'Weibo', author: null, url: null, published: may };
    const edge: GraphEdge = { id: 'e', type: 'ABOUT', source: 'leak:l', target: 'device:d', confidence: 'RUMORED', reported: may, sources: [source] };
    const slice: Slice = { nodes: [], edges: [edge], truncated: false };
    expect(sliceToCsv(slice).split('\n')[1]).toBe('edge,e,ABOUT,,leak:l,device:d,RUMORED,2022-05-01,MONTH,"A report (Weibo, 2022-05)"');
  });
});
