import { NodeSDK } from '@opentelemetry/sdk-node';
import { startTracing } from './tracing';

describe('startTracing', () => {
  it('is off unless OTEL_TRACES_EXPORTER names an exporter', () => {
    expect(startTracing({}, 'budgetflow-api')).toBeUndefined();
    expect(startTracing({ OTEL_TRACES_EXPORTER: '' }, 'budgetflow-api')).toBeUndefined();
    expect(startTracing({ OTEL_TRACES_EXPORTER: 'none' }, 'budgetflow-api')).toBeUndefined();
  });

  it('starts the SDK when an exporter is named, and shuts it down', async () => {
    const sdk = startTracing({ OTEL_TRACES_EXPORTER: 'console' }, 'budgetflow-api');
    expect(sdk).toBeInstanceOf(NodeSDK);
    await sdk?.shutdown();
  });
});
