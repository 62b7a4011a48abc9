// The disguise calculator's public surface; see engine.ts for the behaviour decisions.
export type { CalcKey, CalcState, Digit, Op } from './engine';
export {
  activeOperator,
  clearLabel,
  display,
  initialState,
  pendingCode,
  press,
} from './engine';
