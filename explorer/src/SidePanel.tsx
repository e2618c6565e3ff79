import type { Facts, GraphEdge, GraphNode, Source } from './api.js';
import { describeDate, formatDate, fromApi } from './dates.js';
import type { ExplorerDateFragment } from './generated/graphql.js';
import { EDGE_STYLES } from './styling.js';

function SourceList({ sources }: { sources: Source[] }) {
  if (sources.length === 0) return <p className="muted">No source cited.</p>;
  return (
    <ul aria-label="Sources" className="sources">
      {sources.map((source) => (
        <li key={source.id}>
          {source.url ? (
            <a href={source.url} rel="noreferrer noopener" target="_blank">
              {source.title}
            </a>
          ) : (
            source.title
          )}
          <span className="muted">
            {' '}
            · {[source.publisher, source.author, source.published && formatDate(fromApi(source.published))].filter(Boolean).join(' · ') || 'editorial note'}
          </span>
        </li>
      ))}
    </ul>
  );
}

type Provenance = Pick<GraphEdge, 'confidence' | 'reported' | 'sources'>;

function ClaimProvenance({ claim }: { claim: Provenance }) {
  return (
    <>
      <dl className="facts">
        <dt>Confidence</dt>
        <dd className={`confidence confidence-${claim.confidence}`}>
          {EDGE_STYLES[claim.confidence].meaning} <code className="muted">{claim.confidence}</code>
        </dd>
        <dt>Reported on</dt>
        <dd>{describeDate(fromApi(claim.reported))}</dd>
      </dl>
      <SourceList sources={claim.sources} />
    </>
  );
}

const HIDDEN_FACTS = new Set(['__typename', 'id', 'sources', 'confidence', 'reported']);

function isDate(value: unknown): value is ExplorerDateFragment {
  return typeof value === 'object' && value !== null && 'precision' in value && 'from' in value;
}

/** The facts to list, each date with its precision in one value ("2016-02 (month precision)"), never as its first day. */
function factEntries(facts: Facts): Array<[string, unknown]> {
  return Object.entries(facts)
    .filter(([key]) => !HIDDEN_FACTS.has(key))
    .map(([key, value]) => [key, isDate(value) ? describeDate(fromApi(value)) : value]);
}

function factText(value: unknown): string {
  if (Array.isArray(value)) return value.join(', ') || '—';
  if (value === null || value === undefined || value === '') return '—';
  // The facts come from parsed JSON: scalars print as they are; a nested object as JSON, not [object Object].
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
}

interface NodePanelProps {
  node: GraphNode;
  facts: Facts | null | undefined;
  claims: GraphEdge[];
  labelOf: (id: string) => string;
  onEdge: (id: string) => void;
}

export function NodePanel({ node, facts, claims, labelOf, onEdge }: NodePanelProps) {
  const ownClaim = facts && 'confidence' in facts ? facts : null;
  return (
    <section aria-labelledby="panel-title" className="panel">
      <h2 id="panel-title">{node.label}</h2>
      <p className="muted">
        {node.type.toLowerCase()} · {node.id}
      </p>
      {facts ? (
        <dl className="facts">
          {factEntries(facts).map(([key, value]) => (
            <div key={key} className="fact">
              <dt>{key}</dt>
              <dd>{factText(value)}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="muted">{facts === undefined ? 'Loading its facts…' : 'Not known on this day.'}</p>
      )}
      {ownClaim && (
        <>
          <h3>As a claim</h3>
          <ClaimProvenance claim={ownClaim} />
        </>
      )}
      <h3>Claims in view ({claims.length})</h3>
      <ul className="claims" aria-label="Claims in view">
        {claims.map((edge) => (
          <li key={edge.id}>
            <button type="button" onClick={() => onEdge(edge.id)}>
              {labelOf(edge.source)} <span className="muted">{edge.type}</span> {labelOf(edge.target)}
            </button>
            <span className={`confidence confidence-${edge.confidence}`}>{EDGE_STYLES[edge.confidence].meaning}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function EdgePanel({ edge, labelOf }: { edge: GraphEdge; labelOf: (id: string) => string }) {
  return (
    <section aria-labelledby="panel-title" className="panel">
      <h2 id="panel-title">
        {labelOf(edge.source)} → {labelOf(edge.target)}
      </h2>
      <p className="muted">
        {edge.type} claim · {edge.id}
      </p>
      <ClaimProvenance claim={edge} />
    </section>
  );
}
