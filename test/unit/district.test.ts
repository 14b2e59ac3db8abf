import { generateKeyPairSync, sign } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Ctx } from '../../electron/api/define';
import type { BundleParts, BundleExport, DistrictOverview, DistrictTeamBundle, ImportedBundle, InspectedBundle, AnchorCheck, BundleKeyInfo } from '../../electron/api/district';
import type { Team } from '../../electron/api/team';
import { createCore, type Core } from '../../electron/core';
import { canonicalJson, hashAuditRecord } from '../../electron/core/audit/chain';
import { BUNDLE_VERSION } from '../../electron/core/district/format';
import { KEY_FILE_NAME, type KeyProtection } from '../../electron/core/district/keys';
import { call, PROFILE, snapshot, tempDir } from './helpers';

/** A clock the test moves forward, so every bundle has its own moment as in real use. */
function movingClock(start: string) {
  let at = new Date(start);
  const clock: Ctx & { advance(hours: number): void } = {
    now: () => new Date(at),
    today: () => at.toISOString().slice(0, 10),
    advance(hours) {
      at = new Date(at.getTime() + hours * 3_600_000);
    },
  };
  return clock;
}

const cores: Core[] = [];
afterEach(() => {
  while (cores.length) cores.pop()!.close();
});
function coreAt(dir: string, clock: Ctx, keyProtection?: KeyProtection): Core {
  const core = createCore({ dataDir: dir, clock, keyProtection });
  cores.push(core);
  return core;
}
function open(clock: Ctx, keyProtection?: KeyProtection) {
  const dir = tempDir();
  return { dir, core: coreAt(dir, clock, keyProtection) };
}

const PERIOD = { from: '2026-01-01', to: '2026-12-31' };

/** A team with a year's allocation, one taken decision, three expenses and one chosen opgave. */
async function seedTeam(core: Core, name = PROFILE.name, amounts = [12_500, 4_999, 80_001]): Promise<Team> {
  const team = await call<Team>(core, 'team.create', { ...PROFILE, name });
  await call(core, 'budget.entries.add', { teamId: team.id, year: 2026, date: '2026-01-02', kind: 'toekenning', amountCents: 5_000_000, reason: '' });
  const decision = await call<{ id: number }>(core, 'budget.decisions.create', {
    teamId: team.id,
    date: '2026-02-01',
    title: 'Pop-up politiebureau',
    amountCents: 1_000_000,
    rationale: 'Dichtbij in de wijk.',
    decidedBy: 'Teamchef',
    status: 'genomen',
  });
  await call(core, 'agenda.choose', {
    teamId: team.id,
    opgaveId: 4,
    periodStart: '2026-01-01',
    periodEnd: '2026-12-31',
    ambition: 'Een pop-up bureau per kwartaal.',
    owner: 'Wijkagent Bakker',
    priority: 1,
    pace: 'gemiddeld',
    startDate: '2026-01-01',
  });
  for (const [i, amountCents] of amounts.entries())
    await addExpense(core, team.id, amountCents, `Leverancier ${i + 1}`, i === 0 ? decision.id : null);
  return team;
}

const addExpense = (core: Core, teamId: number, amountCents: number, payee: string, decisionId: number | null = null) =>
  call<{ id: number }>(core, 'budget.expenses.create', {
    teamId,
    date: '2026-03-10',
    amountCents,
    payee,
    description: '',
    paymentMethod: 'debitcard',
    receiptRef: '',
    decisionId,
  });

const exportBundle = (core: Core, teamId: number) => call<BundleExport>(core, 'district.export', { teamId, ...PERIOD });
const file = (b: BundleExport, name = b.fileName) => ({ name, text: b.text });
async function trustAndImport(district: Core, files: { name: string; text: string }[]): Promise<ImportedBundle[]> {
  const inspected = await call<InspectedBundle[]>(district, 'district.inspect', { files });
  const trust = [...new Set(inspected.filter((i) => i.ok && !i.key!.trusted).map((i) => i.key!.fingerprint))];
  return call<ImportedBundle[]>(district, 'district.import', { files, trust });
}

type Bundle = { format: string; version: number; manifest: Record<string, unknown>; parts: BundleParts; signature: string };
const parse = (b: BundleExport) => JSON.parse(b.text) as Bundle;
const text = (bundle: Bundle) => canonicalJson(bundle);

