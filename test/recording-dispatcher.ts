import type { AnalysisRequest, Dispatcher } from "@/lib/analysis/dispatcher";
import { DispatchError } from "@/lib/analysis/dispatcher";

/** A dispatcher that records requests, or fails like a runner that is down. */
export class RecordingDispatcher implements Dispatcher {
  readonly mode = "inline" as const;
  readonly requests: AnalysisRequest[] = [];
  readonly cancelled: string[] = [];
  down = false;

  async dispatch(request: AnalysisRequest) {
    if (this.down) throw new DispatchError("the runner is not answering");
    this.requests.push(request);
    return { requestId: `test-${this.requests.length}` };
  }

  async cancel({ activityId }: { activityId: string }) {
    this.cancelled.push(activityId);
  }
}
