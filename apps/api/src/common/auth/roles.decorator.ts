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

export const DURING_ENROLMENT_KEY = 'budgetflow:during-enrolment';

/**
 * Routes a user who must still enrol two-factor sign-in may call (production: reviewers, publishers
 * and administrators without TOTP): their own session, password and enrolment. Every other route
 * answers TOTP_ENROLMENT_REQUIRED to them.
 */
export const DuringEnrolment = (): MethodDecorator => SetMetadata(DURING_ENROLMENT_KEY, true);
