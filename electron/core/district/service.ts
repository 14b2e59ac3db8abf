import type { Ctx } from '../../api/define';
import type {
  BundleSummary,
  ChainStatus,
  DistrictOverview,
  DistrictRow,
  DistrictSums,
  DistrictTeamBundle,
  ImportedBundle,
  InspectedBundle,
} from '../../api/district';
import { notFound } from '../../api/errors';
import type { Db } from '../store/open';
import { chainStatus, type ChainPoint } from './chain';
import { BundleRefused, verifyBundle, type VerifiedBundle } from './format';
import { shortFingerprint } from './keys';

interface BundleRow {
  id: number;
  fingerprint: string;
  team_id: number;
  period_from: string;
  period_to: string;
  created_at: string;
  imported_at: string;
  audit_length: number;
  audit_head: string | null;
  anchors: string;
  summary: string;
}

const summaryOf = (b: VerifiedBundle): BundleSummary => {
  const { team, progress, money, audit } = b.parts;
  const t = team as unknown as BundleSummary['team'];
  return {
    team: {
      id: t.id,
      name: t.name,
      eenheid: t.eenheid,
      district: t.district,
      inhabitants: t.inhabitants,
      formationFte: t.formationFte,
      wijkagenten: t.wijkagenten,
      norm: t.norm,
    },
    period: b.manifest.period,
    createdAt: b.manifest.createdAt,
    overall: progress.overall,
    opgaven: progress.opgaven.map((o) => ({ opgaveId: o.opgaveId, code: o.code, titleNl: o.titleNl, titleEn: o.titleEn, status: o.status, progress: o.progress })),
    money: { years: money.years.map((y) => y.year), ...pickMoney(money.totals) },
    audit: { length: audit.length, head: audit.head },
  };
};
const pickMoney = (m: { availableCents: number; committedCents: number; spentCents: number; leftCents: number }) => ({
  availableCents: m.availableCents,
  committedCents: m.committedCents,
  spentCents: m.spentCents,
  leftCents: m.leftCents,
});

const teamKeyOf = (fingerprint: string, teamId: number) => `${fingerprint}:${teamId}`;
const newestFirst = (a: BundleRow, b: BundleRow) => (a.created_at < b.created_at ? 1 : a.created_at > b.created_at ? -1 : b.id - a.id);

