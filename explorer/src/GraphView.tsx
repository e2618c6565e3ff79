import cytoscape, { type Core, type ElementDefinition, type EventObjectEdge, type EventObjectNode, type StylesheetJson } from 'cytoscape';
import { useEffect, useRef } from 'react';
import type { Slice } from './api.js';
import { EDGE_STYLES, NODE_STYLES } from './styling.js';

/** Read by explorer/budget.mjs: when the first focused view was drawn. */
const FIRST_RENDER_MARK = 'explorer:first-render';

const STYLESHEET: StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: 'data(label)',
      'font-size': 11,
      color: '#111',
      'text-valign': 'bottom',
      'text-margin-y': 4,
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'text-background-padding': '2px',
      width: 26,
      height: 26,
      'border-width': 2,
      'border-color': '#ffffff',
    },
  },
  ...Object.entries(NODE_STYLES).map(([type, style]) => ({
    selector: `node[type = "${type}"]`,
    style: { 'background-color': style.colour, shape: style.shape as never },
  })),
  { selector: 'node.focus', style: { width: 36, height: 36, 'border-color': '#111', 'border-width': 3 } },
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

const LABEL_LENGTH = 28;

/** Leak summaries run to sentences: the canvas shows their start, the list and the panel the whole. */
function shortLabel(label: string): string {
  return label.length <= LABEL_LENGTH ? label : `${label.slice(0, LABEL_LENGTH - 1).trimEnd()}…`;
}

function elementsOf(slice: Slice): ElementDefinition[] {
  return [
    ...slice.nodes.map((node) => ({ group: 'nodes' as const, data: { id: node.id, label: shortLabel(node.label), type: node.type } })),
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

/** The graph canvas. Enter on the focused canvas opens the selected node, as a click does. */
export function GraphView({ slice, focus, selectedId, pathIds, onNode, onEdge, onReady }: GraphViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const handlers = useRef({ onNode, onEdge });
  handlers.current = { onNode, onEdge };

  useEffect(() => {
    const cy = cytoscape({ container: container.current, style: STYLESHEET, maxZoom: 3, minZoom: 0.2 });
    cy.on('tap', 'node', (event: EventObjectNode) => handlers.current.onNode(event.target.id()));
    cy.on('tap', 'edge', (event: EventObjectEdge) => handlers.current.onEdge(event.target.id()));
    cyRef.current = cy;
    onReady(cy);
    // The canvas changes size as panels below it come and go; keep the drawing in view.
    const resized = new ResizeObserver(() => {
      cy.resize();
      cy.fit(undefined, 30);
    });
    resized.observe(container.current!);
    return () => {
      resized.disconnect();
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
    // Rings by hops from the focus: one pass, where a force layout iterates, and the same picture on every load.
    const hops = hopsFrom(cy, focus);
    cy.layout({
      name: 'concentric',
      animate: false,
      fit: true,
      padding: 30,
      minNodeSpacing: 28,
      concentric: (node) => -(hops.get(node.id()) ?? 9),
      levelWidth: () => 1,
      nodeDimensionsIncludeLabels: true,
    }).run();
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

  return (
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
  );
}
