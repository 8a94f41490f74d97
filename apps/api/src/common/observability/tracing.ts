import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { NodeSDK } from '@opentelemetry/sdk-node';

/**
 * OpenTelemetry traces, off unless OTEL_TRACES_EXPORTER names an exporter (`otlp`, `console`): then
 * the SDK reads the standard OTEL_* variables itself (OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_SERVICE_NAME,
 * sampling). HTTP in and out is traced; a request's X-Request-Id stays the key of its log lines.
 * Reads process.env itself, as it must start before anything it instruments is loaded.
 */
export function startTracing(env: Readonly<Record<string, string | undefined>>, serviceName: string): NodeSDK | undefined {
  const exporter = env['OTEL_TRACES_EXPORTER'];
  if (exporter === undefined || exporter === '' || exporter === 'none') return undefined;
  const sdk = new NodeSDK({ serviceName: env['OTEL_SERVICE_NAME'] ?? serviceName, instrumentations: [new HttpInstrumentation()] });
  sdk.start();
  return sdk;
}
