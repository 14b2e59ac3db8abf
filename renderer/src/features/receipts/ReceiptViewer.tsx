import { Alert, Button, Group, Loader, Modal, ScrollArea, Stack, Text } from '@mantine/core';
import { GlobalWorkerOptions, getDocument, type PDFDocumentProxy } from 'pdfjs-dist';
// The worker ships as a file of the app (app://…/assets), loaded as a module worker: allowed by the
// CSP's worker-src 'self', and pdf.js 6 needs no eval, so script-src stays 'self'.
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '@api/receipts';
import { call } from '../../shared/api';
import { notifyError } from '../../shared/errors';
import { canOpenWith, openWith, receiptUrl, saveReceipt } from './content';

let worker: Worker | null = null;
function pdfWorker(): Worker {
  // One worker for the session, created on the first PDF shown.
  worker ??= new Worker(workerUrl, { type: 'module', name: 'pdf.js' });
  GlobalWorkerOptions.workerPort = worker;
  return worker;
}

const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3, 4];
const MAX_PAGES = 50;

function PdfPages({ doc, zoom, width }: { doc: PDFDocumentProxy; zoom: number; width: number }) {
  const { t } = useTranslation();
  const holder = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const box = holder.current;
    if (!box) return;
    let cancelled = false;
    box.replaceChildren();
    (async () => {
      const pages = Math.min(doc.numPages, MAX_PAGES);
      for (let n = 1; n <= pages && !cancelled; n++) {
        const page = await doc.getPage(n);
        const base = page.getViewport({ scale: 1 });
        const viewport = page.getViewport({ scale: (width / base.width) * zoom * (window.devicePixelRatio || 1) });
        const canvas = document.createElement('canvas');
        canvas.width = Math.floor(viewport.width);
        canvas.height = Math.floor(viewport.height);
        canvas.style.width = `${Math.floor(viewport.width / (window.devicePixelRatio || 1))}px`;
        canvas.style.display = 'block';
        canvas.style.margin = '0 auto 12px';
        canvas.style.boxShadow = '0 1px 4px rgba(0,0,0,.25)';
        canvas.setAttribute('role', 'img');
        canvas.setAttribute('aria-label', t('receipts.page', { page: n, pages: doc.numPages }));
        canvas.dataset.page = String(n);
        if (cancelled) return;
        box.append(canvas);
        await page.render({ canvas, viewport }).promise;
      }
      if (!cancelled) box.dataset.rendered = String(pages);
    })().catch((err) => {
      if (!cancelled) {
        box.dataset.failed = 'true';
        console.warn('PDF page not rendered', err);
      }
    });
    return () => {
      cancelled = true;
    };
  }, [doc, zoom, width, t]);
  return <div ref={holder} data-testid="pdf-pages" />;
}

/** One receipt, large: a photo with zoom, or the PDF's pages rendered in the app by pdf.js. */
export default function ReceiptViewer({ teamId, attachment, onClose }: { teamId: number; attachment: Attachment; onClose(): void }) {
  const { t } = useTranslation();
  const [zoom, setZoom] = useState(1);
  const [url, setUrl] = useState<string | null>(null);
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [failed, setFailed] = useState(false);
  const isPdf = attachment.mime === 'application/pdf';
  const width = Math.min(900, Math.max(320, window.innerWidth - 160));

  useEffect(() => {
    let live = true;
    let task: ReturnType<typeof getDocument> | null = null;
    if (isPdf) {
      pdfWorker();
      call('receipts.content', { teamId, attachmentId: attachment.id })
        // useWasm: false, the CSP allows no WebAssembly; pdf.js decodes in JavaScript instead.
        .then((c) => {
          task = getDocument({ data: c.bytes, useWasm: false });
          return task.promise;
        })
        .then((d) => {
          if (live) setDoc(d);
          else void task?.destroy();
        })
        .catch(() => live && setFailed(true));
    } else {
      receiptUrl(teamId, attachment)
        .then((u) => live && setUrl(u))
        .catch(() => live && setFailed(true));
    }
    return () => {
      live = false;
      void task?.destroy();
    };
  }, [teamId, attachment, isPdf]);

  const step = (dir: 1 | -1) => setZoom((z) => ZOOMS[Math.min(ZOOMS.length - 1, Math.max(0, ZOOMS.findIndex((v) => v >= z) + dir))] ?? 1);
  return (
    <Modal opened onClose={onClose} title={`${t('receipts.viewer')}: ${attachment.fileName}`} size="auto" centered>
      <Stack gap="sm" data-testid="receipt-viewer" data-mime={attachment.mime}>
        <Group gap="xs" justify="space-between">
          <Group gap="xs">
            <Button size="compact-sm" variant="default" onClick={() => step(-1)} aria-label={t('receipts.zoomOut')}>
              −
            </Button>
            <Text size="sm" w={48} ta="center" data-testid="zoom">
              {Math.round(zoom * 100)}%
            </Text>
            <Button size="compact-sm" variant="default" onClick={() => step(1)} aria-label={t('receipts.zoomIn')}>
              +
            </Button>
            <Button size="compact-sm" variant="subtle" onClick={() => setZoom(1)}>
              {t('receipts.zoomFit')}
            </Button>
            {doc && (
              <Text size="sm" c="dimmed">
                {t('receipts.page', { page: 1, pages: doc.numPages })}
              </Text>
            )}
          </Group>
          <Group gap="xs">
            {canOpenWith() && (
              <Button size="compact-sm" variant="light" onClick={() => void openWith(teamId, attachment).catch(notifyError)}>
                {t('receipts.openWith')}
              </Button>
            )}
            <Button size="compact-sm" variant="light" onClick={() => void saveReceipt(teamId, attachment).catch(notifyError)}>
              {t('receipts.download')}
            </Button>
          </Group>
        </Group>
        {failed ? (
          <Alert color="red">{t('receipts.pdfFailed')}</Alert>
        ) : (
          <ScrollArea h="calc(100vh - 220px)" w={width + 40} type="auto">
            {isPdf ? (
              doc ? <PdfPages doc={doc} zoom={zoom} width={width} /> : <Loader />
            ) : url ? (
              <img
                src={url}
                alt={t('receipts.thumbAlt', { file: attachment.fileName })}
                data-testid="receipt-image"
                style={{ display: 'block', margin: '0 auto', width: width * zoom, maxWidth: 'none' }}
              />
            ) : (
              <Loader />
            )}
          </ScrollArea>
        )}
      </Stack>
    </Modal>
  );
}
