import { Alert, Anchor, Button, FileButton, Group, Input, List, Paper, Progress, Select, Stack, Text, Title } from '@mantine/core';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ENCODINGS, LAYOUTS, PAYMENT_METHODS, type Encoding, type ImportMapping, type ImportPreview, type LayoutId } from '@api/budget';
import { ApiCallError, call } from '../../shared/api';
import { describeError, notifyError, notifySaved } from '../../shared/errors';
import { fileToBase64 } from './forms';
import { ImportColumns } from './ImportColumns';
import { ImportIncoming, initialChoice, toIncoming, type Choice } from './ImportIncoming';
import { ImportRowsTable } from './ImportRowsTable';
import { useFundsStore } from './store';

/** Extensions the chooser offers: bank CSV and TXT, ABN AMRO's .TAB, Excel overviews. */
const ACCEPT = '.csv,.txt,.tab,.xlsx,text/csv,text/plain,text/tab-separated-values,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Options {
  encoding: string;
  layout: string;
  header: string;
  sheet: string | null;
}
const AUTO: Options = { encoding: 'auto', layout: 'auto', header: 'auto', sheet: null };

/**
 * Loaded lazily. Choose or drop a statement; the core reads it, recognises the bank and layout, and
 * proposes what every line is. The chief can override every choice, then imports in one go.
 */
