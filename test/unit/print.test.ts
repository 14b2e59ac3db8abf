import { describe, expect, it } from 'vitest';
import { parseReportQuery, reportQuery, type ReportOptions } from '../../electron/api/report';
import { PRINT_CHANNEL } from '../../electron/api/print-bridge';
import { PDF_OPTIONS, reportUrl, waitForReport } from '../../electron/main/print';
import { APP_ORIGIN } from '../../electron/main/protocol';
import { createPrintHandler, registerPrint } from '../../electron/main/print-ipc';
import { call, PROFILE, testCore } from './helpers';

const OPTIONS: ReportOptions = {
  teamId: 3,
  kind: 'driehoek',
  from: '2026-01-01',
  to: '2026-06-30',
  sections: ['profile', 'budget'],
  opgaven: [4, 9],
};

describe('report options', () => {
  it('round-trip through the report route query', () => {
    expect(parseReportQuery(reportQuery(OPTIONS))).toEqual(OPTIONS);
    expect(parseReportQuery(`?${reportQuery(OPTIONS)}`)).toEqual(OPTIONS);
    expect(reportUrl(reportQuery(OPTIONS))).toBe(`${APP_ORIGIN}/index.html#/report?${reportQuery(OPTIONS)}`);
  });

  it.each([
    ['an end before the start', { ...OPTIONS, to: '2025-12-31' }],
    ['no sections', { ...OPTIONS, sections: [] }],
    ['an unknown kind', { ...OPTIONS, kind: 'secret' }],
    ['a date that does not exist', { ...OPTIONS, from: '2026-02-30' }],
  ])('refuses %s', (_label, bad) => {
    expect(parseReportQuery(reportQuery(bad as ReportOptions))).toBeNull();
  });

  it('report.get answers for the team and refuses an unknown team', async () => {
    const core = testCore();
    const team = await call<{ id: number }>(core, 'team.create', PROFILE);
    const data = await call<{ team: { name: string }; generatedAt: string }>(core, 'report.get', { ...OPTIONS, teamId: team.id });
    expect(data.team.name).toBe(PROFILE.name);
    expect(data.generatedAt).toBe(new Date('2026-11-28T12:00:00').toISOString());
    expect(await core.dispatch('report.get', { ...OPTIONS, teamId: 99 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('printing in the shell', () => {
  it('uses the page size, margins and page numbers of the report itself', () => {
    expect(PDF_OPTIONS).toMatchObject({ preferCSSPageSize: true, printBackground: true });
  });

  it('waits for the ready flag, fails on an error flag and on a timeout', async () => {
    const states = [undefined, undefined, 'true'];
    await expect(waitForReport(async () => states.shift(), 1000, 1)).resolves.toBeUndefined();
    await expect(waitForReport(async () => 'error', 1000, 1)).rejects.toThrow(/niet worden opgemaakt/);
    await expect(waitForReport(async () => undefined, 20, 5)).rejects.toThrow(/te lang/);
  });

  it('accepts only valid requests from the app page', async () => {
    const ran: unknown[] = [];
    const handler = createPrintHandler(async (r) => (ran.push(r), { status: 'done' }), [APP_ORIGIN], () => undefined);
    const own = { senderFrame: { url: `${APP_ORIGIN}/index.html`, parent: null } } as never;
    const foreign = { senderFrame: { url: 'https://evil.example/', parent: null } } as never;
    expect(await handler(foreign, { action: 'print', query: 'team=1' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await handler(own, { action: 'savePdf', query: 'team=1', fileName: '../../etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(await handler(own, { action: 'shutdown' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await handler(own, { action: 'print', query: 'team=1' })).toEqual({ ok: true, data: { status: 'done' } });
    expect(ran).toEqual([{ action: 'print', query: 'team=1' }]);

    const registered: string[] = [];
    registerPrint({ handle: (ch: string) => registered.push(ch), removeHandler: () => undefined }, handler);
    expect(registered).toEqual([PRINT_CHANNEL]);
  });
});
