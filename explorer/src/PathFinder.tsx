import { useState } from 'react';
import type { GraphNode, Path } from './api.js';
import { EDGE_STYLES } from './styling.js';

interface PathFinderProps {
  nodes: GraphNode[];
  paths: Path[] | null;
  chosen: number;
  onFind: (from: string, to: string) => void;
  onChoose: (index: number) => void;
}

const CERTAINTY = ['SPECULATED', 'RUMORED', 'REPORTED', 'CONFIRMED'] as const;

function weakestClaim(path: Path): string {
  const ranks = path.edges.map((edge) => CERTAINTY.indexOf(edge.confidence as (typeof CERTAINTY)[number]));
  return EDGE_STYLES[CERTAINTY[Math.min(...ranks)] ?? 'SPECULATED'].meaning;
}

/** The shortest chains of claims between two nodes in view, most certain first. */
export function PathFinder({ nodes, paths, chosen, onFind, onChoose }: PathFinderProps) {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const sorted = [...nodes].sort((a, b) => a.label.localeCompare(b.label));
  const options = sorted.map((node) => (
    <option key={node.id} value={node.id}>
      {node.label}
    </option>
  ));
  return (
    <section aria-labelledby="paths-title" className="path-finder">
      <h2 id="paths-title">Path finder</h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (from && to) onFind(from, to);
        }}
      >
        <label>
          From
          <select aria-label="Path from" value={from} onChange={(event) => setFrom(event.target.value)} required>
            <option value="">pick a node</option>
            {options}
          </select>
        </label>
        <label>
          To
          <select aria-label="Path to" value={to} onChange={(event) => setTo(event.target.value)} required>
            <option value="">pick a node</option>
            {options}
          </select>
        </label>
        <button type="submit" disabled={!from || !to || from === to}>
          Find paths
        </button>
      </form>
      {paths && paths.length === 0 && <p role="status">No short enough chain of claims links them.</p>}
      {paths && paths.length > 0 && (
        <ol aria-label="Paths found" className="paths">
          {paths.map((path, index) => (
            <li key={path.edges.map((edge) => edge.id).join('|')}>
              <button type="button" aria-pressed={index === chosen} onClick={() => onChoose(index)}>
                {path.nodes.map((node) => node.label).join(' → ')}
              </button>
              <span className="muted"> · weakest claim {weakestClaim(path)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
