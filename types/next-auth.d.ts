import "next-auth";
import "@auth/core/jwt";

declare module "next-auth" {
  interface User {
    sid?: string;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    sid?: string;
  }
}
