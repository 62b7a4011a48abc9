// Check-in messages with blanks the screen fills in before handing them to the messaging
// app. Core holds no wording: the default templates' texts come from the i18n files.

export interface CheckInTemplate {
  id: string;
  /** May contain {place}, {time} and {name}. */
  text: string;
}

export interface TemplateValues {
  place?: string;
  time?: string;
  name?: string;
}

/**
 * Replaces {place}, {time} and {name} in one pass (a value containing '{name}' is not
 * expanded again). A placeholder whose value is absent, and any unknown placeholder, is
 * left as written so the worker sees the gap before sending.
 */
export const fillTemplate = (template: string, values: TemplateValues): string =>
  template.replace(
    /\{(place|time|name)\}/g,
    (match, key: keyof TemplateValues) => values[key] ?? match,
  );

export const DEFAULT_TEMPLATE_IDS = ['arrived', 'check-on-me', 'leaving', 'safe'] as const;
export type DefaultTemplateId = (typeof DEFAULT_TEMPLATE_IDS)[number];

/** The default templates with texts from the caller (an i18n lookup by id). */
export const defaultTemplates = (text: (id: DefaultTemplateId) => string): CheckInTemplate[] =>
  DEFAULT_TEMPLATE_IDS.map((id) => ({ id, text: text(id) }));
