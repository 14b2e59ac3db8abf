import { ExpenseInput } from '../../../electron/api/budget';
import type { Ctx } from '../../../electron/api/define';
import { createAuditLog } from '../../../electron/core/audit/chain';
import { createBudgetService, type NewExpense } from '../../../electron/core/budget/service';
import type { Core } from '../../../electron/core';
import { apply, mulberry32 } from '../../bench/generate';

/**
 * The longest realistic data a screen must hold, written through the app's own API: names of 60
 * characters, € 99.999.999,99 amounts, 2,000 expenses, long check-in notes, and every status a
 * badge can show (reversed and voided expenses, a withdrawn and a proposed decision, overdue
 * actions). Six of the eight opgaven are chosen, so "choose" still has something to offer.
 */
export const LONG_TODAY = '2026-11-28';
export const LONG_YEAR = 2026;
export const LONG_TEAM = 'Basisteam Rivierenland-Oost en Betuwe-West langs de Linge-Zuid';
/** 60 characters: the longest names the layout must carry without cutting a control. */
export const long = (base: string) => `${base} en omstreken van het buitengebied langs de rivier`.slice(0, 60).trimEnd().padEnd(60, 'x');
export const MAX_CENTS = 9_999_999_999;

const clockOn = (date: string, hour = 10): Ctx => ({ today: () => date, now: () => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00`) });
const iso = (month: number, day: number) => `${LONG_YEAR}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

export function seedLongData(core: Core): void {
  const rnd = mulberry32(60);
  const int = (min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));
  const jan = iso(1, 2);
  core.db.transaction(() => {
    const team = apply(
      core,
      'team.create',
      {
        name: LONG_TEAM.slice(0, 60),
        eenheid: 'oost-nederland',
        district: long('District Gelderland-Zuid en Rivierenland'),
        gemeenten: ['Neder-Betuwe', 'West Betuwe', 'Buren', long('Gemeente Tiel-Culemborg-Zaltbommel')],
        formationFte: 4999.5,
        inhabitants: 19_999_999,
        areaKm2: 99_999,
        wijkagenten: 9999,
      },
      clockOn(jan, 8),
    );
    const teamId = team.id;
    const clusters = ['Cluster Noordoost', 'Cluster Rivierengebied', 'Cluster Binnenstad', 'Cluster Kerkdorpen'].map(
      (name, c) =>
        apply(
          core,
          'clusters.create',
          {
            teamId,
            name: long(name),
            areas: [long('Wijk Oosterhout'), long('Buurt De Hoge Weide')],
            gemeenten: ['Neder-Betuwe'],
            inhabitants: 4_999_999,
            lead: long('Hoofdagent M. van der Wetering-Oudenallen'),
            fte: 1249.5,
            wijkagenten: 1249,
            startDate: iso(1, 1),
          },
          clockOn(jan, 9 + c),
        ).id,
    );
    apply(core, 'clusters.end', { teamId, clusterId: clusters[3]!, endDate: iso(12, 1), reason: long('Samengevoegd met het cluster in het rivierengebied') }, clockOn(iso(11, 20)));

    const opgaven = [1, 2, 3, 4, 5, 6].map(
      (opgaveId) =>
        apply(
          core,
          'agenda.choose',
          {
            teamId,
            opgaveId,
            periodStart: iso(1, 1),
            periodEnd: iso(12, 31),
            ambition: long('Ambitie: zichtbaar en bereikbaar in de wijk en op het web'),
            owner: long('Inspecteur A. van Oudshoorn-Gerritsen de Jonge'),
            priority: 1 + (opgaveId % 3),
            pace: 'snel',
            startDate: iso(1, 1),
            targetDate: iso(12, 1),
          },
          clockOn(jan, 10),
        ).id,
    );
    const actions = Array.from({ length: 24 }, (_, a) =>
      apply(
        core,
        'action.create',
        {
          teamId,
          teamOpgaveId: opgaven[a % opgaven.length]!,
          title: long(`Actie ${a + 1}: pop-up politiebureau in het leegstaande winkelpand`),
          description: long('Samen met de gemeente en de ondernemersvereniging'),
          owner: long('Wijkagent P. Mulder-van den Berg'),
          clusterId: a % 2 ? clusters[a % 3]! : null,
          startDate: iso(1 + (a % 10), 3),
          // Half of them overdue on the fixture's today.
          dueDate: a % 2 ? iso(1 + (a % 10), 28) : iso(12, 20),
          status: a % 5 === 4 ? 'afgerond' : 'lopend',
        },
        clockOn(iso(1 + (a % 10), 3)),
      ).id,
    );

    apply(core, 'budget.entries.add', { teamId, year: LONG_YEAR, date: jan, kind: 'toekenning', amountCents: MAX_CENTS, reason: '' }, clockOn(jan, 8));
    const decisions = Array.from({ length: 12 }, (_, d) => {
      const date = iso(1 + d, 5);
      return apply(
        core,
        'budget.decisions.create',
        {
          teamId,
          date,
          title: long(`Besluit ${d + 1}: inrichting van het pop-up politiebureau`),
          amountCents: d === 0 ? MAX_CENTS : int(1_000_000, 900_000_000),
          rationale: long('Past bij de gekozen opgave en het plan van de driehoek'),
          teamOpgaveId: opgaven[d % opgaven.length]!,
          decidedBy: long('Teamchef'),
          status: 'genomen',
          overBudgetReason: 'Voorgefinancierd door het district.',
        },
        clockOn(date, 9),
      ).id;
    });
    apply(core, 'budget.decisions.withdraw', { teamId, decisionId: decisions[11]!, reason: 'Niet meer nodig.' }, clockOn(iso(12, 6)));
    apply(
      core,
      'budget.decisions.create',
      { teamId, date: iso(11, 20), title: long('Voorstel voor het volgende kwartaal'), amountCents: MAX_CENTS, rationale: '', decidedBy: '', status: 'voorgesteld' },
      clockOn(iso(11, 20)),
    );

    const budget = createBudgetService(core.db, createAuditLog(core.db));
    const ids: number[] = [];
    for (let month = 1; month <= 11; month++) {
      const batch: NewExpense[] = [];
      const count = month === 11 ? 2000 - 10 * 182 : 182;
      for (let i = 0; i < count; i++) {
        const input = ExpenseInput.parse({
          teamId,
          date: iso(month, 1 + (i % 27)),
          amountCents: i % 400 === 0 ? MAX_CENTS : int(250, 900_000),
          payee: long(`Leverancier ${i % 40}: drukkerij en grafisch ontwerpbureau De Wijk`),
          description: long('Materiaal, consumpties en zaalhuur voor de bijeenkomst'),
          paymentMethod: (['debitcard', 'factuur', 'declaratie'] as const)[i % 3],
          receiptRef: `BON-${LONG_YEAR}-${String(month * 1000 + i).padStart(6, '0')}-AANVULLING`,
          decisionId: i % 3 ? decisions[(month + i) % 11]! : null,
          actionId: i % 3 ? null : actions[i % actions.length]!,
        });
        const { teamId: _t, decisionId, teamOpgaveId, actionId, clusterId, ...rest } = input;
        batch.push({ ...rest, links: { decisionId, teamOpgaveId, actionId, clusterId } });
      }
      ids.push(...budget.addExpensesInTransaction(teamId, batch, clockOn(iso(month, 28), 17)));
    }
    // The newest expenses show first: reverse and void some of them so those badges are on screen.
    ids.slice(-12).forEach((expenseId, i) => {
      if (i % 4 === 0) apply(core, 'budget.expenses.reverse', { teamId, expenseId, date: LONG_TODAY, reason: 'Dubbel geboekt.' }, clockOn(LONG_TODAY, 16));
      else if (i % 4 === 1) apply(core, 'budget.expenses.void', { teamId, expenseId, reason: 'Verkeerd ingevoerd.' }, clockOn(LONG_TODAY, 17));
    });

    const statuses = ['aandacht-nodig', 'achter', 'op-koers', 'aandacht-nodig', 'op-koers', 'afgerond'] as const;
    opgaven.forEach((teamOpgaveId, o) => {
      for (let c = 0; c < 8; c++) {
        const date = iso(2 + c, 10 + o);
        apply(
          core,
          'progress.checkins.create',
          {
            teamId,
            checkin: {
              teamOpgaveId,
              date,
              status: c === 7 ? statuses[o]! : 'op-koers',
              progress: c === 7 && statuses[o] === 'afgerond' ? 100 : 10 * c + o,
              confidence: 1 + ((c + o) % 10),
              wentWell: long(`Goed contact met de wijk en de partners (${c + 1})`),
              nextSteps: long('Vervolgafspraak plannen met de gemeente en het OM'),
              blockers: c % 2 ? long('Capaciteit in de zomer en wachten op de gemeente') : '',
            },
          },
          clockOn(date, 14),
        );
      }
    });
  })();
}
