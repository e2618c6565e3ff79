import type { Core } from 'cytoscape';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  ApiError,
  fetchFacts,
  fetchPartnerHistory,
  fetchPaths,
  fetchView,
  mergeSlices,
  type Confidence,
  type Facts,
  type PartnershipEvent,
  type Slice,
} from './api.js';
import { exportCsv, exportJson, exportPng, type Caption } from './exporting.js';
import { GraphView } from './GraphView.js';
import { Legend } from './Legend.js';
import { groupParallelPaths, PathFinder, type PathGroup } from './PathFinder.js';
import { Search } from './Search.js';
import { EdgePanel, NodePanel } from './SidePanel.js';
import { EDGE_STYLES } from './styling.js';
import { Timeline } from './Timeline.js';
import { CONFIDENCES, DEPTHS, readViewState, writeViewState, type ViewState } from './viewState.js';

type Selection = { kind: 'node' | 'edge'; id: string } | null;

/** The view of the URL the page opened with, already requested. */
export interface EarlyView {
  key: string;
  slice: Promise<Slice>;
}

const EMPTY: Slice = { nodes: [], edges: [], truncated: false };

function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    switch (error.code) {
      case 'NOT_FOUND':
        return `Not found: ${error.message}`;
      case 'LIMIT_EXCEEDED':
        return `Too much at once: ${error.message} Collapse the view (fewer expanded nodes, less depth).`;
      case 'API_UNREACHABLE':
        return error.message;
      default:
        return `${error.code}: ${error.message}`;
    }
  }
  return `Unexpected error: ${String(error)}`;
}

