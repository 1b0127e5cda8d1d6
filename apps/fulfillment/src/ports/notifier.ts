/** One e-mail to a shopper. */
export interface OutgoingMessage {
  notificationId: string;
  to: string;
  toName: string;
  subject: string;
  body: string;
}

/**
 * Where shopper notifications go. Adapters: `record` (the default: nothing leaves the process,
 * the activity's record of notifications sent is the outbox) and `smtp` (nodemailer to SMTP_URL).
 */
export interface Notifier {
  /** The channel name written into each SentNotification (`record` | `smtp`). */
  readonly channel: string;
  /** Delivers the message; returns the transport's message id (null when nothing was sent). */
  send(message: OutgoingMessage): Promise<{ messageId: string | null }>;
  close(): Promise<void>;
}
