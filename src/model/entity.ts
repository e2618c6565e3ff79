/** What every entity record read from the graph carries: its type label as __typename. */
export interface EntityRecord {
  __typename: string;
  id: string;
}
