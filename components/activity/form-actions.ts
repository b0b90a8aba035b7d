import type { ActivityDto, EntryDto } from "@/lib/activities/types";
import type { ActionAnswer } from "@/lib/client/api";

/**
 * The activity page's server actions, handed down by the page (they live
 * in app/, which components do not import).
 */
export interface ActivityFormActions {
  update: (id: string, input: unknown) => Promise<ActionAnswer<ActivityDto>>;
  addEntry: (id: string, input: unknown) => Promise<ActionAnswer<EntryDto>>;
}