describe('the verantwoording bundle', () => {
  it('is signed by a key made once on first use, kept beside the store (protected), never in it', async () => {
    const clock = movingClock('2026-11-28T10:00:00Z');
    // A protection that visibly changes the bytes, as the operating system's encryption would.
    const xor: KeyProtection = { kind: 'os', protect: (b) => Buffer.from(b.map((x) => x ^ 0x5a)), unprotect: (b) => Buffer.from(b.map((x) => x ^ 0x5a)) };
    const { dir, core } = open(clock, xor);
    const team = await seedTeam(core);
    expect(readdirSync(dir)).not.toContain(KEY_FILE_NAME);
    const key = await call<BundleKeyInfo>(core, 'district.key');
    expect(key.short).toMatch(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/);
    expect(key.protection).toBe('os');
    const keyFile = JSON.parse(readFileSync(join(dir, KEY_FILE_NAME), 'utf8')) as { privateKey: string; protection: string };
    expect(keyFile.protection).toBe('os');
    // The stored private key is the protected form: unprotected it is a PKCS#8 Ed25519 key.
    const plain = xor.unprotect(Buffer.from(keyFile.privateKey, 'base64'));
    expect(plain.subarray(0, 2).toString('hex')).toBe('302e');
    expect(Buffer.from(keyFile.privateKey, 'base64').subarray(0, 2).toString('hex')).not.toBe('302e');

    const first = await exportBundle(core, team.id);
    expect(first.key).toEqual(key);
    // Same key after a restart of the app; the store file holds no key material.
    core.close();
    const again = coreAt(dir, clock, xor);
    expect(await call<BundleKeyInfo>(again, 'district.key')).toEqual(key);
    const storeBytes = readFileSync(join(dir, 'teamchef.sqlite'));
    expect(storeBytes.includes(Buffer.from(keyFile.privateKey))).toBe(false);
    expect(storeBytes.includes(plain)).toBe(false);
    // A key encrypted by the system cannot be read where that encryption is missing: refused,
    // never silently replaced by a new key (the district would see another fingerprint).
    again.close();
    const plainCore = coreAt(dir, clock);
    const refused = await plainCore.dispatch('district.key', {});
    expect(refused.ok).toBe(false);
    expect(JSON.parse(readFileSync(join(dir, KEY_FILE_NAME), 'utf8'))).toEqual(keyFile);
  });

  it('a key made where the system could not encrypt it is encrypted once that becomes possible, same fingerprint', async () => {
    const clock = movingClock('2026-11-28T10:00:00Z');
    const { dir, core } = open(clock);
    const plainKey = await call<BundleKeyInfo>(core, 'district.key');
    expect(plainKey.protection).toBe('file');
    core.close();
    const xor: KeyProtection = { kind: 'os', protect: (b) => Buffer.from(b.map((x) => x ^ 0x5a)), unprotect: (b) => Buffer.from(b.map((x) => x ^ 0x5a)) };
    const upgraded = coreAt(dir, clock, xor);
    expect(await call<BundleKeyInfo>(upgraded, 'district.key')).toEqual({ ...plainKey, protection: 'os' });
    expect(JSON.parse(readFileSync(join(dir, KEY_FILE_NAME), 'utf8')).protection).toBe('os');
  });

  it('carries the profile, the opgaven, every ledger line and the audit head; another store reads it and adds it up', async () => {
    const clock = movingClock('2026-11-28T10:00:00Z');
    const a = open(clock).core;
    const b = open(clock).core;
    const district = open(clock).core;
    const teamA = await seedTeam(a, 'Basisteam Utrecht-Oost');
    const teamB = await seedTeam(b, 'Basisteam Zeist', [1_00, 2_00]);
    const bundleA = await exportBundle(a, teamA.id);
    const bundleB = await exportBundle(b, teamB.id);
    expect(bundleA.fileName).toBe('Basisteam Utrecht-Oost verantwoording 2026-01-01 tot 2026-12-31.teamchef-bundel');

    const parsed = parse(bundleA);
    expect(parsed.format).toBe('teamchef-bundel');
    expect(parsed.version).toBe(BUNDLE_VERSION);
    expect(parsed.parts.ledger.expenses.map((e) => e.amountCents)).toEqual([12_500, 4_999, 80_001]);
    expect(parsed.parts.ledger.decisions).toHaveLength(1);
    expect(parsed.parts.ledger.entries).toHaveLength(1);
    expect(parsed.parts.progress.opgaven.map((o) => o.code)).toHaveLength(1);
    const head = a.db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get()!;
    expect(parsed.manifest.audit).toEqual({ length: head.seq, head: head.hash });
    // Canonical: the file is its own canonical JSON, so the same records always give the same bytes.
    expect(text(parsed)).toBe(bundleA.text);

    const results = await trustAndImport(district, [file(bundleA), file(bundleB)]);
    expect(results.map((r) => r.status)).toEqual(['imported', 'imported']);
    const overview = await call<DistrictOverview>(district, 'district.overview');
    expect(overview.period).toEqual(PERIOD);
    expect(overview.rows.map((r) => r.summary.team.name)).toEqual(['Basisteam Utrecht-Oost', 'Basisteam Zeist']);
    const moneyA = (await call<{ totals: { spentCents: number; availableCents: number } }>(a, 'budget.overview', { teamId: teamA.id, year: 2026 })).totals;
    expect(overview.rows[0]!.summary.money.spentCents).toBe(moneyA.spentCents);
    expect(overview.sums.spentCents).toBe(12_500 + 4_999 + 80_001 + 100 + 200);
    expect(overview.sums.availableCents).toBe(2 * 5_000_000);
    expect(overview.sums.inhabitants).toBe(2 * PROFILE.inhabitants);
    expect(overview.sums.chosen[4]).toBe(2);
    expect(overview.rows.every((r) => r.chain.ok)).toBe(true);

    // Read-only in the district: the stored rows refuse any change.
    expect(() => district.db.prepare('UPDATE district_bundle SET team_name = ?').run('x')).toThrow(/append-only/);
    expect(() => district.db.prepare('DELETE FROM district_bundle').run()).toThrow(/append-only/);
    // The same file twice is recognised and stored once.
    expect((await trustAndImport(district, [file(bundleA)]))[0]!.status).toBe('already');
    expect(district.db.prepare('SELECT count(*) AS n FROM district_bundle').get()).toEqual({ n: 2 });
  });

  it('a newer bundle of the same team and period replaces the older in the view; both are kept', async () => {
    const clock = movingClock('2026-11-28T10:00:00Z');
    const a = open(clock).core;
    const district = open(clock).core;
    const team = await seedTeam(a);
    const older = await exportBundle(a, team.id);
    clock.advance(24);
    await addExpense(a, team.id, 7_00, 'Bakkerij');
    const newer = await exportBundle(a, team.id);
    // Newer first, as a mailbox may deliver them: the view still shows the newer one.
    expect((await trustAndImport(district, [file(newer, 'nieuw'), file(older, 'oud')])).map((r) => r.status)).toEqual(['imported', 'imported']);
    const overview = await call<DistrictOverview>(district, 'district.overview');
    expect(overview.rows).toHaveLength(1);
    expect(overview.rows[0]!.replaced).toBe(1);
    expect(overview.rows[0]!.summary.money.spentCents).toBe(12_500 + 4_999 + 80_001 + 700);
    expect(overview.rows[0]!.chain).toEqual({ ok: true, rewrittenSince: null });
    const detail = await call<DistrictTeamBundle>(district, 'district.team', { bundleId: overview.rows[0]!.bundleId });
    expect(detail.history).toHaveLength(2);
    expect(detail.parts.ledger.expenses).toHaveLength(4);
  });
});

