import type { Core } from 'cytoscape';
import type { Slice } from './api';

function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function exportPng(cy: Core, fileName: string): void {
  download(cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' }), `${fileName}.png`);
}

/** Nodes and edges with their provenance; sources inline, so the file stands on its own. */
export function exportJson(slice: Slice, fileName: string, view: Record<string, unknown>): void {
  const document = { exportedAt: new Date().toISOString(), view, ...slice };
  download(new Blob([JSON.stringify(document, null, 2)], { type: 'application/json' }), `${fileName}.json`);
}

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

export function exportCsv(slice: Slice, fileName: string): void {
  download(new Blob([sliceToCsv(slice)], { type: 'text/csv' }), `${fileName}.csv`);
}
