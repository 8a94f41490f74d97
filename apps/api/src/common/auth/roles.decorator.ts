import { SetMetadata } from '@nestjs/common';
import { TRole } from './role';

export const ROLES_KEY = 'budgetflow:roles';
export const PUBLIC_KEY = 'budgetflow:public';

/**
 * Who may call this route. Every controller method carries @Roles(...) or @Public()
 * (a test fails otherwise, and the AuthGuard refuses an undecorated route).
 * `@Roles(...ALL_ROLES)` = any signed-in user.
 */
export const Roles = (...roles: TRole[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, roles);

/** Anyone, signed in or not (health, login, the public disclosures). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_KEY, true);