export default function ImportScreen({ teamId }: { teamId: number }) {
  const { t } = useTranslation();
  const write = useFundsStore((s) => s.write);
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [options, setOptions] = useState<Options>(AUTO);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<ImportMapping | null>(null);
  const [skip, setSkip] = useState<Set<number>>(new Set());
  const [choices, setChoices] = useState<Map<number, Choice>>(new Map());
  const [paymentMethod, setPaymentMethod] = useState<string>('debitcard');
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [jump, setJump] = useState<{ row: number; seq: number } | null>(null);
  const resetFile = useRef<() => void>(null);

  const fileOptions = (o: Options) => ({
    ...(o.encoding !== 'auto' ? { encoding: o.encoding as Encoding } : {}),
    ...(o.layout !== 'auto' ? { layout: o.layout as LayoutId } : {}),
    ...(o.header === 'none' ? { headerRow: null } : o.header !== 'auto' ? { headerRow: Number(o.header) } : {}),
    ...(o.sheet ? { sheet: o.sheet } : {}),
  });

  const load = async (f: { name: string; base64: string }, m: ImportMapping | null, o: Options) => {
    setBusy(true);
    try {
      const p = await call('budget.import.preview', { teamId, fileName: f.name, contentBase64: f.base64, ...fileOptions(o), ...(m ? { mapping: m } : {}) });
      setPreview(p);
      setMapping(p.mapping);
      setErrors(p.errors.map((e) => e.message));
      setSkip(new Set(p.rows.filter((r) => r.direction === 'af' && (r.duplicateOf !== null || r.duplicateInFile)).map((r) => r.row)));
      setChoices(new Map(p.rows.filter((r) => r.direction === 'bij').map((r) => [r.row, initialChoice(r)])));
    } catch (err) {
      setPreview(null);
      setErrors([describeError(err)]);
    } finally {
      setBusy(false);
    }
  };

  const open = async (picked: File | undefined) => {
    if (!picked) return;
    setPreview(null);
    setErrors([]);
    const f = { name: picked.name, base64: await fileToBase64(picked) };
    setFile(f);
    setOptions(AUTO);
    await load(f, null, AUTO);
  };

  const change = (patch: Partial<Options>) => {
    const next = { ...options, ...patch };
    setOptions(next);
    if (file) void load(file, null, next);
  };

  const outgoing = useMemo(() => preview?.rows.filter((r) => r.direction === 'af') ?? [], [preview]);
  const incoming = useMemo(() => preview?.rows.filter((r) => r.direction === 'bij') ?? [], [preview]);
  const incomingChoices = useMemo(() => incoming.map((r) => toIncoming(r.row, choices.get(r.row) ?? initialChoice(r))), [incoming, choices]);
  // The incoming lines that still wait for a choice or a reason: the commit waits for all of them.
  const pending = useMemo(() => incoming.filter((_, i) => incomingChoices[i] === null).map((r) => r.row), [incoming, incomingChoices]);
  const complete = pending.length === 0;
  const importable = useMemo(() => outgoing.filter((r) => !skip.has(r.row)).length, [outgoing, skip]);
  const refunds = incomingChoices.filter((c) => c?.action === 'terugbetaling').length;
  const income = incomingChoices.filter((c) => c?.action === 'inkomsten').length;
  const showFirstPending = () => setJump((j) => ({ row: pending[0]!, seq: (j?.seq ?? 0) + 1 }));
  const pendingNote = (testId: string, mb?: string) =>
    pending.length > 0 && (
      <Text size="sm" c="orange.9" role="status" data-testid={testId} mb={mb}>
        {t('budget.import.pending', { count: pending.length, row: pending[0] })}{' '}
        <Anchor component="button" type="button" size="sm" onClick={showFirstPending}>
          {t('budget.import.pendingShow', { row: pending[0] })}
        </Anchor>
      </Text>
    );

  // Stable across renders, so a line's own change redraws only that line.
  const toggle = useCallback((row: number, include: boolean) => {
    setSkip((prev) => {
      const next = new Set(prev);
      if (include) next.delete(row);
      else next.add(row);
      return next;
    });
  }, []);
  const choose = useCallback((row: number, c: Choice) => setChoices((prev) => new Map(prev).set(row, c)), []);

  const commit = async () => {
    if (!file || !mapping || !preview || !complete) return;
    setBusy(true);
    try {
      const r = await write('budget.import.commit', {
        teamId,
        fileName: file.name,
        contentBase64: file.base64,
        ...fileOptions(options),
        encoding: preview.encoding,
        ...(preview.sheet ? { sheet: preview.sheet } : {}),
        mapping,
        paymentMethod: paymentMethod as (typeof PAYMENT_METHODS)[number],
        skipRows: [...skip],
        incoming: incomingChoices.filter((c) => c !== null),
      });
      notifySaved(t('budget.import.doneAll', { imported: r.imported, refunds: r.refunds, income: r.income, skipped: r.skipped }));
      setFile(null);
      setPreview(null);
      setErrors([]);
    } catch (err) {
      if (err instanceof ApiCallError && err.error.issues?.length) setErrors(err.error.issues.map((i) => i.message));
      else setErrors([describeError(err)]);
      notifyError(err);
    } finally {
      setBusy(false);
    }
  };

  const headerChoices = [
    { value: 'auto', label: t('budget.import.headerAuto') },
    { value: 'none', label: t('budget.import.headerNone') },
    ...Array.from({ length: 10 }, (_, i) => ({ value: String(i), label: t('budget.import.headerAt', { n: i + 1 }) })),
  ];

  return (
    <Stack gap="md">
      <Text>{t('budget.import.intro')}</Text>
      <Paper
        withBorder
        p="lg"
        data-testid="import-drop"
        style={{ borderStyle: dragging ? 'dashed' : undefined, borderColor: dragging ? 'var(--mantine-color-blue-6)' : undefined }}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          void open(e.dataTransfer.files[0]);
        }}
      >
        <Group align="flex-end" wrap="wrap">
          <div>
            <Input.Label id="import-file-label" mb={4} display="block">
              {t('budget.import.file')}
            </Input.Label>
            {/* The app's own button in the app's language: the browser's file input speaks the
                system's ("Choose File" in a Dutch interface). Cleared after each pick, so the same
                file chosen again (corrected and saved under the same name) is read again. */}
            <Group gap="xs" wrap="nowrap">
              <FileButton accept={ACCEPT} resetRef={resetFile} onChange={(picked) => void open(picked ?? undefined).finally(() => resetFile.current?.())} inputProps={{ id: 'import-file', 'aria-labelledby': 'import-file-label' }}>
                {(props) => (
                  <Button variant="default" {...props} aria-describedby="import-file-label import-file-name">
                    {t('budget.import.choose')}
                  </Button>
                )}
              </FileButton>
              <Text id="import-file-name" size="sm" c={file ? undefined : 'dimmed'} truncate maw={220} title={file?.name}>
                {file?.name ?? t('budget.import.noFile')}
              </Text>
            </Group>
            <Text size="xs" c="dimmed" mt={4}>
              {t('budget.import.drop')}
            </Text>
          </div>
          <Select
            label={t('budget.import.layout')}
            allowDeselect={false}
            value={options.layout}
            onChange={(v) => change({ layout: v ?? 'auto', header: 'auto' })}
            data={[{ value: 'auto', label: t('budget.import.layoutAuto') }, ...LAYOUTS.map((l) => ({ value: l.id, label: l.bank ? `${l.bank}: ${l.label}` : l.label }))]}
            w={280}
          />
          <Select
            label={t('budget.import.encoding')}
            allowDeselect={false}
            value={options.encoding}
            onChange={(v) => change({ encoding: v ?? 'auto' })}
            data={[{ value: 'auto', label: t('budget.import.encodingAuto') }, ...ENCODINGS.map((e) => ({ value: e, label: e.toUpperCase() }))]}
            w={170}
          />
          <Select label={t('budget.import.headerRow')} allowDeselect={false} value={options.header} onChange={(v) => change({ header: v ?? 'auto' })} data={headerChoices} w={260} />
          {preview && preview.sheets.length > 1 && (
            <Select label={t('budget.import.sheet')} allowDeselect={false} value={preview.sheet} onChange={(v) => change({ sheet: v, header: 'auto' })} data={preview.sheets} w={200} />
          )}
        </Group>
        {busy && file && (
          <Stack gap={4} mt="md" data-testid="import-progress">
            <Text size="sm">{t('budget.import.reading', { name: file.name })}</Text>
            <Progress value={100} animated striped aria-label={t('budget.import.reading', { name: file.name })} />
          </Stack>
        )}
      </Paper>

      {errors.length > 0 && (
        <Alert color="red" role="alert" title={t('budget.import.errors')} data-testid="import-errors">
          <List size="sm">
            {errors.slice(0, 20).map((e) => (
              <List.Item key={e}>{e}</List.Item>
            ))}
          </List>
        </Alert>
      )}

      {preview && file && (
        <Paper withBorder p="lg">
          <Text fw={600} data-testid="import-layout">
            {preview.layout.bank
              ? t('budget.import.recognised', { bank: preview.layout.bank, label: preview.layout.label })
              : t('budget.import.recognisedGeneric', { label: preview.layout.label })}
          </Text>
          <Text size="sm" c="dimmed" mb="xs" data-testid="mapping-source">
            {t(`budget.import.mappingSource.${preview.mappingSource}`)} · {preview.encoding.toUpperCase()}
            {preview.delimiter ? ` · “${preview.delimiter === '\t' ? 'tab' : preview.delimiter}”` : ''} ·{' '}
            {preview.headerRow === null ? t('budget.import.headerNone') : `${t('budget.import.headerRow')}: ${t('budget.import.headerAt', { n: preview.headerRow + 1 })}`}
          </Text>
          <Text size="sm" mb="sm" data-testid="import-counts">
            {t('budget.import.read', { name: file.name, count: preview.dataRows })}{' '}
            {t('budget.import.counts', { af: preview.counts.af, bij: preview.counts.bij, duplicates: preview.counts.duplicates })}
          </Text>
          {pendingNote('import-pending', 'sm')}
          {preview.notes.length > 0 && (
            <Text size="sm" mb="sm" data-testid="import-notes">
              {t('budget.import.notes')} {preview.notes.map((n) => n.message).join(' ')}
            </Text>
          )}
          <Title order={2} size="h4" mb="xs">
            {t('budget.import.columns')}
          </Title>
          {mapping ? (
            <ImportColumns headers={preview.headers} mapping={mapping} onChange={setMapping} onApply={() => void load(file, mapping, options)} busy={busy} />
          ) : (
            <Button
              variant="light"
              onClick={() =>
                setMapping({ dateColumn: 0, dateFormat: 'dd-mm-jjjj', amountColumn: Math.min(1, preview.headers.length - 1), signMode: 'teken', directionColumn: null, debitValues: ['Af', 'D'], payeeColumn: Math.min(2, preview.headers.length - 1), descriptionColumn: null })
              }
            >
              {t('budget.import.columns')}
            </Button>
          )}
        </Paper>
      )}

      {preview && outgoing.length > 0 && (
        <ImportRowsTable rows={outgoing} skip={skip} onToggle={toggle} />
      )}

      {preview && incoming.length > 0 && <ImportIncoming rows={incoming} choices={choices} onChange={choose} jump={jump} />}

      {preview && preview.rows.length > 0 && (
        <Group justify="flex-end" align="flex-end">
          {pendingNote('import-pending-bottom')}
          <Select
            label={t('budget.import.paymentMethod')}
            allowDeselect={false}
            value={paymentMethod}
            onChange={(v) => setPaymentMethod(v ?? 'debitcard')}
            data={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`budget.methods.${m}`) }))}
            w={220}
          />
          <Button onClick={() => void commit()} loading={busy} disabled={!complete || importable + refunds + income === 0 || preview.errors.length > 0} data-testid="import-commit">
            {t('budget.import.commitAll', { af: importable, refunds, income })}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
