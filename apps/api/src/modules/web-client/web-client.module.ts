import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { PublicModule } from '../public/public.module';
import { ReadableDisclosures } from '../public/readable-disclosures.service';
import { WEB_DIST, webClientMiddleware } from './web-client.middleware';

/** The browser client (apps/web) on the same port as the API: one origin, so cookies and CSRF stay simple. */
@Module({ imports: [PublicModule] })
export class WebClientModule implements NestModule {
  constructor(private readonly readable: ReadableDisclosures) {}

  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(webClientMiddleware(WEB_DIST, this.readable))
      .forRoutes(
        { path: '{*path}', method: RequestMethod.GET },
        { path: '{*path}', method: RequestMethod.HEAD },
      );
  }
}
