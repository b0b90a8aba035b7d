process.env.LOG_LEVEL ??= "silent";
// Tests create many activities quickly; the rate-limit test sets its own.
process.env.RATE_LIMIT_MAX ??= "100000";
