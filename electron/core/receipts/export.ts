import { zipSync, type Zippable } from 'fflate';
import type { ReceiptExport } from '../../api/receipts';
import type { AuditLog } from '../audit/chain';
import { missingReceiptsTable, tablesFor, toCsv, toXlsx } from '../budget/export';
import type { BudgetService } from '../budget/service';
import { EXTENSION, safeNamePart } from './files';
import type { ReceiptService } from './service';

/** The year zip's list of every pinpas payment without a receipt; the printed overview names it. */
export const missingReceiptsFile = (year: number) => `zonder-bon-${year}.csv`;

/** 1234,56 for € 1.234,56 (no thousands dot: one token in a file name). */
const amountPart = (cents: number) => {
  const abs = Math.abs(cents);
  return `${cents < 0 ? 'min' : ''}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
};

/**
 * The year for the finance department in one zip: the expenses as CSV and xlsx (the same files as
 * the funds screen's export), every receipt attached to an expense or decision, named
 * `<datum>_<bedrag>_<tegenpartij>_<nummer>.<ext>`, every pinpas payment still without one (the whole
 * list, which the printed overview shortens), and the audit head that seals the store's state.
 */
export async function exportYearZip(budget: BudgetService, receipts: ReceiptService, audit: AuditLog, teamId: number, year: number, now: Date): Promise<ReceiptExport> {
  const expenseTables = tablesFor(budget, teamId, year, 'expenses');
  const expenses = new Map(budget.expenses(teamId, year).map((e) => [e.id, e]));
  const decisions = new Map(budget.decisions(teamId, year).map((d) => [d.id, d]));

  const missing = receipts.missing(teamId, year);
  const files: Zippable = {
    [`uitgaven-${year}.csv`]: [new Uint8Array(toCsv(expenseTables)), { level: 6 }],
    [`uitgaven-${year}.xlsx`]: [new Uint8Array(await toXlsx(expenseTables)), { level: 0 }],
    [missingReceiptsFile(year)]: [new Uint8Array(toCsv([missingReceiptsTable(missing)])), { level: 6 }],
  };
  const used = new Set<string>();
  const unique = (base: string, ext: string) => {
    let name = `${base}.${ext}`;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base}-${n}.${ext}`;
    used.add(name.toLowerCase());
    return name;
  };
  let count = 0;
  for (const { attachment, bytes } of receipts.activeWithBytes(teamId, year)) {
    const ext = EXTENSION[attachment.mime];
    let path: string;
    if (attachment.kind === 'expense') {
      const e = expenses.get(attachment.recordId)!;
      path = `bonnen/${unique(`${e.date}_${amountPart(e.amountCents)}_${safeNamePart(e.payee)}_${e.id}`, ext)}`;
    } else {
      const d = decisions.get(attachment.recordId)!;
      path = `besluiten/${unique(`${d.date}_${amountPart(d.amountCents)}_${safeNamePart(d.title)}_besluit-${d.id}`, ext)}`;
    }
    // Receipts are already compressed (JPEG, PNG, WebP, PDF streams): stored as they are.
    files[path] = [bytes, { level: 0 }];
    count++;
  }
  const verify = audit.verify();
  const head = [
    `Teamchef — versterkingsgelden ${year}`,
    `Gemaakt op: ${now.toISOString()}`,
    `Auditketen: ${verify.records} regels, kop ${verify.headHash}`,
    `Controle van de auditketen: ${verify.ok ? 'in orde' : `${verify.problems.length} problemen`}`,
    `Bonnen in dit bestand: ${count}`,
    `Pinpasbetalingen zonder bon: ${missing.count} (${missingReceiptsFile(year)})`,
    '',
    'Elke bon staat in de auditketen met zijn SHA-256; de kop hierboven legt de stand van alle gegevens vast.',
  ].join('\r\n');
  files['auditkop.txt'] = [new TextEncoder().encode(`${head}\r\n`), { level: 6 }];

  // Fixed time stamps inside the zip: the same data gives the same file.
  const bytes = zipSync(files, { mtime: new Date(`${year}-12-31T12:00:00Z`) });
  return { fileName: `versterkingsgelden-${year}-met-bonnen.zip`, mimeType: 'application/zip', bytes, receipts: count };
}
