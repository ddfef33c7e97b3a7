import { route } from "@/server/http/route";

export const dynamic = "force-dynamic";

/** Who the caller is: the signed-in person or the token; 401 without credentials. */
export const GET = route({ access: "viewer" }, ({ principal }) => principal);
