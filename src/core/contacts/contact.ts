// A safety contact: someone the worker can call or text a check-in to. Stored encrypted
// like a report; this is the plain data and its rules.

import { normalisePhone } from '../reports/normalise';

export interface Contact {
  id: string;
  name: string;
  /** As typed. */
  phone: string;
  /** normalisePhone(phone, country code): what tel: and sms: links use. */
  phoneNormalised: string;
  relationship: string;
  note: string;
  /** Offered first when the worker needs help now. */
  emergency: boolean;
  /** ISO 8601 instants (UTC). */
  createdAt: string;
  updatedAt: string;
}

export function emptyContact(id: string, now: Date): Contact {
  const at = now.toISOString();
  return {
    id,
    name: '',
    phone: '',
    phoneNormalised: '',
    relationship: '',
    note: '',
    emergency: false,
    createdAt: at,
    updatedAt: at,
  };
}

/** Sets the typed phone and its normalised form together, so they never disagree. */
export const withPhone = (c: Contact, phone: string, defaultCountryCode?: string): Contact => ({
  ...c,
  phone,
  phoneNormalised: normalisePhone(phone, defaultCountryCode),
});

export type ContactField = 'name' | 'phone';
export interface ContactProblem {
  field: ContactField;
  error: 'required' | 'invalid';
}

/**
 * A contact needs a name and a phone number someone can dial: no letters, and 3 to 15
 * digits (15 is the E.164 maximum; 3 allows short emergency numbers such as 999 or 112).
 */
export function validateContact(c: Contact): ContactProblem[] {
  const problems: ContactProblem[] = [];
  if (c.name.trim() === '') problems.push({ field: 'name', error: 'required' });
  const digits = normalisePhone(c.phone).replace(/\D/g, '').length;
  if (c.phone.trim() === '') problems.push({ field: 'phone', error: 'required' });
  else if (/\p{L}/u.test(c.phone) || digits < 3 || digits > 15) {
    problems.push({ field: 'phone', error: 'invalid' });
  }
  return problems;
}
