import { LinkProblem } from "./link-problem";

/** An enrollment link nobody issued (or copied only in part): HTTP 404, with what to do. */
export default function UnknownLink() {
  return <LinkProblem status="unknown" />;
}
