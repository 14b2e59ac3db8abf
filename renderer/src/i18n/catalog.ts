import * as budget from '../features/budget/i18n';
import * as team from '../features/team/i18n';
import { enBase } from './base.en';
import { nlBase } from './base.nl';
import { validationEn as baseValidationEn } from './validation-en';

/**
 * Every text of the interface: the shared base plus one namespace per feature. A feature keeps
 * its texts in `features/<domain>/i18n.ts` (exporting `nl`, `en: typeof nl`, and optionally
 * `validationEn`) and adds one line here.
 */
const FEATURES = {
  team,
  budget,
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
);
