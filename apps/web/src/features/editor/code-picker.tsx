import type { Catalogue, ClassificationKind } from '@budgetflow/domain';
import { useId, useLayoutEffect, type RefObject, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { useDeskI18n } from '../../lib/desk-i18n';
import { readTypedCode, searchCatalogue } from './catalogue-search';
import type { TInvalidCell } from './working-copy';

interface TProps {
  catalogue: Catalogue;
  kind: ClassificationKind;
  value: string;
  onChange(code: string): void;
  label: string;
  /** a finding is about the code */
  hasFinding?: boolean;
  /** text typed here that is no code of the catalogue, kept as typed */
  refused?: TInvalidCell | undefined;
  /** Text left in the cell that is no code (null: the cell holds a code again). */
  onRefused?(value: TInvalidCell | null): void;
  cellId?: string;
}

/**
 * A combobox over the year's catalogue: type a code or part of a name, pick with the arrow keys
 * and Enter (or the mouse). Only codes of the catalogue can be chosen: a code typed whole is taken
 * when the cell is left; other text is kept as typed and marked, with the reason (无此科目), so that
 * nothing typed is silently lost. Escape puts back the line's code.
 * The list is laid over the page (not inside the grid's scrolling viewport, which would cut it
 * off on the last rows), below the input or above it when the window has no room below.
 */
export function CodePicker({ catalogue, kind, value, onChange, label, hasFinding = false, refused, onRefused, cellId }: TProps) {
  const { t, locale } = useDeskI18n();
  const listId = useId();
  const [text, setText] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const open = text !== null;
  const input = useRef<HTMLInputElement>(null);
  const options = useMemo(
    () => (text === null ? [] : searchCatalogue(catalogue, kind, text)),
    [catalogue, kind, text],
  );
  const name = catalogue[kind].get(value)?.name;
  const place = useListPlace(open ? input : null);

  const choose = (code: string) => {
    setText(null);
    if (refused !== undefined) onRefused?.(null);
    if (code !== value) onChange(code);
  };
  /** The cell is left with text typed: a whole code is taken, anything else is kept and marked. */
  const leave = () => {
    if (text === null) return;
    const typed = text.trim();
    if (typed === '' || typed === value) {
      setText(null);
      if (refused !== undefined) onRefused?.(null);
      return;
    }
    const code = readTypedCode(catalogue, kind, typed);
    if (code !== undefined) choose(code);
    else {
      setText(null);
      onRefused?.({ text: typed, reason: { zh: `无此科目：${typed}`, en: `no such code: ${typed}` } });
    }
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // Closed, ↑/↓ are the grid's (to the next row); Alt+↓ opens the list, as on a select.
    if (!open && (event.key === 'ArrowUp' || (event.key === 'ArrowDown' && !event.altKey))) return;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      if (!open) setText('');
      setActive((i) => Math.min(i + 1, Math.max(options.length - 1, 0)));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === 'Enter' && open) {
      event.preventDefault();
      const option = options[active];
      if (option !== undefined) choose(option.code);
    } else if (event.key === 'Escape' && (open || refused !== undefined)) {
      event.preventDefault();
      setText(null);
      if (refused !== undefined) onRefused?.(null);
    }
  };

  return (
    <div className="picker">
      <input
        ref={input}
        role="combobox"
        aria-label={label}
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-invalid={hasFinding || refused !== undefined || undefined}
        aria-activedescendant={open && options[active] !== undefined ? `${listId}-${active}` : undefined}
        data-cell={cellId}
        title={refused?.reason[locale] ?? name ?? value}
        value={text ?? refused?.text ?? value}
        placeholder={t('searchCatalogue')}
        onFocus={(e) => e.currentTarget.select()}
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        onBlur={leave}
      />
      {!open && refused !== undefined && <span className="code-name invalid">{refused.reason[locale]}</span>}
      {!open && refused === undefined && name !== undefined && <span className="code-name">{name}</span>}
      {open &&
        createPortal(
          <ul
            role="listbox"
            id={listId}
            className="picker-list"
            aria-label={label}
            style={place}
          >
            {options.length === 0 ? (
              <li role="option" aria-disabled="true" aria-selected="false">
                {t('noMatch')}
              </li>
            ) : (
              options.map((o, i) => (
                <li
                  key={o.code}
                  id={`${listId}-${i}`}
                  role="option"
                  aria-selected={i === active}
                  // mousedown, not click: the input's blur would close the list first.
                  onMouseDown={(e) => {
                    e.preventDefault();
                    choose(o.code);
                  }}
                >
                  {o.code} {o.unlisted === true ? t('unlistedCode', { parent: o.parentCode ?? '' }) : o.name}
                </li>
              ))
            )}
          </ul>,
          globalThis.document.body,
        )}
    </div>
  );
}

/**
 * The list's place while it is open, following the input when the grid or the page scrolls under it
 * and, each frame, when the page moves it without a scroll (a notice above the grid appearing or
 * going away); the place changes only when the input moved.
 */
function useListPlace(input: RefObject<HTMLInputElement | null> | null): CSSProperties {
  const [place, setPlace] = useState<CSSProperties>({});
  useLayoutEffect(() => {
    if (input === null) return;
    let last = '';
    let frame = 0;
    const follow = () => {
      const next = listPlace(input.current);
      const key = JSON.stringify(next);
      if (key !== last) {
        last = key;
        setPlace(next);
      }
    };
    const everyFrame = () => {
      follow();
      frame = requestAnimationFrame(everyFrame);
    };
    everyFrame();
    window.addEventListener('scroll', follow, true);
    window.addEventListener('resize', follow);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', follow, true);
      window.removeEventListener('resize', follow);
    };
  }, [input]);
  return place;
}

/** The list's height when the window has room for it, in px (16em). */
const LIST_HEIGHT = 16 * 16;
const MARGIN = 4;

/**
 * Where the list goes, in window coordinates: under the input, or over it when the room below is
 * short and the room above is larger (the last rows of the grid), never taller than that room. It
 * is at least as wide as the input and at most as wide as the window right of it.
 */
function listPlace(input: HTMLInputElement | null): CSSProperties {
  if (input === null) return {};
  const box = input.getBoundingClientRect();
  const roomBelow = window.innerHeight - box.bottom - MARGIN;
  const roomAbove = box.top - MARGIN;
  const below = roomBelow >= LIST_HEIGHT || roomBelow >= roomAbove;
  return {
    left: box.left,
    minWidth: box.width,
    maxWidth: Math.max(box.width, window.innerWidth - box.left - MARGIN),
    maxHeight: Math.min(LIST_HEIGHT, below ? roomBelow : roomAbove),
    ...(below ? { top: box.bottom } : { bottom: window.innerHeight - box.top }),
  };
}
