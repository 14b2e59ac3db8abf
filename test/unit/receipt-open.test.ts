import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AttachResult } from '../../electron/api/receipts';
import { createOpenReceiptHandler } from '../../electron/main/receipt-open';
import { APP_ORIGIN } from '../../electron/main/protocol';
import { budgetFixture } from './budget-fixtures';
import { call, tempDir, testCore } from './helpers';

const PDF = new Uint8Array(readFileSync(join(import.meta.dirname, '../fixtures/receipts/bon.pdf')));
const own = { senderFrame: { url: `${APP_ORIGIN}/index.html`, parent: null } } as never;
const foreign = { senderFrame: { url: 'https://evil.example/', parent: null } } as never;

describe('"Openen met…" in the main process', () => {
  it('writes a read-only temporary copy outside the data folder and hands only that to the system', async () => {
    const core = testCore();
    const { teamId } = await budgetFixture(core);
    await call(core, 'budget.entries.add', { teamId, year: 2026, date: '2026-01-02', kind: 'toekenning', amountCents: 100_000, reason: '' });
    const e = await call<{ id: number }>(core, 'budget.expenses.create', { teamId, date: '2026-03-10', amountCents: 650, payee: 'Bakker', description: '', paymentMethod: 'debitcard', receiptRef: '' });
    const a = (await call<AttachResult>(core, 'receipts.attach', { teamId, kind: 'expense', recordId: e.id, fileName: '../../Bon van de bakker.pdf', bytes: PDF })).attachment;

    const tempRoot = tempDir();
    const opened: string[] = [];
    const errors: unknown[] = [];
    const handler = createOpenReceiptHandler(core.dispatch, [APP_ORIGIN], { tempRoot, openCopy: async (f) => (opened.push(f), ''), onError: (err) => errors.push(err) });

    expect(await handler(own, { teamId, attachmentId: a.id })).toEqual({ ok: true, data: { opened: true } });
    expect(opened).toHaveLength(1);
    const copy = opened[0]!;
    expect(dirname(dirname(copy))).toBe(tempRoot);
    expect(copy.endsWith('/Bon-van-de-bakker.pdf')).toBe(true);
    expect(Buffer.from(readFileSync(copy)).equals(Buffer.from(PDF))).toBe(true);
    expect(statSync(copy).mode & 0o222).toBe(0);
    expect(copy.startsWith(dirname(core.file))).toBe(false);

    // Not from our window, not a valid request, not this team's receipt: nothing is written or opened.
    expect((await handler(foreign, { teamId, attachmentId: a.id })).ok).toBe(false);
    for (const bad of [null, { teamId, attachmentId: -1 }, { teamId, attachmentId: a.id, path: '/etc/passwd' }, { file: '/etc/passwd' }]) {
      const r = await handler(own, bad);
      expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    expect(await handler(own, { teamId: 99, attachmentId: a.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(opened).toHaveLength(1);

    // The system has no program for it: a plain message, the reason in the log.
    const failing = createOpenReceiptHandler(core.dispatch, [APP_ORIGIN], { tempRoot, openCopy: async () => 'No application', onError: (err) => errors.push(err) });
    expect(await failing(own, { teamId, attachmentId: a.id })).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('kon niet') } });
    expect(errors).toHaveLength(1);
    expect(existsSync(copy)).toBe(true);
  });
});
