// The second disguise: a plain unit converter. Its secret door is the same code: type the
// code as the amount and press Convert (or Enter).
import { useState } from 'preact/hooks';
import { CATEGORIES, type Category, convert, formatResult } from '../../core/converter';
import type { Label } from './Calculator';

interface Props {
  label: Label;
  onCode: (code: string) => void;
}

const CODE_LIKE = /^[0-9]{4,8}$/;

interface UnitSelectProps {
  id: string;
  label: string | undefined;
  units: string[];
  value: string;
  onValue: (unit: string) => void;
  name: (unit: string) => string;
}

function UnitSelect({ id, label, units, value, onValue, name }: UnitSelectProps) {
  return (
    <div>
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onValue(e.currentTarget.value)}>
        {units.map((u) => (
          <option key={u} value={u}>
            {name(u)}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Converter({ label, onCode }: Props) {
  const [category, setCategory] = useState<Category>('length');
  const units = Object.keys(CATEGORIES[category].units);
  const [from, setFrom] = useState(units[2] ?? units[0] ?? '');
  const [to, setTo] = useState(units[3] ?? units[0] ?? '');
  const [amount, setAmount] = useState('1');
  const [result, setResult] = useState('');

  const pickCategory = (next: Category) => {
    const list = Object.keys(CATEGORIES[next].units);
    setCategory(next);
    setFrom(list[0] ?? '');
    setTo(list[1] ?? '');
    setResult('');
  };

  const run = (event: Event) => {
    event.preventDefault();
    const trimmed = amount.trim();
    if (CODE_LIKE.test(trimmed)) onCode(trimmed);
    const value = Number(trimmed.replace(',', '.'));
    setResult(formatResult(convert(category, from, to, value)));
  };

  const unitLabel = (u: string) => label(`converter.units.${u}`) ?? u;
  return (
    <form class="conv" onSubmit={run}>
      <h1>{label('converter.title')}</h1>
      <label for="conv-category">{label('converter.category')}</label>
      <select
        id="conv-category"
        value={category}
        onChange={(e) => pickCategory(e.currentTarget.value as Category)}
      >
        {(Object.keys(CATEGORIES) as Category[]).map((c) => (
          <option key={c} value={c}>
            {label(`converter.categories.${c}`) ?? c}
          </option>
        ))}
      </select>
      <label for="conv-amount">{label('converter.amount')}</label>
      <input
        id="conv-amount"
        inputMode="decimal"
        autocomplete="off"
        dir="ltr"
        value={amount}
        onInput={(e) => setAmount(e.currentTarget.value)}
      />
      <div class="conv-units">
        <UnitSelect
          id="conv-from"
          label={label('converter.from')}
          units={units}
          value={from}
          onValue={setFrom}
          name={unitLabel}
        />
        <UnitSelect
          id="conv-to"
          label={label('converter.to')}
          units={units}
          value={to}
          onValue={setTo}
          name={unitLabel}
        />
      </div>
      <button type="submit" class="primary wide">
        {label('converter.convert')}
      </button>
      <output class="conv-result" aria-live="polite" dir="ltr">
        {result && `${result} ${unitLabel(to)}`}
      </output>
    </form>
  );
}