describe('a bundle that is not what was signed is refused, and nothing is stored', () => {
  async function setup() {
    const clock = movingClock('2026-11-28T10:00:00Z');
    const a = open(clock).core;
    const district = open(clock).core;
    const team = await seedTeam(a);
    const bundle = await exportBundle(a, team.id);
    // The district already trusts this key (an earlier bundle), so only the checks stand between.
    const bundleKey = bundle.key.fingerprint;
    return { district, bundle, bundleKey };
  }

  const refusedWith = async (district: Core, bundleText: string, trust: string[], pattern: RegExp) => {
    const before = snapshot(district);
    const files = [{ name: 'team.teamchef-bundel', text: bundleText }];
    const inspected = await call<InspectedBundle[]>(district, 'district.inspect', { files });
    expect(inspected[0]!.ok).toBe(false);
    expect(inspected[0]!.error).toMatch(pattern);
    const [result] = await call<ImportedBundle[]>(district, 'district.import', { files, trust });
    expect(result!.status).toBe('refused');
    expect(result!.message).toMatch(pattern);
    expect(result!.message).toMatch(/Er is niets opgeslagen\.$/);
    expect(snapshot(district)).toEqual(before);
  };

  it('one amount changed', async () => {
    const { district, bundle, bundleKey } = await setup();
    const b = parse(bundle);
    b.parts.ledger.expenses[1]!.amountCents = 499;
    await refusedWith(district, text(b), [bundleKey], /onderdeel "ledger" is na het ondertekenen gewijzigd/);
    // Changed in the summary money too, where the district adds up.
    const c = parse(bundle);
    c.parts.money.totals.spentCents -= 1;
    await refusedWith(district, JSON.stringify(c, null, 2), [bundleKey], /onderdeel "money" is na het ondertekenen gewijzigd/);
  });

  it('one line removed', async () => {
    const { district, bundle, bundleKey } = await setup();
    const b = parse(bundle);
    b.parts.ledger.expenses.splice(2, 1);
    await refusedWith(district, text(b), [bundleKey], /onderdeel "ledger" is na het ondertekenen gewijzigd/);
  });

  it('a manifest changed to match changed records: the signature no longer holds', async () => {
    const { district, bundle, bundleKey } = await setup();
    const b = parse(bundle);
    b.parts.ledger.expenses.splice(2, 1);
    const { createHash } = await import('node:crypto');
    (b.manifest.parts as Record<string, string>).ledger = createHash('sha256').update(canonicalJson(b.parts.ledger)).digest('hex');
    await refusedWith(district, text(b), [bundleKey], /handtekening klopt niet/);
  });

  it('a wrong signature (made with another key than the one named)', async () => {
    const { district, bundle, bundleKey } = await setup();
    const b = parse(bundle);
    const other = generateKeyPairSync('ed25519').privateKey;
    b.signature = sign(null, Buffer.from(canonicalJson(b.manifest)), other).toString('base64');
    await refusedWith(district, text(b), [bundleKey], /handtekening klopt niet/);
  });

  it('signed by the key it names, but not built as a bundle is (a hostile or broken writer)', async () => {
    const clock = movingClock('2026-11-28T10:00:00Z');
    const { dir, core } = open(clock);
    const district = open(clock).core;
    const team = await seedTeam(core);
    const bundle = await exportBundle(core, team.id);
    const { createPrivateKey, createHash } = await import('node:crypto');
    const keyFile = JSON.parse(readFileSync(join(dir, KEY_FILE_NAME), 'utf8')) as { privateKey: string };
    const privateKey = createPrivateKey({ key: Buffer.from(keyFile.privateKey, 'base64'), format: 'der', type: 'pkcs8' });
    const b = parse(bundle);
    (b.parts.ledger.expenses[0] as Record<string, unknown>).amountCents = '125,00';
    (b.parts.progress.opgaven[0] as Record<string, unknown>).series = [{ date: 'gisteren' }];
    for (const p of ['ledger', 'progress'])
      (b.manifest.parts as Record<string, string>)[p] = createHash('sha256').update(JSON.stringify(JSON.parse(canonicalJson(b.parts[p as keyof BundleParts])))).digest('hex');
    b.signature = sign(null, Buffer.from(canonicalJson(b.manifest)), privateKey).toString('base64');
    await refusedWith(district, text(b), [bundle.key.fingerprint], /ondertekend maar onvolledig opgebouwd/);
  });

  it('a truncated file', async () => {
    const { district, bundle, bundleKey } = await setup();
    for (const cut of [bundle.text.length - 1, Math.floor(bundle.text.length / 2), 10, 0])
      await refusedWith(district, bundle.text.slice(0, cut), [bundleKey], /onvolledig of beschadigd/);
  });

  it('a part removed or a part added', async () => {
    const { district, bundle, bundleKey } = await setup();
    const b = parse(bundle);
    delete (b.parts as Partial<BundleParts>).clusters;
    await refusedWith(district, text(b), [bundleKey], /onderdeel "clusters" ontbreekt/);
    const c = parse(bundle);
    (c.parts as unknown as Record<string, unknown>).extra = { note: 'niet ondertekend' };
    await refusedWith(district, text(c), [bundleKey], /niet is ondertekend/);
  });

  it('a newer format is refused clearly, whatever else it holds', async () => {
    const { district, bundle, bundleKey } = await setup();
    const b = parse(bundle);
    b.version = BUNDLE_VERSION + 1;
    await refusedWith(district, text(b), [bundleKey], new RegExp(`formaat ${BUNDLE_VERSION + 1}; deze versie van Teamchef leest formaat ${BUNDLE_VERSION}\\. Werk Teamchef bij`));
    await refusedWith(district, JSON.stringify({ format: 'teamchef-bundel', version: 7, manifest: 'later' }), [bundleKey], /formaat 7/);
    await refusedWith(district, '{"hello":"world"}', [bundleKey], /geen Teamchef-verantwoording/);
  });

  it('a bundle from an untrusted key is held back until the district trusts the key', async () => {
    const { district, bundle } = await setup();
    const before = snapshot(district);
    const files = [file(bundle)];
    const [inspected] = await call<InspectedBundle[]>(district, 'district.inspect', { files });
    expect(inspected!.key).toEqual({ fingerprint: bundle.key.fingerprint, short: bundle.key.short, trusted: false });
    const [held] = await call<ImportedBundle[]>(district, 'district.import', { files, trust: [] });
    expect(held!.status).toBe('untrusted');
    expect(held!.message).toContain(bundle.key.short);
    expect(snapshot(district)).toEqual(before);
    const [done] = await call<ImportedBundle[]>(district, 'district.import', { files, trust: [bundle.key.fingerprint] });
    expect(done!.status).toBe('imported');
    expect(district.db.prepare('SELECT fingerprint FROM district_key').all()).toEqual([{ fingerprint: bundle.key.fingerprint }]);
  });
});

