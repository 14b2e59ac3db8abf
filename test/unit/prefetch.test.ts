import { afterEach, describe, expect, it, vi } from 'vitest';
import { earlyRead } from '../../renderer/src/shared/prefetch';

/** A screen's read started on the move to it is taken over by the screen's own first read, and only then. */
describe('early read of a screen', () => {
  afterEach(() => vi.useRealTimers());

  const counting = () => {
    const calls: unknown[][] = [];
    const reader = earlyRead(async (...args: [number, string]) => {
      calls.push(args);
    });
    return { calls, reader };
  };

  it('is taken over by the first read with the same arguments: the core is asked once', async () => {
    const { calls, reader } = counting();
    reader.start(7, 'year');
    await reader.read(7, 'year');
    expect(calls).toEqual([[7, 'year']]);
  });

  it('is taken only once: the next read (after a write) asks again', async () => {
    const { calls, reader } = counting();
    reader.start(7, 'year');
    await reader.read(7, 'year');
    await reader.read(7, 'year');
    expect(calls).toHaveLength(2);
  });

  it('is not taken by a read with other arguments, and is dropped by it', async () => {
    const { calls, reader } = counting();
    reader.start(7, 'year');
    await reader.read(7, 'quarter');
    await reader.read(7, 'year');
    expect(calls).toEqual([[7, 'year'], [7, 'quarter'], [7, 'year']]);
  });

  it('is not taken once it finished more than two seconds ago', async () => {
    vi.useFakeTimers();
    const { calls, reader } = counting();
    reader.start(7, 'year');
    await vi.advanceTimersByTimeAsync(2500);
    await reader.read(7, 'year');
    expect(calls).toHaveLength(2);
  });

  it('hands its failure to the read that takes it over', async () => {
    const reader = earlyRead(async () => {
      throw new Error('store closed');
    });
    reader.start();
    await expect(reader.read()).rejects.toThrow('store closed');
  });
});
