import { signOutAction } from "@/app/console/actions";

/** The one other way out of a forced step: signing out. */
export function SignOutLink({ email }: { email: string }) {
  return (
    <form action={signOutAction} className="mt-6 border-t border-slate-100 pt-4 text-sm text-slate-600">
      Signed in as {email}.{" "}
      <button type="submit" className="text-brand-700 hover:underline">
        Sign out
      </button>
    </form>
  );
}
