import { v7 } from 'uuid';

/** Time-ordered UUIDv7: new rows sort after old ones, which keeps keyset paging and B-tree inserts cheap. */
export function newId(): string {
  return v7();
}
