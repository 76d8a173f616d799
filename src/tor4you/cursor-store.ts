/**
 * Remembers apptlist's `lu` per (site, query signature), so a repeated scan of the same query
 * costs one call that usually answers "no new information".
 */
export interface CursorStore {
  get(site: string, signature: string): Promise<string | undefined>;
  /** Last writer wins: a cursor that went back only costs a full answer, one ahead would hide changes. */
  set(site: string, signature: string, lu: string): Promise<void>;
}
