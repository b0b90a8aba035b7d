import "server-only";

/**
 * The person a request acts for. Until accounts exist every request acts
 * for one local owner, so the whole product already scopes by owner and
 * accounts only change where this id comes from.
 */
export const LOCAL_USER_ID = "local";

export async function currentUserId(): Promise<string> {
  return LOCAL_USER_ID;
}
