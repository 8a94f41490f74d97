import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { webClientMiddleware } from './web-client.middleware';

/** The browser client (apps/web) on the same port as the API: one origin, so cookies and CSRF stay simple. */
@Module({})
export class WebClientModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(webClientMiddleware())
      .forRoutes(
        { path: '{*path}', method: RequestMethod.GET },
        { path: '{*path}', method: RequestMethod.HEAD },
      );
  }
}
