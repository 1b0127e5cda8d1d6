import type { FulfillmentActivities } from '@commerce/contracts/fulfillment';
import { NotifyShopperInputSchema } from '@commerce/contracts/fulfillment/schemas';
import { renderNotification } from '../domain/notification-message.js';
import { nowIso, type FulfillmentActivityDeps } from './activity-deps.js';
import { requireValid, withFulfillmentFailures } from './fulfillment-failure.js';

/**
 * notifyShopper: sends the shopper's e-mail through the configured Notifier and records it.
 * Idempotent per notificationId: once recorded, a retry returns the record and sends nothing.
 * (A crash between sending and recording sends again on the retry: delivery is at least once,
 * the record is exactly once.)
 */
export function makeNotifyShopper(
  deps: Pick<FulfillmentActivityDeps, 'notifier' | 'notifications' | 'now'>,
): FulfillmentActivities['notifyShopper'] {
  const { notifier, notifications } = deps;
  return withFulfillmentFailures(async (input) => {
    const valid = requireValid(NotifyShopperInputSchema, input, 'notification');
    const recorded = await notifications.get(valid.notificationId);
    if (recorded !== null) return recorded;
    const { subject, body } = renderNotification(valid);
    const { messageId } = await notifier.send({
      notificationId: valid.notificationId,
      to: valid.to,
      toName: valid.name,
      subject,
      body,
    });
    return await notifications.record({
      notificationId: valid.notificationId,
      orderId: valid.orderId,
      kind: valid.kind,
      to: valid.to,
      subject,
      body,
      channel: notifier.channel,
      messageId,
      sentAt: nowIso(deps),
    });
  });
}
