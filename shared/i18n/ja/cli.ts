/** The command line (`yorisoi …`): its help, its messages and its questions. */
export const ja = {
  cli: {
    usage: `yorisoi <コマンド> [フラグ]   （--lang ja|en で表示言語を選べます）
  init        --casefile F --center NAME --login L --name DISPLAY [--prefecture 11]   （ケースファイルを作る）
  verify      --casefile F --login L                 （整合性チェック）
  passphrase  --casefile F --login L                 （パスフレーズを変える）
  recover     --casefile F --login L                 （回復コードで新しいパスフレーズを設定）
  rotate-key  --casefile F --login L                 （データ鍵を作り直す。回復コードも新しくなる）
  intake add     --casefile F --login L --json FILE|-     （新しい ID を表示）
  intake list    --casefile F --login L [--query TEXT] [--from DATE --to DATE] [--json]
  intake schema  （intake add の入力の JSON Schema）
  intake example （intake add の入力の例）
  followups due  --casefile F --login L [--scope mine|all] [--json]
  coordination list --casefile F --login L [--state open|ended|all] [--json]  （入院・レスパイト調整）
  backup         --casefile F --login L [--to DIR]       （暗号化スナップショット。日×7 週×4 月×12）
  restore        --from SNAPSHOT --casefile F --login L  （新しい端末 ID で戻す）
  demo           --casefile F --login L --consultations N [--seed S]  （架空データ）
  audit verify   --casefile F --login L [--json]        （監査ログのハッシュ連鎖。壊れていれば終了コード 1）
  audit export   --casefile F --login L --out FILE [--from DATE --to DATE --user L --action A]  （CSV）
  identity export --casefile F --login L [--out FILE]   （端末の証明カードとフィンガープリント）
  peer add       --casefile F --login L --card FILE [--profile full|statistics] [--label NAME] [--fingerprint CODE]
  peer list      --casefile F --login L [--json]        （相手ごとの同期待ち）
  bundle export  --casefile F --login L --to PEER (--out FILE | --folder)
  bundle import  --casefile F --login L FILE
  receipt export --casefile F --login L --to PEER (--out FILE | --folder)
  receipt import --casefile F --login L FILE
  sync mode      --casefile F --login L center|prefecture
  sync summary   --casefile F --login L [--fiscal-year YYYY] [--json]   （センターごとの相談件数）
  letter draft    --casefile F --login L --referral ID [--template t1|t2|t3|t4|t5]   （編集用の JSON）
  letter issue    --casefile F --login L --referral ID --out FILE.pdf [--draft FILE.json] [--consent ID]
                  [--emergency-reason TEXT]   （同意なしは生命・身体の保護として記録。PDF の保存も記録）
  letter register --casefile F --login L [--person ID] [--json]
  report      --casefile F --login L --fiscal-year YYYY [--from YYYY-MM --to YYYY-MM] [--site center|outreach | --event ID] --format json|csv|xlsx --out FILE
秘密の値は環境変数 YORISOI_PASSPHRASE、YORISOI_NEW_PASSPHRASE、YORISOI_RECOVERY_CODE、YORISOI_TOTP から読むか、
端末で表示なしで尋ねます。表示言語は --lang、YORISOI_LANG、LANG の順で決まり、既定は日本語です。`,
    unknownCommand: '「{{name}}」というコマンドはありません。yorisoi help で一覧を表示します。',
    errorLine: '{{code}}: {{message}}',
    errorDetail: '（{{detail}}）',
    ask: {
      passphrase: 'パスフレーズ: ',
      newPassphrase: '新しいパスフレーズ: ',
      again: 'もう一度: ',
      recoveryCode: '回復コード: ',
      totp: '認証アプリのコード: ',
      notTheSame: '2回の入力が一致しません。',
    },
    casefile: {
      created: 'ケースファイルを作成しました: {{path}}',
      recoveryCodeOnce: '回復コード（この一度だけ表示します。印刷して鍵のかかる場所に保管してください）:',
      integrity: '整合性: {{result}}',
      integrityOk: '問題なし',
      integrityFailed: '異常あり',
      schemaVersion: 'スキーマの版: {{version}}',
      passphraseChanged: '{{login}} のパスフレーズを変更しました',
      passphraseSet: '{{login}} の新しいパスフレーズを設定しました',
      keyRotated: 'データ鍵を作り直しました。前の回復コードはもう使えません。',
      newRecoveryCode: '新しい回復コード（この一度だけ表示します）:',
    },
    audit: {
      ok: '監査ログの連鎖: 問題なし（{{entries}} 件）',
      head: '最新: #{{id}} {{mac}}',
      broken: '監査ログの連鎖: #{{id}} で途切れています{{where}}',
      foundAtSignIn: '  （サインイン時に検出し、その時点で記録しました）',
      exported: '{{rows}} 件を {{file}} に書き出しました',
      reasons: {
        altered: '内容または MAC が書き換えられています',
        link: '直前の記録とつながっていません（記録の削除・移動）',
        unchained: 'アプリを通さずに追加されています',
        head: '最新の記録が削除されたか、先頭が書き換えられています',
        anchor: '鍵ファイルに残した基準点までの記録が削除されています',
        meta: '連鎖の開始を示す記録が削除されています',
      },
    },
    sync: {
      card: '証明カード: {{file}}',
      fingerprint: 'フィンガープリント: {{fingerprint}}',
      paired: '登録しました: {{deviceId}}\t{{centerName}}\tプロファイル={{profile}}',
      compareFingerprint:
        'フィンガープリント: {{fingerprint}}（バンドルをやり取りする前に相手側の表示と照らし合わせてください）',
      peerActive: '有効',
      peerUnpaired: '解除済み',
      peerStatus: '保留中の操作: {{parked}}\t未解決の競合: {{conflicts}}',
      bundle: 'バンドル: {{file}}',
      bundleStats: '操作: {{ops}}\tバイト: {{bytes}}\tプロファイル: {{profile}}\t宛先: {{peer}}',
      from: '送信元: {{deviceId}}\t{{centerName}}',
      imported:
        '受信: {{received}}\t反映: {{applied}}\t重複: {{duplicates}}\t後回し: {{deferred}}\t保留: {{parked}}\t新しい競合: {{conflicts}}',
      senderIsNewer: '送信側のよりそいの方が新しい版です。すべてを反映するにはこのアプリを更新してください',
      receipt: '受領証: {{file}}\t宛先: {{peer}}',
      stillWaiting: 'この相手への未送信: {{ops}}',
      mode: 'モード: {{mode}}',
      total: '（合計）',
    },
    backup: {
      snapshot: 'スナップショット: {{path}}（{{bytes}} バイト）、古いもの {{pruned}} 件を整理',
    },
    demo: {
      created: '作成しました: {{path}}（{{center}}）',
      generating: '架空データを作成しています: 相談 {{count}} 件（シード {{seed}}）',
      done: '完了: 相談 {{consultations}} 件、本人 {{persons}} 人、機関 {{institutions}} 件、行事 {{events}} 件（{{seconds}} 秒）',
      fictitious: 'これはすべて架空データです。実在の人物・相談とは関係ありません。',
    },
    letters: {
      emergency: '（本人の同意なし：緊急提供として記録しました）',
      bytes: '{{bytes}} バイト',
    },
    count: '{{count}} 件',
  },
};
