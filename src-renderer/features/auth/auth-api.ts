// The client side of the auth routes: turns every outcome (network failure, 4xx, garbage) into a
// Result with a code the login screen can explain.
import {
  API_PREFIX,
  ApiErrorBodySchema,
  AuthErrorCode,
  LoginResponseSchema,
  MeResponseSchema,
  type LoginResponse,
  type SessionUser,
} from '../../../src-shared/api/auth';
import { err, ok, type AppError, type Result } from '../../../src-shared/result';

export const ClientErrorCode = {
  unreachable: 'client/unreachable',
  unexpectedResponse: 'client/unexpected-response',
} as const;

type Fetch = typeof fetch;

async function postJson(
  fetchFn: Fetch,
  url: string,
  body: unknown,
  token?: string,
): Promise<Result<unknown>> {
  let response: Response;
  try {
    response = await fetchFn(url, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (cause) {
    return err({
      code: ClientErrorCode.unreachable,
      message: cause instanceof Error ? cause.message : String(cause),
    });
  }
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    return err({
      code: ClientErrorCode.unexpectedResponse,
      message: `HTTP ${String(response.status)} without JSON`,
    });
  }
  if (!response.ok) {
    const parsed = ApiErrorBodySchema.safeParse(json);
    return err(
      parsed.success
        ? parsed.data.error
        : { code: ClientErrorCode.unexpectedResponse, message: `HTTP ${String(response.status)}` },
    );
  }
  return ok(json);
}

function parseWith<T>(
  result: Result<unknown>,
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: Error } },
): Result<T> {
  if (!result.ok) return result;
  const parsed = schema.safeParse(result.value);
  return parsed.success
    ? ok(parsed.data)
    : err({ code: ClientErrorCode.unexpectedResponse, message: parsed.error.message });
}

export async function login(
  fetchFn: Fetch,
  serverUrl: string,
  username: string,
  password: string,
): Promise<Result<LoginResponse>> {
  return parseWith(
    await postJson(fetchFn, `${serverUrl}${API_PREFIX}/auth/login`, { username, password }),
    LoginResponseSchema,
  );
}

export async function fetchMe(
  fetchFn: Fetch,
  serverUrl: string,
  token: string,
): Promise<Result<SessionUser>> {
  const result = parseWith(
    await postJson(fetchFn, `${serverUrl}${API_PREFIX}/me`, undefined, token),
    MeResponseSchema,
  );
  return result.ok ? ok(result.value.user) : result;
}

export async function logout(
  fetchFn: Fetch,
  serverUrl: string,
  token: string,
): Promise<Result<unknown>> {
  return postJson(fetchFn, `${serverUrl}${API_PREFIX}/auth/logout`, {}, token);
}

/** Which catalogue message explains a failed sign-in. */
export function loginErrorKey(error: AppError) {
  switch (error.code) {
    case ClientErrorCode.unreachable:
      return 'login.error.unreachable' as const;
    case AuthErrorCode.invalidCredentials:
      return 'login.error.invalidCredentials' as const;
    case AuthErrorCode.rateLimited:
      return 'login.error.rateLimited' as const;
    default:
      return 'login.error.unexpected' as const;
  }
}
