import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBody,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { CorrelationId } from '@kafka-commerce/platform';
import { IngestReadingsHandler } from '../application/ingest-readings/ingest-readings.handler';
import { SensorQueries } from '../application/ports/sensor-queries';
import { AcceptedReadingsResponse } from './accepted-readings.response';
import {
  MAX_READINGS_PER_REQUEST,
  SensorReadingRequest,
  SensorReadingsRequest,
} from './record-readings.request';
import { SensorWindowResponse } from './sensor-window.response';

const WINDOWS_LIMIT = 100;

@ApiTags('sensors')
@Controller('sensors')
export class SensorsController {
  constructor(
    private readonly ingestReadings: IngestReadingsHandler,
    private readonly queries: SensorQueries,
  ) {}

  @Post('readings')
  @HttpCode(202)
  @ApiBody({
    type: [SensorReadingRequest],
    description: `1 to ${MAX_READINGS_PER_REQUEST} readings`,
  })
  @ApiAcceptedResponse({ type: AcceptedReadingsResponse })
  @ApiBadRequestResponse({ description: 'Not an array of 1 to 5000 valid readings' })
  async record(
    @Body() readings: SensorReadingsRequest,
    @CorrelationId() correlationId: string,
  ): Promise<AcceptedReadingsResponse> {
    const accepted = await this.ingestReadings.execute({ readings, correlationId });
    return { accepted };
  }

  @Get(':sensorId/windows')
  @ApiOkResponse({
    type: [SensorWindowResponse],
    description: `The sensor's closed windows, newest first (at most ${WINDOWS_LIMIT})`,
  })
  async windows(@Param('sensorId') sensorId: string): Promise<SensorWindowResponse[]> {
    const windows = await this.queries.windowsOf(sensorId, WINDOWS_LIMIT);
    return windows.map((window) => ({
      windowStart: window.windowStart.toISOString(),
      windowEnd: window.windowEnd.toISOString(),
      count: window.count,
      avg: window.avg,
      min: window.min,
      max: window.max,
    }));
  }
}
