import { z } from 'zod';
import { method } from './define';
import { Id, Name, ShortText } from './schemas';

export const EENHEDEN = [
  'noord-nederland',
  'oost-nederland',
  'midden-nederland',
  'noord-holland',
  'amsterdam',
  'den-haag',
  'rotterdam',
  'zeeland-west-brabant',
  'oost-brabant',
  'limburg',
] as const;
export type Eenheid = (typeof EENHEDEN)[number];

/** Norms from the domain: a signal for the chief, never a hard rule. */
export const INHABITANTS_PER_WIJKAGENT = 5000;
export const FORMATION_MIN_FTE = 60;
export const FORMATION_MAX_FTE = 200;

export const TeamProfileInput = z.strictObject({
  name: Name,
  eenheid: z.enum(EENHEDEN, { message: 'Kies een van de tien eenheden.' }),
  district: ShortText,
  gemeenten: z.array(Name).max(50, { message: 'Maximaal 50 gemeenten.' }),
  formationFte: z
    .number({ message: 'Vul een getal in.' })
    .gt(0, { message: 'De formatie moet groter dan 0 fte zijn.' })
    .max(5000, { message: 'Maximaal 5.000 fte.' }),
  inhabitants: z
    .number({ message: 'Vul een getal in.' })
    .int({ message: 'Vul een heel getal in.' })
    .min(0, { message: 'Het aantal inwoners kan niet negatief zijn.' })
    .max(20_000_000, { message: 'Maximaal 20.000.000 inwoners.' }),
  areaKm2: z
    .number({ message: 'Vul een getal in.' })
    .min(0, { message: 'De oppervlakte kan niet negatief zijn.' })
    .max(100_000, { message: 'Maximaal 100.000 km².' }),
  wijkagenten: z
    .number({ message: 'Vul een getal in.' })
    .int({ message: 'Vul een heel getal in.' })
    .min(0, { message: 'Het aantal wijkagenten kan niet negatief zijn.' })
    .max(10_000, { message: 'Maximaal 10.000 wijkagenten.' }),
});
export type TeamProfile = z.output<typeof TeamProfileInput>;

export interface WijkagentNorm {
  needed: number;
  present: number;
  /** present - needed: negative means short. */
  difference: number;
  status: 'ok' | 'short';
}

export interface FormationSignal {
  fte: number;
  status: 'ok' | 'below' | 'above';
}

export interface Team extends TeamProfile {
  id: number;
  createdAt: string;
  updatedAt: string;
  norm: WijkagentNorm;
  formation: FormationSignal;
}

export const teamApi = {
  'team.list': method<Team[]>()(z.strictObject({}).optional()),
  'team.get': method<Team>()(z.strictObject({ teamId: Id })),
  'team.create': method<Team>()(TeamProfileInput),
  'team.update': method<Team>()(z.strictObject({ teamId: Id, profile: TeamProfileInput })),
};
