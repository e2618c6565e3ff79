import type { Confidence, EntityType, Slice } from './api.js';

/**
 * A brand with many devices is drawn as groups of its devices by announcement year, with counts, instead of a
 * hairball (issue 20 item 4). A group opens on demand and draws a page of its devices; counts come from the API,
 * so a group says how many devices it stands for even when the drawing was truncated.
 */

/** More devices made by one brand than this, and the brand's devices are drawn as groups. */
export const CROWDED_BRAND_DEVICES = 12;
/** Devices drawn when a group is opened; the group says how many more there are. */
export const GROUP_PAGE = 24;
/** At most this many groups per brand: beyond it, a group spans several years (the API takes 15 aliases). */
export const MAX_GROUPS = 12;

export const GROUP_PREFIX = 'group:';

/** A period of announcement years, or the devices with no announcement day. */
export interface DevicePeriod {
  /** "2019", "2012–2014", or null for no known day. */
  label: string | null;
  from: number | null;
  to: number | null;
}

export interface DeviceGroup {
  id: string;
  brand: string;
  period: DevicePeriod;
  count: number;
}

/** A group the analyst opened: the devices drawn and how many it holds. */
export interface OpenedGroup {
  devices: Array<{ id: string; label: string }>;
  total: number;
}

export type DrawnType = EntityType | 'DEVICE_GROUP';

export interface DrawnNode {
  id: string;
  type: DrawnType;
  label: string;
}

/** An edge of the drawing: a claim (with its confidence), or the line from a group to its brand or its devices. */
export interface DrawnEdge {
  id: string;
  source: string;
  target: string;
  confidence?: Confidence;
}

export interface Drawing {
  nodes: DrawnNode[];
  edges: DrawnEdge[];
}

export function groupId(brand: string, period: DevicePeriod): string {
  return `${GROUP_PREFIX}${brand}:${period.label ?? 'undated'}`;
}

/** The years from the first to the last announcement, cut into at most MAX_GROUPS periods of equal length. */
export function periodsBetween(first: number, last: number): DevicePeriod[] {
  const step = Math.ceil((last - first + 1) / MAX_GROUPS);
  const periods: DevicePeriod[] = [];
  for (let from = first; from <= last; from += step) {
    const to = Math.min(last, from + step - 1);
    periods.push({ label: from === to ? String(from) : `${from}–${to}`, from, to });
  }
  return periods;
}

/** The brands in the slice that make more than CROWDED_BRAND_DEVICES of its devices. */
export function crowdedBrands(slice: Slice): string[] {
  const counts = new Map<string, number>();
  const types = new Map(slice.nodes.map((node) => [node.id, node.type]));
  for (const edge of slice.edges) {
    if (edge.type === 'MADE_BY' && types.get(edge.source) === 'DEVICE' && types.get(edge.target) === 'BRAND') {
      counts.set(edge.target, (counts.get(edge.target) ?? 0) + 1);
    }
  }
  return [...counts].filter(([, count]) => count > CROWDED_BRAND_DEVICES).map(([brand]) => brand);
}

export function groupLabel(group: DeviceGroup, opened: OpenedGroup | undefined): string {
  const when = group.period.label ?? 'date unknown';
  const drawn = opened && opened.devices.length < group.count ? `, ${opened.devices.length} drawn` : '';
  return `${group.count} devices · ${when}${drawn}`;
}

/**
 * The slice as drawn: each crowded brand's devices replaced by its groups (with `groups` known), except devices the
 * analyst asked for (`keep`: the focus, opened nodes, a path); nodes left with no edge go too. Opened groups draw
 * their page of devices, each linked to its group.
 */
export function groupDevices(slice: Slice, groups: Map<string, DeviceGroup[]>, opened: Map<string, OpenedGroup>, keep: Set<string>): Drawing {
  if (groups.size === 0) return slice;
  const hidden = new Set<string>();
  const types = new Map(slice.nodes.map((node) => [node.id, node.type]));
  for (const edge of slice.edges) {
    if (edge.type === 'MADE_BY' && groups.has(edge.target) && types.get(edge.source) === 'DEVICE' && !keep.has(edge.source)) hidden.add(edge.source);
  }
  const edges: DrawnEdge[] = slice.edges.filter((edge) => !hidden.has(edge.source) && !hidden.has(edge.target));
  const linked = new Set(edges.flatMap((edge) => [edge.source, edge.target]));
  const nodes: DrawnNode[] = slice.nodes.filter((node) => !hidden.has(node.id) && (linked.has(node.id) || keep.has(node.id) || node.type === 'BRAND'));
  const drawn = new Set(nodes.map((node) => node.id));
  for (const [brand, brandGroups] of groups) {
    if (!drawn.has(brand)) continue;
    for (const group of brandGroups) {
      const open = opened.get(group.id);
      nodes.push({ id: group.id, type: 'DEVICE_GROUP', label: groupLabel(group, open) });
      edges.push({ id: `${group.id}->brand`, source: group.id, target: brand });
      for (const device of open?.devices ?? []) {
        if (!drawn.has(device.id)) {
          nodes.push({ id: device.id, type: 'DEVICE', label: device.label });
          drawn.add(device.id);
        }
        edges.push({ id: `${group.id}->${device.id}`, source: device.id, target: group.id });
      }
    }
  }
  return { nodes, edges };
}
