import * as print from '../features/print/i18n';
import * as agenda from '../features/agenda/i18n';
import * as clusters from '../features/clusters/i18n';
import * as about from '../features/about/i18n';
import * as backup from '../features/backup/i18n';
import * as progress from '../features/progress/i18n';
import * as budget from '../features/budget/i18n';
import * as team from '../features/team/i18n';
import * as district from '../features/district/i18n';
import * as undo from '../features/undo/i18n';
import * as receipts from '../features/receipts/i18n';
import * as audit from '../features/audit/i18n';
import { enBase } from '../i18n/base.en';
import { nlBase } from '../i18n/base.nl';
import { validationEn as baseValidationEn } from '../i18n/validation-en';

/**
 * Every text of the interface: the shared base plus one namespace per feature. A feature keeps
 * its texts in `features/<domain>/i18n.ts` (exporting `nl`, `en: typeof nl`, and optionally
 * `validationEn`) and adds one line here.
 */
const FEATURES = {
  team,
  print,
  agenda,
  clusters,
  about,
  backup,
  progress,
  budget,
  undo,
  district,
  receipts,
  audit,
};

type Feature = { nl: object; en: object; validationEn?: Record<string, string> };
const features = FEATURES as Record<string, Feature>;

export const nl = { ...nlBase, ...Object.fromEntries(Object.entries(features).map(([ns, f]) => [ns, f.nl])) };
export const en = { ...enBase, ...Object.fromEntries(Object.entries(features).map(([ns, f]) => [ns, f.en])) };

/** English for the Dutch validation messages of the contract (looked up by their Dutch text). */
export const validationEn: Record<string, string> = Object.assign(
  {},
  baseValidationEn,
  ...Object.values(features).map((f) => f.validationEn ?? {}),
) as Record<string, string>;
