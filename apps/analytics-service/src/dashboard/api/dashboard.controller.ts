import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { GetDashboardHandler } from '../application/get-dashboard/get-dashboard.handler';
import { renderDashboard } from './page/dashboard-page';

/**
 * GET /dashboard, open like GET /analytics/summary and GET /alerts, whose figures it shows:
 * a token in the page's URL would land in the access log and the browser's history.
 */
@ApiTags('analytics')
@Controller('dashboard')
export class DashboardController {
  constructor(private readonly getDashboard: GetDashboardHandler) {}

  @Get()
  @ApiOperation({
    summary: 'A live HTML dashboard (refreshes itself every 5 s)',
    description:
      'Orders per minute by status over the last 60 minutes, revenue, payment success rate, ' +
      'top products, the latest windows of the most recently active sensors with their ' +
      'threshold and alerts, and the latest alerts. Server-rendered HTML with inline SVG; no script.',
  })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'The page', schema: { type: 'string' } })
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @Header('X-Content-Type-Options', 'nosniff')
  // No script, no external resource, no framing: escaping has a second line of defence.
  @Header(
    'Content-Security-Policy',
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'",
  )
  async page(): Promise<string> {
    return renderDashboard(await this.getDashboard.execute());
  }
}
