import type { SchemaProblem } from "./validate-schema";
import { describeProblems } from "./validate-schema";

/**
 * Thrown when a schema is not a JSON Schema at all ({"type": 12}, an allOf
 * that is not a list). The message names the problems; `problems` holds
 * them with a pointer each, for an editor to mark.
 */
export class InvalidSchemaError extends Error {
  readonly problems: SchemaProblem[];

  constructor(problems: SchemaProblem[]) {
    super(describeProblems(problems));
    this.name = "InvalidSchemaError";
    this.problems = problems;
  }
}
