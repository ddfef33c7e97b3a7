// In place of a form the signed-in role may not use: says why, instead of a form the server would
// refuse (403).
import { ROLE_LABEL } from "./role-label";
import type { Role } from "@/lib/contract/auth";

export function NotAllowed({ doing, needs }: { doing: string; needs: Role }) {
  return (
    <div className="banner banner-info" role="note">
      <span>
        <strong>Read only.</strong> Your role can read this but not {doing}; that takes {ROLE_LABEL[needs].toLowerCase()} or above. Ask an
        admin to change your role.
      </span>
    </div>
  );
}
