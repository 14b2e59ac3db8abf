/**
 * The payee of a statement line whose layout has no name column, or leaves it empty: read from the
 * description as each bank writes it. Never invents text: a pattern that does not fit gives ''.
 */

/** Runs of spaces, tabs and line breaks become one space (ABN AMRO pads its text in 32-character blocks). */
export const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** The tags of the `/TRTP/…/NAME/…/` form (SEPA fields in ABN AMRO's newer lines). */
const SEPA_TAG = '(?:TRTP|IBAN|BIC|NAME|REMI|EREF|MARF|CSID|RTRN|ORDP|BENM|ADDR|ISDT|PURP|ULTC|ULTD|SVCL|CDTRREF|CDTRREFTP|RREF)';
const NAME_FIELD = new RegExp(`/NAME/(.*?)(?:/${SEPA_TAG}/|/?$)`);
/** The labels that end a `Naam:` value in the spaced SEPA form (sometimes without a space before them). */
const NAAM = /\bNaam:\s*(.+?)\s*(?=(?:Omschrijving|Kenmerk|Machtiging|Incassant|IBAN|BIC|Voor|Betalingskenm\.?|Referentie|Datum|Transactie|Term):|$)/;
/** ABN AMRO card lines, new and old: `BEA, Betaalpas   Merchant,PAS017 NR:…`, `BEA   NR:X 30.12.21/09.15 Merchant,PAS123`. */
const CARD_NEW = /^(?:BEA|GEA|PIN),\s*(?:Betaalpas|Google Pay|Apple Pay|Garmin Pay|Fitbit Pay|Betaalring|Contactloos)\s+(.+?)\s*,\s*PAS\s?\d+/i;
const CARD_OLD = /^(?:BEA|GEA|PIN)\s+NR:\S+\s+\d\d[.-]\d\d[.-]\d\d\/\d\d[.:]\d\d\s+(.+?)\s*,\s*PAS\s?\d+/i;
/** Other card text with the pass number after the merchant: `Betaalpas Merchant,PAS017`. */
const CARD_PAS = /^(?:BEA|GEA|PIN|Betaalpas)\b[\s,:]*(.+?)\s*,\s*PAS\s?\d+/i;
/** ASN Bank and the other Volksbank banks: `[PIN BETALING]MERCHANT >PLACE 02.11.2026 …`. */
const VOLKSBANK_TAG = /^\[[^\]]*\]\s*([^>]+?)\s*>/;
const VOLKSBANK_PLAIN = /^([^>[\]]+?)\s*>\s*\S/;
/** Triodos card lines: `MERCHANT \PLACE …`. */
const TRIODOS = /^([^\\]+?)\s*\\\s*\S/;

const MAX_PAYEE = 200;
const cut = (s: string) => collapse(s).slice(0, MAX_PAYEE).trim();

export interface PayeeOptions {
  /** Volksbank lines may leave out the `[PIN BETALING]` tag before `MERCHANT >PLACE`. */
  volksbank?: boolean;
}

export function payeeFromDescription(raw: string, options: PayeeOptions = {}): string {
  const text = collapse(raw);
  if (!text) return '';
  const patterns = [NAME_FIELD, NAAM, CARD_NEW, CARD_OLD, CARD_PAS, VOLKSBANK_TAG, TRIODOS];
  if (options.volksbank) patterns.push(VOLKSBANK_PLAIN);
  for (const p of patterns) {
    const m = p.exec(text);
    if (m && m[1] && cut(m[1])) return cut(m[1]);
  }
  return '';
}

/**
 * The payee when no pattern fits: the first padded block of the raw text (ABN AMRO's `ABN AMRO Bank
 * N.V.   CreditCard …`), else the start of the description, cut at the field's limit.
 */
export function payeeFallback(raw: string): string {
  const block = /^\s*(\S(?:.*?\S)?)\s{2,}/.exec(raw);
  return cut(block ? block[1]! : raw);
}
