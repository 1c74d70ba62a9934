/**
 * An import hands the tickets it changed to the hooks in batches
 * (services/import/changed-batches.ts). A late collective flag names every
 * imported ticket at once: on an import of 1,000,000 rows that was several
 * hundred thousand ids pushed as arguments, and the import died of a stack
 * overflow. Any number of ids goes through, a batch at a time.
 */
import { describe, expect, it } from 'vitest';
import { ChangedBatches } from '../../../src-main/services/import/changed-batches';

describe('changed tickets, a batch at a time', () => {
  it('delivers 1,000,000 ids noted at once in batches of 500, every id once and in order', () => {
    const sizes: number[] = [];
    let next = 1;
    let inOrder = true;
    const batches = new ChangedBatches(500, (ids) => {
      sizes.push(ids.length);
      for (const id of ids) if (id !== next++) inOrder = false;
    });
    batches.add(0 + 1);
    batches.addAll(Array.from({ length: 999_999 }, (_, i) => i + 2));
    batches.flush();
    expect(sizes.length).toBe(2000);
    expect(sizes.every((n) => n === 500)).toBe(true);
    expect(next - 1).toBe(1_000_000);
    expect(inOrder).toBe(true);
  });

  it('delivers a partial batch only when flushed, and nothing when nothing was noted', () => {
    const got: number[][] = [];
    const batches = new ChangedBatches(3, (ids) => got.push(ids));
    batches.flush();
    batches.addAll([7, 8]);
    expect(got).toEqual([]);
    batches.add(9);
    batches.add(10);
    batches.flush();
    expect(got).toEqual([[7, 8, 9], [10]]);
  });
});
