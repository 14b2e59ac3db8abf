import { Button, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ReactNode } from 'react';

/** A button a notice can carry (the undo feature's "Ongedaan maken"). */
export interface NoticeOffer {
  label: string;
  /** What the button would take back, as the journal describes it. */
  description: string;
  onClick: () => void;
}

type Color = 'green' | 'gray' | 'blue' | 'red';

/**
 * One notice per user action. A screen confirms its save (notifySaved) and the undo feature, a
 * moment later, offers to take it back: both land in the same notice, whichever comes first, so
 * the offer never queues behind the confirmation (the shell shows at most two notices) and a run
 * of saves never piles notices up: each new action's notice replaces the previous one.
 */
let slot: { id: string; at: number; title?: string; offer?: NoticeOffer } | undefined;
let counter = 0;
/** The confirmation and the offer of one action arrive within this time of each other. */
const SAME_ACTION_MS = 2000;

function body(title: string | undefined, offer: NoticeOffer | undefined): ReactNode {
  if (!offer) return title;
  return (
    <Stack gap={4}>
      {title && (
        <Text size="sm" fw={600} style={{ wordBreak: 'break-word' }}>
          {title}
        </Text>
      )}
      {/* Stacked: the notices sit in the narrow navigation column of a laptop screen. */}
      <Text size="sm" c={title ? 'dimmed' : undefined} style={{ wordBreak: 'break-word' }}>
        {offer.description}
      </Text>
      <Button size="compact-sm" variant="light" style={{ alignSelf: 'flex-start' }} onClick={offer.onClick}>
        {offer.label}
      </Button>
    </Stack>
  );
}

/** Shows a notice in the action slot, replacing the one there. */
export function showNotice(options: { color?: Color; title?: string; message: ReactNode; autoClose: number }): void {
  if (slot) notifications.hide(slot.id);
  slot = { id: `action-notice-${++counter}`, at: Date.now() };
  notifications.show({ id: slot.id, color: options.color, title: options.title, message: options.message, autoClose: options.autoClose });
}

const recent = () => slot !== undefined && Date.now() - slot.at < SAME_ACTION_MS;

/** A screen's confirmation of a save; joins the undo offer of the same action when that came first. */
export function notifySaved(message: string): void {
  if (slot && recent() && slot.offer && slot.title === undefined) {
    slot.title = message;
    notifications.update({ id: slot.id, color: 'green', message: body(message, slot.offer), autoClose: 7000 });
    return;
  }
  showNotice({ color: 'green', message, autoClose: 3000 });
  slot!.title = message;
}

/** The undo offer after an action: joins that action's confirmation, or stands alone if it has none. */
export function offerInNotice(offer: NoticeOffer): void {
  if (slot && recent() && slot.title !== undefined && !slot.offer) {
    slot.offer = offer;
    notifications.update({ id: slot.id, color: 'green', message: body(slot.title, offer), autoClose: 7000 });
    return;
  }
  showNotice({ color: 'gray', message: body(undefined, offer), autoClose: 7000 });
  slot!.offer = offer;
}
