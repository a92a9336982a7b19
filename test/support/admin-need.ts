/** What a back-office route needs (see admin-routes.ts). */
import type { Action } from '../../src/features/policy/policy.js';
import type { RecordKind } from './admin-fixtures.js';

export interface Need {
  /** The policy action the route needs; `signed_in`: any signed-in person. */
  action: Action | 'signed_in';
  /** The record in the URL, whose municipality and owner unit the check is about. */
  record?: RecordKind;
  /** For records: the owner unit matters (unit editors); else the target has no owner unit. */
  owned?: boolean;
  /** A valid form for POSTs whose permission depends on what is asked (e.g. which lifecycle step). */
  form?: Record<string, string>;
}

export const n = (action: Need['action'], record?: RecordKind, owned = false, form?: Record<string, string>): Need => ({ action, record, owned, form });