export function App({ early }: { early: EarlyView | null }) {
  const [view, setView] = useState<ViewState>(() => readViewState(window.location.search));
  const [slice, setSlice] = useState<Slice>(EMPTY);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [selection, setSelection] = useState<Selection>(null);
  /** undefined while it loads; null when the entity was not known on the asOf day. */
  const [facts, setFacts] = useState<Facts | null | undefined>(undefined);
  const [timeline, setTimeline] = useState<{ brand: string; events: PartnershipEvent[] } | null>(null);
  const [paths, setPaths] = useState<PathGroup[] | null>(null);
  const [chosenPath, setChosenPath] = useState(0);
  const cy = useRef<Core | null>(null);
  const showError = useCallback((failure: unknown) => setError(errorMessage(failure)), []);
  const onCanvasReady = useCallback((instance: Core) => {
    cy.current = instance;
  }, []);

  // The URL is the view: every change is a history entry, and Back restores the previous view.
  const changeView = useCallback((change: Partial<ViewState>) => {
    setView((current) => {
      const next = { ...current, ...change };
      const search = writeViewState(next);
      if (search !== window.location.search) window.history.pushState(null, '', `${window.location.pathname}${search}`);
      return next;
    });
  }, []);
  useEffect(() => {
    const onPopState = () => setView(readViewState(window.location.search));
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);

  useEffect(() => {
    if (!view.focus) return;
    let current = true;
    setLoading(true);
    const pending = early?.key === writeViewState(view) ? early.slice : fetchView(view.focus, view.depth, view.expanded, view);
    pending
      .then(
        (loaded) => {
          if (!current) return;
          setSlice(loaded);
          setError(null);
        },
        (failure) => {
          if (!current) return;
          setSlice(EMPTY);
          showError(failure);
        },
      )
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [view, early, showError]);

  // Paths found under other filters no longer describe the view.
  useEffect(() => setPaths(null), [view.asOf, view.minConfidence, view.focus]);

  // A chosen path is drawn with all its parallel claims.
  const shown = useMemo(() => {
    const group = paths?.[chosenPath];
    return group ? mergeSlices([slice, ...group.variants.map((path) => ({ ...path, truncated: false }))]) : slice;
  }, [slice, paths, chosenPath]);
  const labels = useMemo(() => new Map(shown.nodes.map((node) => [node.id, node.label])), [shown]);
  const labelOf = useCallback((id: string) => labels.get(id) ?? id, [labels]);
  const pathIds = useMemo(() => {
    const group = paths?.[chosenPath];
    return new Set(group ? group.variants.flatMap((path) => [...path.nodes.map((node) => node.id), ...path.edges.map((edge) => edge.id)]) : []);
  }, [paths, chosenPath]);

  const selectedNode = selection?.kind === 'node' ? shown.nodes.find((node) => node.id === selection.id) : undefined;
  const selectedEdge = selection?.kind === 'edge' ? shown.edges.find((edge) => edge.id === selection.id) : undefined;
  const timelineBrand = selectedNode?.type === 'BRAND' ? selectedNode : shown.nodes.find((node) => node.id === view.focus && node.type === 'BRAND');

  useEffect(() => {
    setFacts(undefined);
    if (!selectedNode) return;
    let current = true;
    fetchFacts(selectedNode.id, view.asOf).then((found) => current && setFacts(found), showError);
    return () => {
      current = false;
    };
  }, [selectedNode?.id, view.asOf, showError]);

  useEffect(() => {
    if (!timelineBrand) return setTimeline(null);
    let current = true;
    const brand = timelineBrand.label;
    fetchPartnerHistory(brand, view.asOf).then((events) => current && setTimeline({ brand, events }), showError);
    return () => {
      current = false;
    };
  }, [timelineBrand?.label, view.asOf, showError]);

  /** Click or Enter on a node: select it and open its neighbourhood. */
  const openNode = useCallback(
    (id: string) => {
      setSelection({ kind: 'node', id });
      if (id !== view.focus && !view.expanded.includes(id)) changeView({ expanded: [...view.expanded, id] });
    },
    [view.focus, view.expanded, changeView],
  );
  const selectEdge = useCallback((id: string) => setSelection({ kind: 'edge', id }), []);

  const findPaths = (from: string, to: string) => {
    fetchPaths(from, to, view.asOf).then((found) => {
      setChosenPath(0);
      setPaths(groupParallelPaths(found));
      setError(null);
    }, showError);
  };

  /** What an exported picture says it shows: the focus, the day, the filters and any highlighted path. */
  const caption = (): Caption => {
    const path = paths?.[chosenPath];
    const opened = view.expanded.map(labelOf);
    return {
      title: `Partnergraph · ${view.focus ? `${labelOf(view.focus)} (${view.focus})` : 'Explorer'}`,
      lines: [
        `${view.asOf ? `As known on ${view.asOf}` : `As known today, ${new Date().toISOString().slice(0, 10)}`} · depth ${view.depth} · minimum confidence: ${
          view.minConfidence === 'DENIED' ? 'denials only' : view.minConfidence ? EDGE_STYLES[view.minConfidence].meaning : 'any'
        }${opened.length > 0 ? ` · also opened: ${opened.join(', ')}` : ''}`,
        `${shown.nodes.length} nodes, ${shown.edges.length} claims${shown.truncated ? ' · truncated: more are reachable than drawn' : ''}${
          path ? ` · highlighted path: ${path.nodes.map((node) => node.label).join(' → ')}` : ''
        }`,
      ],
    };
  };

  const fileName = `partnergraph-${(view.focus ?? 'view').replace(/[^\w-]+/g, '-')}${view.asOf ? `-asof-${view.asOf}` : ''}`;

  return (
    <div className="explorer">
      <header className="toolbar">
        <h1>
          Partnergraph <span className="muted">Explorer</span>
        </h1>
        <Search
          label="Search"
          asOf={view.asOf}
          onError={showError}
          onPick={(hit) => {
            setSelection({ kind: 'node', id: hit.id });
            changeView({ focus: hit.id, expanded: [] });
          }}
        />
        <label>
          Depth
          <select value={view.depth} onChange={(event) => changeView({ depth: Number(event.target.value) })}>
            {DEPTHS.map((depth) => (
              <option key={depth} value={depth}>
                {depth}
              </option>
            ))}
          </select>
        </label>
        <label>
          As of
          <input type="date" value={view.asOf ?? ''} onChange={(event) => changeView({ asOf: event.target.value || null })} />
        </label>
        {view.asOf && (
          <button type="button" onClick={() => changeView({ asOf: null })}>
            Today
          </button>
        )}
        <label>
          Min. confidence
          <select value={view.minConfidence ?? ''} onChange={(event) => changeView({ minConfidence: (event.target.value || null) as Confidence | null })}>
            <option value="">any</option>
            {CONFIDENCES.map((confidence) => (
              <option key={confidence} value={confidence}>
                {confidence === 'DENIED' ? 'denials only' : EDGE_STYLES[confidence].meaning}
              </option>
            ))}
          </select>
        </label>
        <div className="exports" role="group" aria-label="Export the view">
          <button
            type="button"
            disabled={shown.nodes.length === 0}
            onClick={() => {
              if (cy.current) exportPng(cy.current, shown, caption(), fileName).catch(showError);
            }}
          >
            Export PNG
          </button>
          <button type="button" disabled={shown.nodes.length === 0} onClick={() => exportCsv(shown, fileName)}>
            Export CSV
          </button>
          <button type="button" disabled={shown.nodes.length === 0} onClick={() => exportJson(shown, fileName, { ...view })}>
            Export JSON
          </button>
        </div>
      </header>

      {error && (
        <div role="alert" className="error">
          {error}
          <button type="button" onClick={() => setError(null)} aria-label="Dismiss the error">
            ×
          </button>
        </div>
      )}

      <main className="workspace">
        <div className="canvas-column">
          {!view.focus && <p className="hint">Search for a brand, a device or a chip to draw its neighbourhood.</p>}
          <div className="status" role="status">
            {loading
              ? 'Loading…'
              : view.focus
                ? `${shown.nodes.length} nodes, ${shown.edges.length} claims${shown.truncated ? ' (truncated: more are reachable)' : ''}${view.asOf ? `, as known on ${view.asOf}` : ''}`
                : ''}
          </div>
          <GraphView
            slice={shown}
            focus={view.focus ?? ''}
            selectedId={selection?.id ?? null}
            pathIds={pathIds}
            onNode={openNode}
            onEdge={selectEdge}
            onReady={onCanvasReady}
          />
          {timeline && (
            <section aria-labelledby="timeline-title" className="timeline-section">
              <h2 id="timeline-title">Partners of {timeline.brand} over time</h2>
              <Timeline brand={timeline.brand} events={timeline.events} onPick={(id) => openNode(id)} />
            </section>
          )}
        </div>
        <aside className="side">
          <PathFinder asOf={view.asOf} groups={paths} chosen={chosenPath} onFind={findPaths} onChoose={setChosenPath} onError={showError} />
          {selectedEdge && <EdgePanel edge={selectedEdge} labelOf={labelOf} />}
          {selectedNode && (
            <NodePanel
              node={selectedNode}
              facts={facts}
              claims={shown.edges.filter((edge) => edge.source === selectedNode.id || edge.target === selectedNode.id)}
              labelOf={labelOf}
              onEdge={selectEdge}
            />
          )}
          <section aria-labelledby="nodes-title" className="node-list">
            <h2 id="nodes-title">Nodes in view</h2>
            <ul role="list" aria-label="Nodes in view">
              {shown.nodes.map((node) => (
                <li key={node.id} className={node.id === selection?.id ? 'selected' : undefined}>
                  <button type="button" onClick={() => openNode(node.id)}>
                    {node.label}
                  </button>
                </li>
              ))}
            </ul>
          </section>
          <Legend />
        </aside>
      </main>
    </div>
  );
}
