// The calculator code: 4–8 digits, masked, a numeric keypad on phones, nothing remembered
// by the browser. Anything but digits is dropped as it is typed.
interface Props {
  id: string;
  label: string;
  value: string;
  onInput: (digits: string) => void;
  invalid?: boolean;
}

export function CodeField({ id, label, value, onInput, invalid }: Props) {
  return (
    <>
      <label for={id}>{label}</label>
      <input
        id={id}
        type="password"
        inputMode="numeric"
        autocomplete="off"
        maxLength={8}
        value={value}
        onInput={(e) => onInput(e.currentTarget.value.replace(/\D/g, ''))}
        aria-invalid={invalid || undefined}
      />
    </>
  );
}
