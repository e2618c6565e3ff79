import type { Confidence, EntityType } from './api.js';

/** One colour and shape per entity type: the shape tells types apart for readers who cannot tell the colours. */
export const NODE_STYLES: Record<EntityType, { colour: string; shape: string; name: string }> = {
  BRAND: { colour: '#1f5fae', shape: 'round-rectangle', name: 'Brand' },
  DEVICE: { colour: '#2e7d32', shape: 'ellipse', name: 'Device' },
  CHIP: { colour: '#6a3d9a', shape: 'diamond', name: 'Chip' },
  PARTNERSHIP: { colour: '#c25e00', shape: 'hexagon', name: 'Partnership' },
  LEAK: { colour: '#b0005a', shape: 'triangle', name: 'Leak' },
  SOURCE: { colour: '#5d5d5d', shape: 'rectangle', name: 'Source' },
};

/**
 * Certainty by line: solid and heavy when confirmed, thinner and broken as it weakens, red for denials. `meaning` is
 * how the Explorer words a confidence, in the project's British spelling ("rumoured"); the API's enum value
 * (RUMORED) appears only as itself.
 */
export const EDGE_STYLES: Record<Confidence, { colour: string; width: number; line: 'solid' | 'dashed' | 'dotted'; meaning: string }> = {
  CONFIRMED: { colour: '#1b1b1b', width: 4, line: 'solid', meaning: 'confirmed' },
  REPORTED: { colour: '#3d3d3d', width: 2.5, line: 'solid', meaning: 'reported' },
  RUMORED: { colour: '#6b6b6b', width: 2, line: 'dashed', meaning: 'rumoured' },
  SPECULATED: { colour: '#8a8a8a', width: 1.5, line: 'dotted', meaning: 'speculated' },
  DENIED: { colour: '#c62828', width: 2, line: 'dashed', meaning: 'denied' },
};
