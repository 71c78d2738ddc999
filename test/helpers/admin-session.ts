// A signed-in session for the admin integration tests, through the real sign-in form.
import type { App } from '../../src/app.ts';
import type { Db } from '../../src/platform/db.ts';
import { makeUser, signedIn } from './users.ts';

/** A new account of `role`, signed in: a cookie-keeping agent and a CSRF token for its session. */
export async function signIn(app: App, db: Db, role: 'admin' | 'editor' = 'editor') {
  const user = await makeUser(db, { role, name: `Test ${role}` });
  const { agent, token } = await signedIn(app, user);
  return { agent, token, user };
}
