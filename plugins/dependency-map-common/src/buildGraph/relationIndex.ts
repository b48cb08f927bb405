import { RawRelation, RawRelationType } from './state';

/** The raw relation types, by their position in a {@link RelationCounts}. */
const POSITION: Record<RawRelationType, number> = {
  dependsOn: 0,
  consumesApi: 1,
  providesApi: 2,
  partOf: 3,
};

/**
 * How many entity readings name the relations from one ref to another, by raw type: a relation
 * the catalog keeps on both of its ends is named twice, and stands while either names it.
 */
export type RelationCounts = readonly number[];

/** Whether a relation of `type` stands between the two ends `counts` describe. */
export function stands(counts: RelationCounts, type: RawRelationType): boolean {
  return counts[POSITION[type]] > 0;
}

type Adjacency = Map<string, Map<string, number[]>>;

const EMPTY: ReadonlyMap<string, RelationCounts> = new Map();

/**
 * The relations every entity reading names, counted, with both ends indexed: what a ref points
 * at and what points at it. Adding and removing a reading's relations costs their number.
 */
export class RelationIndex {
  readonly #out: Adjacency = new Map();
  readonly #in: Adjacency = new Map();
  #pairs = 0;

  /** Pairs of refs with relations between them. */
  get pairs(): number {
    return this.#pairs;
  }

  /** Counts a reading's relations in (`+1`) or out (`-1`). */
  count(relations: readonly RawRelation[], delta: 1 | -1): void {
    for (const { type, source, target } of relations) {
      let targets = this.#out.get(source);
      if (!targets) {
        targets = new Map();
        this.#out.set(source, targets);
      }
      let counts = targets.get(target);
      if (!counts) {
        counts = [0, 0, 0, 0];
        targets.set(target, counts);
        this.#pairs++;
        link(this.#in, target, source, counts);
      }
      counts[POSITION[type]] += delta;
      if (delta < 0 && counts[0] + counts[1] + counts[2] + counts[3] === 0) {
        this.#pairs--;
        unlink(this.#out, source, target);
        unlink(this.#in, target, source);
      }
    }
  }

  /** Every ref at either end of a relation, each once. */
  *ends(): Iterable<string> {
    yield* this.#out.keys();
    for (const ref of this.#in.keys()) if (!this.#out.has(ref)) yield ref;
  }

  /** The refs `ref` has relations to, with their counts. */
  from(ref: string): ReadonlyMap<string, RelationCounts> {
    return this.#out.get(ref) ?? EMPTY;
  }

  /** The refs that have relations to `ref`, with their counts. */
  to(ref: string): ReadonlyMap<string, RelationCounts> {
    return this.#in.get(ref) ?? EMPTY;
  }
}

function link(
  adjacency: Adjacency,
  from: string,
  to: string,
  counts: number[],
): void {
  const ends = adjacency.get(from);
  if (ends) ends.set(to, counts);
  else adjacency.set(from, new Map([[to, counts]]));
}

function unlink(adjacency: Adjacency, from: string, to: string): void {
  const ends = adjacency.get(from);
  if (!ends) return;
  ends.delete(to);
  if (ends.size === 0) adjacency.delete(from);
}
