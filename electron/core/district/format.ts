import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { BundleParts } from '../../api/district';
import { canonicalJson } from '../audit/chain';
import { fingerprintOf, publicKeyFromRaw, verifySignature, type SigningKey } from './keys';

/**
 * The `.teamchef-bundel` file: one canonical JSON object (keys sorted, no spaces, UTF-8)
 *
 *   { "format": "teamchef-bundel", "version": 1, "manifest": {…}, "parts": {…}, "signature": "<base64>" }
 *
 * - manifest: format and version again, the app version, team (id, name), period, created_at, the
 *   audit chain's length and head, the Ed25519 public key (raw, base64) and per part the sha256 of
 *   its JSON text as it stands in the file (compact, keys in the file's sorted order);
 * - parts: the records (team, progress, clusters, money, ledger, audit);
 * - signature: Ed25519 over the canonical JSON of the manifest.
 * A reader checks the format and version first (a newer version is refused with its own message),
 * then the signature over the manifest, then every part against its hash. Canonical JSON makes the
 * same records give the same bytes, so the file's own sha256 names it.
 */
export const BUNDLE_FORMAT = 'teamchef-bundel';
export const BUNDLE_VERSION = 1;
export const PART_NAMES = ['team', 'progress', 'clusters', 'money', 'ledger', 'audit'] as const;
export type PartName = (typeof PART_NAMES)[number];

export interface Manifest {
  format: typeof BUNDLE_FORMAT;
  version: number;
  app: string;
  team: { id: number; name: string };
  period: { from: string; to: string };
  createdAt: string;
  audit: { length: number; head: string | null };
  publicKey: string;
  parts: Record<PartName, string>;
}

export interface BundleFile {
  format: typeof BUNDLE_FORMAT;
  version: number;
  manifest: Manifest;
  parts: BundleParts;
  signature: string;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * A part's digest: sha256 of the part as JSON.stringify writes it back after JSON.parse of the file.
 * For a canonical file that is exactly the part's canonical text, and a reader gets it from the
 * parsed file with the engine's own serializer, ten times faster than canonicalising again (a
 * team's year is about a megabyte).
 */
const partDigest = (parsedPart: unknown) => sha256(JSON.stringify(parsedPart));

/** Signs the records: the manifest names every part's hash and is itself signed. */
export function buildBundle(
  meta: Omit<Manifest, 'format' | 'version' | 'publicKey' | 'parts'>,
  parts: BundleParts,
  key: SigningKey,
): { text: string; sha256: string } {
  const hashes = Object.fromEntries(PART_NAMES.map((p) => [p, partDigest(JSON.parse(canonicalJson(parts[p])))])) as Record<PartName, string>;
  const manifest: Manifest = { format: BUNDLE_FORMAT, version: BUNDLE_VERSION, ...meta, publicKey: key.publicKey, parts: hashes };
  const signature = key.sign(Buffer.from(canonicalJson(manifest), 'utf8')).toString('base64');
  const text = canonicalJson({ format: BUNDLE_FORMAT, version: BUNDLE_VERSION, manifest, parts, signature });
  return { text, sha256: sha256(text) };
}

export class BundleRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BundleRefused';
  }
}

const NOTHING = 'Er is niets opgeslagen.';
const refuse = (why: string) => new BundleRefused(`${why} ${NOTHING}`);

// ---- the shape a reader relies on (the signature says who made it, not that it is well-formed) ----

const Int = z.number().int().safe();
const Cents = z.number().int().min(-1e13).max(1e13);
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const Text = z.string().max(100_000);
const Hash = z.string().regex(/^[0-9a-f]{64}$/);
const Status = z.enum(['op-koers', 'aandacht-nodig', 'achter', 'afgerond']);

const ManifestSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  version: Int,
  app: Text,
  team: z.object({ id: Int.positive(), name: Text }),
  period: z.object({ from: Day, to: Day }),
  createdAt: z.string().max(40),
  audit: z.object({ length: Int.min(0), head: Hash.nullable() }),
  publicKey: z.string().max(100),
  parts: z.object(Object.fromEntries(PART_NAMES.map((p) => [p, Hash])) as Record<PartName, typeof Hash>).strict(),
});

/**
 * The long lists (a year's expenses, check-in series) are checked with plain loops: zod copies every
 * object it checks, which made it the larger part of reading a team's year.
 */
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown) => Number.isSafeInteger(v);
const isCents = (v: unknown) => isInt(v) && Math.abs(v as number) <= 1e13;
const isDay = (v: unknown) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
const isText = (v: unknown) => typeof v === 'string' && v.length <= 100_000;
const listOf = (check: (item: Record<string, unknown>) => boolean) =>
  z.custom<Record<string, unknown>[]>((v) => Array.isArray(v) && v.every((item) => isObj(item) && check(item)), { message: 'Ongeldige regels.' });
const LedgerLine = (o: Record<string, unknown>) => isInt(o.id) && isInt(o.year) && isDay(o.date) && isCents(o.amountCents);
const Expenses = listOf((o) => LedgerLine(o) && isText(o.payee) && isText(o.description) && isText(o.paymentMethod) && isText(o.state));
const Decisions = listOf((o) => LedgerLine(o) && isText(o.title) && isText(o.status) && isCents(o.spentCents) && isCents(o.committedCents));
const Entries = listOf((o) => LedgerLine(o) && isText(o.kind) && isText(o.reason));
const STATUSES = new Set(['op-koers', 'aandacht-nodig', 'achter', 'afgerond']);
const Series = listOf((o) => isDay(o.date) && typeof o.progress === 'number' && typeof o.confidence === 'number' && STATUSES.has(o.status as string));

