import { redirect } from "next/navigation";
import { getConsoleContext } from "@/lib/auth/context";
import { getDb } from "@/lib/db/client";
import { hasWorkspace } from "@/lib/workspaces/create-workspace";

export const dynamic = "force-dynamic";

export default async function Home() {
  if (!(await hasWorkspace(getDb()))) redirect("/setup");
  redirect((await getConsoleContext()) ? "/console/users" : "/sign-in");
}
