import {
  FORMATION_MAX_FTE,
  FORMATION_MIN_FTE,
  INHABITANTS_PER_WIJKAGENT,
  type FormationSignal,
  type WijkagentNorm,
} from './team';

/** At least one wijkagent per 5,000 inhabitants, rounded up: 120,000 inhabitants need 24. */
export function wijkagentNorm(inhabitants: number, wijkagenten: number): WijkagentNorm {
  const needed = Math.max(0, Math.ceil(inhabitants / INHABITANTS_PER_WIJKAGENT));
  const difference = wijkagenten - needed;
  return { needed, present: wijkagenten, difference, status: difference < 0 ? 'short' : 'ok' };
}

export function formationSignal(fte: number): FormationSignal {
  return { fte, status: fte < FORMATION_MIN_FTE ? 'below' : fte > FORMATION_MAX_FTE ? 'above' : 'ok' };
}
