import { z } from 'zod';
import { method } from './define';
import { Id, IsoDate, Name, PlanDate, ShortText } from './schemas';
import type { WijkagentNorm } from './team';

/** Clusters: "klein binnen groot", the smaller units inside the basisteam, and how they change. */

const partShape = {
  name: Name,
  areas: z.array(Name).max(100, { message: 'Maximaal 100 wijken of buurten.' }).default([]),
  gemeenten: z.array(Name).max(50, { message: 'Maximaal 50 gemeenten.' }).default([]),
  inhabitants: z
    .number({ message: 'Vul een getal in.' })
    .int({ message: 'Vul een heel getal in.' })
    .min(0, { message: 'Het aantal inwoners kan niet negatief zijn.' })
    .max(20_000_000, { message: 'Maximaal 20.000.000 inwoners.' }),
  lead: ShortText.default(''),
  fte: z
    .number({ message: 'Vul een getal in.' })
    .min(0, { message: 'Het aantal fte kan niet negatief zijn.' })
    .max(5000, { message: 'Maximaal 5.000 fte.' }),
  wijkagenten: z
    .number({ message: 'Vul een getal in.' })
    .int({ message: 'Vul een heel getal in.' })
    .min(0, { message: 'Het aantal wijkagenten kan niet negatief zijn.' })
    .max(10_000, { message: 'Maximaal 10.000 wijkagenten.' }),
};

type Sizes = { fte: number; wijkagenten: number };
const checkSizes = (v: Sizes, ctx: z.RefinementCtx, prefix: (string | number)[] = []) => {
  if (v.wijkagenten > v.fte)
    ctx.addIssue({
      code: 'custom',
      path: [...prefix, 'wijkagenten'],
      message: 'Er zijn meer wijkagenten dan fte in dit cluster: de wijkagenten horen bij de fte van het cluster.',
    });
};

const clusterShape = { ...partShape, startDate: PlanDate, endDate: PlanDate.nullable().default(null) };

export const ClusterFields = z.strictObject(clusterShape).superRefine((v, ctx) => {
  checkSizes(v, ctx);
  if (v.endDate !== null && v.endDate < v.startDate)
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'De einddatum ligt voor de startdatum.' });
});
export type ClusterFields = z.output<typeof ClusterFields>;

export const ClusterPart = z.strictObject(partShape).superRefine((v, ctx) => checkSizes(v, ctx));
export type ClusterPart = z.output<typeof ClusterPart>;

export const ClusterCreateInput = z.strictObject({ teamId: Id, ...clusterShape }).superRefine((v, ctx) => {
  checkSizes(v, ctx);
  if (v.endDate !== null && v.endDate < v.startDate)
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'De einddatum ligt voor de startdatum.' });
});

export const ClusterEndInput = z.strictObject({ teamId: Id, clusterId: Id, endDate: PlanDate, reason: ShortText.default('') });

export const ClusterSplitInput = z.strictObject({
  teamId: Id,
  clusterId: Id,
  /** The first day of the new clusters; the old one ends the day before. */
  date: PlanDate,
  parts: z
    .array(ClusterPart)
    .min(2, { message: 'Splits in minstens twee clusters.' })
    .max(10, { message: 'Splits in hoogstens tien clusters.' }),
});

export type ClusterState = 'gepland' | 'actief' | 'beeindigd';

export interface Cluster {
  id: number;
  teamId: number;
  name: string;
  areas: string[];
  gemeenten: string[];
  inhabitants: number;
  lead: string;
  fte: number;
  wijkagenten: number;
  startDate: string;
  endDate: string | null;
  endReason: string;
  splitFromId: number | null;
  /** Clusters that continue this one after a split. */
  splitIntoIds: number[];
  archived: boolean;
  /** Relative to today: not yet started, running, or ended. */
  state: ClusterState;
  norm: WijkagentNorm;
  /** Actions linked to this cluster (archived ones included). */
  actionCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface Totals {
  inhabitants: number;
  fte: number;
  wijkagenten: number;
}

/** The clusters running on a date, added up and held against the team profile. */
export interface ClusterOverview {
  date: string;
  clusters: Cluster[];
  sum: Totals;
  team: Totals;
  /** team − sum: positive is not covered by any cluster (a gap), negative is counted twice or too much (an overlap). */
  difference: Totals;
  norm: WijkagentNorm;
  /** Wijken/buurten named in more than one running cluster. */
  overlappingAreas: { area: string; clusters: string[] }[];
  /** Gemeenten of the team profile that no running cluster names. */
  uncoveredGemeenten: string[];
  /** Gemeenten named by a cluster that the team profile does not have. */
  foreignGemeenten: string[];
}

export const clustersApi = {
  'clusters.list': method<Cluster[]>()(z.strictObject({ teamId: Id, includeArchived: z.boolean().default(false) })),
  'clusters.create': method<Cluster>()(ClusterCreateInput),
  'clusters.update': method<Cluster>()(z.strictObject({ teamId: Id, clusterId: Id, fields: ClusterFields })),
  'clusters.end': method<Cluster>()(ClusterEndInput),
  'clusters.split': method<Cluster[]>()(ClusterSplitInput),
  'clusters.overview': method<ClusterOverview>()(z.strictObject({ teamId: Id, date: IsoDate.optional() })),
  'clusters.archive': method<Cluster>()(z.strictObject({ teamId: Id, clusterId: Id, archived: z.boolean() })),
  /** Deletes a cluster nothing points to; otherwise CONFLICT naming what depends on it. */
  'clusters.remove': method<null>()(z.strictObject({ teamId: Id, clusterId: Id })),
};
