import { RawRelation, RawRelationType } from './state';

/** The raw relation types, by their position in a {@link RelationCounts}. */
const POSITION: Record<RawRelationType, number> = {
  dependsOn: 0,
  consumesApi: 1,
  providesApi: 2,
  partOf: 3,
};

/**
 * How many entity readings name the relations from one ref to another, by raw type (a relation
 * the catalog keeps on both of its ends is named twice, and stands while either names it), then
 * the ids of the two ends (see {@link sourceId}, {@link targetId}).
 */
export type RelationCounts = readonly number[];

/** The id of the ref relations start from. */
export const sourceId = (counts: RelationCounts) => counts[4];
/** The id of the ref relations end at. */
export const targetId = (counts: RelationCounts) => counts[5];

/** Whether a relation of `type` stands between the two ends `counts` describe. */
export function stands(counts: RelationCounts, type: RawRelationType): boolean {
  return counts[POSITION[type]] > 0;
}

const EMPTY: ReadonlyMap<string, RelationCounts> = new Map();

/** A ref as the index keeps it: one string and one id for it, and its relations each way. */
interface RefEntry {
  ref: string;
  id: number;
  out?: Map<string, number[]>;
  in?: Map<string, number[]>;
}

/**
 * The relations every entity reading names, counted, with both ends indexed: what a ref points
 * at and what points at it. Adding and removing a reading's relations costs their number. It
 * also keeps one string per ref: counting relations in replaces their ends with it, so that
 * nodes, edges and lookups share one string object per ref (a lookup then compares pointers,
 * not characters).
 */
export class RelationIndex {
  readonly #refs = new Map<string, RefEntry>();
  #pairs = 0;

  /** Pairs of refs with relations between them. */
  get pairs(): number {
    return this.#pairs;
  }

  /** Refs kept (every ref met, until the index is dropped); ids are below it. */
  get refs(): number {
    return this.#refs.size;
  }

  /** The index's one string for `ref`. */
  intern(ref: string): string {
    return this.#entry(ref).ref;
  }

  /** The id of `ref`: a small integer, the same as long as the index lives. */
  idOf(ref: string): number {
    return this.#entry(ref).id;
  }

  /**
   * Counts a reading's relations in (`+1`) or out (`-1`); counting in replaces each relation's
   * ends with the index's own strings.
   */
  count(relations: RawRelation[], delta: 1 | -1): void {
    for (const relation of relations) {
      const source = this.#entry(relation.source);
      const target = this.#entry(relation.target);
      relation.source = source.ref;
      relation.target = target.ref;
      source.out ??= new Map();
      let counts = source.out.get(target.ref);
      if (!counts) {
        counts = [0, 0, 0, 0, source.id, target.id];
        source.out.set(target.ref, counts);
        (target.in ??= new Map()).set(source.ref, counts);
        this.#pairs++;
      }
      counts[POSITION[relation.type]] += delta;
      if (delta < 0 && counts[0] + counts[1] + counts[2] + counts[3] === 0) {
        source.out.delete(target.ref);
        target.in!.delete(source.ref);
        this.#pairs--;
      }
    }
  }

  /** Every ref at either end of a relation. */
  *ends(): Iterable<string> {
    for (const entry of this.#refs.values()) {
      if (entry.out?.size || entry.in?.size) yield entry.ref;
    }
  }

  /** The refs `ref` has relations to, with their counts. */
  from(ref: string): ReadonlyMap<string, RelationCounts> {
    return this.#refs.get(ref)?.out ?? EMPTY;
  }

  /** The refs that have relations to `ref`, with their counts. */
  to(ref: string): ReadonlyMap<string, RelationCounts> {
    return this.#refs.get(ref)?.in ?? EMPTY;
  }

  #entry(ref: string): RefEntry {
    let entry = this.#refs.get(ref);
    if (!entry) {
      entry = { ref, id: this.#refs.size };
      this.#refs.set(ref, entry);
    }
    return entry;
  }
}
