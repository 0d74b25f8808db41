import { requirePermission, type ServiceContext } from '../context';

/**
 * Who may do what in sync, with the permissions that exist today (a dedicated `sync.*` pair in
 * shared/permissions.ts would say it more plainly):
 * - pairing, unpairing, sharing profiles, mode, folder: administrators (`staff.manage`), because
 *   they decide who receives the center's records;
 * - exporting and importing bundles and receipts, resolving conflicts: those who edit records
 *   (`consultation.edit`): a bundle carries every record;
 * - the queue, the export log and the per-center counts: those who see all records.
 */
export const requireSyncAdmin = (ctx: ServiceContext) => requirePermission(ctx, 'staff.manage');
export const requireSyncExchange = (ctx: ServiceContext) => requirePermission(ctx, 'consultation.edit');
export const requireSyncView = (ctx: ServiceContext) => requirePermission(ctx, 'consultation.viewAll');
