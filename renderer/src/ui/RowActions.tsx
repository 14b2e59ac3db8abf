import { Button, Group, Menu } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export interface RowAction {
  label: string;
  onClick?: () => void;
  /** A route: the action is a link. */
  to?: string;
  color?: string;
}

/** Wide enough for a row's buttons side by side next to long names and amounts. */
const WIDE = '(min-width: 1600px)';

/**
 * A table row's actions: side by side on a wide screen; on a laptop one "Acties" button that
 * opens them as a menu, so no button is ever cut to "Terugdra…". `name` tells a screen reader
 * which row the actions are for.
 */
export function RowActions({ name, actions }: { name: string; actions: RowAction[] }) {
  const { t } = useTranslation();
  const wide = useMediaQuery(WIDE, typeof window !== 'undefined' && window.matchMedia(WIDE).matches, { getInitialValueInEffect: false });
  if (actions.length === 0) return null;
  if (wide)
    return (
      <Group gap={4} wrap="nowrap">
        {actions.map((a) =>
          a.to ? (
            <Button key={a.label} size="compact-xs" variant="subtle" color={a.color} component={Link} to={a.to} aria-label={`${a.label}: ${name}`}>
              {a.label}
            </Button>
          ) : (
            <Button key={a.label} size="compact-xs" variant="subtle" color={a.color} onClick={a.onClick} aria-label={`${a.label}: ${name}`}>
              {a.label}
            </Button>
          ),
        )}
      </Group>
    );
  return (
    <Menu position="bottom-end" shadow="md" withinPortal>
      <Menu.Target>
        <Button size="compact-xs" variant="light" aria-label={`${t('common.actions')}: ${name}`} rightSection={<span aria-hidden="true">▾</span>}>
          {t('common.actions')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {actions.map((a) =>
          a.to ? (
            <Menu.Item key={a.label} color={a.color} component={Link} to={a.to}>
              {a.label}
            </Menu.Item>
          ) : (
            <Menu.Item key={a.label} color={a.color} onClick={a.onClick}>
              {a.label}
            </Menu.Item>
          ),
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
