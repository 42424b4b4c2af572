import Link from "next/link";
import { buttonClasses } from "@/components/button";

/** A console page or record that does not exist (or belongs to another workspace): inside the console, with a way on. */
export default function ConsoleNotFound() {
  return (
    <div className="max-w-xl rounded-lg border border-slate-200 bg-white p-6">
      <h1 className="text-2xl font-semibold tracking-tight text-ink">This page could not be found</h1>
      <p className="mt-2 text-sm text-slate-600">
        The address may be mistyped, or what it pointed to (a user, an import, a message) was deleted or belongs to another workspace.
      </p>
      <div className="mt-4 flex gap-2">
        <Link href="/console/users" className={buttonClasses()}>Go to users</Link>
      </div>
    </div>
  );
}
