import { describe, expect, it } from 'vitest';
import { navGroups } from '../../renderer/features/shell/nav-items';

const flat = (...a: Parameters<typeof navGroups>) =>
  Object.fromEntries(navGroups(...a).map((g) => [g.name, g.screens]));

describe('the menu follows the role', () => {
  it('an administrator sees everything, grouped in the order the work comes', () => {
    expect(flat('administrator', 'center')).toEqual({
      daily: ['intake', 'search', 'followups', 'coordination', 'letters'],
      center: ['directory', 'reports', 'events', 'activities', 'sync'],
      admin: ['staff', 'audit', 'backup'],
      personal: ['security', 'settings'],
    });
  });
  it('the prefecture’s installation adds the per-center totals', () => {
    expect(flat('administrator', 'prefecture').center).toContain('prefecture');
  });
  it('a peer supporter sees intake, own follow-ups and the directory, nothing of others’ records', () => {
    expect(flat('peer_supporter', 'center')).toEqual({
      daily: ['intake', 'search', 'followups'],
      center: ['directory', 'events', 'activities'],
      personal: ['security', 'settings'],
    });
  });
  it('read-only staff see records and statistics but administer nothing', () => {
    const m = flat('read_only', 'center');
    expect(m.admin).toBeUndefined();
    expect(m.daily).toEqual(['search', 'followups', 'coordination', 'letters']);
    expect(m.center).toEqual(['directory', 'reports', 'events', 'activities', 'sync']);
  });
});
