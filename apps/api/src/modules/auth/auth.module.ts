import { Global, Module } from '@nestjs/common';
import { BureauModule } from '../bureau/bureau.module';
import { AccountService } from './account.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginFailuresRepository } from './login-failures.repository';
import { LoginThrottleRepository } from './login-throttle.repository';
import { SessionService } from './session.service';

/** Global so that the AuthGuard (an APP_GUARD) can reach SessionService from any module. */
@Global()
@Module({
  imports: [BureauModule],
  controllers: [AuthController],
  providers: [AuthService, AccountService, SessionService, LoginThrottleRepository, LoginFailuresRepository],
  exports: [SessionService],
})
export class AuthModule {}
