// The disguise that is always mounted in #face. Which one shows is a display preference;
// each has its own page title and favicon (the installed name and icon stay "Calculator").
import type { Face as FaceKind } from '../../app/prefs';
import { Calculator, type Label } from './Calculator';
import { Converter } from './Converter';

interface Props {
  kind: FaceKind;
  label: Label;
  onCode: (code: string) => void;
}

export const FACE_TITLE_KEY: Record<FaceKind, string> = {
  calculator: 'calculator.title',
  converter: 'converter.title',
};
export const FACE_ICON: Record<FaceKind, string> = {
  calculator: '/calculator.svg',
  converter: '/converter.svg',
};

export function Face({ kind, label, onCode }: Props) {
  return kind === 'converter' ? (
    <Converter label={label} onCode={onCode} />
  ) : (
    <Calculator label={label} onCode={onCode} />
  );
}
