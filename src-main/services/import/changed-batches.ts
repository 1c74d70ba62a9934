/**
 * The tickets an import changed, handed to the hooks (clocks, detection) a
 * batch at a time, so that a million-row import never holds a million ids —
 * and never passes one as a million arguments: a late collective flag can
 * name every imported ticket at once (`push(...ids)` of a few hundred
 * thousand ids overflowed the stack and failed the import of 1,000,000 rows).
 */
export class ChangedBatches {
  private readonly ids: number[] = [];

  constructor(
    private readonly size: number,
    private readonly deliver: (ids: number[]) => void,
  ) {}

  /** Note one changed ticket; a full batch is delivered at once. */
  add(id: number): void {
    this.ids.push(id);
    if (this.ids.length >= this.size) this.flush();
  }

  /** Note many, one at a time (any number of them). */
  addAll(ids: Iterable<number>): void {
    for (const id of ids) this.add(id);
  }

  /** Deliver what is noted, if anything. */
  flush(): void {
    if (this.ids.length > 0) this.deliver(this.ids.splice(0));
  }
}
