import { Checkbox, Paper, Text, Title } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportRow } from '@api/budget';
import { formatDate, formatMoney } from '../../ui/format';
import { fixedBodyHeight, rowStyle, VirtualTable } from '../../ui/VirtualTable';

const COLUMNS = '80px 70px 100px 110px minmax(140px, 1fr) minmax(160px, 1.5fr) minmax(140px, 1fr)';
const ROW_HEIGHT = 48;
const cell = { padding: '0 8px', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;

interface Props {
  rows: ImportRow[];
  skip: Set<number>;
  onToggle(row: number, include: boolean): void;
}

/**
 * The outgoing lines. Only the lines in view are drawn, so a 10,000-line statement opens as fast as
 * a short one; ticking a line redraws that line only.
 */
export const ImportRowsTable = memo(function ImportRowsTable({ rows, skip, onToggle }: Props) {
  const { t } = useTranslation();
  const parentRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => parentRef.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });
  const header = [t('budget.import.include'), t('budget.import.row'), t('budget.fields.date'), t('budget.fields.amount'), t('budget.fields.payee'), t('budget.fields.description'), t('budget.import.duplicate')];
  return (
    <Paper withBorder p="lg">
      <Title order={2} size="h3" mb="sm">
        {t('budget.import.preview')} ({rows.length})
      </Title>
      <VirtualTable
        label={t('budget.import.preview')}
        rowCount={rows.length}
        minWidth={880}
        columns={COLUMNS}
        header={header.map((label, i) => ({ label, right: i === 3, style: cell }))}
        fontSize={14}
        testId="import-preview"
        bodyRef={parentRef}
        bodyStyle={fixedBodyHeight(rows.length, ROW_HEIGHT)}
        bodyTestId="import-scroll"
        totalSize={virtualizer.getTotalSize()}
      >
        {virtualizer.getVirtualItems().map((v) => {
          const r = rows[v.index]!;
          return <OutgoingRow key={r.row} r={r} index={v.index} start={v.start} included={!skip.has(r.row)} onToggle={onToggle} />;
        })}
      </VirtualTable>
    </Paper>
  );
});

const OutgoingRow = memo(function OutgoingRow({ r, index, start, included, onToggle }: { r: ImportRow; index: number; start: number; included: boolean; onToggle(row: number, include: boolean): void }) {
  const { t } = useTranslation();
  const dup = r.duplicateOf ? t(`budget.import.duplicateKind.${r.duplicateOf.kind}`, { id: r.duplicateOf.id }) : r.duplicateInFile ? t('budget.import.duplicateInFile') : '';
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      data-testid={`import-row-${r.row}`}
      style={{ ...rowStyle(start, ROW_HEIGHT), display: 'grid', gridTemplateColumns: COLUMNS, alignItems: 'center', fontSize: 14, borderBottom: '1px solid var(--mantine-color-gray-2)' }}
    >
      <div role="cell" style={cell}>
        <Checkbox aria-label={`${t('budget.import.include')} ${t('budget.import.row')} ${r.row}`} checked={included} onChange={(e) => onToggle(r.row, e.currentTarget.checked)} />
      </div>
      <div role="cell" style={cell}>
        {r.row}
      </div>
      <div role="cell" style={cell}>
        {formatDate(r.date)}
      </div>
      <div role="cell" style={{ ...cell, textAlign: 'right' }}>
        {formatMoney(r.amountCents)}
      </div>
      <div role="cell" style={cell} title={r.payee}>
        {r.payee}
      </div>
      <div role="cell" style={{ ...cell, whiteSpace: 'normal' }}>
        <Text size="sm" lineClamp={2} title={r.description}>
          {r.description}
        </Text>
      </div>
      <div role="cell" style={{ ...cell, whiteSpace: 'normal' }} title={dup}>
        <Text size="sm" lineClamp={2}>
          {dup}
        </Text>
      </div>
    </div>
  );
});
