/** Only paths inside this app: a crafted ?redirect= must never send a user to another site after login. */
export function safeRedirect(target: unknown): string {
  if (
    typeof target !== 'string' ||
    !target.startsWith('/') ||
    target.startsWith('//') ||
    target.startsWith('/\\')
  ) {
    return '/';
  }
  return target;
}
