import nodemailer from 'nodemailer';
import type { Notifier } from '../../ports/notifier.js';

export interface SmtpNotifierOptions {
  /** SMTP_URL, e.g. `smtp://user:pass@mail.example.com:587` or `smtp://127.0.0.1:2525`. */
  url: string;
  /** NOTIFY_FROM, e.g. `Durable Commerce <orders@example.com>`. */
  from: string;
}

/**
 * Sends notifications as e-mail through an SMTP server (NOTIFIER=smtp) with nodemailer. The
 * message carries the notification id as a header (`X-Notification-Id`) so a duplicate can be
 * recognised downstream; notifyShopper sends each notification id at most once per success.
 */
export function createSmtpNotifier(options: SmtpNotifierOptions): Notifier {
  const transport = nodemailer.createTransport(options.url);
  return {
    channel: 'smtp',
    async send(message) {
      const info = await transport.sendMail({
        from: options.from,
        to: { name: message.toName, address: message.to },
        subject: message.subject,
        text: message.body,
        headers: { 'X-Notification-Id': message.notificationId },
      });
      return { messageId: typeof info.messageId === 'string' ? info.messageId : null };
    },
    close() {
      transport.close();
      return Promise.resolve();
    },
  };
}