describe('the audit chain anchored in the district', () => {
  /** Rewrites the chain as someone with the file and SQLite could: triggers off, change, hashes recomputed, triggers back. */
  function withTriggersOff(db: Core['db'], change: () => void) {
    const triggers = db.prepare<[], { sql: string; name: string }>("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").all();
    db.transaction(() => {
      for (const t of triggers) db.exec(`DROP TRIGGER "${t.name}"`);
      change();
      for (const t of triggers) db.exec(t.sql);
    })();
  }
  function recomputeFrom(db: Core['db'], seq: number) {
    const rows = db.prepare('SELECT * FROM audit_log WHERE seq >= ? ORDER BY seq').all(seq) as Record<string, unknown>[];
    let prev = (db.prepare('SELECT hash FROM audit_log WHERE seq = ?').get(seq - 1) as { hash: string } | undefined)?.hash ?? '0'.repeat(64);
    const update = db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?');
    for (const row of rows) {
      const { hash: _old, ...rest } = row;
      const hash = hashAuditRecord({ ...(rest as Omit<Parameters<typeof hashAuditRecord>[0], 'prev_hash'>), prev_hash: prev });
      update.run(prev, hash, row.seq);
      prev = hash;
    }
  }

  async function twoBundles(rewrite: (core: Core, teamId: number) => Promise<void> | void) {
    const clock = movingClock('2026-06-30T10:00:00Z');
    const a = open(clock).core;
    const district = open(clock).core;
    const team = await seedTeam(a);
    const first = await exportBundle(a, team.id);
    clock.advance(24 * 30);
    await rewrite(a, team.id);
    // The team's own check finds nothing: the rewrite was done with recomputed hashes.
    expect((await call<{ ok: boolean }>(a, 'audit.verify', { teamId: team.id })).ok).toBe(true);
    const second = await exportBundle(a, team.id);
    return { a, team, district, first, second };
  }

  it('an honest second bundle extends the first', async () => {
    const { district, first, second } = await twoBundles((core, teamId) => addExpense(core, teamId, 1_00, 'Later').then(() => undefined));
    await trustAndImport(district, [file(first)]);
    const [r] = await trustAndImport(district, [file(second)]);
    expect(r!.rewrittenSince).toBeNull();
    expect((await call<DistrictOverview>(district, 'district.overview')).rows[0]!.chain.ok).toBe(true);
  });

  it('a chain rewritten from an earlier record with recomputed hashes is flagged on the second import', async () => {
    const { a, team, district, first, second } = await twoBundles((core) => {
      withTriggersOff(core.db, () => {
        const audit = core.db.prepare("SELECT seq, after FROM audit_log WHERE entity = 'expense' ORDER BY seq LIMIT 1").get() as { seq: number; after: string };
        const after = { ...JSON.parse(audit.after), amount_cents: 10_500 };
        core.db.prepare('UPDATE expense SET amount_cents = 10500 WHERE id = ?').run(after.id);
        core.db.prepare('UPDATE audit_log SET after = ? WHERE seq = ?').run(canonicalJson(after), audit.seq);
        recomputeFrom(core.db, audit.seq);
      });
    });
    expect((await trustAndImport(district, [file(first)]))[0]!.rewrittenSince).toBeNull();
    const [r] = await trustAndImport(district, [file(second)]);
    expect(r!.status).toBe('imported');
    expect(r!.rewrittenSince).toBe(parse(first).manifest.createdAt);
    const overview = await call<DistrictOverview>(district, 'district.overview');
    expect(overview.rows[0]!.chain).toEqual({ ok: false, rewrittenSince: parse(first).manifest.createdAt });

    // The team's own verification, given the head the district recorded, sees it too.
    const { length, head } = parse(first).manifest.audit as { length: number; head: string };
    const check = await call<AnchorCheck>(a, 'district.verifyAnchor', { teamId: team.id, length, hash: head.slice(0, 12).toUpperCase() });
    expect(check).toMatchObject({ chainOk: true, matches: false });
    expect(check.message).toMatch(/herschreven/);
  });

  it('the newest record cut off together with its audit row is flagged (shorter chain, or a new record in its place)', async () => {
    const cut = (core: Core) =>
      withTriggersOff(core.db, () => {
        const last = core.db.prepare('SELECT seq, entity, entity_id FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; entity: string; entity_id: number };
        expect(last.entity).toBe('expense');
        core.db.prepare('DELETE FROM expense WHERE id = ?').run(last.entity_id);
        core.db.prepare('DELETE FROM audit_log WHERE seq = ?').run(last.seq);
      });
    const shorter = await twoBundles(cut);
    await trustAndImport(shorter.district, [file(shorter.first)]);
    expect((await trustAndImport(shorter.district, [file(shorter.second)]))[0]!.rewrittenSince).toBe(parse(shorter.first).manifest.createdAt);

    const replaced = await twoBundles(async (core, teamId) => {
      cut(core);
      await addExpense(core, teamId, 80_001, 'Leverancier 3');
    });
    expect(parse(replaced.second).manifest.audit).toMatchObject({ length: (parse(replaced.first).manifest.audit as { length: number }).length });
    // Read in the other way round: the order of arrival does not matter.
    const results = await trustAndImport(replaced.district, [file(replaced.second), file(replaced.first)]);
    expect(results.map((r) => r.rewrittenSince)).toEqual([parse(replaced.first).manifest.createdAt, parse(replaced.first).manifest.createdAt]);

    const { length, head } = parse(shorter.first).manifest.audit as { length: number; head: string };
    const check = await call<AnchorCheck>(shorter.a, 'district.verifyAnchor', { teamId: shorter.team.id, length, hash: head });
    expect(check.matches).toBe(false);
    expect(check.message).toMatch(/verdwenen/);
  });

  it("the team's own verification agrees with an honest district head", async () => {
    const { a, team, first } = await twoBundles((core, teamId) => addExpense(core, teamId, 1_00, 'Later').then(() => undefined));
    const { length, head } = parse(first).manifest.audit as { length: number; head: string };
    expect(await call<AnchorCheck>(a, 'district.verifyAnchor', { teamId: team.id, length, hash: head })).toMatchObject({ chainOk: true, matches: true });
  });
});

describe('the signing key in the Electron shell', () => {
  it('uses safeStorage where the system offers it, and a plain file where it does not', async () => {
    const { keyProtectionFrom } = await import('../../electron/main/key-protection');
    expect(keyProtectionFrom({ isEncryptionAvailable: () => false, encryptString: () => Buffer.alloc(0), decryptString: () => '' })).toBeUndefined();
    const vault = new Map<string, string>();
    const fake = {
      isEncryptionAvailable: () => true,
      encryptString: (s: string) => {
        const id = Buffer.from(`sealed-${vault.size}`);
        vault.set(id.toString(), s);
        return id;
      },
      decryptString: (b: Buffer) => vault.get(b.toString())!,
    };
    const protection = keyProtectionFrom(fake)!;
    expect(protection.kind).toBe('os');
    const secret = Buffer.from('geheime sleutel');
    const sealed = protection.protect(secret);
    expect(sealed.includes(secret)).toBe(false);
    expect(protection.unprotect(sealed)).toEqual(secret);
  });
});
