// The addressee of a letter, with the honorific Japanese business letters use: 御中 after an
// organisation or department, 様 after a named person, 先生 after a doctor. Never two of them
// (「○○病院御中 山田様」 is wrong): a named person takes the honorific, the organisation none.
export type Honorific = 'sama' | 'onchu' | 'sensei';

export const HONORIFIC_TEXT: Readonly<Record<Honorific, string>> = {
  sama: '様',
  onchu: '御中',
  sensei: '先生',
};

export interface Addressee {
  organisation: string;
  department: string;
  person: string;
  honorific: Honorific;
}

/** Lines to print, top to bottom; the last ends with the honorific. */
export function addresseeLines(a: Addressee): string[] {
  const org = a.organisation.trim();
  const dept = a.department.trim();
  const person = a.person.trim();
  // 様 or 先生 need a person; without one the letter goes to the organisation (御中)
  if (a.honorific !== 'onchu' && person) {
    return [org, dept, `${person}\u3000${HONORIFIC_TEXT[a.honorific]}`].filter(Boolean);
  }
  if (dept) return [org, `${dept}\u3000御中`];
  return [`${org}\u3000御中`];
}

/** One line for registers and logs: 中央保健所 保健予防課 御中. */
export function addresseeOneLine(a: Addressee): string {
  return addresseeLines(a).join(' ');
}
