export {
  BEHAVIOURS,
  Scenario,
  startFakeOpenAI,
  type Behaviour,
  type FakeOpenAI,
  type FakeOpenAIOptions,
  type RecordedCall,
} from "./server";
export { AI_RATIONALE_PREFIX } from "./answers";
