// `GET /api/v1/health`: whether the server is up, its version and its database kind. Public, so a
// load balancer or the login screen can call it without signing in.
import type { FastifyInstance } from 'fastify';
import { healthBody, type HealthBody } from '../health';
import type { ServerDeps } from '../server';

export function registerHealthRoutes(app: FastifyInstance, deps: ServerDeps): void {
  app.get('/health', (): HealthBody => healthBody(deps.version, deps.db.kind));
}
