import type { ja } from '../ja/cli';
import type { Shape } from '../shape';

/** The command line (`yorisoi …`): its help, its messages and its questions. */
export const en: Shape<typeof ja> = {
  cli: {
    usage: `yorisoi <command> [flags]   (--lang ja|en chooses the language)
  init        --casefile F --center NAME --login L --name DISPLAY [--prefecture 11]   (creates a case file)
  verify      --casefile F --login L                 (integrity check)
  passphrase  --casefile F --login L                 (changes your passphrase)
  recover     --casefile F --login L                 (a new passphrase with the recovery code)
  rotate-key  --casefile F --login L                 (a new data key; the recovery code changes too)
  intake add     --casefile F --login L --json FILE|-     (prints the new ids)
  intake list    --casefile F --login L [--query TEXT] [--from DATE --to DATE] [--json]
  intake schema  (JSON Schema of the intake add input)
  intake example (one valid intake add input)
  followups due  --casefile F --login L [--scope mine|all] [--json]
  coordination list --casefile F --login L [--state open|ended|all] [--json]  (admission/respite board)
  backup         --casefile F --login L [--to DIR]       (encrypted snapshot; daily×7 weekly×4 monthly×12)
  restore        --from SNAPSHOT --casefile F --login L  (new device id)
  demo           --casefile F --login L --consultations N [--seed S]  (FICTITIOUS data / 架空データ)
  audit verify   --casefile F --login L [--json]        (the audit log's hash chain; exit 1 if broken)
  audit export   --casefile F --login L --out FILE [--from DATE --to DATE --user L --action A]  (CSV)
  identity export --casefile F --login L [--out FILE]   (identity card + fingerprint)
  peer add       --casefile F --login L --card FILE [--profile full|statistics] [--label NAME] [--fingerprint CODE]
  peer list      --casefile F --login L [--json]        (the sync queue per peer)
  bundle export  --casefile F --login L --to PEER (--out FILE | --folder)
  bundle import  --casefile F --login L FILE
  receipt export --casefile F --login L --to PEER (--out FILE | --folder)
  receipt import --casefile F --login L FILE
  sync mode      --casefile F --login L center|prefecture
  sync summary   --casefile F --login L [--fiscal-year YYYY] [--json]   (consultations per center)
  letter draft    --casefile F --login L --referral ID [--template t1|t2|t3|t4|t5]   (JSON to edit)
  letter issue    --casefile F --login L --referral ID --out FILE.pdf [--draft FILE.json] [--consent ID]
                  [--emergency-reason TEXT]   (without consent: 生命・身体の保護, logged; saving the PDF is logged)
  letter register --casefile F --login L [--person ID] [--json]
  report      --casefile F --login L --fiscal-year YYYY [--from YYYY-MM --to YYYY-MM] [--site center|outreach | --event ID] --format json|csv|xlsx --out FILE
Secrets come from YORISOI_PASSPHRASE, YORISOI_NEW_PASSPHRASE, YORISOI_RECOVERY_CODE, YORISOI_TOTP,
or are asked for without echo in a terminal. The language comes from --lang, YORISOI_LANG, then LANG;
Japanese when none says English.`,
    unknownCommand: 'There is no command "{{name}}". yorisoi help lists them.',
    errorLine: '{{code}}: {{message}}',
    errorDetail: ' ({{detail}})',
    ask: {
      passphrase: 'Passphrase: ',
      newPassphrase: 'New passphrase: ',
      again: 'Again: ',
      recoveryCode: 'Recovery code: ',
      totp: 'Authenticator code: ',
      notTheSame: 'The two entries are not the same.',
    },
    casefile: {
      created: 'created {{path}}',
      recoveryCodeOnce: 'Recovery code (shown once — print it and keep it locked away):',
      integrity: 'integrity: {{result}}',
      integrityOk: 'ok',
      integrityFailed: 'FAILED',
      schemaVersion: 'schema version: {{version}}',
      passphraseChanged: 'passphrase changed for {{login}}',
      passphraseSet: 'new passphrase set for {{login}}',
      keyRotated: 'data key rotated; the old recovery code no longer works.',
      newRecoveryCode: 'New recovery code (shown once):',
    },
    audit: {
      ok: 'audit chain: ok ({{entries}} entries)',
      head: 'head: #{{id}} {{mac}}',
      broken: 'audit chain: BROKEN at entry #{{id}}{{where}}',
      foundAtSignIn: '  (found at a sign-in and written down then)',
      exported: 'exported {{rows}} entries to {{file}}',
      reasons: {
        altered: 'its content or MAC was changed',
        link: 'it does not follow the entry before it (an entry deleted or moved)',
        unchained: 'it was inserted past the app',
        head: 'the newest entries are missing, or the head was altered',
        anchor: 'entries up to the anchored one are missing (the anchor is kept with the key slots)',
        meta: 'the mark that the chain has started was removed',
      },
    },
    sync: {
      card: 'card: {{file}}',
      fingerprint: 'fingerprint: {{fingerprint}}',
      paired: 'paired: {{deviceId}}\t{{centerName}}\tprofile={{profile}}',
      compareFingerprint:
        'fingerprint: {{fingerprint}}  (compare it with the other side before exchanging bundles)',
      peerActive: 'active',
      peerUnpaired: 'unpaired',
      peerStatus: 'parked ops: {{parked}}\topen conflicts: {{conflicts}}',
      bundle: 'bundle: {{file}}',
      bundleStats: 'ops: {{ops}}\tbytes: {{bytes}}\tprofile: {{profile}}\tto: {{peer}}',
      from: 'from: {{deviceId}}\t{{centerName}}',
      imported:
        'received: {{received}}\tapplied: {{applied}}\tduplicates: {{duplicates}}\tdeferred: {{deferred}}\tparked: {{parked}}\tnew conflicts: {{conflicts}}',
      senderIsNewer: 'the sender runs a newer Yorisoi: update this app to apply everything',
      receipt: 'receipt: {{file}}\tto: {{peer}}',
      stillWaiting: 'still waiting for this peer: {{ops}}',
      mode: 'mode: {{mode}}',
      total: '(total)',
    },
    backup: {
      snapshot: 'snapshot: {{path}} ({{bytes}} bytes), pruned {{pruned}}',
    },
    demo: {
      created: 'created {{path}} ({{center}})',
      generating: 'generating fictitious data (架空データ): {{count}} consultations (seed {{seed}})',
      done: 'done: {{consultations}} consultations, {{persons}} persons, {{institutions}} institutions, {{events}} events in {{seconds}} s',
      fictitious: 'All of this is fictitious data (架空データ): no real person or consultation.',
    },
    letters: {
      emergency: '(issued without consent under the emergency exception; logged)',
      bytes: '{{bytes}} bytes',
    },
    count: '{{count}} rows',
  },
};
