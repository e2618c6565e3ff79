import type { Slice } from './api.js';

const CSV_COLUMNS = ['element', 'id', 'type', 'label', 'source', 'target', 'confidence', 'reportedOn', 'reportedOnPrecision', 'sources'];

/**
 * A spreadsheet runs a cell starting with =, +, -, @, tab or carriage return as a formula ("CSV injection"):
 * a leading single quote makes it text. Names and titles come from editors and imports, so no cell is trusted.
 */
function csvCell(value: string | number | boolean | null | undefined): string {
  const raw = value === null || value === undefined ? '' : String(value);
  const text = /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * One row per node, then one per edge; an edge's sources are "title (publisher, day)" joined by " | ". reportedOn
 * is the first day of the reported date and reportedOnPrecision how much of it is known, so a sheet sorts by day.
 */
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
      edge.reported.from,
      edge.reported.precision,
      edge.sources.map((source) => `${source.title} (${[source.publisher, source.published?.text].filter(Boolean).join(', ')})`).join(' | '),
    ]),
  ];
  return `${rows.map((row) => row.map(csvCell).join(',')).join('\n')}\n`;
}
