"use client";

import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";

export type TypeAheadOption = { id: string; label: string; detail?: string };

type Props = {
  label: string;
  placeholder?: string;
  /** Suggestions for the text typed so far (at most a handful); called debounced, stale answers ignored. */
  suggest: (q: string) => Promise<TypeAheadOption[]>;
  selected: TypeAheadOption[];
  onChange: (selected: TypeAheadOption[]) => void;
  /** Ask for suggestions with nothing typed yet (the group picker lists some groups at once). */
  suggestEmpty?: boolean;
  hint?: string;
};

const DEBOUNCE_MS = 200;

/**
 * A multi-select combobox (WAI-ARIA combobox with a listbox popup): type,
 * move with the arrow keys, Enter or a click adds the option as a chip; the
 * chips' buttons take them out again.
 */
export function TypeAhead({ label, placeholder, suggest, selected, onChange, suggestEmpty = false, hint }: Props) {
  const id = useId();
  const inputId = `${id}-input`;
  const listId = `${id}-list`;
  const [text, setText] = useState("");
  const [options, setOptions] = useState<TypeAheadOption[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [loading, setLoading] = useState(false);
  const seq = useRef(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const suggestRef = useRef(suggest);
  useEffect(() => {
    suggestRef.current = suggest;
  }, [suggest]);

  function request(q: string) {
    const mine = ++seq.current;
    if (!q.trim() && !suggestEmpty) {
      setOptions([]);
      setLoading(false);
      return;
    }
    setLoading(true);
    setTimeout(async () => {
      if (mine !== seq.current) return;
      try {
        const found = await suggestRef.current(q.trim());
        if (mine !== seq.current) return;
        setOptions(found);
        setActive(found.length ? 0 : -1);
      } finally {
        if (mine === seq.current) setLoading(false);
      }
    }, DEBOUNCE_MS);
  }

  const chosen = new Set(selected.map((s) => s.id));
  const shown = options.filter((o) => !chosen.has(o.id));

  function pick(option: TypeAheadOption) {
    onChange([...selected, option]);
    setText("");
    setOptions([]);
    setActive(-1);
    request("");
    inputRef.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(shown.length - 1, i + 1));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive((i) => Math.max(0, i - 1));
    } else if (event.key === "Enter") {
      if (open && shown[active]) {
        event.preventDefault();
        pick(shown[active]);
      }
    } else if (event.key === "Escape" && open) {
      // Closes the list, not the dialog around it.
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
    }
  }

  const expanded = open && (shown.length > 0 || (!loading && (text.trim() !== "" || suggestEmpty)));
  return (
    <div>
      <label htmlFor={inputId} className="block text-sm font-medium text-slate-700">{label}</label>
      {selected.length ? (
        <ul aria-label={`Chosen: ${label}`} className="mt-2 flex flex-wrap gap-1.5">
          {selected.map((s) => (
            <li key={s.id} className="inline-flex items-center gap-1 rounded-full bg-brand-50 py-0.5 pr-1 pl-2.5 text-xs text-brand-700 ring-1 ring-brand-100">
              {s.label}
              <button type="button" onClick={() => onChange(selected.filter((x) => x.id !== s.id))} aria-label={`Remove ${s.label}`} className="rounded-full px-1 text-brand-700 hover:bg-brand-100">
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="mt-2">
        <input
          ref={inputRef}
          id={inputId}
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && shown[active] ? `${id}-opt-${shown[active].id}` : undefined}
          aria-describedby={hint ? `${id}-hint` : undefined}
          placeholder={placeholder}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
            request(e.target.value);
          }}
          onFocus={() => {
            setOpen(true);
            if (suggestEmpty && !text) request("");
          }}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          onKeyDown={onKeyDown}
          className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-100 focus:outline-none"
        />
        <ul
          id={listId}
          role="listbox"
          aria-label={label}
          aria-multiselectable="true"
          hidden={!expanded}
          className="mt-1 max-h-64 w-full overflow-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg"
        >
          {shown.length === 0 ? (
            <li role="option" aria-selected="false" aria-disabled="true" className="px-3 py-2 text-slate-500">No matches</li>
          ) : (
            shown.map((o, i) => (
              <li
                key={o.id}
                id={`${id}-opt-${o.id}`}
                role="option"
                aria-selected={i === active}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => pick(o)}
                onMouseEnter={() => setActive(i)}
                className={`cursor-pointer px-3 py-2 ${i === active ? "bg-brand-50 text-brand-700" : "text-slate-800"}`}
              >
                <span className="font-medium">{o.label}</span>
                {o.detail ? <span className="ml-2 text-xs text-slate-500">{o.detail}</span> : null}
              </li>
            ))
          )}
        </ul>
      </div>
      {hint ? <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">{hint}</p> : null}
      <p role="status" className="sr-only">{open && !loading && (text || suggestEmpty) ? `${shown.length} suggestions` : ""}</p>
    </div>
  );
}
