import cytoscape, { type Core, type ElementDefinition, type EventObjectEdge, type EventObjectNode, type StylesheetJson } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { useEffect, useRef, useState } from 'react';
import type { Slice } from './api.js';
import { EDGE_STYLES, NODE_STYLES } from './styling.js';

cytoscape.use(fcose);

/** Read by explorer/budget.mjs: when the first focused view was drawn. */
const FIRST_RENDER_MARK = 'explorer:first-render';

/** Labels never fall below this size on screen, however far the view is zoomed out (issue 21: 7 px was unreadable). */
export const LABEL_SCREEN_PX = 13;
/** Longer labels are cut on the canvas; the tooltip, the list and the panel show the whole. */
const LABEL_LENGTH = 40;
const NODE_SIZE = 28;

const STYLESHEET: StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: 'data(label)',
      'font-size': LABEL_SCREEN_PX,
      color: '#111',
      'text-valign': 'bottom',
      'text-margin-y': 4,
      'text-wrap': 'wrap',
      'text-max-width': '170px',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'text-background-padding': '2px',
      width: NODE_SIZE,
      height: NODE_SIZE,
      'border-width': 2,
      'border-color': '#ffffff',
    },
  },
  ...Object.entries(NODE_STYLES).map(([type, style]) => ({
    selector: `node[type = "${type}"]`,
    style: { 'background-color': style.colour, shape: style.shape as never },
  })),
  { selector: 'node.focus', style: { width: 38, height: 38, 'border-color': '#111', 'border-width': 3, 'font-weight': 'bold' } },
  {
    selector: 'edge',
    style: { 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'arrow-scale': 0.8, opacity: 0.9 },
  },
  ...Object.entries(EDGE_STYLES).map(([confidence, style]) => ({
    selector: `edge[confidence = "${confidence}"]`,
    style: { 'line-color': style.colour, 'target-arrow-color': style.colour, width: style.width, 'line-style': style.line },
  })),
  { selector: '.on-path', style: { 'underlay-color': '#ffb300', 'underlay-opacity': 0.55, 'underlay-padding': 6 } },
  { selector: ':selected', style: { 'overlay-color': '#1565c0', 'overlay-opacity': 0.25, 'overlay-padding': 6 } },
];

interface GraphViewProps {
  slice: Slice;
  focus: string;
  selectedId: string | null;
  pathIds: Set<string>;
  onNode: (id: string) => void;
  onEdge: (id: string) => void;
  onReady: (cy: Core) => void;
}

/** Leak summaries run to sentences: the canvas shows their start (on two lines at most). */
function shortLabel(label: string): string {
  return label.length <= LABEL_LENGTH ? label : `${label.slice(0, LABEL_LENGTH - 1).trimEnd()}…`;
}

function elementsOf(slice: Slice): ElementDefinition[] {
  return [
    ...slice.nodes.map((node) => ({
      group: 'nodes' as const,
      data: { id: node.id, label: shortLabel(node.label), full: node.label, type: node.type },
    })),
    ...slice.edges.map((edge) => ({
      group: 'edges' as const,
      data: { id: edge.id, source: edge.source, target: edge.target, confidence: edge.confidence },
    })),
  ];
}

/** Hops from the focus to each node it reaches, breadth first over the drawn edges. */
function hopsFrom(cy: Core, focus: string): Map<string, number> {
  const hops = new Map<string, number>();
  cy.elements().bfs({
    roots: cy.getElementById(focus),
    visit: (node, _edge, _previous, _index, depth) => {
      hops.set(node.id(), depth);
    },
  });
  return hops;
}

/**
 * Lays the drawing out by force (fcose): linked nodes pull together and all nodes push apart, labels included, so
 * an edge runs between its own two nodes instead of through others, which reads as a false link. It starts from
 * rings by hops from the focus and does not randomise, so a view looks the same on every load and in its export.
 */
