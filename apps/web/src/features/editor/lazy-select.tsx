import { useState, type SelectHTMLAttributes } from 'react';

export interface TOption {
  value: string;
  label: string;
}

/**
 * A select that lists its options only while it is in use. A grid row holds several selects and
 * a budget can have hundreds of projects: rendering every option of every visible row made each
 * scrolled frame create thousands of elements. Focus (by keyboard or pointer) fills the list
 * before the browser opens it.
 */
export function LazySelect({
  options,
  value,
  ...rest
}: Omit<SelectHTMLAttributes<HTMLSelectElement>, 'children' | 'value'> & {
  options: readonly TOption[];
  value: string;
}) {
  const [active, setActive] = useState(false);
  const current = options.find((o) => o.value === value) ?? { value, label: value };
  const shown = active ? options : [current];
  return (
    <select
      {...rest}
      value={value}
      onFocus={(e) => {
        setActive(true);
        rest.onFocus?.(e);
      }}
      onPointerDown={(e) => {
        setActive(true);
        rest.onPointerDown?.(e);
      }}
      onBlur={(e) => {
        setActive(false);
        rest.onBlur?.(e);
      }}
    >
      {!options.some((o) => o.value === value) && active && <option value={value}>{value}</option>}
      {shown.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
