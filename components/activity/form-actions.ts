import type {
  ActionResult,
  ActivityDto,
  EntryDto,
} from "@/lib/activities/types";

/**
 * The activity page's server actions, handed down by the page (they live
 * in app/, which components do not import).
 */
export interface ActivityFormActions {
  update: (id: string, input: unknown) => Promise<ActionResult<ActivityDto>>;
  addEntry: (id: string, input: unknown) => Promise<ActionResult<EntryDto>>;
}
