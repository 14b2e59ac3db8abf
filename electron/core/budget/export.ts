import ExcelJS from 'exceljs';
import type { ExportFile } from '../../api/budget';
import type { MissingReceipts } from '../../api/receipts';
import { formatDate } from '../../api/dates';
import { formatAmount } from '../../api/money';
import type { BudgetService } from './service';

/**
 * Expenses, decisions and the overview as files for Dutch Excel: CSV with a BOM, `;` between
 * fields, comma decimals and dd-mm-jjjj dates; or .xlsx with real numbers and dates.
 * The core makes the bytes; the renderer only saves them.
 */

type Cell = { kind: 'text'; v: string } | { kind: 'money'; v: number } | { kind: 'date'; v: string } | { kind: 'int'; v: number };
const text = (v: string | null | undefined): Cell => ({ kind: 'text', v: v ?? '' });
const money = (v: number): Cell => ({ kind: 'money', v });
const date = (v: string | null): Cell => (v ? { kind: 'date', v } : text(''));
const int = (v: number | null): Cell => (v === null ? text('') : { kind: 'int', v });

interface Table {
  name: string;
  headers: string[];
  rows: Cell[][];
}

const PAYMENT: Record<string, string> = { debitcard: 'Pinpas', factuur: 'Factuur', declaratie: 'Declaratie', anders: 'Anders' };
const STATE: Record<string, string> = { actief: 'Actief', teruggedraaid: 'Teruggedraaid', tegenboeking: 'Tegenboeking', vervallen: 'Vervallen' };

export function tablesFor(budget: BudgetService, teamId: number, year: number, what: 'expenses' | 'decisions' | 'overview'): Table[] {
  if (what === 'expenses') {
    return [
      {
        name: `Uitgaven ${year}`,
        headers: ['Nummer', 'Datum', 'Bedrag', 'Tegenpartij', 'Omschrijving', 'Betaalwijze', 'Bonnummer', 'Besluit', 'Opgave', 'Actie', 'Cluster', 'Status', 'Draait terug', 'Reden', 'Reden vervallen', 'Terugbetaald'],
        rows: budget.expenses(teamId, year).map((e) => [
          int(e.id),
          date(e.date),
          money(e.amountCents),
          text(e.payee),
          text(e.description),
          text(PAYMENT[e.paymentMethod]),
          text(e.receiptRef),
          text(e.decisionTitle),
          text(e.opgaveLabel),
          text(e.actionTitle),
          text(e.clusterName),
          text(STATE[e.state]),
          int(e.reversesId),
          text(e.reason),
          text(e.voidReason),
          money(e.refundedCents),
        ]),
      },
    ];
  }
  if (what === 'decisions') {
    return [
      {
        name: `Besluiten ${year}`,
        headers: ['Nummer', 'Datum', 'Titel', 'Bedrag', 'Besteed', 'Vastgelegd', 'Status', 'Besloten door', 'Opgave', 'Actie', 'Cluster', 'Onderbouwing', 'Reden boven budget', 'Reden intrekken'],
        rows: budget.decisions(teamId, year).map((d) => [
          int(d.id),
          date(d.date),
          text(d.title),
          money(d.amountCents),
          money(d.spentCents),
          money(d.committedCents),
          text(d.status),
          text(d.decidedBy),
          text(d.opgaveLabel),
          text(d.actionTitle),
          text(d.clusterName),
          text(d.rationale),
          text(d.overBudgetReason),
          text(d.withdrawnReason),
        ]),
      },
    ];
  }
  const o = budget.overview(teamId, year);
  const t = o.totals;
  const group = (label: string | null, g: { decidedCents: number; committedCents: number; spentCents: number }) => [
    text(label ?? 'Niet gekoppeld'),
    money(g.decidedCents),
    money(g.committedCents),
    money(g.spentCents),
  ];
  return [
    {
      name: `Overzicht ${year}`,
      headers: ['Jaar', 'Beschikbaar', 'Besloten', 'Vastgelegd', 'Besteed', 'Resterend', 'Voorgesteld'],
      rows: [[int(year), money(t.availableCents), money(t.decidedCents), money(t.committedCents), money(t.spentCents), money(t.leftCents), money(t.proposedCents)]],
    },
    { name: 'Per opgave', headers: ['Opgave', 'Besloten', 'Vastgelegd', 'Besteed'], rows: o.byOpgave.map((g) => group(g.label, g)) },
    { name: 'Per cluster', headers: ['Cluster', 'Besloten', 'Vastgelegd', 'Besteed'], rows: o.byCluster.map((g) => group(g.label, g)) },
    {
      name: 'Per maand',
      headers: ['Maand', 'Vastgelegd', 'Besteed', 'Besteed cumulatief'],
      rows: o.byMonth.map((m) => [text(`${year}-${String(m.month).padStart(2, '0')}`), money(m.committedCents), money(m.spentCents), money(m.cumulativeSpentCents)]),
    },
  ];
}

