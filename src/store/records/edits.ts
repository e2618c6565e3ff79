import type { Confidence, Relation } from '../../model/enums.js';

/*
 * What the graph editor takes: plain shapes, which the mutations' input types (src/api/types/inputs.ts)
 * implement. Field names are those of the import records; dates are partial ISO dates.
 */

export interface SourceEdit {
  id?: string | null;
  title: string;
  publisher?: string | null;
  author?: string | null;
  url?: string | null;
  publishedOn?: string | null;
}

/** Which relationship claims: those of `relation` from one entity to another. */
export interface ClaimEnds {
  relation: Relation;
  from: string;
  to: string;
}

export interface LinkEdit extends ClaimEnds {
  confidence: Confidence;
  reportedOn: string;
  sources: string[];
}

export interface UnlinkEdit extends ClaimEnds {
  sources?: string[] | null;
}

export interface ClaimVerdictEdit extends ClaimEnds {
  reportedOn: string;
  sources?: string[] | null;
  newSource?: SourceEdit | null;
}

export interface RecordLeakEdit {
  id?: string | null;
  summary: string;
  platform?: string | null;
  tipster?: string | null;
  devices?: string[] | null;
  confidence?: Confidence | null;
  reportedOn?: string | null;
  sources?: string[] | null;
  source: SourceEdit;
  claims?: Array<ClaimEnds & { confidence?: Confidence | null }> | null;
  specs?: Array<{ device: string; key: string; value: string; unit?: string | null; confidence?: Confidence | null }> | null;
}
