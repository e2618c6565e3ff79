import { useState } from 'react';
import type { GraphNode, Path, SearchHit } from './api.js';
import { Search } from './Search.js';
import { EDGE_STYLES } from './styling.js';

/** Paths through the same nodes, which differ only by which of parallel claims links two of them: one line. */
export interface PathGroup {
  nodes: GraphNode[];
  /** Most certain first, as the API ranks them. */
  variants: Path[];
}

export function groupParallelPaths(paths: Path[]): PathGroup[] {
  const groups = new Map<string, PathGroup>();
  for (const path of paths) {
    const key = path.nodes.map((node) => node.id).join('|');
    const group = groups.get(key);
    if (group) group.variants.push(path);
    else groups.set(key, { nodes: path.nodes, variants: [path] });
  }
  return [...groups.values()];
}

const CERTAINTY = ['SPECULATED', 'RUMORED', 'REPORTED', 'CONFIRMED'] as const;

function weakestClaim(path: Path): string {
  const ranks = path.edges.map((edge) => CERTAINTY.indexOf(edge.confidence as (typeof CERTAINTY)[number]));
  return EDGE_STYLES[CERTAINTY[Math.min(...ranks)] ?? 'SPECULATED'].meaning;
}

const STEP_LENGTH = 32;

/** A leak summary as one step of a path: its start, the whole on hover. */
function stepLabel(label: string): string {
  return label.length <= STEP_LENGTH ? label : `${label.slice(0, STEP_LENGTH - 1).trimEnd()}…`;
}

interface PathFinderProps {
  asOf: string | null;
  groups: PathGroup[] | null;
  chosen: number;
  onFind: (from: string, to: string) => void;
  onChoose: (index: number) => void;
  onError: (error: unknown) => void;
}

/** The shortest chains of claims between any two entities, found through search; most certain first. */
export function PathFinder({ asOf, groups, chosen, onFind, onChoose, onError }: PathFinderProps) {
  const [from, setFrom] = useState<SearchHit | null>(null);
  const [to, setTo] = useState<SearchHit | null>(null);
  return (
    <section aria-labelledby="paths-title" className="path-finder">
      <h2 id="paths-title">Path finder</h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (from && to) onFind(from.id, to.id);
        }}
      >
        <Search label="Path from" placeholder="any entity" asOf={asOf} onPick={setFrom} onError={onError} />
        <Search label="Path to" placeholder="any entity" asOf={asOf} onPick={setTo} onError={onError} />
        <button type="submit" disabled={!from || !to || from.id === to.id}>
          Find paths
        </button>
      </form>
      {groups && groups.length === 0 && <p role="status">No short enough chain of claims links them.</p>}
      {groups && groups.length > 0 && (
        <ol aria-label="Paths found" className="paths">
          {groups.map((group, index) => {
            const parallel = group.variants.length;
            return (
              <li key={group.nodes.map((node) => node.id).join('|')}>
                <button type="button" aria-pressed={index === chosen} onClick={() => onChoose(index)} title={group.nodes.map((node) => node.label).join(' → ')}>
                  {group.nodes.map((node) => stepLabel(node.label)).join(' → ')}
                </button>
                <span className="muted">
                  {' '}
                  · weakest claim {weakestClaim(group.variants[0]!)}
                  {parallel > 1 ? ` · ${parallel} parallel claims` : ''}
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
