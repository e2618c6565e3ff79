import type { AdmissionState } from './admission.js';
import type { OperationMeasure } from './guardRails.js';
import type { CompiledDocuments } from '../store/reads/compiledDocuments.js';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Prometheus metrics of one app instance, in a registry of its own so test apps never share counters. */
export class Metrics {
  readonly registry = new Registry();

  readonly graphqlRequests = new Counter({
    name: 'graphql_requests_total',
    help: 'GraphQL requests received.',
    registers: [this.registry],
  });

  readonly graphqlErrors = new Counter({
    name: 'graphql_errors_total',
    help: 'GraphQL errors returned, by extensions.code.',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });

  readonly neo4jQueries = new Counter({
    name: 'neo4j_queries_total',
    help: 'Cypher statements sent to Neo4j, by query name.',
    labelNames: ['query'] as const,
    registers: [this.registry],
  });

  readonly neo4jQueryDuration = new Histogram({
    name: 'neo4j_query_duration_seconds',
    help: 'Time from sending a Cypher statement to having its records.',
    labelNames: ['query'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly operationShape = new Histogram({
    name: 'graphql_operation_shape',
    help: 'Depth, aliases and estimated cost of each operation the guard rails let through: the data to size their limits.',
    labelNames: ['measure'] as const,
    buckets: [1, 2, 4, 8, 16, 32, 100, 1_000, 10_000, 100_000],
    registers: [this.registry],
  });

  /** Open WebSockets and active subscriptions, counted by src/server/subscriptions.ts: what one replica holds. */
  readonly liveConnections = new Gauge({ name: 'graphql_ws_connections', help: 'Open graphql-ws sockets.', registers: [this.registry] });
  readonly liveSubscriptions = new Gauge({ name: 'graphql_subscriptions', help: 'Active subscriptions.', registers: [this.registry] });
  readonly anonymousSubscriptions = new Gauge({
    name: 'graphql_subscriptions_anonymous',
    help: 'Active subscriptions without an API key.',
    registers: [this.registry],
  });
  /** Subscription work per event (src/server/subscriptionFanOut.ts): executions, and the results fanned out from them. */
  readonly subscriptionExecutions = new Counter({
    name: 'graphql_subscription_executions_total',
    help: 'Executions of subscription documents, one per distinct subscription and event.',
    registers: [this.registry],
  });
  readonly subscriptionDeliveries = new Counter({
    name: 'graphql_subscription_deliveries_total',
    help: 'Subscription results handed to subscribers, by caller (anonymous or keyed).',
    labelNames: ['caller'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  readonly observeQuery = (queryName: string, durationSeconds: number): void => {
    this.neo4jQueries.inc({ query: queryName });
    this.neo4jQueryDuration.observe({ query: queryName }, durationSeconds);
  };

  /** GraphQL requests running and waiting for their turn (src/server/admission.ts), read at each scrape. */
  private compiledDocuments: CompiledDocuments | undefined;

  /** How often the compiled-documents cache built a plan, a statement or a measure: steady while documents repeat. */
  readonly compilations: Gauge<'kind'> = new Gauge({
    name: 'graphql_compilations',
    help: 'Plans, planned statements and guard-rail measures built since start (a document asked again builds none).',
    labelNames: ['kind'],
    registers: [this.registry],
    collect: () => {
      for (const [kind, count] of Object.entries(this.compiledDocuments?.built ?? {})) this.compilations.set({ kind }, count);
    },
  });

  watchCompiledDocuments(compiled: CompiledDocuments): void {
    this.compiledDocuments = compiled;
  }

  watchAdmission(state: AdmissionState): void {
    new Gauge({
      name: 'graphql_requests_running',
      help: 'GraphQL requests over HTTP running now.',
      registers: [this.registry],
      collect() {
        this.set(state.running());
      },
    });
    new Gauge({
      name: 'graphql_requests_waiting',
      help: 'GraphQL requests over HTTP waiting for their turn.',
      registers: [this.registry],
      collect() {
        this.set(state.waiting());
      },
    });
  }

  readonly observeOperation = (shape: OperationMeasure): void => {
    for (const [measure, value] of Object.entries(shape) as Array<[string, number]>) this.operationShape.observe({ measure }, value);
  };
}
