// @vitest-environment jsdom
import { act, render } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import type { ApiResult } from '../../shared/contract';
import { call, setTransport } from '../../renderer/api/client';
import { useIdleLock } from '../../renderer/hooks/use-idle-lock';

function Probe({ onIdle }: { onIdle: () => void }) {
  useIdleLock(1, onIdle, true);
  return null;
}

afterEach(() => vi.useRealTimers());

it('the idle lock waits for a call under way (a long import), then locks when it ends', async () => {
  vi.useFakeTimers();
  let finish: (r: ApiResult<unknown>) => void = () => {};
  setTransport({ call: () => new Promise((resolve) => (finish = resolve as typeof finish)) as never });
  const onIdle = vi.fn();
  render(<Probe onIdle={onIdle} />);
  const running = call('sync.importFolder', {});
  await act(async () => {
    vi.advanceTimersByTime(5 * 60_000);
  });
  expect(onIdle).not.toHaveBeenCalled();
  await act(async () => {
    finish({ ok: true, data: {} });
    await running;
  });
  expect(onIdle).toHaveBeenCalledTimes(1);
});

it('without a call under way it locks after the idle time, and activity postpones it', async () => {
  vi.useFakeTimers();
  const onIdle = vi.fn();
  render(<Probe onIdle={onIdle} />);
  await act(async () => {
    vi.advanceTimersByTime(50_000);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
    vi.advanceTimersByTime(50_000);
  });
  expect(onIdle).not.toHaveBeenCalled();
  await act(async () => {
    vi.advanceTimersByTime(10_001);
  });
  expect(onIdle).toHaveBeenCalledTimes(1);
});
