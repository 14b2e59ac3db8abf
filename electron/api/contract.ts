import type { ContractShape, HandlersFor, InputOf, ResultOf } from './define';
import { reportApi } from './report';
import { agendaApi } from './agenda';
import { clustersApi } from './clusters';
import { appApi } from './app';
import { backupApi } from './backup';
import { dashboardApi } from './dashboard';
import { progressApi } from './progress';
import { auditApi } from './audit';
import { budgetApi } from './budget';
import { teamApi } from './team';
import { districtApi } from './district';
import { undoApi } from './undo';
import { receiptsApi } from './receipts';

/**
 * Every method the renderer may call, in one table. Main registers from it, the preload
 * exposes exactly its keys, and the core must implement every entry (checked by the compiler).
 * A new domain adds its `<domain>Api` table here.
 */
export const contract = {
  ...teamApi,
  ...reportApi,
  ...agendaApi,
  ...clustersApi,
  ...appApi,
  ...backupApi,
  ...progressApi,
  ...dashboardApi,
  ...budgetApi,
  ...auditApi,
  ...undoApi,
  ...districtApi,
  ...receiptsApi,
} satisfies ContractShape;

export type Contract = typeof contract;
export type Method = keyof Contract;
export type Input<M extends Method> = InputOf<Contract[M]>;
export type Result<M extends Method> = ResultOf<Contract[M]>;
export type Handlers = HandlersFor<Contract>;

export const METHODS = Object.keys(contract) as Method[];
export const isMethod = (name: unknown): name is Method =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
