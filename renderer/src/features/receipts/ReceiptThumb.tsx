import { UnstyledButton } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '@api/receipts';
import { thumbnailUrl } from './content';

/** A PDF has no cheap picture: a page-shaped icon with its type, so it is recognisable in a row. */
function PdfIcon({ size, label }: { size: number; label: string }) {
  return (
    <svg width={size * 0.78} height={size} viewBox="0 0 28 36" aria-hidden="true" focusable="false">
      <path d="M2 1h17l8 8v25a1 1 0 0 1-1 1H2a1 1 0 0 1-1-1V2a1 1 0 0 1 1-1z" fill="#fff" stroke="#868e96" strokeWidth="1.5" />
      <path d="M19 1v8h8" fill="none" stroke="#868e96" strokeWidth="1.5" />
      <rect x="3" y="19" width="22" height="10" rx="1.5" fill="#c92a2a" />
      <text x="14" y="27" textAnchor="middle" fontSize="8" fontFamily="sans-serif" fontWeight="700" fill="#fff">
        {label}
      </text>
    </svg>
  );
}

/** A small picture of one receipt; a click opens the viewer. */
export function ReceiptThumb({ teamId, attachment, size = 32, onOpen }: { teamId: number; attachment: Attachment; size?: number; onOpen(a: Attachment): void }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState<string | null>(null);
  const isImage = attachment.mime !== 'application/pdf';
  useEffect(() => {
    if (!isImage) return;
    let live = true;
    thumbnailUrl(teamId, attachment)
      .then((u) => live && setUrl(u))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [teamId, attachment, isImage]);
  const label = t('receipts.thumbAlt', { file: attachment.fileName });
  return (
    <UnstyledButton
      onClick={() => onOpen(attachment)}
      aria-label={`${t('receipts.open')}: ${attachment.fileName}`}
      title={attachment.fileName}
      data-testid={`thumb-${attachment.id}`}
      data-mime={attachment.mime}
      style={{ width: size, height: size, display: 'inline-flex', alignItems: 'center', justifyContent: 'center', border: '1px solid var(--mantine-color-gray-4)', borderRadius: 4, overflow: 'hidden', background: 'var(--mantine-color-gray-0)' }}
    >
      {isImage ? url ? <img src={url} alt={label} style={{ width: '100%', height: '100%', objectFit: 'cover', objectPosition: 'top' }} /> : null : <PdfIcon size={size - 6} label={t('receipts.pdf')} />}
    </UnstyledButton>
  );
}
