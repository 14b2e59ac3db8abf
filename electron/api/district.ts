import { z } from 'zod';
import { method } from './define';
import { Id, IsoDate } from './schemas';
import type { CheckinStatus, OverallStatus } from './progress';
import type { Team, WijkagentNorm } from './team';
import type { ClusterOverview } from './clusters';

/**
 * The verantwoording bundle: a team's figures for a period as one signed file, and the district view
 * that reads bundles of several teams side by side. The file format is described in the README
 * (section "Verantwoording naar het district") and in electron/core/district/format.ts.
 */
export const BUNDLE_EXTENSION = '.teamchef-bundel';

/** A bundle file as the page read it: its name and its text (a bundle is UTF-8 JSON). */
const BundleFile = z.strictObject({
  name: z.string().max(260, { message: 'Maximaal 260 tekens.' }),
  /** 50 MB of text: far above a team's year (about 1.2 MB at district size). */
  text: z.string().max(50_000_000, { message: 'Het bestand is te groot voor een verantwoording (maximaal 50 MB).' }),
});
const BundleFiles = z
  .array(BundleFile)
  .min(1, { message: 'Kies minstens één bestand.' })
  .max(50, { message: 'Lees hoogstens 50 bestanden tegelijk in.' })
  .refine((files) => files.reduce((n, f) => n + f.text.length, 0) <= 200_000_000, { message: 'Lees in delen in: samen hoogstens 200 MB per keer.' });

/** Full sha256 (hex) of a public key: how the district's trust list names a key. */
const Fingerprint = z.string().regex(/^[0-9a-f]{64}$/, { message: 'Onbekende sleutel.' });

export const ExportBundleInput = z
  .strictObject({ teamId: Id, from: IsoDate, to: IsoDate })
  .refine((o) => o.to >= o.from, { message: 'De einddatum ligt voor de startdatum.', path: ['to'] });

export const VerifyAnchorInput = z.strictObject({
  teamId: Id,
  /** Number of audit records the district recorded. */
  length: z.number({ message: 'Vul een getal in.' }).int({ message: 'Vul een heel getal in.' }).min(1, { message: 'Vul een lengte van minstens 1 in.' }).max(1_000_000_000),
  /** The recorded head: the full hash or at least its first 12 characters, as printed. */
  hash: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[0-9a-f]{12,64}$/, { message: 'Vul de kop in zoals het district hem noemt: 12 tot 64 tekens 0-9 en a-f.' }),
});

// ---- results ----

export interface BundleKeyInfo {
  /** Full sha256 of the public key (hex). */
  fingerprint: string;
  /** The first 128 bits in groups of four, to read out over the phone: `3F2A 9C01 …`. */
  short: string;
  /** How the private key is kept: encrypted by the operating system, or as a plain file. */
  protection: 'os' | 'file';
}

export interface BundleExport {
  fileName: string;
  /** The bundle file's text (UTF-8 JSON). */
  text: string;
  sha256: string;
  key: BundleKeyInfo;
  auditLength: number;
}

/** What the district view reads of one bundle without opening its records. */
export interface BundleSummary {
  team: {
    id: number;
    name: string;
    eenheid: string;
    district: string;
    inhabitants: number;
    formationFte: number;
    wijkagenten: number;
    norm: WijkagentNorm;
  };
  period: { from: string; to: string };
  createdAt: string;
  overall: OverallStatus;
  /** Chosen opgaven in the period, by catalogue number (1..8). */
  opgaven: { opgaveId: number; code: string; titleNl: string; titleEn: string; status: CheckinStatus | null; progress: number | null }[];
  money: { years: number[]; availableCents: number; committedCents: number; spentCents: number; leftCents: number };
  audit: { length: number; head: string | null };
}

export interface InspectedBundle {
  name: string;
  ok: boolean;
  /** Dutch sentence why the file is refused. */
  error?: string;
  summary?: BundleSummary;
  key?: { fingerprint: string; short: string; trusted: boolean };
  /** The very same file was read in before. */
  alreadyImported?: boolean;
}

export type ImportStatus = 'imported' | 'already' | 'refused' | 'untrusted';

export interface ImportedBundle {
  name: string;
  status: ImportStatus;
  message?: string;
  bundleId?: number;
  teamName?: string;
  /** Set when this team's chain no longer extends an earlier bundle. */
  rewrittenSince?: string | null;
}

export interface ChainStatus {
  ok: boolean;
  /** created_at of the earliest earlier bundle the chain no longer extends; null when ok. */
  rewrittenSince: string | null;
}

