// Stands in for the "server-only" marker package under Vitest, where no
// client bundle exists for it to guard.
export {};
