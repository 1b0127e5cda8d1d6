import type { NotifyShopperInput } from '@commerce/contracts/fulfillment';

export interface NotificationMessage {
  subject: string;
  body: string;
}

/** The shopper's e-mail for a notification: subject and plain-text body. */
export function renderNotification(input: NotifyShopperInput): NotificationMessage {
  const order = input.confirmationNumber === '' ? input.orderId : input.confirmationNumber;
  const greeting = `Hello ${input.name},`;
  const tracking =
    input.trackingNumber === null ? '' : `\nTracking number: ${input.trackingNumber}\n`;
  switch (input.kind) {
    case 'order_shipped':
      return {
        subject: `Your order ${order} has shipped`,
        body: `${greeting}\n\nGood news: items of your order ${order} are on their way.\n${tracking}\nThank you for shopping with us.\n`,
      };
    case 'order_delivered':
      return {
        subject: `Your order ${order} was delivered`,
        body: `${greeting}\n\nItems of your order ${order} were delivered.\n${tracking}\nWe hope you enjoy them.\n`,
      };
    case 'order_cancelled':
      return {
        subject: `Your order ${order} was cancelled`,
        body: `${greeting}\n\nYour order ${order} was cancelled before it shipped. Any payment taken is returned to you.\n`,
      };
  }
}
