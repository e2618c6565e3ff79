import type { Core } from 'cytoscape';
import type { Slice } from './api.js';
import { sliceToCsv } from './csv.js';

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

export function exportCsv(slice: Slice, fileName: string): void {
  download(new Blob([sliceToCsv(slice)], { type: 'text/csv' }), `${fileName}.csv`);
}
