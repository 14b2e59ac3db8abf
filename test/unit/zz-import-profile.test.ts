import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Session } from 'node:inspector/promises';
import { it } from 'vitest';
import { createCore } from '../../electron/core';
import { fixedClock } from '../../electron/core/clock';
import { STORE_FILE_NAME } from '../../electron/core/store/open';
import { PAYEES } from '../bench/generate';

const SRC = '/tmp/teamchef-bench-cache/district-seed20261128-schema11-gen2-noreceipts/teamchef.sqlite';

function csv(n: number, seed: number, incomingShare: number) {
  let a = seed >>> 0;
  const rnd = () => ((a = (Math.imul(a, 1664525) + 1013904223) >>> 0) / 4294967296);
  const out = ['"Datum";"Naam / Omschrijving";"Rekening";"Tegenrekening";"Code";"Af Bij";"Bedrag (EUR)";"Mutatiesoort";"Mededelingen"'];
  for (let i = 0; i < n; i++) {
    const d = new Date(Date.UTC(2026, 0, 1 + Math.floor(rnd() * 330)));
    const date = d.toISOString().slice(0, 10).replaceAll('-', '');
    const bij = rnd() < incomingShare;
    const cents = bij ? 100 + Math.floor(rnd() * 2000) : 100 + Math.floor(rnd() * 20_000);
    const amount = `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`;
    const payee = PAYEES[Math.floor(rnd() * PAYEES.length)]!;
    out.push(`"${date}";"${payee}";"NL01BANK0123456789";"NL02BANK0${String(i).padStart(9, '0')}";"BA";"${bij ? 'Bij' : 'Af'}";"${amount}";"Betaalautomaat";"Pasvolgnr 001 ${seed}-${i}"`);
  }
  return `${out.join('\r\n')}\r\n`;
}

it('profiles the import', async () => {
  const work = mkdtempSync(join(tmpdir(), 'pi-'));
  copyFileSync(SRC, join(work, STORE_FILE_NAME));
  const core = createCore({ dataDir: work, clock: fixedClock('2026-11-28') });
  const n = Number(process.env.PI_N ?? 10000);
  const share = Number(process.env.PI_SHARE ?? 0.05);
  
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  try {
    for (let k = 0; k < Number(process.env.PI_REPS ?? 1); k++) {
      const file = { teamId: 1, fileName: `a${k}.csv`, contentBase64: Buffer.from(csv(n, 7 + k, share)).toString('base64') };
      let c0 = process.cpuUsage();
      if (process.env.PI_PROF) await session.post('Profiler.start');
      let t = performance.now();
      const env = await core.dispatch('budget.import.preview', file);
      const pv = performance.now() - t; const pc = process.cpuUsage(c0); c0 = process.cpuUsage();
      if (!env.ok) throw new Error(JSON.stringify(env.error));
      const p = env.data as any;
      if (process.env.PI_PROF) { const { profile } = await session.post('Profiler.stop'); writeFileSync(`/tmp/pi/preview-${k}.cpuprofile`, JSON.stringify(profile)); }
      const incoming = p.rows.filter((r: any) => r.direction === 'bij').map((r: any) => r.proposal.action === 'terugbetaling' ? (r.proposal.expenseId !== null ? { row: r.row, action: 'terugbetaling', expenseId: r.proposal.expenseId } : { row: r.row, action: 'terugbetaling', expenseRow: r.proposal.expenseRow }) : { row: r.row, action: r.proposal.action, reason: r.proposal.action === 'overslaan' ? 'dubbel' : 'rest' });
      if (process.env.PI_PROF) await session.post('Profiler.start');
      t = performance.now();
      const c = await core.dispatch('budget.import.commit', { ...file, mapping: p.mapping, paymentMethod: 'debitcard', skipRows: [], incoming });
      const cm = performance.now() - t; const cc = process.cpuUsage(c0);
      if (process.env.PI_PROF) { const { profile } = await session.post('Profiler.stop'); writeFileSync(`/tmp/pi/commit-${k}.cpuprofile`, JSON.stringify(profile)); }
      if (!c.ok) throw new Error(JSON.stringify(c.error));
      console.log(`rep ${k}: preview ${pv.toFixed(0)} ms (cpu ${((pc.user + pc.system) / 1000).toFixed(0)}), commit ${cm.toFixed(0)} ms (cpu ${((cc.user + cc.system) / 1000).toFixed(0)}), counts ${JSON.stringify(p.counts)}, proposals ${JSON.stringify(incoming.reduce((m: any, i: any) => ((m[i.action] = (m[i.action] ?? 0) + 1), m), {}))}, result ${JSON.stringify({ ...(c.data as any), expenseIds: undefined })}`);
    }
  } finally {
    core.close();
    rmSync(work, { recursive: true, force: true });
  }
}, 1_800_000);
