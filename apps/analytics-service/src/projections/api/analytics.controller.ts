import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { GetSummaryHandler } from '../application/get-summary/get-summary.handler';
import { SummaryResponse } from './summary.response';

@ApiTags('analytics')
@Controller('analytics')
export class AnalyticsController {
  constructor(private readonly getSummary: GetSummaryHandler) {}

  @Get('summary')
  @ApiOkResponse({ type: SummaryResponse })
  async summary(): Promise<SummaryResponse> {
    const summary = await this.getSummary.execute();
    return {
      ...summary,
      orders: { ...summary.orders },
      topProducts: summary.topProducts.map((product) => ({ ...product })),
    };
  }
}
