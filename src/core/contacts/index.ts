// Safety contacts, the links that call or text them, and check-in templates.
export type { Contact, ContactField, ContactProblem } from './contact';
export { emptyContact, validateContact, withPhone } from './contact';
export { smsHref, telHref } from './links';
export type { CheckInTemplate, DefaultTemplateId, TemplateValues } from './templates';
export { DEFAULT_TEMPLATE_IDS, defaultTemplates, fillTemplate } from './templates';
