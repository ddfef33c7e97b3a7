import type { Role } from "@/lib/contract/auth";

export const ROLE_LABEL: Record<Role, string> = { viewer: "Viewer", triager: "Triager", admin: "Admin" };

export const ROLE_HINT: Record<Role, string> = {
  viewer: "Reads everything, changes nothing",
  triager: "Also changes status and notes, maps markets and edits mappings",
  admin: "Also starts scrapes and manages people and tokens",
};
