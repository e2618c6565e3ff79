import type { Slice } from './api.js';

const CSV_COLUMNS = ['element', 'id', 'type', 'label', 'source', 'target', 'confidence', 'reportedOn', 'reportedOnPrecision', 'sources'];

function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One row per node, then one per edge; an edge's sources are "title (publisher, day)" joined by " | ". */
export function sliceToCsv(slice: Slice): string {
  const rows = [
    CSV_COLUMNS,
    ...slice.nodes.map((node) => ['node', node.id, node.type, node.label, '', '', '', '', '', '']),
    ...slice.edges.map((edge) => [
      'edge',
      edge.id,
      edge.type,
      '',
      edge.source,
      edge.target,
      edge.confidence,
      edge.reportedOn,
      edge.reportedOnPrecision,
      edge.sources.map((source) => `${source.title} (${[source.publisher, source.publishedOn].filter(Boolean).join(', ')})`).join(' | '),
    ]),
  ];
  return `${rows.map((row) => row.map(csvCell).join(',')).join('\n')}\n`;
}
