// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import '../../renderer/i18n/setup';
import { PeerQueue } from '../../renderer/features/sync/peer-queue';
import { peerDto } from '../fixtures/peer-dto';

afterEach(cleanup);

const queue = (snapshotDue: boolean) =>
  render(
    <PeerQueue
      peers={[
        peerDto('late', 'late', '新しいノートPC', null, { waitingOps: 2, waitingBytes: 900, snapshotDue }),
      ]}
      selfId="office"
      folder={null}
      isAdmin
      canExchange
      busy={false}
      onExport={() => undefined}
      onRemove={() => undefined}
    />,
  );

// A device paired after the office pruned its op log: 2 ops "wait", but the next file carries
// every record as a snapshot. The counselor packing a USB stick must not read "2 件, 1 KB" alone.
it('says the next file to a device carries a copy of the records when a snapshot is due', () => {
  queue(true);
  expect(screen.getByTestId('waiting').textContent).toBe('2\u00a0件');
  expect(screen.getByTestId('snapshot-due').textContent).toBe('＋ 記録の一式');
  expect(screen.getByText(/記録そのもの（記録の一式）が入る/)).toBeTruthy();
  cleanup();
  queue(false);
  expect(screen.queryByTestId('snapshot-due')).toBeNull();
});
