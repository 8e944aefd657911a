import { Module } from '@nestjs/common';
import { ProjectionsModule } from '../projections';
import { DashboardController } from './api/dashboard.controller';
import { DashboardReader } from './application/ports/dashboard-reader';
import { GetDashboardHandler } from './application/get-dashboard/get-dashboard.handler';
import { PrismaDashboardReader } from './infrastructure/prisma-dashboard-reader';

/** GET /dashboard: a server-rendered page over the projections and the sensor stream. */
@Module({
  imports: [ProjectionsModule],
  controllers: [DashboardController],
  providers: [GetDashboardHandler, { provide: DashboardReader, useClass: PrismaDashboardReader }],
})
export class DashboardModule {}
