/**
 * Starter schemas offered on the New activity page. Each is a realistic
 * draft-07 schema (the dialect RJSF and its ajv8 validator expect) that
 * shows off a different render: a workout suits a form, a blood pressure
 * reading a table, a reading log a timeline, an expense cards.
 */

export interface ActivityTemplate {
  id: string;
  name: string;
  description: string;
  /** A short line shown on the template button. */
  blurb: string;
  schema: Record<string, unknown>;
}

const workout: ActivityTemplate = {
  id: "workout",
  name: "Workout",
  description: "A strength or cardio session with its exercises.",
  blurb: "Exercises, sets and how it felt",
  schema: {
    $schema: "http://json-schema.org/draft-07/schema#",
    title: "Workout",
    type: "object",
    required: ["date", "kind", "durationMinutes"],
    properties: {
      date: { type: "string", format: "date-time", title: "When" },
      kind: {
        type: "string",
        title: "Kind",
        enum: ["strength", "run", "ride", "swim", "yoga"],
      },
      durationMinutes: {
        type: "integer",
        title: "Duration (minutes)",
        minimum: 1,
        maximum: 600,
      },
      effort: {
        type: "integer",
        title: "Effort (1–10)",
        minimum: 1,
        maximum: 10,
      },
      exercises: {
        type: "array",
        title: "Exercises",
        items: {
          type: "object",
          required: ["name"],
          properties: {
            name: { type: "string", title: "Exercise" },
            sets: { type: "integer", title: "Sets", minimum: 1 },
            reps: { type: "integer", title: "Reps", minimum: 1 },
            weightKg: { type: "number", title: "Weight (kg)", minimum: 0 },
          },
        },
      },
      notes: { type: "string", title: "Notes", maxLength: 1000 },
    },
  },
};

const bloodPressure: ActivityTemplate = {
  id: "blood-pressure",
  name: "Blood pressure",
  description: "A home blood pressure and pulse reading.",
  blurb: "Systolic, diastolic, pulse",
  schema: {
    $schema: "http://json-schema.org/draft-07/schema#",
    title: "Blood pressure reading",
    type: "object",
    required: ["measuredAt", "systolic", "diastolic"],
    properties: {
      measuredAt: {
        type: "string",
        format: "date-time",
        title: "Measured at",
      },
      systolic: {
        type: "integer",
        title: "Systolic (mmHg)",
        minimum: 60,
        maximum: 250,
      },
      diastolic: {
        type: "integer",
        title: "Diastolic (mmHg)",
        minimum: 30,
        maximum: 150,
      },
      pulse: {
        type: "integer",
        title: "Pulse (bpm)",
        minimum: 30,
        maximum: 220,
      },
      arm: { type: "string", title: "Arm", enum: ["left", "right"] },
      position: {
        type: "string",
        title: "Position",
        enum: ["sitting", "standing", "lying"],
      },
    },
  },
};

const readingLog: ActivityTemplate = {
  id: "reading-log",
  name: "Reading log",
  description: "Reading sessions: which book, how far, what stayed with you.",
  blurb: "Book, pages, thoughts",
  schema: {
    $schema: "http://json-schema.org/draft-07/schema#",
    title: "Reading session",
    type: "object",
    required: ["startedAt", "book"],
    properties: {
      startedAt: { type: "string", format: "date-time", title: "Started" },
      finishedAt: { type: "string", format: "date-time", title: "Finished" },
      book: { type: "string", title: "Book", minLength: 1 },
      author: { type: "string", title: "Author" },
      pages: { type: "integer", title: "Pages read", minimum: 1 },
      finishedBook: { type: "boolean", title: "Finished the book" },
      thoughts: { type: "string", title: "Thoughts", maxLength: 2000 },
    },
  },
};

const expense: ActivityTemplate = {
  id: "expense",
  name: "Expense",
  description: "Something you paid for, with a receipt photo.",
  blurb: "Amount, category, receipt",
  schema: {
    $schema: "http://json-schema.org/draft-07/schema#",
    title: "Expense",
    type: "object",
    required: ["title", "amount", "currency", "category"],
    properties: {
      title: { type: "string", title: "What", minLength: 1, maxLength: 120 },
      merchant: { type: "string", title: "Merchant" },
      amount: {
        type: "number",
        title: "Amount",
        exclusiveMinimum: 0,
        multipleOf: 0.01,
      },
      currency: {
        type: "string",
        title: "Currency",
        enum: ["EUR", "USD", "GBP", "CHF"],
      },
      category: {
        type: "string",
        title: "Category",
        enum: ["groceries", "transport", "eating out", "home", "health"],
      },
      paidOn: { type: "string", format: "date", title: "Paid on" },
      receiptUrl: { type: "string", format: "uri", title: "Receipt photo" },
      reimbursable: { type: "boolean", title: "Reimbursable" },
    },
  },
};

export const TEMPLATES: readonly ActivityTemplate[] = [
  workout,
  bloodPressure,
  readingLog,
  expense,
];

/** The schema text the editor shows for a template. */
export function templateText(template: ActivityTemplate): string {
  return JSON.stringify(template.schema, null, 2);
}
