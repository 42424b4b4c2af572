import { redirect } from "next/navigation";
import { getConsoleContext } from "@/lib/auth/context";
import { anyWorkspaceExists } from "@/lib/workspaces/first-visit";

export const dynamic = "force-dynamic";

export default async function Home() {
  if (!(await anyWorkspaceExists())) redirect("/setup");
  redirect((await getConsoleContext()) ? "/console/users" : "/sign-in");
}
