import { describe, expect, it } from 'vitest';
import {
  type Contact,
  DEFAULT_TEMPLATE_IDS,
  defaultTemplates,
  emptyContact,
  fillTemplate,
  smsHref,
  type TemplateValues,
  telHref,
  validateContact,
  withPhone,
} from '../../src/core/contacts';

const NOW = new Date(Date.UTC(2024, 5, 15, 12));

describe('emptyContact and withPhone', () => {
  it('starts blank, not an emergency contact', () => {
    expect(emptyContact('c1', NOW)).toEqual({
      id: 'c1',
      name: '',
      phone: '',
      phoneNormalised: '',
      relationship: '',
      note: '',
      emergency: false,
      createdAt: '2024-06-15T12:00:00.000Z',
      updatedAt: '2024-06-15T12:00:00.000Z',
    });
  });

  it('keeps the typed and normalised phone together', () => {
    const c = withPhone(emptyContact('c1', NOW), '07700 900123', '44');
    expect(c.phone).toBe('07700 900123');
    expect(c.phoneNormalised).toBe('+447700900123');
    expect(withPhone(c, '').phoneNormalised).toBe('');
  });
});

describe('validateContact', () => {
  const base = (patch: Partial<Contact>): Contact => ({
    ...emptyContact('c1', NOW),
    name: 'Sam',
    phone: '07700 900123',
    ...patch,
  });
  const cases: Array<[name: string, patch: Partial<Contact>, problems: string[]]> = [
    ['complete', {}, []],
    ['no name', { name: '' }, ['name:required']],
    ['a blank name', { name: '   ' }, ['name:required']],
    ['no phone', { phone: '' }, ['phone:required']],
    ['a blank phone', { phone: ' \u00a0' }, ['phone:required']],
    ['nothing', { name: '', phone: '' }, ['name:required', 'phone:required']],
    ['international', { phone: '+44 (0)7700 900-123' }, []],
    ['an emergency number', { phone: '999' }, []],
    ['two digits', { phone: '12' }, ['phone:invalid']],
    ['16 digits', { phone: '+1234567890123456' }, ['phone:invalid']],
    ['15 digits', { phone: '+123456789012345' }, []],
    ['letters', { phone: 'call Sam' }, ['phone:invalid']],
    ['an extension', { phone: '020 7946 0000 ext 12' }, ['phone:invalid']],
    ['full-width digits', { phone: '\uff10\uff17\uff17\uff10\uff10 900123' }, []],
    ['Arabic-Indic digits', { phone: '\u0660\u0667\u0667\u0660\u0660\u0669' }, []],
  ];
  it.each(cases)('%s', (_name, patch, problems) => {
    expect(validateContact(base(patch)).map((p) => `${p.field}:${p.error}`)).toEqual(problems);
  });
});

describe('telHref', () => {
  it.each<[string, string | null]>([
    ['+44 7700 900123', 'tel:+447700900123'],
    ['07700 900123', 'tel:07700900123'],
    ['0044 (0) 7700-900123', 'tel:+447700900123'],
    ['+447700900123', 'tel:+447700900123'],
    ['999', 'tel:999'],
    ['', null],
    ['none', null],
  ])('%j → %j', (phone, href) => {
    expect(telHref(phone)).toBe(href);
  });
});

describe('smsHref', () => {
  it.each<[string, string | undefined, string | null]>([
    ['+44 7700 900123', undefined, 'sms:+447700900123'],
    ['+44 7700 900123', '', 'sms:+447700900123'],
    ['07700 900123', 'ok', 'sms:07700900123?body=ok'],
    [
      '+447700900123',
      'At Holbeck, back by 10:30',
      'sms:+447700900123?body=At%20Holbeck%2C%20back%20by%2010%3A30',
    ],
    ['+447700900123', 'a & b = c?', 'sms:+447700900123?body=a%20%26%20b%20%3D%20c%3F'],
    ['+447700900123', 'line 1\nline 2', 'sms:+447700900123?body=line%201%0Aline%202'],
    ['+447700900123', '100% #1 +1', 'sms:+447700900123?body=100%25%20%231%20%2B1'],
    ['+447700900123', 'Café 😀', 'sms:+447700900123?body=Caf%C3%A9%20%F0%9F%98%80'],
    ['+447700900123', 'cut \ud83d', 'sms:+447700900123?body=cut%20%EF%BF%BD'],
    ['', 'hello', null],
  ])('%j with %j → %j', (phone, body, href) => {
    expect(smsHref(phone, body)).toBe(href);
  });

  it('round-trips the body through URL parsing', () => {
    const body = 'I’m at 12 Low St & safe? 100% 😀\nback at 23:00';
    const href = smsHref('+447700900123', body) ?? '';
    const query = href.slice(href.indexOf('?') + 1);
    expect(decodeURIComponent(query.replace(/^body=/, ''))).toBe(body);
    expect(href).not.toMatch(/[\s&]/);
    expect(query).not.toContain('+');
  });
});

describe('fillTemplate', () => {
  const all: TemplateValues = { place: 'Holbeck', time: '22:30', name: 'Dave' };
  const cases: Array<[template: string, values: TemplateValues, filled: string]> = [
    ['At {place} until {time}', all, 'At Holbeck until 22:30'],
    ['With {name} at {place}', all, 'With Dave at Holbeck'],
    ['{place}{place}', all, 'HolbeckHolbeck'],
    ['No placeholders', all, 'No placeholders'],
    ['', all, ''],
    ['Hi {who}, at {place}', all, 'Hi {who}, at Holbeck'],
    ['{Place} {PLACE} { place } {place', all, '{Place} {PLACE} { place } {place'],
    ['{{place}}', all, '{Holbeck}'],
    ['At {place} until {time}', { place: 'Leeds' }, 'At Leeds until {time}'],
    ['At {place}', { place: '' }, 'At '],
    ['At {place}', {}, 'At {place}'],
    ['With {name}', { name: '{place} $& $1' }, 'With {place} $& $1'],
    ['{time}', { time: '{time}' }, '{time}'],
  ];
  it.each(cases)('%j with %j → %j', (template, values, filled) => {
    expect(fillTemplate(template, values)).toBe(filled);
  });
});

describe('defaultTemplates', () => {
  it('pairs each default id with the text the caller looks up', () => {
    const templates = defaultTemplates((id) => `text for ${id}`);
    expect(templates.map((t) => t.id)).toEqual([...DEFAULT_TEMPLATE_IDS]);
    expect(templates[0]).toEqual({
      id: DEFAULT_TEMPLATE_IDS[0],
      text: `text for ${DEFAULT_TEMPLATE_IDS[0]}`,
    });
    expect(new Set(DEFAULT_TEMPLATE_IDS).size).toBe(DEFAULT_TEMPLATE_IDS.length);
  });
});
