// Which side of the disguise is showing. The two sides render into two separate roots:
// the face (the disguise) is always mounted, the app behind it is mounted only while in
// use. Hiding is a synchronous DOM operation so a quick exit paints the disguise in the
// very next frame, and unmounting the app root removes every sensitive node at once.

import type { VNode } from 'preact';
import { render } from 'preact';
import { createStore } from './store';

export type Mode = 'face' | 'behind';
export const mode = createStore<Mode>('face');

function el(id: 'face' | 'app'): HTMLElement {
  const found = document.getElementById(id);
  if (!found) throw new Error(`#${id} missing from index.html`);
  return found;
}

const listeners = new Set<() => void>();

/** The disguise's page title and favicon; boot refines them once translations load. */
const identity = { title: 'Calculator', icon: '/calculator.svg' };

export function setFaceIdentity(title: string, icon: string): void {
  identity.title = title;
  identity.icon = icon;
  if (mode.get() === 'face') applyIdentity();
}

function applyIdentity(): void {
  document.title = identity.title;
  document.getElementById('favicon')?.setAttribute('href', identity.icon);
}

/** Called by the quick exit and by every lock: sync DOM swap first, nothing async. */
export function showFace(): void {
  const app = el('app');
  const face = el('face');
  face.hidden = false;
  app.hidden = true;
  applyIdentity();
  render(null, app); // unmounts synchronously: no sensitive node survives this line
  app.textContent = '';
  document.body.dataset.mode = 'face';
  mode.set('face');
  for (const listener of [...listeners]) listener();
}

export function onShowFace(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function showBehind(tree: VNode): void {
  const app = el('app');
  const face = el('face');
  render(tree, app);
  app.hidden = false;
  face.hidden = true;
  document.body.dataset.mode = 'behind';
  mode.set('behind');
}

export function renderFace(tree: VNode): void {
  render(tree, el('face'));
}
