// Links that hand a number to the phone's dialler or messaging app. The page never sends
// anything itself: the worker sees the message in their own app before it goes.

import { normalisePhone } from '../reports/normalise';

// encodeURIComponent throws on a lone surrogate (half an emoji left by a cut).
const wellFormed = (s: string): string =>
  s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');

/** tel:+447700900123 (RFC 3966: '+' and digits only), or null when there are no digits. */
export function telHref(phone: string): string | null {
  const n = normalisePhone(phone);
  return n === '' ? null : `tel:${n}`;
}

/**
 * sms:+447700900123?body=… (RFC 5724: '?body=' with the body percent-encoded by
 * encodeURIComponent, so spaces are %20, '&' is %26 and line breaks %0A; current iOS and
 * Android both read it). No body, no query. null when there are no digits.
 */
export function smsHref(phone: string, body = ''): string | null {
  const n = normalisePhone(phone);
  if (n === '') return null;
  return body === '' ? `sms:${n}` : `sms:${n}?body=${encodeURIComponent(wellFormed(body))}`;
}
