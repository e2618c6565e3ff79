import type { Confidence } from './api.js';

/** Everything a shared link must reproduce. */
export interface ViewState {
  focus: string | null;
  depth: number;
  asOf: string | null;
  minConfidence: Confidence | null;
  /** Nodes whose neighbourhood the analyst opened, besides the focus. */
  expanded: string[];
}

export const CONFIDENCES: Confidence[] = ['CONFIRMED', 'REPORTED', 'RUMORED', 'SPECULATED', 'DENIED'];
export const DEPTHS = [1, 2, 3];
const DEFAULT_DEPTH = 2;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function readViewState(search: string): ViewState {
  const params = new URLSearchParams(search);
  const depth = Number(params.get('depth'));
  const asOf = params.get('asOf');
  const minConfidence = params.get('minConfidence') as Confidence | null;
  return {
    focus: params.get('focus') || null,
    depth: DEPTHS.includes(depth) ? depth : DEFAULT_DEPTH,
    asOf: asOf && DAY.test(asOf) ? asOf : null,
    minConfidence: minConfidence && CONFIDENCES.includes(minConfidence) ? minConfidence : null,
    expanded: (params.get('expand') ?? '').split(',').filter((id) => id !== ''),
  };
}

/** The query string for a state; parameters at their default are left out so links stay short. */
export function writeViewState(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.focus) params.set('focus', state.focus);
  if (state.depth !== DEFAULT_DEPTH) params.set('depth', String(state.depth));
  if (state.asOf) params.set('asOf', state.asOf);
  if (state.minConfidence) params.set('minConfidence', state.minConfidence);
  if (state.expanded.length > 0) params.set('expand', state.expanded.join(','));
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}
