/**
 * The app's view of the tables (kysely types). Migrations never import this file: they are
 * frozen against `Kysely<any>`.
 */
export interface MetaTable {
  key: string;
  value: string;
}

export interface StaffTable {
  id: string;
  login: string;
  display_name: string;
  role: 'administrator' | 'counselor' | 'peer_supporter' | 'read_only';
  profession: string | null;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface AuditLogTable {
  id: number | undefined;
  at: string;
  staff_id: string | null;
  login: string | null;
  action: string;
  entity: string | null;
  entity_id: string | null;
  detail: string | null;
  /** the hash chain (0007): the entry before's MAC, and this entry's MAC (db/audit-chain/) */
  prev_mac: string | null;
  mac: string | null;
}

/** The audit chain's keyed head (0007): one row. */
export interface AuditHeadTable {
  one: number;
  value: string;
}

/** The optional second factor (0007): local to this case file, never synced. */
export interface StaffTotpTable {
  staff_id: string;
  /** base32 (RFC 4648), only inside the encrypted case file */
  secret: string;
  state: 'pending' | 'active';
  created_at: string;
  confirmed_at: string | null;
  /** the last accepted 30-second step: a code works only once */
  last_step: number | null;
}

interface Stamped {
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  version: number;
}

export interface PersonsTable extends Stamped {
  id: string;
  name: string | null;
  name_kana: string | null;
  sex: string | null;
  birth_date: string | null;
  age_band: string | null;
  municipality_code: string | null;
  residence: string;
  postal_code: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  notes: string | null;
  search_text: string;
  deleted_at: string | null;
}

export interface CasesTable extends Stamped {
  id: string;
  person_id: string | null;
  title: string;
  state: 'open' | 'closed';
  owner_id: string | null;
  opened_at: string;
  closed_at: string | null;
  outcome: string | null;
  outcome_note: string | null;
}

export interface ConsultationsTable extends Stamped {
  id: string;
  serial: string;
  origin_device: string;
  fiscal_year: number;
  received_at: string;
  received_date: string;
  site_kind: string;
  event_id: string | null;
  method: string;
  /** as saved (0002); the counted value is the override, else derived from the history */
  continuity: 'new' | 'continuing';
  /** set by hand, with a reason (0011); NULL: derived from the person's history */
  continuity_override: 'new' | 'continuing' | null;
  continuity_reason: string | null;
  case_id: string | null;
  duration_min: number | null;
  kind: string;
  consulter: string;
  consulter_note: string | null;
  person_id: string | null;
  sex: string | null;
  age: number | null;
  age_band: string | null;
  municipality_code: string | null;
  residence: string;
  health_center_id: string | null;
  diagnosis_status: string | null;
  disease_other: string | null;
  recipient_cert: string | null;
  disability_cert: string | null;
  ltc_level: string | null;
  employment: string | null;
  living: string | null;
  devices: string;
  main_category: string | null;
  summary: string;
  response_text: string;
  referral_note: string | null;
  outcome: string;
  deleted_at: string | null;
}

export interface ConsultationCategoriesTable {
  consultation_id: string;
  code: string;
  is_main: number;
}
export interface ConsultationResponsesTable {
  consultation_id: string;
  code: string;
}
export interface ConsultationDiseasesTable {
  consultation_id: string;
  number: number;
  list_version: string;
}
export interface ConsultationRespondersTable {
  consultation_id: string;
  staff_id: string;
  profession: string;
}
export interface ConsultationVersionsTable {
  consultation_id: string;
  version: number;
  changed_at: string;
  changed_by: string;
  snapshot: string;
}

export interface FollowUpsTable extends Stamped {
  id: string;
  case_id: string | null;
  consultation_id: string | null;
  person_id: string | null;
  title: string;
  due_date: string;
  owner_id: string;
  state: 'open' | 'done' | 'cancelled';
  note: string | null;
  completed_at: string | null;
  completed_by: string | null;
}

export interface EventsTable extends Stamped {
  id: string;
  kind: string;
  title: string;
  date: string;
  place: string | null;
  /** JSON array of {name, institutionId} */
  organisers: string;
  participants: number | null;
  notes: string | null;
  deleted_at: string | null;
}

export interface InstitutionsTable extends Stamped {
  id: string;
  type: string;
  name: string;
  name_kana: string | null;
  department: string | null;
  contact_person: string | null;
  honorific: 'sama' | 'onchu' | 'sensei';
  postal_code: string | null;
  address: string | null;
  phone: string | null;
  fax: string | null;
  email: string | null;
  municipality_code: string | null;
  covered_municipalities: string;
  capabilities: string;
  notes: string | null;
  active: number;
  /** other designations held besides `type` (0012): JSON array of institution type codes */
  designations: string;
}

/** 地域支援対策事業 (Ⅴ), 協議会, 支援者会議, 日常生活用具の展示 (0012). */
export interface ActivitiesTable extends Stamped {
  id: string;
  kind: string;
  title: string;
  date: string;
  place: string | null;
  /** JSON array of {name, institutionId} */
  attendees: string;
  participants: number | null;
  notes: string | null;
  deleted_at: string | null;
}

/** Admission and respite coordination (0008): requests and the hospitals asked. */
export interface CoordinationRequestsTable extends Stamped {
  id: string;
  person_id: string;
  consultation_id: string;
  kind: string;
  reason: string;
  reason_note: string | null;
  requested_on: string;
  wanted_from: string;
  wanted_to: string | null;
  ventilator: string;
  suction: string;
  gastrostomy: number;
  care_level: string;
  needs_note: string | null;
  urgency: string;
  owner_id: string;
  consent_method: string | null;
  consent_date: string | null;
  consent_by: string | null;
  consent_withdrawn_on: string | null;
  state: 'open' | 'accepted' | 'withdrawn' | 'failed';
  accepted_institution_id: string | null;
  accepted_from: string | null;
  accepted_to: string | null;
  ended_on: string | null;
  ended_by: string | null;
  end_note: string | null;
}
export interface CoordinationContactsTable extends Stamped {
  id: string;
  request_id: string;
  institution_id: string;
  /** local date-time as entered, YYYY-MM-DDTHH:MM */
  contacted_at: string;
  contacted_by: string;
  answer: 'accepted' | 'refused' | 'pending';
  refusal_reason: string | null;
  refusal_note: string | null;
  call_back_at: string | null;
  follow_up_id: string | null;
  note: string | null;
}

export interface MasterNanbyoTable {
  list_version: string;
  number: number;
  name_ja: string;
  groups: string;
  url: string;
}
export interface MasterMunicipalitiesTable {
  list_version: string;
  code: string;
  pref_code: string;
  pref_name: string;
  name: string;
  name_kana: string;
}

export interface DraftsTable {
  id: string;
  staff_id: string;
  kind: string;
  data: string;
  updated_at: string;
}

export interface OpLogTable {
  origin: string;
  seq: number;
  hlc: string;
  entity: string;
  entity_id: string;
  fields: string;
  prev: string;
  staff_id: string | null;
}
export interface OpFloorTable {
  origin: string;
  seq: number;
}
export interface SyncReplacedTable {
  entity: string;
  entity_id: string;
  field: string;
  hlc: string;
  fields: string;
}
export interface RowClocksTable {
  entity: string;
  entity_id: string;
  clocks: string;
}
export interface SearchDocsTable {
  rowid: number | undefined;
  consultation_id: string;
  text: string;
}

/** Sync state (0004): peers, origins, parked ops, conflicts, import log. */
export interface SyncPeersTable {
  device_id: string;
  center_name: string;
  label: string | null;
  role: 'center' | 'prefecture';
  sign_key: string;
  age_recipient: string;
  fingerprint: string;
  profile: 'full' | 'statistics';
  active: number;
  paired_at: string;
  paired_by: string;
  acked: string;
  last_export_at: string | null;
  last_export_ops: number | null;
  last_receipt_at: string | null;
  last_import_at: string | null;
  last_import_ops: number | null;
  /** the center this device delivers for (0010): its card's center id, or set by the prefecture */
  center_id: string | null;
  /** how far the peer's clock was from ours at its last file (ms, + ahead; null: agreed) (0016) */
  clock_offset_ms: number | null;
  clock_checked_at: string | null;
}
export interface SyncOriginsTable {
  origin: string;
  via_peer: string | null;
  first_seen_at: string;
}
export interface SyncPendingTable {
  origin: string;
  seq: number;
  reason: 'unknown_entity' | 'unknown_field' | 'missing_row' | 'other_center';
  fields: string;
  since: string;
  /** for 'other_center': the peer that delivered it (0010) */
  sender: string | null;
}
export interface SyncConflictsTable {
  id: string;
  entity: string;
  entity_id: string;
  field: string;
  loser_hlc: string;
  detected_at: string;
}
export interface SyncConflictResolutionsTable {
  id: string;
  resolution: 'keep' | 'take';
  /** what the decision was about (0015; null on older rows) */
  entity: string | null;
  entity_id: string | null;
  field: string | null;
  /** the value the decision left in the field, as JSON */
  value: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}
export interface SyncImportsTable {
  bundle_id: string;
  kind: 'bundle' | 'receipt';
  peer: string;
  imported_at: string;
  imported_by: string;
  ops_received: number;
  ops_applied: number;
  ops_parked: number;
}

/** Referrals, consent and letters (0006). */
export interface ReferralsTable extends Stamped {
  id: string;
  consultation_id: string;
  person_id: string;
  institution_id: string;
  template: 't1' | 't2' | 't3' | 't4';
  purpose: string | null;
  requested_on: string;
  reply_due_on: string | null;
  follow_up_id: string | null;
  state: 'requested' | 'accepted' | 'declined' | 'completed' | 'cancelled';
  state_changed_at: string | null;
  state_changed_by: string | null;
  state_note: string | null;
  reply_received_on: string | null;
  reply_decision: 'accepted' | 'declined' | null;
  reply_person: string | null;
  reply_action: string | null;
  reply_center_follow_up: number | null;
  reply_recorded_by: string | null;
  /** the admission/respite coordination this referral's T3 letter comes from (0009) */
  coordination_request_id: string | null;
}
export interface ConsentsTable extends Stamped {
  id: string;
  person_id: string;
  referral_id: string | null;
  /** JSON array of institution ids */
  recipient_ids: string;
  /** JSON array of CONSENT_DATA_ITEMS codes */
  data_items: string;
  method: 'verbal' | 'written';
  obtained_on: string;
  obtained_by: string;
  note: string | null;
  withdrawn_on: string | null;
  withdrawn_by: string | null;
  withdrawal_note: string | null;
}
export interface LettersTable extends Stamped {
  id: string;
  referral_id: string;
  person_id: string;
  institution_id: string;
  template: 't1' | 't2' | 't3' | 't4' | 't5';
  origin_device: string;
  fiscal_year: number;
  seq: number;
  document_number: string;
  issued_on: string;
  issued_by: string;
  addressee: string;
  title: string;
  data_items: string;
  consent_id: string | null;
  consent_line: string;
  override_reason: string | null;
  with_reply_form: number;
  /** the draft as issued (JSON) */
  fields: string;
  html_sha256: string;
  pdf_sha256: string;
  pdf_bytes: number;
}
export interface LetterFilesTable extends Stamped {
  id: string;
  html: string;
  pdf_base64: string;
}
export interface LetterExportsTable extends Stamped {
  id: string;
  kind: 'pdf_file' | 'reprint' | 'provision_log';
  letter_id: string | null;
  person_id: string;
  file_name: string | null;
  bytes: number;
  sha256: string;
  exported_at: string;
  exported_by: string;
}
export interface LetterCountersTable {
  origin_device: string;
  fiscal_year: number;
  last_seq: number;
}

export interface DB {
  meta: MetaTable;
  staff: StaffTable;
  audit_log: AuditLogTable;
  staff_totp: StaffTotpTable;
  audit_head: AuditHeadTable;
  persons: PersonsTable;
  cases: CasesTable;
  consultations: ConsultationsTable;
  consultation_categories: ConsultationCategoriesTable;
  consultation_responses: ConsultationResponsesTable;
  consultation_diseases: ConsultationDiseasesTable;
  consultation_responders: ConsultationRespondersTable;
  consultation_versions: ConsultationVersionsTable;
  follow_ups: FollowUpsTable;
  institutions: InstitutionsTable;
  events: EventsTable;
  activities: ActivitiesTable;
  coordination_requests: CoordinationRequestsTable;
  coordination_contacts: CoordinationContactsTable;
  master_nanbyo: MasterNanbyoTable;
  master_municipalities: MasterMunicipalitiesTable;
  drafts: DraftsTable;
  op_log: OpLogTable;
  op_floor: OpFloorTable;
  sync_replaced: SyncReplacedTable;
  row_clocks: RowClocksTable;
  search_docs: SearchDocsTable;
  sync_peers: SyncPeersTable;
  sync_origins: SyncOriginsTable;
  sync_pending: SyncPendingTable;
  sync_conflicts: SyncConflictsTable;
  sync_conflict_resolutions: SyncConflictResolutionsTable;
  sync_imports: SyncImportsTable;
  referrals: ReferralsTable;
  consents: ConsentsTable;
  letters: LettersTable;
  letter_files: LetterFilesTable;
  letter_exports: LetterExportsTable;
  letter_counters: LetterCountersTable;
}
