import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { createSmtpNotifier } from '../../src/adapters/notifier/smtp-notifier.js';
import { makeNotifyShopper } from '../../src/activities/notify-shopper.js';
import { createSqliteNotificationLog } from '../../src/adapters/sqlite/sqlite-notification-log.js';
import { createTempDatabase, type TempDatabase } from '../support/temp-database.js';

interface Received {
  envelopeFrom: string;
  envelopeTo: string[];
  mail: ParsedMail;
}

/** A real SMTP server (smtp-server) on 127.0.0.1 and a free port that keeps what it receives. */
async function startSmtpServer(): Promise<{
  url: string;
  received: Received[];
  close: () => Promise<void>;
}> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push({
            envelopeFrom:
              session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address,
            envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            mail,
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('SMTP notifier (nodemailer) against a real SMTP server', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let temp: TempDatabase;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    temp = createTempDatabase('fulfillment-smtp-');
  });
  afterAll(async () => {
    await smtp.close();
    temp.cleanup();
  });

  it('delivers the message to the recipient with its subject, body and notification id', async () => {
    const notifier = createSmtpNotifier({
      url: smtp.url,
      from: 'Durable Commerce <orders@commerce.test>',
    });
    try {
      const { messageId } = await notifier.send({
        notificationId: 'so-1:order_shipped',
        to: 'ada@example.com',
        toName: 'Ada Lovelace',
        subject: 'Your order CONF123 has shipped',
        body: 'Hello Ada,\n\nTracking number: TRK-1\n',
      });
      expect(messageId).toMatch(/^<.+>$/);
      expect(smtp.received).toHaveLength(1);
      const [message] = smtp.received;
      expect(message?.envelopeFrom).toBe('orders@commerce.test');
      expect(message?.envelopeTo).toEqual(['ada@example.com']);
      expect(message?.mail.subject).toBe('Your order CONF123 has shipped');
      expect(message?.mail.text).toContain('Tracking number: TRK-1');
      expect(message?.mail.messageId).toBe(messageId);
      expect(message?.mail.headers.get('x-notification-id')).toBe('so-1:order_shipped');
    } finally {
      await notifier.close();
    }
  });

  it('notifyShopper sends through SMTP once per notification id and records what was sent', async () => {
    const notifier = createSmtpNotifier({ url: smtp.url, from: 'orders@commerce.test' });
    const notifications = createSqliteNotificationLog({ db: temp.db });
    const notifyShopper = makeNotifyShopper({
      notifier,
      notifications,
      now: () => new Date('2030-01-01T00:00:00.000Z'),
    });
    const before = smtp.received.length;
    const input = {
      notificationId: 'order-7:so-2:order_delivered',
      orderId: 'order-7',
      kind: 'order_delivered' as const,
      to: 'grace@example.com',
      name: 'Grace Hopper',
      confirmationNumber: 'CONF777',
      trackingNumber: 'TRK-777',
    };
    try {
      const first = await notifyShopper(input);
      const retried = await notifyShopper(input);
      expect(retried).toEqual(first);
      expect(first).toMatchObject({
        channel: 'smtp',
        to: 'grace@example.com',
        subject: 'Your order CONF777 was delivered',
        sentAt: '2030-01-01T00:00:00.000Z',
      });
      expect(first.messageId).toMatch(/^<.+>$/);
      const arrived = smtp.received.slice(before);
      expect(arrived).toHaveLength(1);
      expect(arrived[0]?.envelopeTo).toEqual(['grace@example.com']);
      expect(arrived[0]?.mail.subject).toBe('Your order CONF777 was delivered');
      expect(await notifications.listByOrder('order-7')).toEqual([first]);
    } finally {
      await notifier.close();
    }
  });

  it('fails (so Temporal retries) when the SMTP server refuses the message, and records nothing', async () => {
    const refusing = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo: (_address, _session, callback) => callback(new Error('mailbox unavailable')),
    });
    refusing.listen(0, '127.0.0.1');
    await once(refusing.server, 'listening');
    const { port } = refusing.server.address() as AddressInfo;
    const notifier = createSmtpNotifier({
      url: `smtp://127.0.0.1:${port}`,
      from: 'orders@commerce.test',
    });
    const notifications = createSqliteNotificationLog({ db: temp.db });
    try {
      await expect(
        makeNotifyShopper({ notifier, notifications })({
          notificationId: 'order-8:so:order_shipped',
          orderId: 'order-8',
          kind: 'order_shipped',
          to: 'alan@example.com',
          name: 'Alan Turing',
          confirmationNumber: 'CONF888',
          trackingNumber: null,
        }),
      ).rejects.toThrow(/mailbox unavailable/);
      expect(await notifications.get('order-8:so:order_shipped')).toBeNull();
    } finally {
      await notifier.close();
      await new Promise<void>((resolve) => refusing.close(() => resolve()));
    }
  });
});
