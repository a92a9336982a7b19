/**
 * Shared shapes of the strategy feature (issue 4): the proposed goal tree the importer makes from
 * a document's text, and the inputs and outputs of the progress roll-up.
 */
import type { MeasureStatus, TrafficLight } from '../../db/schema.js';

/** One node of a proposed goal tree (from the importer, before it is saved). */
export interface ProposedNode {
  /** The municipality's own name of the level: "Övergripande mål", "Målområde", "Aktivitet", "Inriktning" … */
  levelName: string;
  title: string;
  /** Introductory text kept with the node (may be empty). */
  description: string;
  children: ProposedNode[];
}

/** What the importer proposes from a strategy's text: the document's facts and its goal tree. */
export interface ProposedStrategy {
  title: string;
  /** The vision quoted (AL-1), or ''. */
  vision: string;
  /** The adopting body, e.g. "Kommunstyrelsen", or ''. */
  adoptedBy: string;
  /** ISO date of adoption, or ''. */
  adoptedOn: string;
  /** "§ 258", or ''. */
  minuteParagraph: string;
  registryNumber: string;
  /** The responsibilities section's text (AR-5), or ''. */
  responsibilities: string;
  /** The rest of the text worth keeping (introduction, purpose …). */
  body: string;
  goals: ProposedNode[];
  /** What the importer could not work out, in words for the person checking the proposal. */
  warnings: { sv: string; en: string }[];
}

/** A goal as the roll-up sees it. */
export interface RollupGoal {
  id: number;
  parentId: number | null;
  /** Relative weight among its siblings; 1 unless set. */
  weight: number;
}

/** A measure as the roll-up sees it. */
export interface RollupMeasure {
  id: number;
  goalIds: number[];
  /** 0–100. */
  progress: number;
  weight: number;
  status: MeasureStatus;
  startDate: string | null;
  endDate: string | null;
}

/** A goal's computed progress. */
export interface GoalProgress {
  goalId: number;
  /** 0–100, rounded to one decimal; null when nothing below it can be measured. */
  progress: number | null;
  /** Where progress should be by today, judging by the measures' dates; null when no dates. */
  expected: number | null;
  light: TrafficLight;
  /** Measures counted directly under this goal, and in its whole subtree. */
  directMeasures: number;
  totalMeasures: number;
  /** How it was computed, in plain words. */
  explanation: { sv: string; en: string };
}