function layOut(cy: Core, focus: string): void {
  const hops = hopsFrom(cy, focus);
  cy.layout({
    name: 'concentric',
    animate: false,
    fit: false,
    minNodeSpacing: 40,
    concentric: (node) => -(hops.get(node.id()) ?? 9),
    levelWidth: () => 1,
  }).run();
  cy.layout({
    name: 'fcose',
    quality: 'proof',
    randomize: false,
    animate: false,
    fit: true,
    padding: 30,
    nodeDimensionsIncludeLabels: true,
    idealEdgeLength: () => 110,
    nodeRepulsion: () => 12_000,
    nodeSeparation: 90,
    numIter: 2500,
  } as cytoscape.LayoutOptions).run();
  clearEdgesOffNodes(cy);
  cy.fit(undefined, 30);
}

/** How far an edge keeps from the centre of a node it does not join, beyond the node's half size. */
const EDGE_CLEARANCE = 10;
const CLEARING_ROUNDS = 60;

/**
 * A force layout leaves an edge through a third node now and then. This moves each such node off the line, at
 * right angles to it, until no edge runs through a node it does not join (or the rounds are spent). Deterministic.
 */
function clearEdgesOffNodes(cy: Core): void {
  const nodes = cy.nodes();
  const edges = cy.edges();
  for (let round = 0; round < CLEARING_ROUNDS; round += 1) {
    let moved = false;
    edges.forEach((edge) => {
      const [a, b] = [edge.source().position(), edge.target().position()];
      const [dx, dy] = [b.x - a.x, b.y - a.y];
      const length2 = dx * dx + dy * dy || 1;
      nodes.forEach((node) => {
        if (node.same(edge.source()) || node.same(edge.target())) return;
        const p = node.position();
        const t = ((p.x - a.x) * dx + (p.y - a.y) * dy) / length2;
        if (t <= 0 || t >= 1) return;
        const [cx, cy_] = [a.x + t * dx, a.y + t * dy];
        let [nx, ny] = [p.x - cx, p.y - cy_];
        const distance = Math.hypot(nx, ny);
        const needed = Math.max(node.width(), node.height()) / 2 + EDGE_CLEARANCE;
        if (distance >= needed) return;
        // Exactly on the line: step to one side of it, the same side every time.
        if (distance === 0) [nx, ny] = [-dy, dx];
        const norm = Math.hypot(nx, ny);
        const step = needed - distance + 1;
        node.position({ x: p.x + (nx / norm) * step, y: p.y + (ny / norm) * step });
        moved = true;
      });
    });
    if (!moved) return;
  }
}

/**
 * Keeps labels at LABEL_SCREEN_PX or more on screen: below zoom 1 their size in the drawing grows as the zoom
 * shrinks. A bypass on the nodes, not a new stylesheet rule, so zooming does not grow the stylesheet.
 */
function keepLabelsReadable(cy: Core): void {
  const size = LABEL_SCREEN_PX / Math.min(cy.zoom(), 1);
  cy.nodes().style({ 'font-size': size, 'text-max-width': `${(170 * size) / LABEL_SCREEN_PX}px` });
}

/** One wheel notch (100 px of scroll) zooms by this factor; cytoscape's own wheel zoom moves about 5 % a notch. */
const WHEEL_NOTCH_ZOOM = 1.3;

function wheelZoom(cy: Core, container: HTMLElement, event: WheelEvent): void {
  event.preventDefault();
  // Lines (Firefox) and pages are turned into pixels, so a notch means the same on every browser.
  const pixels = event.deltaY * (event.deltaMode === 1 ? 33 : event.deltaMode === 2 ? 800 : 1);
  const factor = Math.min(2, Math.max(0.5, WHEEL_NOTCH_ZOOM ** (-pixels / 100)));
  const box = container.getBoundingClientRect();
  const level = Math.min(cy.maxZoom(), Math.max(cy.minZoom(), cy.zoom() * factor));
  cy.zoom({ level, renderedPosition: { x: event.clientX - box.left, y: event.clientY - box.top } });
}

interface Tooltip {
  text: string;
  x: number;
  y: number;
}

