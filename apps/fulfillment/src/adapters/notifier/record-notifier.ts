import type { Notifier } from '../../ports/notifier.js';

/**
 * The default notifier (NOTIFIER=record): nothing leaves the process. The message itself —
 * recipient, subject and body — is kept in the record of notifications sent that notifyShopper
 * writes for every channel, which is this channel's outbox.
 */
export function createRecordNotifier(): Notifier {
  return {
    channel: 'record',
    send: () => Promise.resolve({ messageId: null }),
    close: () => Promise.resolve(),
  };
}
