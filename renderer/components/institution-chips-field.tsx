import { useEffect, useState } from 'react';
import type { InstitutionDto } from '../../shared/contract/directory';
import { call } from '../api/client';
import { onEnter } from './ime';

export interface NamedInstitution {
  name: string;
  institutionId: string | null;
}

/**
 * A list of institutions as chips: typed by name (Enter adds, never while the IME composes) or
 * picked from the directory, each removable. An event's organisers, a meeting's attendees.
 */
export function InstitutionChipsField({
  value,
  onChange,
  labels,
}: {
  value: NamedInstitution[];
  onChange(next: NamedInstitution[]): void;
  labels: { legend: string; name: string; add: string; fromDirectory: string; remove(name: string): string };
}) {
  const [typed, setTyped] = useState('');
  const [institutions, setInstitutions] = useState<InstitutionDto[]>([]);
  useEffect(() => {
    call('institution.list', {}).then(setInstitutions, () => setInstitutions([]));
  }, []);

  const add = (name: string, institutionId: string | null = null) => {
    const n = name.trim();
    if (!n || value.some((x) => x.name === n)) return;
    onChange([...value, { name: n, institutionId }]);
  };
  const addTyped = () => {
    add(typed);
    setTyped('');
  };

  return (
    <fieldset className="organisers">
      <legend>{labels.legend}</legend>
      <ul className="chips">
        {value.map((x) => (
          <li key={x.name}>
            {x.name}
            <button
              type="button"
              aria-label={labels.remove(x.name)}
              onClick={() => onChange(value.filter((y) => y !== x))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <div className="organiser-add">
        <label className="field">
          <span>{labels.name}</span>
          <input value={typed} onChange={(e) => setTyped(e.target.value)} onKeyDown={onEnter(addTyped)} />
        </label>
        <button type="button" onClick={addTyped}>
          {labels.add}
        </button>
        <label className="field">
          <span>{labels.fromDirectory}</span>
          <select
            value=""
            onChange={(e) => {
              const inst = institutions.find((i) => i.id === e.target.value);
              if (inst) add(inst.name, inst.id);
            }}
          >
            <option value="">—</option>
            {institutions.map((i) => (
              <option key={i.id} value={i.id}>
                {i.name}
              </option>
            ))}
          </select>
        </label>
      </div>
    </fieldset>
  );
}
