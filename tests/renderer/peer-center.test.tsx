// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import '../../renderer/i18n/setup';
import { PeerCenter } from '../../renderer/features/sync/peer-center';
import { peerDto as peer } from '../fixtures/peer-dto';

describe('the prefecture files a paired device under a center', () => {
  afterEach(cleanup);

  it('offers the other centers (one device each) and reports the choice', () => {
    const laptop = peer('laptop', 'laptop-own', '北センター出張用');
    const peers = [
      peer('office', 'north', '北センター'),
      peer('office2', 'north', '北センター', '予備機'),
      laptop,
      peer('south', 'south', '南センター'),
    ];
    let chosen = '';
    render(<PeerCenter peer={laptop} peers={peers} busy={false} onChange={(to) => (chosen = to)} />);
    const select = screen.getByLabelText('集計するセンター') as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual([
      '北センター出張用（カードのセンターとして）',
      '北センター と同じセンター',
      '南センター と同じセンター',
    ]);
    fireEvent.change(select, { target: { value: 'office' } });
    expect(chosen).toBe('office');
  });

  it('shows nothing for the prefecture itself or when no other center is paired', () => {
    const only = peer('office', 'north', '北センター');
    const { container } = render(<PeerCenter peer={only} peers={[only]} busy={false} onChange={() => {}} />);
    expect(container.textContent).toBe('');
  });
});
