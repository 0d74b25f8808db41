import type { ChannelOutput } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { cliText, fill } from '../cli-text';
import type { Out } from './casefile-commands';
import { openCliSession } from './session-door';

type Session = Awaited<ReturnType<typeof openCliSession>>;

/** Opens a session, runs `body`, always locks again. */
async function withSession(
  argv: string[],
  extra: Record<string, 'string' | 'boolean'>,
  body: (s: Session) => Promise<void>,
): Promise<void> {
  const s = await openCliSession(argv, extra);
  try {
    await body(s);
  } finally {
    await s.close();
  }
}

function opt(s: Session, name: string): string | undefined {
  const v = s.values[name];
  return typeof v === 'string' ? v : undefined;
}

function need(s: Session, name: string): string {
  const v = opt(s, name);
  if (!v) throw new AppError('INVALID_INPUT', `--${name} is required`);
  return v;
}

function onePath(s: Session, what: string): string {
  const [path, ...more] = s.positionals;
  if (!path || more.length) throw new AppError('INVALID_INPUT', `Give one ${what} file.`);
  return path;
}

/** `identity export [--out FILE]`: the card (public keys) and the fingerprint to read aloud. */
export async function identityExport(argv: string[], out: Out): Promise<void> {
  await withSession(argv, { out: 'string' }, async (s) => {
    const file = opt(s, 'out');
    if (file) {
      const r = await s.call<ChannelOutput<'sync.exportCard'>>('sync.exportCard', { path: file });
      out(fill(cliText().sync.card, { file: r.file }));
      out(fill(cliText().sync.fingerprint, { fingerprint: r.fingerprint }));
    } else {
      const id = await s.call<ChannelOutput<'sync.identity'>>('sync.identity', {});
      out(id.card);
      out(fill(cliText().sync.fingerprint, { fingerprint: id.fingerprint }));
    }
  });
}

/** `peer add --card FILE [--profile full|statistics] [--label NAME] [--fingerprint CODE]` */
export async function peerAdd(argv: string[], out: Out): Promise<void> {
  await withSession(
    argv,
    { card: 'string', profile: 'string', label: 'string', fingerprint: 'string' },
    async (s) => {
      const profile = opt(s, 'profile');
      if (profile && profile !== 'full' && profile !== 'statistics') {
        throw new AppError('INVALID_INPUT', '--profile is full or statistics');
      }
      const p = await s.call<ChannelOutput<'sync.addPeer'>>('sync.addPeer', {
        path: need(s, 'card'),
        ...(profile ? { profile } : {}),
        ...(opt(s, 'label') ? { label: opt(s, 'label') } : {}),
        ...(opt(s, 'fingerprint') ? { expectedFingerprint: opt(s, 'fingerprint') } : {}),
      });
      out(
        fill(cliText().sync.paired, { deviceId: p.deviceId, centerName: p.centerName, profile: p.profile }),
      );
      out(fill(cliText().sync.compareFingerprint, { fingerprint: p.fingerprint }));
    },
  );
}

/** `peer list`: the sync queue per peer. */
export async function peerList(argv: string[], out: Out): Promise<void> {
  await withSession(argv, {}, async (s) => {
    const st = await s.call<ChannelOutput<'sync.status'>>('sync.status', {});
    if (s.values.json) return out(JSON.stringify(st, null, 2));
    out(
      `this device: ${st.device.deviceId}\t${st.device.centerName}\t${st.device.fingerprint}\tmode=${st.mode}`,
    );
    for (const p of st.peers) {
      out(
        [
          p.deviceId,
          p.label ?? p.centerName,
          p.profile,
          p.active ? cliText().sync.peerActive : cliText().sync.peerUnpaired,
          `waiting=${p.waitingOps}`,
          `last-export=${p.lastExportAt ?? '-'}`,
          `last-receipt=${p.lastReceiptAt ?? '-'}`,
        ].join('\t'),
      );
    }
    out(fill(cliText().sync.peerStatus, { parked: st.pending.total, conflicts: st.openConflicts }));
  });
}

