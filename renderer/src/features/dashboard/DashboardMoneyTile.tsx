import type { Period } from '../../../../electron/api/period';

export interface DashboardMoneyTileProps {
  teamId: number;
  period: Period;
}

/**
 * Slot for the versterkingsgelden on the home screen: available / committed / spent / left for the
 * period (`budget.overview`), and money spent over time. The budget domain is built separately;
 * until it is merged and wired here, this tile renders nothing.
 */
export function DashboardMoneyTile(_props: DashboardMoneyTileProps) {
  return null;
}
