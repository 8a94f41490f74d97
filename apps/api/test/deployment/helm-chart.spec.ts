import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as apps from 'kubernetes-models/apps/v1';
import * as autoscaling from 'kubernetes-models/autoscaling/v2';
import * as batch from 'kubernetes-models/batch/v1';
import * as core from 'kubernetes-models/v1';
import * as policy from 'kubernetes-models/policy/v1';
import { parse, parseAllDocuments } from 'yaml';
import { renderChart } from './chart-renderer';

const REPO = join(__dirname, '../../../..');
const CHART = join(REPO, 'infra/helm/budgetflow');

/** The Kubernetes models (generated from the API's OpenAPI schemas) of every kind the chart makes. */
const MODELS: Record<string, Record<string, new (data: object) => { validate(): void }>> = {
  'apps/v1': apps as never,
  'autoscaling/v2': autoscaling as never,
  'batch/v1': batch as never,
  v1: core as never,
  'policy/v1': policy as never,
};

interface TObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; annotations?: Record<string, string> };
  spec?: Record<string, unknown>;
}

type TContainer = {
  name: string;
  command: string[];
  ports?: { name: string; containerPort: number }[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  readinessProbe?: { httpGet: { path: string; port: string } };
  livenessProbe?: { httpGet: { path: string; port: string } };
  securityContext: { allowPrivilegeEscalation: boolean; readOnlyRootFilesystem: boolean };
};

function rendered(overrides?: (values: Record<string, unknown>) => void): TObject[] {
  const objects: TObject[] = [];
  for (const [file, text] of renderChart(CHART, overrides)) {
    for (const doc of parseAllDocuments(text)) {
      if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors.map((e) => e.message).join('; ')}`);
      const object = doc.toJS() as TObject | null;
      if (object !== null) objects.push(object);
    }
  }
  return objects;
}

function only(objects: TObject[], kind: string, name: string): TObject {
  const found = objects.filter((o) => o.kind === kind && o.metadata.name === name);
  if (found.length !== 1) throw new Error(`${found.length} ${kind} named ${name}`);
  return found[0] as TObject;
}

function podSpec(workload: TObject): { containers: TContainer[]; securityContext: { runAsNonRoot: boolean } } {
  return (workload.spec as { template: { spec: never } }).template.spec;
}

describe('the Helm chart (infra/helm/budgetflow), rendered by the test renderer and checked against the Kubernetes schemas', () => {
  const objects = rendered();

  it('renders only objects the Kubernetes schemas accept', () => {
    expect(objects.map((o) => `${o.kind}/${o.metadata.name}`).sort()).toEqual(
      ['ConfigMap/bf-budgetflow', 'Deployment/bf-budgetflow-api', 'Deployment/bf-budgetflow-worker', 'HorizontalPodAutoscaler/bf-budgetflow-api', 'HorizontalPodAutoscaler/bf-budgetflow-worker', 'Job/bf-budgetflow-migrate', 'PodDisruptionBudget/bf-budgetflow-api', 'PodDisruptionBudget/bf-budgetflow-worker', 'Secret/bf-budgetflow', 'Service/bf-budgetflow-api'],
    );
    for (const object of objects) {
      const Model = MODELS[object.apiVersion]?.[object.kind];
      if (Model === undefined) throw new Error(`no model for ${object.apiVersion} ${object.kind}`);
      expect(() => new Model(object).validate()).not.toThrow();
    }
  });

  it('a schema check that would catch a wrong manifest (a probe without its port)', () => {
    const api = structuredClone(only(objects, 'Deployment', 'bf-budgetflow-api'));
    (podSpec(api).containers[0] as unknown as { readinessProbe: object }).readinessProbe = { httpGet: { path: '/api/health' } };
    expect(() => new apps.Deployment(api as never).validate()).toThrow();
  });

  it.each(['api', 'worker'])('the %s Deployment: probes on /api/health of its http port, config from the Secret, not root, its pods selected by its HPA and PDB', (component) => {
    const name = `bf-budgetflow-${component}`;
    const deployment = only(objects, 'Deployment', name);
    const pod = podSpec(deployment);
    const [container] = pod.containers as [TContainer];
    expect(container.command).toEqual(['node', `apps/api/dist/${component === 'api' ? 'main' : 'worker'}.js`]);
    expect(container.ports).toEqual([{ name: 'http', containerPort: 3000 }]);
    expect(container.readinessProbe?.httpGet).toEqual({ path: '/api/health', port: 'http' });
    expect(container.livenessProbe?.httpGet).toEqual({ path: '/api/health', port: 'http' });
    expect(container.envFrom).toEqual([{ configMapRef: { name: 'bf-budgetflow' } }, { secretRef: { name: 'bf-budgetflow' } }]);
    expect(pod.securityContext.runAsNonRoot).toBe(true);
    expect(container.securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true });
    const podLabels = (deployment.spec as { template: { metadata: { labels: Record<string, string> } } }).template.metadata.labels;
    const selected = (selector: Record<string, string>): boolean => Object.entries(selector).every(([k, v]) => podLabels[k] === v);
    expect(selected((deployment.spec as { selector: { matchLabels: Record<string, string> } }).selector.matchLabels)).toBe(true);
    expect(selected((only(objects, 'PodDisruptionBudget', name).spec as { selector: { matchLabels: Record<string, string> } }).selector.matchLabels)).toBe(true);
    const hpa = only(objects, 'HorizontalPodAutoscaler', name).spec as { scaleTargetRef: { kind: string; name: string }; metrics: { resource: { name: string } }[] };
    expect(hpa.scaleTargetRef).toMatchObject({ kind: 'Deployment', name });
    expect(hpa.metrics.map((m) => m.resource.name)).toEqual(['cpu']);
  });

  it('migrates in a hook Job before install and upgrade, after the Secret and ConfigMap it reads are made', () => {
    const job = only(objects, 'Job', 'bf-budgetflow-migrate');
    expect(job.metadata.annotations).toMatchObject({ 'helm.sh/hook': 'pre-install,pre-upgrade', 'helm.sh/hook-weight': '0' });
    for (const kind of ['Secret', 'ConfigMap']) {
      const weight = Number(only(objects, kind, 'bf-budgetflow').metadata.annotations?.['helm.sh/hook-weight']);
      expect(weight).toBeLessThan(0);
    }
    expect(podSpec(job).containers[0]?.command).toEqual(['node', 'apps/api/dist/database/migrate.command.js']);
  });

  it('the workers run the jobs, the APIs only serve', () => {
    const config = only(objects, 'ConfigMap', 'bf-budgetflow') as unknown as { data: Record<string, string> };
    expect(config.data).toMatchObject({ JOBS_DRIVER: 'redis', API_RUNS_JOBS: 'false', BUDGETFLOW_MODE: 'production' });
  });

  it("with an operator's existing Secret, makes none and reads that one", () => {
    const withExisting = rendered((values) => {
      values['secret'] = { create: false, existingSecret: 'budgetflow-prod' };
    });
    expect(withExisting.filter((o) => o.kind === 'Secret')).toEqual([]);
    const [container] = podSpec(only(withExisting, 'Deployment', 'bf-budgetflow-api')).containers;
    expect(container?.envFrom?.[1]).toEqual({ secretRef: { name: 'budgetflow-prod' } });
  });
});

describe('the image and the compose app profile', () => {
  it('Dockerfile: two stages, the last one as the unprivileged node user, with poppler-utils', () => {
    const dockerfile = readFileSync(join(REPO, 'Dockerfile'), 'utf8');
    const stages = dockerfile.split(/^FROM /m).slice(1);
    expect(stages).toHaveLength(2);
    const last = stages[1] ?? '';
    expect(last).toMatch(/^USER node$/m);
    expect(last).toMatch(/apt-get install [^\n]*poppler-utils/);
    expect(last).toMatch(/^COPY --from=build .*apps\/api\/node_modules/m);
  });

  it('docker-compose.yml: the app profile is 2 APIs and 2 workers behind nginx, whose upstream lists both APIs', () => {
    const compose = parse(readFileSync(join(REPO, 'docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, { profiles?: string[]; command?: string[]; volumes?: string[]; environment?: Record<string, string> }> };
    const app = Object.entries(compose.services).filter(([, s]) => s.profiles?.includes('app')).map(([name]) => name);
    expect(app.sort()).toEqual(['api1', 'api2', 'nginx', 'worker1', 'worker2']);
    expect(compose.services['worker2']?.command).toEqual(['node', 'apps/api/dist/worker.js']);
    expect(compose.services['api2']?.environment).toMatchObject({ JOBS_DRIVER: 'redis', API_RUNS_JOBS: 'false' });
    const mount = compose.services['nginx']?.volumes?.[0]?.split(':')[0] ?? '';
    const nginx = readFileSync(join(REPO, mount), 'utf8');
    expect([...nginx.matchAll(/^\s*server (api\d):3000/gm)].map((m) => m[1])).toEqual(['api1', 'api2']);
  });
});
