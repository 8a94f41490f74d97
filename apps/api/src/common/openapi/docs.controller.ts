import { Controller, Get, Header, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '../auth/roles.decorator';
import { openApiDocument } from './openapi.registry';

/** Swagger UI at /api/docs, reading /api/docs/openapi.json; its assets are served from swagger-ui-dist (see app.factory.ts). */
@Controller('api/docs')
export class DocsController {
  @Get('openapi.json')
  @Public()
  document(): unknown {
    return openApiDocument();
  }

  @Get()
  @Public()
  @Header('Content-Type', 'text/html; charset=utf-8')
  page(@Res() res: Response): void {
    res.send(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Budgetflow API</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/assets/docs-init.js"></script>
</body></html>`);
  }

  /** Separate file rather than inline script so a strict Content-Security-Policy can forbid inline code. */
  @Get('assets/docs-init.js')
  @Public()
  @Header('Content-Type', 'text/javascript; charset=utf-8')
  init(): string {
    return `window.ui = SwaggerUIBundle({ url: '/api/docs/openapi.json', dom_id: '#swagger-ui' });`;
  }
}
