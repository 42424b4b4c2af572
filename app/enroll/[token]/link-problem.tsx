const problems = {
  unknown: {
    title: "This link does not work",
    body: "We could not find this enrollment link. It may have been copied only in part, or it belongs to an older message.",
  },
  expired: {
    title: "This link has expired",
    body: "Enrollment links work for a limited time, and this one has run out.",
  },
  revoked: {
    title: "This link is no longer valid",
    body: "Your administrator has withdrawn this enrollment link, for example after sending you a newer one.",
  },
} as const;

/** What a visitor sees for an unknown, expired or revoked link: what happened and what to do. */
export function LinkProblem({ status }: { status: keyof typeof problems }) {
  const problem = problems[status];
  return (
    <section aria-labelledby="problem-title">
      <h1 id="problem-title" className="text-xl font-semibold text-ink">{problem.title}</h1>
      <p className="mt-3 text-sm text-slate-700">{problem.body}</p>
      <p className="mt-3 text-sm text-slate-700">
        <strong>What to do:</strong> check whether you have a newer email with instructions and use its link, or ask your
        administrator to send you a new message.
      </p>
    </section>
  );
}