/** The graph canvas. Enter on the focused canvas opens the selected node, as a click does. */
export function GraphView({ slice, focus, selectedId, pathIds, onNode, onEdge, onReady }: GraphViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const handlers = useRef({ onNode, onEdge });
  handlers.current = { onNode, onEdge };
  const [tooltip, setTooltip] = useState<Tooltip | null>(null);

  useEffect(() => {
    const element = container.current!;
    // The wheel is handled below, with a useful step; buttons beside the canvas zoom from the keyboard.
    const cy = cytoscape({ container: element, style: STYLESHEET, maxZoom: 4, minZoom: 0.15, userZoomingEnabled: false });
    cy.on('tap', 'node', (event: EventObjectNode) => handlers.current.onNode(event.target.id()));
    cy.on('tap', 'edge', (event: EventObjectEdge) => handlers.current.onEdge(event.target.id()));
    cy.on('zoom', () => keepLabelsReadable(cy));
    // The whole label of a node whose label the canvas cut, where the pointer is.
    cy.on('mouseover', 'node', (event: EventObjectNode) => {
      const node = event.target;
      const full = node.data('full') as string;
      if (full === node.data('label')) return;
      const position = node.renderedPosition();
      setTooltip({ text: full, x: position.x, y: position.y - node.renderedOuterHeight() / 2 });
    });
    cy.on('mouseout', 'node', () => setTooltip(null));
    cy.on('viewport', () => setTooltip(null));
    const onWheel = (event: WheelEvent) => wheelZoom(cy, element, event);
    element.addEventListener('wheel', onWheel, { passive: false });
    cyRef.current = cy;
    onReady(cy);
    // The canvas changes size as panels below it come and go; keep the drawing in view.
    const resized = new ResizeObserver(() => {
      cy.resize();
      cy.fit(undefined, 30);
    });
    resized.observe(element);
    return () => {
      resized.disconnect();
      element.removeEventListener('wheel', onWheel);
      cy.destroy();
    };
  }, [onReady]);

  useEffect(() => {
    const cy = cyRef.current!;
    cy.batch(() => {
      cy.elements().remove();
      cy.add(elementsOf(slice));
      cy.getElementById(focus).addClass('focus');
    });
    layOut(cy, focus);
    keepLabelsReadable(cy);
    if (performance.getEntriesByName(FIRST_RENDER_MARK).length === 0 && slice.nodes.length > 0) {
      requestAnimationFrame(() => performance.mark(FIRST_RENDER_MARK));
    }
  }, [slice, focus]);

  useEffect(() => {
    const cy = cyRef.current!;
    cy.batch(() => {
      cy.elements().unselect().removeClass('on-path');
      cy.elements()
        .filter((element) => pathIds.has(element.id()))
        .addClass('on-path');
      if (selectedId) cy.getElementById(selectedId).select();
    });
  }, [slice, selectedId, pathIds]);

  const zoomBy = (factor: number) => {
    const cy = cyRef.current!;
    const level = Math.min(cy.maxZoom(), Math.max(cy.minZoom(), cy.zoom() * factor));
    cy.zoom({ level, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  };

  return (
    <div className="graph-frame">
      <div
        ref={container}
        id="graph-canvas"
        className="graph-canvas"
        tabIndex={0}
        role="group"
        aria-label={`Graph of ${slice.nodes.length} nodes and ${slice.edges.length} claims; the list of nodes in view is beside it`}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && selectedId && cyRef.current?.getElementById(selectedId).isNode()) onNode(selectedId);
        }}
      />
      {tooltip && (
        <div role="tooltip" className="graph-tooltip" style={{ left: tooltip.x, top: tooltip.y }}>
          {tooltip.text}
        </div>
      )}
      <div className="zoom-controls" role="group" aria-label="Zoom">
        <button type="button" aria-label="Zoom in" onClick={() => zoomBy(WHEEL_NOTCH_ZOOM)}>
          +
        </button>
        <button type="button" aria-label="Zoom out" onClick={() => zoomBy(1 / WHEEL_NOTCH_ZOOM)}>
          −
        </button>
        <button type="button" aria-label="Fit the drawing" onClick={() => cyRef.current?.fit(undefined, 30)}>
          Fit
        </button>
      </div>
    </div>
  );
}
