import type { Core } from 'cytoscape';
import type { Confidence, EntityType, Slice } from './api.js';
import { sliceToCsv } from './csv.js';
import { EDGE_STYLES, NODE_STYLES } from './styling.js';

function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** What the picture shows, printed above it: a PNG passed around must say what view it is. */
export interface Caption {
  title: string;
  lines: string[];
}

const SCALE = 2;
const MARGIN = 16 * SCALE;
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
const TITLE_PX = 18 * SCALE;
const LINE_PX = 14 * SCALE;
const LEGEND_ROW = 24 * SCALE;
const SWATCH = 14 * SCALE;
const DASHES: Record<'solid' | 'dashed' | 'dotted', number[]> = { solid: [], dashed: [6 * SCALE, 4 * SCALE], dotted: [1.5 * SCALE, 3 * SCALE] };

/** The drawing alone, as cytoscape renders it, without the selection: a highlight of the moment is not part of the view. */
async function drawingWithoutSelection(cy: Core): Promise<ImageBitmap> {
  const selected = cy.$(':selected');
  selected.unselect();
  try {
    return await createImageBitmap(cy.png({ output: 'blob', full: true, scale: SCALE, bg: '#ffffff' }));
  } finally {
    selected.select();
  }
}

function nodeShape(context: CanvasRenderingContext2D, shape: string, x: number, y: number, size: number): void {
  const [cx, cy, r] = [x + size / 2, y + size / 2, size / 2];
  context.beginPath();
  if (shape === 'ellipse') context.arc(cx, cy, r, 0, 2 * Math.PI);
  else if (shape === 'diamond')
    [
      [cx, y],
      [x + size, cy],
      [cx, y + size],
      [x, cy],
    ].forEach(([px, py], i) => (i ? context.lineTo(px!, py!) : context.moveTo(px!, py!)));
  else if (shape === 'triangle')
    [
      [cx, y],
      [x + size, y + size],
      [x, y + size],
    ].forEach(([px, py], i) => (i ? context.lineTo(px!, py!) : context.moveTo(px!, py!)));
  else if (shape === 'hexagon')
    [
      [x + size / 4, y],
      [x + (3 * size) / 4, y],
      [x + size, cy],
      [x + (3 * size) / 4, y + size],
      [x + size / 4, y + size],
      [x, cy],
    ].forEach(([px, py], i) => (i ? context.lineTo(px!, py!) : context.moveTo(px!, py!)));
  else context.rect(x, y, size, size);
  context.closePath();
  context.fill();
}

/** A legend entry: its mark, drawn at (x, y middle) and MARK_WIDTH wide at most, and its words. */
interface LegendItem {
  label: string;
  draw: (context: CanvasRenderingContext2D, x: number, y: number) => void;
}

const MARK_WIDTH = 36 * SCALE;
const MARK_GAP = 8 * SCALE;
const ITEM_GAP = 24 * SCALE;

/** The legend entries for what the view holds: its entity types and its claims' confidences. */
function legendItems(slice: Slice): LegendItem[] {
  const types = new Set<EntityType>(slice.nodes.map((node) => node.type));
  const confidences = new Set<Confidence>(slice.edges.map((edge) => edge.confidence));
  const nodes = Object.entries(NODE_STYLES)
    .filter(([type]) => types.has(type as EntityType))
    .map(([, style]) => ({
      label: style.name,
      draw: (context: CanvasRenderingContext2D, x: number, y: number) => {
        context.fillStyle = style.colour;
        nodeShape(context, style.shape, x + (MARK_WIDTH - SWATCH) / 2, y - SWATCH / 2, SWATCH);
      },
    }));
  const edges = Object.entries(EDGE_STYLES)
    .filter(([confidence]) => confidences.has(confidence as Confidence))
    .map(([, style]) => ({
      label: style.meaning,
      draw: (context: CanvasRenderingContext2D, x: number, y: number) => {
        context.strokeStyle = style.colour;
        context.lineWidth = style.width * SCALE;
        context.setLineDash(DASHES[style.line]);
        context.beginPath();
        context.moveTo(x, y);
        context.lineTo(x + MARK_WIDTH, y);
        context.stroke();
        context.setLineDash([]);
      },
    }));
  return [...nodes, ...edges];
}

