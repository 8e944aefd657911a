import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { SensorQueries } from '../application/queries/sensor-queries';
import { SensorAlertResponse } from './sensor-responses';

const ALERTS_LIMIT = 100;

@ApiTags('sensors')
@Controller('alerts')
export class AlertsController {
  constructor(private readonly queries: SensorQueries) {}

  @Get()
  @ApiOkResponse({
    type: [SensorAlertResponse],
    description: `Temperature alerts of every sensor, newest first (at most ${ALERTS_LIMIT})`,
  })
  async list(): Promise<SensorAlertResponse[]> {
    const alerts = await this.queries.recentAlerts(ALERTS_LIMIT);
    return alerts.map((alert) => ({
      id: alert.id,
      sensorId: alert.sensorId,
      windowStart: alert.windowStart.toISOString(),
      windowEnd: alert.windowEnd.toISOString(),
      average: alert.average,
      threshold: alert.threshold,
      raisedAt: alert.raisedAt.toISOString(),
    }));
  }
}
