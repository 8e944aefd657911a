import { type Scenario } from '../scenario';
import { cancelRacingCreate } from './cancel-racing-create';
import { consumerPaused } from './consumer-paused';
import { duplicateEvents } from './duplicate-events';
import { hostileHttp } from './hostile-http';
import { kafkaOutage } from './kafka-outage';
import { killEachService } from './kill-each-service';
import { oversell } from './oversell';
import { partitionLeaderKilled } from './partition-leader-killed';
import { poisonEveryTopic } from './poison-every-topic';
import { postgresRestart } from './postgres-restart';
import { replayFromZero } from './replay-from-zero';
import { restoreDrill } from './restore-drill';
import { secondInstanceTakeover } from './second-instance-takeover';

/** Every scenario, in the order they run. A new one is a file beside these and one line here. */
export const SCENARIOS: readonly Scenario[] = [
  oversell,
  cancelRacingCreate,
  duplicateEvents,
  poisonEveryTopic,
  killEachService,
  secondInstanceTakeover,
  consumerPaused,
  kafkaOutage,
  partitionLeaderKilled,
  postgresRestart,
  restoreDrill,
  replayFromZero,
  hostileHttp,
];
