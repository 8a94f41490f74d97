import { Controller, Get, Module, Type } from '@nestjs/common';
import { PATH_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import { ModulesContainer, NestFactory } from '@nestjs/core';
import request from 'supertest';
import { AppModule } from '../../src/app.module';
import { createDataSource } from '../../src/database/data-source';
import { PUBLIC_KEY, ROLES_KEY } from '../../src/common/auth/roles.decorator';
import { createTestApp, TTestApp } from '../utils/test-app';

let t: TTestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

interface TRoute {
  controller: string;
  method: string;
  roles: unknown;
  isPublic: unknown;
}

/** Every route handler of every controller registered in the running application. */
function routesOf(modules: ModulesContainer): TRoute[] {
  const routes: TRoute[] = [];
  for (const module of modules.values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type | null;
      if (controller === null) continue;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        if (Reflect.getMetadata(PATH_METADATA, handler) === undefined || Reflect.getMetadata(METHOD_METADATA, handler) === undefined) continue;
        routes.push({
          controller: controller.name,
          method: name,
          roles: Reflect.getMetadata(ROLES_KEY, handler) ?? Reflect.getMetadata(ROLES_KEY, controller),
          isPublic: Reflect.getMetadata(PUBLIC_KEY, handler) ?? Reflect.getMetadata(PUBLIC_KEY, controller),
        });
      }
    }
  }
  return routes;
}

describe('every route states who may call it', () => {
  it('each controller method carries @Roles(...) with at least one role, or @Public()', () => {
    const routes = routesOf(t.app.get(ModulesContainer));
    expect(routes.length).toBeGreaterThan(10);
    const undeclared = routes.filter((r) => r.isPublic !== true && !(Array.isArray(r.roles) && r.roles.length > 0)).map((r) => `${r.controller}.${r.method}`);
    expect(undeclared).toEqual([]);
  });

  it('the check would catch a method without a decorator, and the guard refuses such a route (fail closed)', async () => {
    @Controller('api/undeclared')
    class UndeclaredController {
      @Get()
      open(): string {
        return 'should never be served';
      }
    }
    const fake = new Map([['m', { controllers: new Map([['c', { metatype: UndeclaredController }]]) }]]) as unknown as ModulesContainer;
    expect(routesOf(fake).filter((r) => r.roles === undefined && r.isPublic === undefined)).toHaveLength(1);

    const dataSource = createDataSource(t.db.url, { poolSize: 2 });
    await dataSource.initialize();
    @Module({ imports: [AppModule.register(t.config, dataSource)], controllers: [UndeclaredController] })
    class WithUndeclaredRoute {}
    const app = await NestFactory.create(WithUndeclaredRoute, { logger: false });
    await app.init();
    try {
      const admin = await t.login('admin');
      const res = await request(app.getHttpServer()).get('/api/undeclared').set(admin.headers).expect(403);
      expect(res.body).toMatchObject({ code: 'FORBIDDEN', detail: 'This route declares no roles' });
      await request(app.getHttpServer()).get('/api/undeclared').expect(401);
    } finally {
      await app.close();
    }
  });

  it('the separated administrators (三员) reach only their own routes: the auditor the audit trail, the security administrator accounts, neither a budget', () => {
    const routes = routesOf(t.app.get(ModulesContainer));
    const reachable = (role: string) => routes.filter((r) => Array.isArray(r.roles) && (r.roles as string[]).includes(role)).map((r) => r.controller);
    expect(new Set(reachable('auditor'))).toEqual(new Set(['AuthController', 'AuditController']));
    expect(new Set(reachable('security_admin'))).toEqual(new Set(['AuthController', 'UsersController']));
    // The audit trail (search and chain check) is the 安全审计员's alone: not the 系统管理员's, whose
    // actions it records, nor the 安全保密管理员's, nor any budget role's.
    expect(routes.filter((r) => r.controller === 'AuditController').map((r) => [r.method, r.roles])).toEqual([
      ['search', ['auditor']],
      ['verify', ['auditor']],
    ]);
    // A budget's own trail is its people's; the 系统管理员 reads no audit entry there either.
    expect(routes.find((r) => r.controller === 'BudgetsController' && r.method === 'auditTrail')?.roles).toEqual(['preparer', 'publisher', 'reviewer', 'signer', 'department_reviewer']);
  });
});
