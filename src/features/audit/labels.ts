/** What the audit trail's machine codes mean, in Swedish and English, for the log and the overview. */
import type { Lang } from '../../i18n/index.js';

const ENTITIES: Record<string, { sv: string; en: string }> = {
  project: { sv: 'projekt', en: 'project' },
  partnership: { sv: 'samarbete', en: 'partnership' },
  organisation: { sv: 'organisation', en: 'organisation' },
  decision: { sv: 'beslut', en: 'decision' },
  assessment: { sv: 'bedömning', en: 'assessment' },
  user: { sv: 'användare', en: 'user' },
  user_role: { sv: 'roll', en: 'role' },
  municipality: { sv: 'kommun', en: 'municipality' },
  municipality_settings: { sv: 'inställningar', en: 'settings' },
  attachment: { sv: 'bilaga', en: 'attachment' },
  import: { sv: 'import', en: 'import' },
  oidc_provider: { sv: 'inloggningstjänst', en: 'sign-in service' },
  delegation_rule: { sv: 'delegationspunkt', en: 'delegation rule' },
  delegation_order: { sv: 'delegationsordning', en: 'delegation order' },
  committee_units: { sv: 'nämndernas ansvar', en: 'committee responsibilities' },
  funding_programme: { sv: 'finansieringsprogram', en: 'funding programme' },
  session: { sv: 'inloggning', en: 'sign-in' },
  strategy: { sv: 'strategi', en: 'strategy' },
  strategy_goal: { sv: 'mål', en: 'goal' },
  strategy_review: { sv: 'översyn av strategi', en: 'strategy review' },
  action_plan: { sv: 'handlingsplan', en: 'action plan' },
  measure: { sv: 'åtgärd', en: 'measure' },
  measure_note: { sv: 'lägesrapport', en: 'progress note' },
  plan_evaluation: { sv: 'utvärdering av handlingsplan', en: 'action plan evaluation' },
  calendar_feed: { sv: 'kalenderadress', en: 'calendar address' },
  half_year_report: { sv: 'halvårsrapport', en: 'half-year report' },
  budget_allocation: { sv: 'budgetanslag för år', en: 'budget allocation for year' },
  budget_entry: { sv: 'budgetpost', en: 'budget entry' },
  partnership_evaluation: { sv: 'utvärdering av samarbete', en: 'partnership evaluation' },
};

const ACTIONS: Record<string, { sv: string; en: string }> = {
  seed: { sv: 'läste in uppgifter från strategin', en: 'loaded data from the strategy' },
  create: { sv: 'skapade', en: 'created' },
  update: { sv: 'ändrade', en: 'changed' },
  delete: { sv: 'tog bort', en: 'deleted' },
  save_draft: { sv: 'sparade ett utkast av', en: 'saved a draft of' },
  submit: { sv: 'skickade för granskning', en: 'submitted for review' },
  publish: { sv: 'publicerade', en: 'published' },
  send_back: { sv: 'skickade tillbaka', en: 'sent back' },
  discard: { sv: 'kastade ändringarna i', en: 'discarded the changes to' },
  activate: { sv: 'aktiverade', en: 'activated' },
  complete: { sv: 'slutförde', en: 'completed' },
  import: { sv: 'importerade', en: 'imported' },
  grant_role: { sv: 'gav en roll till', en: 'gave a role to' },
  update_role: { sv: 'ändrade rollen för', en: 'changed the role of' },
  revoke_role: { sv: 'tog bort rollen för', en: 'removed the role of' },
  disable: { sv: 'stängde av', en: 'disabled' },
  enable: { sv: 'aktiverade', en: 'enabled' },
  login: { sv: 'loggade in', en: 'signed in' },
  login_password: { sv: 'angav lösenord', en: 'entered the password' },
  login_failed: { sv: 'misslyckad inloggning', en: 'failed sign-in' },
  logout: { sv: 'loggade ut', en: 'signed out' },
  logout_everywhere: { sv: 'loggade ut överallt', en: 'signed out everywhere' },
  password_change: { sv: 'bytte lösenord', en: 'changed the password' },
  password_reset_requested: { sv: 'bad om nytt lösenord', en: 'asked for a new password' },
  second_factor_setup: { sv: 'satte upp tvåstegsverifiering', en: 'set up two-step verification' },
  recovery_codes_renewed: { sv: 'skapade nya reservkoder', en: 'made new recovery codes' },
  link_identity: { sv: 'kopplade inloggningstjänst till', en: 'linked a sign-in service to' },
  start_assessment: { sv: 'påbörjade bedömning av', en: 'started the assessment of' },
  submit_for_decision: { sv: 'skickade till beslut', en: 'sent for decision' },
  return_to_assessment: { sv: 'återförvisade till bedömning', en: 'returned to assessment' },
  approve: { sv: 'beviljade', en: 'approved' },
  reject: { sv: 'avslog', en: 'rejected' },
  start: { sv: 'startade', en: 'started' },
  evaluate: { sv: 'markerade som utvärderat', en: 'marked as evaluated' },
  cancel: { sv: 'avbröt', en: 'cancelled' },
  adopt: { sv: 'markerade som antagen', en: 'marked as adopted' },
  supersede: { sv: 'ersatte', en: 'superseded' },
  review: { sv: 'gjorde översyn av', en: 'reviewed' },
  move: { sv: 'flyttade', en: 'moved' },
  merge: { sv: 'slog ihop', en: 'merged' },
  progress_update: { sv: 'rapporterade läget för', en: 'reported progress of' },
  bulk_progress_update: { sv: 'rapporterade läget för flera', en: 'reported progress of several' },
  copy: { sv: 'kopierade', en: 'copied' },
  link_goals: { sv: 'kopplade mål till', en: 'linked goals to' },
  update_section: { sv: 'ändrade ett avsnitt i', en: 'changed a section of' },
  mark_section_ready: { sv: 'markerade ett avsnitt som klart i', en: 'marked a section ready in' },
  reopen_section: { sv: 'öppnade ett avsnitt igen i', en: 'reopened a section of' },
  update_structure: { sv: 'ändrade avsnitt och rubriker i', en: 'changed the sections and headings of' },
  finalise: { sv: 'slutförde', en: 'finalised' },
  send: { sv: 'skickade', en: 'sent' },
  end: { sv: 'avslutade', en: 'ended' },
};

/** "projekt", "samarbete" …; the code itself when unknown. */
export function entityLabel(entity: string, lang: Lang): string {
  return ENTITIES[entity]?.[lang] ?? entity;
}

/** "skapade", "publicerade" …; the code itself when unknown. */
export function actionLabel(action: string, lang: Lang): string {
  return ACTIONS[action]?.[lang] ?? action.replaceAll('_', ' ');
}

/** One line of the log: "skapade projekt 12". */
export function describeEntry(e: { action: string; entity: string; entity_id: string | null }, lang: Lang): string {
  return `${actionLabel(e.action, lang)} ${entityLabel(e.entity, lang)}${e.entity_id ? ` ${e.entity_id}` : ''}`;
}
