/** The roles whose names the interface says in the user's language (folders.* keys). */
export const FOLDER_ROLES = ['inbox', 'sent', 'drafts', 'trash', 'junk', 'archive'] as const;
export type FolderRole = (typeof FOLDER_ROLES)[number];

/**
 * A folder with a role shows the role's name in the user's language (QQ's "Sent Messages"
 * and 163's 已发送 both read Sent / 已发送); any other folder keeps the name it has at the
 * provider.
 */
export function folderLabel(
  folder: { role: string | null; name: string },
  roleName: (role: FolderRole) => string,
): string {
  const role = FOLDER_ROLES.find((candidate) => candidate === folder.role);
  return role ? roleName(role) : folder.name;
}
