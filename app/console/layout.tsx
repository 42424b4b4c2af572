import { AccountMenu } from "@/components/account-menu";
import Link from "next/link";
import { ConsoleNav } from "@/components/console-nav";
import { MobileNav } from "@/components/mobile-nav";
import { Toaster } from "@/components/toaster";
import { requireConsolePage } from "@/lib/auth/context";
import { signOutAction } from "./actions";

export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const ctx = await requireConsolePage("page /console");
  const name = ctx.user.displayName || ctx.user.alias;
  return (
    <div className="flex min-h-screen">
      <aside className="sticky top-0 hidden h-screen w-56 shrink-0 flex-col bg-ink md:flex">
        <Link href="/console/users" className="flex items-center gap-2 px-6 py-5 text-white">
          <svg aria-hidden="true" viewBox="0 0 24 24" className="h-6 w-6 text-brand-100" fill="currentColor">
            <path d="M12 2 4 5v6c0 5 3.4 9.7 8 11 4.6-1.3 8-6 8-11V5l-8-3Z" />
          </svg>
          <span className="text-lg font-semibold tracking-tight">Roster</span>
        </Link>
        <ConsoleNav />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex h-14 items-center justify-between gap-2 border-b border-slate-200 bg-white px-3 md:px-6">
          <div className="flex min-w-0 items-center gap-2">
            <MobileNav />
            <p className="truncate text-sm font-medium text-slate-700" data-testid="workspace-name">
              {ctx.workspace.name}
            </p>
          </div>
          <AccountMenu
            summary={
              <>
                <span aria-hidden="true" className="flex h-7 w-7 items-center justify-center rounded-full bg-brand-100 text-xs font-semibold text-brand-700">
                  {name.slice(0, 1).toUpperCase()}
                </span>
                <span>Account</span>
              </>
            }
          >
            <p className="text-sm font-medium text-slate-900">{name}</p>
            <p className="truncate text-xs text-slate-500">{ctx.user.email}</p>
            <p className="mt-1 text-xs text-slate-500">{ctx.roleName}</p>
            <form action={signOutAction} className="mt-3 border-t border-slate-100 pt-3">
              <button type="submit" className="w-full rounded-md px-2 py-1.5 text-left text-sm text-slate-700 hover:bg-slate-100">
                Sign out
              </button>
            </form>
          </AccountMenu>
        </header>
        <main className="min-w-0 flex-1 p-4 md:p-6">{children}</main>
        <Toaster />
      </div>
    </div>
  );
}