export interface DistrictRow {
  bundleId: number;
  /** `<fingerprint>:<team id in its own store>`: one team as the district knows it. */
  teamKey: string;
  fingerprint: string;
  summary: BundleSummary;
  importedAt: string;
  /** Older bundles of the same team and period that this one replaces in the view (all kept). */
  replaced: number;
  chain: ChainStatus;
}

export interface DistrictSums {
  teams: number;
  inhabitants: number;
  formationFte: number;
  wijkagenten: number;
  wijkagentenNeeded: number;
  availableCents: number;
  committedCents: number;
  spentCents: number;
  leftCents: number;
  /** Per catalogue opgave: how many teams chose it. */
  chosen: Record<number, number>;
}

export interface DistrictOverview {
  /** Every period some bundle covers, with the number of teams; newest first. */
  periods: { from: string; to: string; teams: number }[];
  /** The period in view; null without bundles. */
  period: { from: string; to: string } | null;
  rows: DistrictRow[];
  sums: DistrictSums;
  /** The eight opgaven of the catalogue, for the matrix's columns. */
  opgaven: { id: number; code: string; titleNl: string; titleEn: string }[];
  /** Bundles stored in all. */
  bundles: number;
}

export interface DistrictTeamBundle {
  bundleId: number;
  teamKey: string;
  fingerprint: string;
  keyShort: string;
  fileName: string;
  importedAt: string;
  summary: BundleSummary;
  chain: ChainStatus;
  /** The records as signed (see core/district/format.ts). */
  parts: BundleParts;
  /** Every bundle of this team, newest first; the one shown has `shown: true`. */
  history: { bundleId: number; from: string; to: string; createdAt: string; importedAt: string; auditLength: number; auditHead: string | null; shown: boolean }[];
}

/** The records of a bundle (loosely typed on purpose: they come from outside and are shown, not computed on). */
export interface BundleParts {
  team: Team;
  progress: {
    asOf: string;
    overall: OverallStatus;
    opgaven: {
      opgaveId: number;
      code: string;
      titleNl: string;
      titleEn: string;
      ambition: string;
      owner: string;
      status: CheckinStatus | null;
      progress: number | null;
      series: { date: string; progress: number; confidence: number; status: CheckinStatus }[];
      actions: { done: number; open: number; overdue: number; openList: { title: string; owner: string; dueDate: string | null; status: string; overdue: boolean }[] };
    }[];
  };
  clusters: ClusterOverview;
  money: {
    years: { year: number; availableCents: number; committedCents: number; spentCents: number; leftCents: number; decidedCents: number }[];
    totals: { availableCents: number; committedCents: number; spentCents: number; leftCents: number };
  };
  ledger: {
    entries: { id: number; year: number; date: string; kind: string; amountCents: number; reason: string }[];
    decisions: { id: number; year: number; date: string; title: string; amountCents: number; status: string; spentCents: number; committedCents: number }[];
    expenses: { id: number; year: number; date: string; amountCents: number; payee: string; description: string; paymentMethod: string; state: string }[];
    /** Present when the store keeps refunds. */
    refunds?: Record<string, unknown>[];
  };
  audit: { length: number; head: string | null; anchors: { length: number; hash: string }[] };
}

export interface AnchorCheck {
  /** The team's own chain verifies (hashes, links, rows against their records). */
  chainOk: boolean;
  records: number;
  /** The record at the district's length has the district's hash. */
  matches: boolean;
  message: string;
}

export const districtApi = {
  /** This installation's signing key (made on first use). */
  'district.key': method<BundleKeyInfo>()(z.strictObject({}).optional()),
  /** Makes the signed bundle of a team for a period and records that it was made. */
  'district.export': method<BundleExport>()(ExportBundleInput),
  /** Checks bundle files without storing anything: signature, hashes, format, key trusted or not. */
  'district.inspect': method<InspectedBundle[]>()(z.strictObject({ files: BundleFiles })),
  /** Stores the bundles that check out; keys in `trust` are added to the trust list first. */
  'district.import': method<ImportedBundle[]>()(z.strictObject({ files: BundleFiles, trust: z.array(Fingerprint).max(100) })),
  'district.overview': method<DistrictOverview>()(z.strictObject({ from: IsoDate.optional(), to: IsoDate.optional() }).optional()),
  'district.team': method<DistrictTeamBundle>()(z.strictObject({ bundleId: Id })),
  /** The team's own audit chain checked against the head the district recorded. */
  'district.verifyAnchor': method<AnchorCheck>()(VerifyAnchorInput),
};