/** `bundle export --to PEER (--out FILE | --folder)` */
export async function bundleExport(argv: string[], out: Out): Promise<void> {
  await withSession(argv, { to: 'string', out: 'string', folder: 'boolean' }, async (s) => {
    const r = await s.call<ChannelOutput<'sync.exportBundle'>>('sync.exportBundle', {
      peer: need(s, 'to'),
      ...(opt(s, 'out') ? { path: opt(s, 'out') } : {}),
      toFolder: !!s.values.folder,
    });
    if (s.values.json) return out(JSON.stringify(r, null, 2));
    out(fill(cliText().sync.bundle, { file: r.file }));
    out(fill(cliText().sync.bundleStats, { ops: r.ops, bytes: r.bytes, profile: r.profile, peer: r.peer }));
  });
}

/** `bundle import FILE` */
export async function bundleImport(argv: string[], out: Out): Promise<void> {
  await withSession(argv, {}, async (s) => {
    const r = await s.call<ChannelOutput<'sync.importBundle'>>('sync.importBundle', {
      path: onePath(s, 'bundle'),
    });
    if (s.values.json) return out(JSON.stringify(r, null, 2));
    out(fill(cliText().sync.from, { deviceId: r.from.deviceId, centerName: r.from.centerName }));
    out(
      fill(cliText().sync.imported, {
        received: r.received,
        applied: r.applied,
        duplicates: r.duplicates,
        deferred: r.deferred,
        parked: r.parked,
        conflicts: r.newConflicts,
      }),
    );
    if (r.senderIsNewer) out(cliText().sync.senderIsNewer);
  });
}

/** `receipt export --to PEER (--out FILE | --folder)` */
export async function receiptExport(argv: string[], out: Out): Promise<void> {
  await withSession(argv, { to: 'string', out: 'string', folder: 'boolean' }, async (s) => {
    const r = await s.call<ChannelOutput<'sync.exportReceipt'>>('sync.exportReceipt', {
      peer: need(s, 'to'),
      ...(opt(s, 'out') ? { path: opt(s, 'out') } : {}),
      toFolder: !!s.values.folder,
    });
    out(fill(cliText().sync.receipt, { file: r.file, peer: r.peer }));
  });
}

/** `receipt import FILE` */
export async function receiptImport(argv: string[], out: Out): Promise<void> {
  await withSession(argv, {}, async (s) => {
    const r = await s.call<ChannelOutput<'sync.importReceipt'>>('sync.importReceipt', {
      path: onePath(s, 'receipt'),
    });
    if (s.values.json) return out(JSON.stringify(r, null, 2));
    out(fill(cliText().sync.from, { deviceId: r.from.deviceId, centerName: r.from.centerName }));
    out(fill(cliText().sync.stillWaiting, { ops: r.waitingOps }));
  });
}

/** `sync mode center|prefecture` */
export async function syncModeCommand(argv: string[], out: Out): Promise<void> {
  await withSession(argv, {}, async (s) => {
    const mode = s.positionals[0];
    if (mode !== 'center' && mode !== 'prefecture')
      throw new AppError('INVALID_INPUT', 'mode is center or prefecture');
    await s.call('sync.setMode', { mode });
    out(fill(cliText().sync.mode, { mode }));
  });
}

/** `sync summary [--fiscal-year N]`: consultations per center (prefecture). */
export async function syncSummary(argv: string[], out: Out): Promise<void> {
  await withSession(argv, { 'fiscal-year': 'string' }, async (s) => {
    const fy = opt(s, 'fiscal-year');
    const r = await s.call<ChannelOutput<'sync.centerSummary'>>(
      'sync.centerSummary',
      fy ? { fiscalYear: Number(fy) } : {},
    );
    if (s.values.json) return out(JSON.stringify(r, null, 2));
    for (const row of r.rows)
      out(`${row.fiscalYear}\t${row.centerName}\t${row.consultations}\t${row.persons}`);
    for (const t of r.totals)
      out(`${t.fiscalYear}\t${cliText().sync.total}\t${t.consultations}\t${t.persons}`);
  });
}