const Norm = z.object({ needed: Int, present: Int, difference: Int, status: z.enum(['ok', 'short']) });
export const PartsSchema = z.object({
  team: z.looseObject({
    id: Int,
    name: Text,
    eenheid: Text,
    district: Text,
    inhabitants: Int.min(0),
    formationFte: z.number().min(0).max(1e6),
    wijkagenten: Int.min(0),
    norm: Norm,
  }),
  progress: z.looseObject({
    asOf: Day,
    overall: z.enum(['op-koers', 'aandacht-nodig', 'achter', 'afgerond', 'geen-gegevens']),
    opgaven: z.array(
      z.looseObject({
        opgaveId: Int.min(1).max(100),
        code: Text,
        titleNl: Text,
        titleEn: Text,
        ambition: Text,
        owner: Text,
        status: Status.nullable(),
        progress: z.number().min(0).max(100).nullable(),
        series: Series,
        actions: z.looseObject({ done: Int, open: Int, overdue: Int, openList: z.array(z.looseObject({ title: Text, owner: Text, dueDate: Day.nullable(), status: Text, overdue: z.boolean() })) }),
      }),
    ),
  }),
  clusters: z.looseObject({ date: Day, clusters: z.array(z.looseObject({ name: Text, fte: z.number(), wijkagenten: Int, inhabitants: Int })) }),
  money: z.looseObject({
    years: z.array(z.looseObject({ year: Int, availableCents: Cents, committedCents: Cents, spentCents: Cents, leftCents: Cents, decidedCents: Cents })),
    totals: z.looseObject({ availableCents: Cents, committedCents: Cents, spentCents: Cents, leftCents: Cents }),
  }),
  ledger: z.looseObject({
    entries: Entries,
    decisions: Decisions,
    expenses: Expenses,
    refunds: z.array(z.looseObject({})).optional(),
  }),
  audit: z.object({ length: Int.min(0), head: Hash.nullable(), anchors: z.array(z.object({ length: Int.min(1), hash: Hash })) }),
});

export interface VerifiedBundle {
  manifest: Manifest;
  parts: BundleParts;
  fingerprint: string;
  /** sha256 of the file's text. */
  sha256: string;
}

/**
 * Reads and checks one bundle file; throws BundleRefused with a Dutch sentence for anything that
 * is not a complete, unchanged bundle signed by the key it names.
 */
export function verifyBundle(text: string): VerifiedBundle {
  let file: unknown;
  try {
    file = JSON.parse(text);
  } catch {
    throw refuse('Het bestand is onvolledig of beschadigd: het is geen complete Teamchef-verantwoording.');
  }
  if (!file || typeof file !== 'object' || Array.isArray(file) || (file as { format?: unknown }).format !== BUNDLE_FORMAT)
    throw refuse('Dit is geen Teamchef-verantwoording (.teamchef-bundel).');
  const { version } = file as { version?: unknown };
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    throw refuse('Het bestand is beschadigd: de versie van het formaat ontbreekt.');
  if (version > BUNDLE_VERSION)
    throw refuse(
      `Deze verantwoording heeft formaat ${version}; deze versie van Teamchef leest formaat ${BUNDLE_VERSION}. Werk Teamchef bij om hem in te lezen.`,
    );

  const { manifest: rawManifest, parts: rawParts, signature } = file as { manifest?: unknown; parts?: unknown; signature?: unknown };
  const manifest = ManifestSchema.safeParse(rawManifest);
  if (!manifest.success || manifest.data.version !== version || typeof signature !== 'string')
    throw refuse('Het bestand is beschadigd: de inhoudsopgave van de verantwoording is onleesbaar.');
  const publicKey = publicKeyFromRaw(manifest.data.publicKey);
  if (!publicKey) throw refuse('De verantwoording noemt geen geldige sleutel.');
  // The signature covers the manifest exactly as it was written, extra fields included.
  if (!verifySignature(publicKey, Buffer.from(canonicalJson(rawManifest), 'utf8'), Buffer.from(signature, 'base64')))
    throw refuse('De handtekening klopt niet: de verantwoording is na het ondertekenen gewijzigd, of niet met de sleutel ondertekend die erin staat.');

  if (!rawParts || typeof rawParts !== 'object' || Array.isArray(rawParts)) throw refuse('Het bestand is beschadigd: de gegevens ontbreken.');
  const partsObj = rawParts as Record<string, unknown>;
  const extra = Object.keys(partsObj).filter((k) => !(PART_NAMES as readonly string[]).includes(k));
  if (extra.length) throw refuse(`De verantwoording bevat een onderdeel dat niet is ondertekend (${extra[0]!.slice(0, 40)}).`);
  for (const p of PART_NAMES) {
    if (!(p in partsObj)) throw refuse(`Het onderdeel "${p}" ontbreekt in de verantwoording.`);
    if (partDigest(partsObj[p]) !== manifest.data.parts[p])
      throw refuse(`Het onderdeel "${p}" is na het ondertekenen gewijzigd: een bedrag, regel of gegeven klopt niet meer met de handtekening.`);
  }
  const parts = PartsSchema.safeParse(partsObj);
  if (!parts.success) throw refuse('De verantwoording is ondertekend maar onvolledig opgebouwd; vraag het team een nieuwe te maken.');
  const m = manifest.data;
  if (parts.data.audit.length !== m.audit.length || parts.data.audit.head !== m.audit.head || parts.data.team.id !== m.team.id || m.period.to < m.period.from)
    throw refuse('De verantwoording spreekt zichzelf tegen (team, periode of auditketen).');
  return { manifest: m, parts: parts.data as unknown as BundleParts, fingerprint: fingerprintOf(m.publicKey), sha256: sha256(text) };
}
