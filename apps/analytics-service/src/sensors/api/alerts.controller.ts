import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type AlertView, SensorQueries } from '../application/ports/sensor-queries';
import { SensorAlertResponse } from './sensor-alert.response';

const ALERTS_LIMIT = 100;

@ApiTags('sensors')
@Controller('alerts')
export class AlertsController {
  constructor(private readonly queries: SensorQueries) {}

  @Get()
  @ApiOkResponse({
    type: [SensorAlertResponse],
    description: `Threshold and anomaly alerts of every sensor, newest first (at most ${ALERTS_LIMIT})`,
  })
  async list(): Promise<SensorAlertResponse[]> {
    return (await this.queries.recentAlerts(ALERTS_LIMIT)).map(toResponse);
  }
}

function toResponse(alert: AlertView): SensorAlertResponse {
  const common = {
    id: alert.id,
    sensorId: alert.sensorId,
    kind: alert.kind,
    raisedAt: alert.raisedAt.toISOString(),
  };
  switch (alert.kind) {
    case 'threshold':
      return {
        ...common,
        windowStart: alert.windowStart.toISOString(),
        windowEnd: alert.windowEnd.toISOString(),
        average: alert.average,
        threshold: alert.threshold,
      };
    case 'anomaly':
      return {
        ...common,
        fault: alert.fault,
        readingAt: alert.readingAt.toISOString(),
        temperature: alert.temperature,
        expected: alert.expected,
        score: alert.score,
      };
  }
}
