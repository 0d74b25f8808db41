// The consent line every letter carries (DOMAIN §5): how the person's consent was obtained and
// when, or that the letter goes without it under the emergency exception, with the reason.
import { formatDateBoth } from '../dates/wareki';

export interface ConsentFacts {
  method: 'verbal' | 'written';
  obtainedOn: string;
  obtainedBy: string;
}

export function consentLine(c: ConsentFacts): string {
  const how = c.method === 'written' ? '書面' : '口頭';
  return `本人の同意：${how}により取得（${formatDateBoth(c.obtainedOn)}、取得者 ${c.obtainedBy}）`;
}

export function overrideLine(reason: string): string {
  return `本人の同意：未取得（生命・身体の保護のため緊急に提供。理由：${reason.trim()}）`;
}