/**
 * The view as a picture that stands on its own: a caption (what it shows, as of when, under which filters) above
 * the drawing, and a legend of its node types and line styles below it.
 */
export async function renderPng(cy: Core, slice: Slice, caption: Caption): Promise<Blob> {
  const drawing = await drawingWithoutSelection(cy);
  const items = legendItems(slice);
  const measure = document.createElement('canvas').getContext('2d')!;
  measure.font = `${LINE_PX}px ${FONT}`;
  const width = Math.max(drawing.width + 2 * MARGIN, 900 * SCALE);
  // Legend entries flow into rows as wide as the picture.
  const placed: Array<{ item: LegendItem; x: number; row: number }> = [];
  let [x, row] = [MARGIN, 0];
  for (const item of items) {
    const itemWidth = MARK_WIDTH + MARK_GAP + measure.measureText(item.label).width + ITEM_GAP;
    if (x + itemWidth > width - MARGIN && x > MARGIN) [x, row] = [MARGIN, row + 1];
    placed.push({ item, x, row });
    x += itemWidth;
  }
  const captionHeight = MARGIN + TITLE_PX + caption.lines.length * (LINE_PX + 6 * SCALE) + MARGIN / 2;
  const legendTop = captionHeight + drawing.height + MARGIN / 2;
  const height = legendTop + LINE_PX + 10 * SCALE + (row + 1) * LEGEND_ROW + MARGIN;

  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  context.fillStyle = '#111111';
  context.textBaseline = 'top';
  context.font = `bold ${TITLE_PX}px ${FONT}`;
  context.fillText(caption.title, MARGIN, MARGIN);
  context.font = `${LINE_PX}px ${FONT}`;
  context.fillStyle = '#333333';
  caption.lines.forEach((line, index) => context.fillText(line, MARGIN, MARGIN + TITLE_PX + 6 * SCALE + index * (LINE_PX + 6 * SCALE)));
  context.drawImage(drawing, (width - drawing.width) / 2, captionHeight);
  context.strokeStyle = '#c8c8c8';
  context.lineWidth = SCALE;
  context.strokeRect(MARGIN / 2, captionHeight - MARGIN / 4, width - MARGIN, drawing.height + MARGIN / 2);

  context.fillStyle = '#111111';
  context.font = `bold ${LINE_PX}px ${FONT}`;
  context.fillText('Legend', MARGIN, legendTop);
  context.font = `${LINE_PX}px ${FONT}`;
  context.textBaseline = 'middle';
  for (const { item, x: left, row: line } of placed) {
    const middle = legendTop + LINE_PX + 10 * SCALE + line * LEGEND_ROW + LEGEND_ROW / 2;
    item.draw(context, left, middle);
    context.fillStyle = '#111111';
    context.fillText(item.label, left + MARK_WIDTH + MARK_GAP, middle);
  }
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The browser could not encode the PNG.'))), 'image/png'),
  );
}

export async function exportPng(cy: Core, slice: Slice, caption: Caption, fileName: string): Promise<void> {
  download(await renderPng(cy, slice, caption), `${fileName}.png`);
}

/** Nodes and edges with their provenance; sources inline, so the file stands on its own. */
export function exportJson(slice: Slice, fileName: string, view: Record<string, unknown>): void {
  const document = { exportedAt: new Date().toISOString(), view, ...slice };
  download(new Blob([JSON.stringify(document, null, 2)], { type: 'application/json' }), `${fileName}.json`);
}

export function exportCsv(slice: Slice, fileName: string): void {
  download(new Blob([sliceToCsv(slice)], { type: 'text/csv' }), `${fileName}.csv`);
}
