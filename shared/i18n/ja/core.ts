export const ja = {
  app: { title: 'よりそい', tagline: '難病相談支援センターのための相談記録' },
  errors: {
    CASEFILE_NOT_FOUND: 'ケースファイルが見つかりません。',
    CASEFILE_EXISTS: 'この場所には既にケースファイルがあります。',
    KEYSLOTS_MISSING: '鍵ファイル（.keys）が見つかりません。ケースファイルと同じフォルダーに置いてください。',
    KEYSLOTS_DAMAGED: '鍵ファイル（.keys）が破損しています。バックアップから戻してください。',
    NOT_A_CASEFILE: 'このファイルはよりそいのケースファイルではありません。',
    SCHEMA_TOO_NEW: 'このケースファイルは新しい版のよりそいで作られています。アプリを更新してください。',
    UNKNOWN_LOGIN: 'このログイン名のアカウントはありません。',
    WRONG_PASSPHRASE: 'パスフレーズが違います。',
    WRONG_RECOVERY_CODE: '回復コードが違います。',
    LOGIN_EXISTS: 'このログイン名は既に使われています。',
    LAST_ADMIN_SLOT: '最後の鍵は削除できません。',
    WEAK_PASSPHRASE: 'パスフレーズは10文字以上で、いろいろな文字を含めてください。',
    INTEGRITY_FAILED: 'ケースファイルの整合性チェックに失敗しました。',
    LOCKED: 'ロック中です。もう一度ログインしてください。',
    SIGNIN_LOCKED: 'ログインの失敗が続いたため、しばらく待ってからやり直してください。',
    SECOND_FACTOR_REQUIRED: '認証アプリの6桁のコードを入力してください。',
    WRONG_SECOND_FACTOR: '認証コードが違います。',
    DISK_FULL: '保存先の空き容量が足りません。ケースファイルは変更されていません。',
    BACKUP_FOLDER_UNAVAILABLE:
      'バックアップ先のフォルダーを使えません（USBメモリが外れている、書き込み禁止など）。',
    READ_ONLY:
      '書き込みできない場所です（読み取り専用のフォルダーやメディア）。ケースファイルは変更されていません。',
    TARGET_FOLDER_UNAVAILABLE:
      '保存先のフォルダーが見つかりません（USBメモリが外れていないか確かめてください）。何も書き出していません。',
    INVALID_INPUT: '入力内容に誤りがあります。',
    UNKNOWN_CHANNEL: '不明な操作です。',
    FORBIDDEN: 'この操作を行う権限がありません。',
    NOT_FOUND: '対象が見つかりません。',
    CONFLICT: '他の変更と競合しました。画面を更新してからやり直してください。',
    UNAUTHORIZED: 'ログインしてください。',
    INTERNAL: '予期しないエラーが発生しました。',
    CARD_INVALID: '識別カードが正しくありません（壊れているか、書き換えられています）。',
    FINGERPRINT_MISMATCH: '確認コードが一致しません。電話で読み上げたコードを確かめてください。',
    BUNDLE_CORRUPT:
      '同期ファイルが壊れています（途中で切れているか、書き換えられています）。何も取り込んでいません。',
    BUNDLE_WRONG_RECIPIENT:
      'この同期ファイルはこの端末宛てではありません（または先頭部分が壊れています）。何も取り込んでいません。',
    BUNDLE_UNKNOWN_SENDER: 'ペア設定していない端末からの同期ファイルです。何も取り込んでいません。',
    BUNDLE_BAD_SIGNATURE: '同期ファイルの署名が送信元の鍵と一致しません。何も取り込んでいません。',
    BUNDLE_TOO_NEW: 'この同期ファイルは新しい版のよりそいで作られています。アプリを更新してください。',
    BUNDLE_WRONG_KIND:
      'ファイルの種類が違います（同期ファイルと受領書を取り違えていないか確かめてください）。',
    BUNDLE_NOT_APPLICABLE:
      '同期ファイルの内容をこのケースファイルに反映できませんでした。何も取り込んでいません。',
  },
};