/** The district's side: bundles read in, the keys trusted, and the overview across teams. */
export function createDistrictService(db: Db) {
  const keyOf = db.prepare<[string], { fingerprint: string }>('SELECT fingerprint FROM district_key WHERE fingerprint = ?');
  const insertKey = db.prepare('INSERT INTO district_key (fingerprint, public_key, trusted_at) VALUES (?, ?, ?)');
  const bySha = db.prepare<[string], { id: number }>('SELECT id FROM district_bundle WHERE content_sha256 = ?');
  const insertBundle = db.prepare(`
    INSERT INTO district_bundle (fingerprint, team_id, team_name, period_from, period_to, created_at, imported_at, file_name,
      audit_length, audit_head, anchors, summary, content, content_sha256)
    VALUES (@fingerprint, @teamId, @teamName, @from, @to, @createdAt, @importedAt, @fileName, @length, @head, @anchors, @summary, @content, @sha256)`);
  const allRows = db.prepare<[], BundleRow>(
    `SELECT id, fingerprint, team_id, period_from, period_to, created_at, imported_at, audit_length, audit_head, anchors, summary FROM district_bundle`,
  );
  const rowsOfKey = db.prepare<[string], BundleRow>(
    `SELECT id, fingerprint, team_id, period_from, period_to, created_at, imported_at, audit_length, audit_head, anchors, summary FROM district_bundle WHERE fingerprint = ?`,
  );
  const contentOf = db.prepare<[number], BundleRow & { content: string; file_name: string }>('SELECT * FROM district_bundle WHERE id = ?');
  const catalogue = db.prepare<[], { id: number; code: string; titleNl: string; titleEn: string }>(
    'SELECT id, code, title_nl AS titleNl, title_en AS titleEn FROM opgave ORDER BY id',
  );

  const pointOf = (r: BundleRow): ChainPoint => ({
    createdAt: r.created_at,
    length: r.audit_length,
    head: r.audit_head,
    anchors: new Map((JSON.parse(r.anchors) as { length: number; hash: string }[]).map((a) => [a.length, a.hash])),
  });
  /** Chain status per installation (the audit chain belongs to a store, not to one of its teams). */
  const chainsOf = (rows: BundleRow[]): Map<string, ChainStatus> => {
    const byKey = new Map<string, BundleRow[]>();
    for (const r of rows) byKey.set(r.fingerprint, [...(byKey.get(r.fingerprint) ?? []), r]);
    return new Map([...byKey].map(([k, list]) => [k, chainStatus(list.map(pointOf))]));
  };

  const check = (text: string): VerifiedBundle | string => {
    try {
      return verifyBundle(text);
    } catch (err) {
      if (err instanceof BundleRefused) return err.message;
      throw err;
    }
  };

  return {
    inspect(files: { name: string; text: string }[]): InspectedBundle[] {
      return files.map(({ name, text }) => {
        const b = check(text);
        if (typeof b === 'string') return { name, ok: false, error: b };
        return {
          name,
          ok: true,
          summary: summaryOf(b),
          key: { fingerprint: b.fingerprint, short: shortFingerprint(b.fingerprint), trusted: !!keyOf.get(b.fingerprint) },
          alreadyImported: !!bySha.get(b.sha256),
        };
      });
    },

    /** Each file on its own: a refused or untrusted file stores nothing, the others are kept. */
    import(files: { name: string; text: string }[], trust: string[], ctx: Ctx): ImportedBundle[] {
      const trusted = new Set(trust);
      const results = files.map(({ name, text }): ImportedBundle => {
        const b = check(text);
        if (typeof b === 'string') return { name, status: 'refused', message: b };
        const teamName = b.manifest.team.name;
        if (bySha.get(b.sha256)) return { name, status: 'already', teamName, message: 'Deze verantwoording was al ingelezen.' };
        const known = !!keyOf.get(b.fingerprint);
        if (!known && !trusted.has(b.fingerprint))
          return {
            name,
            status: 'untrusted',
            teamName,
            message: `De sleutel ${shortFingerprint(b.fingerprint)} is nog niet vertrouwd. Controleer de vingerafdruk met het team en vertrouw hem eerst. Er is niets opgeslagen.`,
          };
        const now = ctx.now().toISOString();
        const id = db.transaction(() => {
          if (!known) insertKey.run(b.fingerprint, b.manifest.publicKey, now);
          return Number(
            insertBundle.run({
              fingerprint: b.fingerprint,
              teamId: b.manifest.team.id,
              teamName,
              from: b.manifest.period.from,
              to: b.manifest.period.to,
              createdAt: b.manifest.createdAt,
              importedAt: now,
              fileName: name.slice(0, 260),
              length: b.manifest.audit.length,
              head: b.manifest.audit.head,
              anchors: JSON.stringify(b.parts.audit.anchors),
              summary: JSON.stringify(summaryOf(b)),
              content: text,
              sha256: b.sha256,
            }).lastInsertRowid,
          );
        })();
        return { name, status: 'imported', bundleId: id, teamName };
      });
      // After all files: a chain that no longer extends an earlier bundle, whatever the order they came in.
      const imported = results.filter((r) => r.status === 'imported');
      if (imported.length) {
        const chains = chainsOf(allRows.all());
        for (const r of imported) {
          const fp = contentOf.get(r.bundleId!)!.fingerprint;
          r.rewrittenSince = chains.get(fp)?.rewrittenSince ?? null;
        }
      }
      return results;
    },

    overview(input: { from?: string; to?: string } | undefined): DistrictOverview {
      const rows = allRows.all();
      const chains = chainsOf(rows);
      const byPeriod = new Map<string, { from: string; to: string; teams: Set<string> }>();
      for (const r of rows) {
        const k = `${r.period_from}|${r.period_to}`;
        const p = byPeriod.get(k) ?? { from: r.period_from, to: r.period_to, teams: new Set<string>() };
        p.teams.add(teamKeyOf(r.fingerprint, r.team_id));
        byPeriod.set(k, p);
      }
      const periods = [...byPeriod.values()]
        .map((p) => ({ from: p.from, to: p.to, teams: p.teams.size }))
        .sort((a, b) => (a.to !== b.to ? (a.to < b.to ? 1 : -1) : a.from < b.from ? 1 : a.from > b.from ? -1 : 0));
      const wanted =
        input?.from && input.to ? periods.find((p) => p.from === input.from && p.to === input.to) : [...periods].sort((a, b) => b.teams - a.teams)[0];
      const period = wanted ? { from: wanted.from, to: wanted.to } : null;

      const inPeriod = period ? rows.filter((r) => r.period_from === period.from && r.period_to === period.to) : [];
      const byTeam = new Map<string, BundleRow[]>();
      for (const r of inPeriod) {
        const k = teamKeyOf(r.fingerprint, r.team_id);
        byTeam.set(k, [...(byTeam.get(k) ?? []), r]);
      }
      const districtRows: DistrictRow[] = [...byTeam].map(([teamKey, list]) => {
        const [newest] = list.sort(newestFirst);
        return {
          bundleId: newest!.id,
          teamKey,
          fingerprint: newest!.fingerprint,
          summary: JSON.parse(newest!.summary) as BundleSummary,
          importedAt: newest!.imported_at,
          replaced: list.length - 1,
          chain: chains.get(newest!.fingerprint) ?? { ok: true, rewrittenSince: null },
        };
      });
      districtRows.sort((a, b) => a.summary.team.name.localeCompare(b.summary.team.name, 'nl') || a.teamKey.localeCompare(b.teamKey));

      const sums: DistrictSums = {
        teams: districtRows.length,
        inhabitants: 0,
        formationFte: 0,
        wijkagenten: 0,
        wijkagentenNeeded: 0,
        availableCents: 0,
        committedCents: 0,
        spentCents: 0,
        leftCents: 0,
        chosen: {},
      };
      for (const { summary: s } of districtRows) {
        sums.inhabitants += s.team.inhabitants;
        sums.formationFte += s.team.formationFte;
        sums.wijkagenten += s.team.wijkagenten;
        sums.wijkagentenNeeded += s.team.norm.needed;
        sums.availableCents += s.money.availableCents;
        sums.committedCents += s.money.committedCents;
        sums.spentCents += s.money.spentCents;
        sums.leftCents += s.money.leftCents;
        for (const id of new Set(s.opgaven.map((o) => o.opgaveId))) sums.chosen[id] = (sums.chosen[id] ?? 0) + 1;
      }
      sums.formationFte = Math.round(sums.formationFte * 100) / 100;
      return { periods, period, rows: districtRows, sums, opgaven: catalogue.all(), bundles: rows.length };
    },

    team(bundleId: number): DistrictTeamBundle {
      const row = contentOf.get(bundleId);
      if (!row) throw notFound('Deze verantwoording');
      // Stored only after every check, and append-only since: read as it was signed.
      const parsed = JSON.parse(row.content) as { parts: DistrictTeamBundle['parts'] };
      const same = rowsOfKey.all(row.fingerprint).filter((r) => r.team_id === row.team_id);
      const chain = chainStatus(rowsOfKey.all(row.fingerprint).map(pointOf));
      return {
        bundleId: row.id,
        teamKey: teamKeyOf(row.fingerprint, row.team_id),
        fingerprint: row.fingerprint,
        keyShort: shortFingerprint(row.fingerprint),
        fileName: row.file_name,
        importedAt: row.imported_at,
        summary: JSON.parse(row.summary) as BundleSummary,
        chain,
        parts: parsed.parts,
        history: same.sort(newestFirst).map((r) => ({
          bundleId: r.id,
          from: r.period_from,
          to: r.period_to,
          createdAt: r.created_at,
          importedAt: r.imported_at,
          auditLength: r.audit_length,
          auditHead: r.audit_head,
          shown: r.id === row.id,
        })),
      };
    },
  };
}
export type DistrictService = ReturnType<typeof createDistrictService>;
