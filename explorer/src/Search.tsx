import { useEffect, useId, useRef, useState } from 'react';
import { searchEntities, type SearchHit } from './api.js';

interface SearchProps {
  /** The box's accessible name, shown beside it unless `hideLabel`. */
  label: string;
  placeholder?: string;
  asOf: string | null;
  onPick: (hit: SearchHit) => void;
  onError: (error: unknown) => void;
}

const TYPING_PAUSE_MS = 150;

/**
 * A combobox with typeahead over `search`; arrows move, Enter picks, Escape closes. The main box and the path
 * finder's ends are the same component, so any entity can be picked, on screen or not.
 */
export function Search({ label, placeholder = 'Brand, device, chip, leak…', asOf, onPick, onError }: SearchProps) {
  const [text, setText] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const listId = useId();
  const latest = useRef(0);
  /** The label of the hit just picked: the box shows it, and it is not a new search. */
  const picked = useRef<string | null>(null);

  useEffect(() => {
    const query = text.trim();
    if (query.length < 2 || text === picked.current) {
      setHits([]);
      return;
    }
    const ticket = ++latest.current;
    const timer = setTimeout(() => {
      searchEntities(query, asOf).then(
        (found) => {
          // A slower answer to an older prefix must not replace a newer one.
          if (ticket !== latest.current) return;
          setHits(found);
          setActive(0);
          setOpen(true);
        },
        (error) => ticket === latest.current && onError(error),
      );
    }, TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text, asOf, onError]);

  const pick = (hit: SearchHit | undefined) => {
    if (!hit) return;
    setOpen(false);
    picked.current = hit.label;
    setText(hit.label);
    onPick(hit);
  };

  return (
    <div className="search">
      <label htmlFor={`${listId}-input`}>{label}</label>
      <input
        id={`${listId}-input`}
        type="search"
        role="combobox"
        aria-expanded={open && hits.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && hits[active] ? `${listId}-${active}` : undefined}
        placeholder={placeholder}
        autoComplete="off"
        value={text}
        onChange={(event) => setText(event.target.value)}
        onBlur={() => setOpen(false)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') setActive((index) => Math.min(index + 1, hits.length - 1));
          else if (event.key === 'ArrowUp') setActive((index) => Math.max(index - 1, 0));
          else if (event.key === 'Enter') pick(hits[active]);
          else if (event.key === 'Escape') setOpen(false);
          else return;
          event.preventDefault();
        }}
      />
      {open && hits.length > 0 && (
        <ul id={listId} role="listbox" aria-label={`${label} results`} className="search-results">
          {hits.map((hit, index) => (
            <li
              key={hit.id}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => pick(hit)}
            >
              <span className="hit-label" title={hit.label}>
                {hit.label}
              </span>{' '}
              <span className="hit-type">{hit.type}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
