import { Center, Group, Table, Text, UnstyledButton } from '@mantine/core';
import { useMemo, useState, type ReactNode } from 'react';

export type SortDir = 'asc' | 'desc';
export interface Sort<K extends string> {
  key: K;
  dir: SortDir;
}

/** What a column sorts on: text (compared the Dutch way, numbers inside text numerically) or a number. */
export type SortValue = string | number | null | undefined;

const collator = new Intl.Collator('nl-NL', { numeric: true, sensitivity: 'base' });
const compare = (a: SortValue, b: SortValue): number => {
  if (a === b) return 0;
  if (a === null || a === undefined || a === '') return 1;
  if (b === null || b === undefined || b === '') return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
};

/** Rows sorted by one column; empty values always last. `valueOf` should be stable (module-level). */
export function useSorted<T, K extends string>(rows: T[], initial: Sort<K>, valueOf: (row: T, key: K) => SortValue) {
  const [sort, setSort] = useState<Sort<K>>(initial);
  const sorted = useMemo(() => {
    const out = [...rows].sort((a, b) => compare(valueOf(a, sort.key), valueOf(b, sort.key)));
    return sort.dir === 'desc' ? out.reverse() : out;
  }, [rows, sort, valueOf]);
  const toggle = (key: K) => setSort((s) => ({ key, dir: s.key === key && s.dir === 'asc' ? 'desc' : 'asc' }));
  return { sorted, sort, toggle };
}

/** A column header that sorts on click or Enter/Space, announcing its direction to screen readers. */
export function SortTh<K extends string>({
  column,
  sort,
  onSort,
  label,
  sortLabel,
}: {
  column: K;
  sort: Sort<K>;
  onSort(key: K): void;
  label: string;
  sortLabel: string;
}) {
  const active = sort.key === column;
  return (
    <Table.Th aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <UnstyledButton onClick={() => onSort(column)} aria-label={sortLabel} data-testid={`sort-${column}`}>
        <Group gap={4} wrap="nowrap">
          <Text fw={600} size="sm">
            {label}
          </Text>
          <Text size="xs" aria-hidden>
            {active ? (sort.dir === 'asc' ? '▲' : '▼') : '↕'}
          </Text>
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

export function EmptyRow({ cols, children }: { cols: number; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Td colSpan={cols}>
        <Center py="md">
          <Text c="dimmed">{children}</Text>
        </Center>
      </Table.Td>
    </Table.Tr>
  );
}

/** `2026` for a calendar year, otherwise `01-03-2026 t/m 28-02-2027`. */
export function periodLabel(start: string, end: string, formatDate: (iso: string) => string, through = 't/m'): string {
  if (start.endsWith('-01-01') && end.endsWith('-12-31') && start.slice(0, 4) === end.slice(0, 4)) return start.slice(0, 4);
  return `${formatDate(start)} ${through} ${formatDate(end)}`;
}
