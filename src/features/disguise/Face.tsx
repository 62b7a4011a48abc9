// The disguise that is always mounted in #face. Which one shows is a display preference.
import type { Face as FaceKind } from '../../app/prefs';
import { Calculator, type Label } from './Calculator';

interface Props {
  kind: FaceKind;
  label: Label;
  onCode: (code: string) => void;
}

export const FACE_TITLE_KEY = { calculator: 'calculator.title', converter: 'calculator.title' };
export const FACE_ICON = { calculator: '/calculator.svg', converter: '/calculator.svg' };

export function Face({ label, onCode }: Props) {
  return <Calculator label={label} onCode={onCode} />;
}
