import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { dialogSpec } from '../../electron/security/file-dialog-policy';
import { makePreloadShell } from '../../electron/security/preload-api';

describe('native file dialogs (desktop app)', () => {
  it('offers each allow-listed kind with its mode and filter', () => {
    expect(dialogSpec({ kind: 'openCard' }, join)).toMatchObject({
      mode: 'open',
      filters: [{ extensions: ['json'] }],
    });
    expect(dialogSpec({ kind: 'saveSyncFile' }, join)).toMatchObject({
      mode: 'save',
      filters: [{ extensions: ['age'] }],
    });
    expect(dialogSpec({ kind: 'chooseFolder' }, join)).toEqual({ mode: 'folder', filters: [] });
  });

  it('refuses anything else', () => {
    for (const bad of [null, 'openCard', {}, { kind: 'openAnything' }, { kind: 'constructor' }]) {
      expect(dialogSpec(bad, join)).toBeNull();
    }
  });

  it('starts in the given folder with a bare suggested name (a name cannot point elsewhere)', () => {
    expect(
      dialogSpec({ kind: 'saveCard', defaultFolder: '/media/usb', defaultName: 'yorisoi-card-ab.json' }, join)
        ?.defaultPath,
    ).toBe(join('/media/usb', 'yorisoi-card-ab.json'));
    expect(
      dialogSpec({ kind: 'saveCard', defaultFolder: '/media/usb', defaultName: '../../etc/x' }, join)
        ?.defaultPath,
    ).toBe('/media/usb');
    expect(dialogSpec({ kind: 'saveCard', defaultName: 'a\0b' }, join)?.defaultPath).toBeUndefined();
  });

  it('the preload forwards known kinds only, with only the three fields, and returns a path or null', async () => {
    const invoke = vi.fn(async () => '/media/usb/x.age');
    const shell = makePreloadShell(invoke);
    expect(
      await shell.pickPath({ kind: 'openSyncFile', defaultFolder: '/media/usb', extra: 1 } as never),
    ).toBe('/media/usb/x.age');
    expect(invoke).toHaveBeenCalledWith({
      kind: 'openSyncFile',
      defaultFolder: '/media/usb',
      defaultName: undefined,
    });
    expect(await shell.pickPath({ kind: 'runProgram' } as never)).toBeNull();
    expect(invoke).toHaveBeenCalledTimes(1);
    invoke.mockResolvedValueOnce({ not: 'a path' } as never);
    expect(await shell.pickPath({ kind: 'chooseFolder' })).toBeNull();
  });
});
