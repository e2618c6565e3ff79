import { describe, expect, it } from 'vitest';
import type { Slice } from '../../explorer/src/api.js';
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
});
