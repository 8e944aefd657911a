import { type Scenario } from '../scenario';
import { cancelRacingCreate } from './cancel-racing-create';
import { consumerPaused } from './consumer-paused';
import { duplicateEvents } from './duplicate-events';
import { hostileHttp } from './hostile-http';
import { kafkaOutage } from './kafka-outage';
import { killEachService } from './kill-each-service';
import { oversell } from './oversell';
import { poisonEveryTopic } from './poison-every-topic';
import { postgresRestart } from './postgres-restart';
import { replayFromZero } from './replay-from-zero';
import { restoreDrill } from './restore-drill';
import { secondInstanceTakeover } from './second-instance-takeover';

/**
 * Every scenario, in the order they run. A new one is a file beside these and one line here
 * (coming: kill -9 of the partition leader with --brokers 3).
 */
export const SCENARIOS: readonly Scenario[] = [
  oversell,
  cancelRacingCreate,
  duplicateEvents,
  poisonEveryTopic,
  killEachService,
  secondInstanceTakeover,
  consumerPaused,
  kafkaOutage,
  postgresRestart,
  restoreDrill,
  replayFromZero,
  hostileHttp,
];
