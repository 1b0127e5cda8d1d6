import type { NotifierSettings } from '../config.js';
import type { Notifier } from '../ports/notifier.js';
import { createRecordNotifier } from './notifier/record-notifier.js';
import { createSmtpNotifier } from './notifier/smtp-notifier.js';

/** The notifier NOTIFIER selects: record (default) or smtp. */
export function selectNotifier(settings: NotifierSettings): Notifier {
  return settings.kind === 'record'
    ? createRecordNotifier()
    : createSmtpNotifier({ url: settings.url, from: settings.from });
}