/** Every pinpas payment of a year without a receipt: the list the printed overview shortens. */
export function missingReceiptsTable(m: MissingReceipts): Table {
  return {
    name: `Zonder bon ${m.year}`,
    headers: ['Nummer', 'Datum', 'Bedrag', 'Tegenpartij', 'Omschrijving'],
    rows: m.expenses.map((e) => [int(e.expenseId), date(e.date), money(e.amountCents), text(e.payee), text(e.description)]),
  };
}

/** A text that Excel would run as a formula is neutralised with a leading apostrophe. */
const safeText = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

const csvField = (c: Cell): string => {
  const s = c.kind === 'money' ? formatAmount(c.v, false) : c.kind === 'date' ? formatDate(c.v) : c.kind === 'int' ? String(c.v) : safeText(c.v);
  return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function toCsv(tables: Table[]): Buffer {
  const lines: string[] = [];
  tables.forEach((t, i) => {
    if (tables.length > 1) {
      if (i > 0) lines.push('');
      lines.push(csvField(text(t.name)));
    }
    lines.push(t.headers.map((h) => csvField(text(h))).join(';'));
    for (const r of t.rows) lines.push(r.map(csvField).join(';'));
  });
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8')]);
}

/** Cents as the decimal number Excel shows, read from the exact decimal text (no arithmetic on money). */
const euros = (cents: number): number => Number(formatAmount(cents, false).replace(',', '.'));

export async function toXlsx(tables: Table[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Teamchef';
  wb.created = new Date(0);
  for (const t of tables) {
    const ws = wb.addWorksheet(t.name.slice(0, 31));
    ws.addRow(t.headers).font = { bold: true };
    for (const r of t.rows) {
      const row = ws.addRow(
        r.map((c) => {
          if (c.kind === 'money') return euros(c.v);
          if (c.kind === 'date') return new Date(`${c.v}T00:00:00Z`);
          return c.v;
        }),
      );
      r.forEach((c, i) => {
        const cell = row.getCell(i + 1);
        if (c.kind === 'money') cell.numFmt = '€ #,##0.00;€ -#,##0.00';
        if (c.kind === 'date') cell.numFmt = 'dd-mm-yyyy';
      });
    }
    ws.columns.forEach((col) => (col.width = 16));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function exportFile(budget: BudgetService, teamId: number, year: number, what: 'expenses' | 'decisions' | 'overview', format: 'csv' | 'xlsx'): Promise<ExportFile> {
  const tables = tablesFor(budget, teamId, year, what);
  const base = { expenses: 'uitgaven', decisions: 'besluiten', overview: 'overzicht' }[what];
  const bytes = format === 'csv' ? toCsv(tables) : await toXlsx(tables);
  return {
    fileName: `versterkingsgelden-${base}-${year}.${format}`,
    mimeType: format === 'csv' ? 'text/csv;charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    contentBase64: bytes.toString('base64'),
  };
}
